/**
 * `npm run generate:digests -- --papers N --out DIR [--seed S] [--per-digest M] [--duplicates F] [--force]`
 *
 * Writes realistic synthetic digests for scale tests: both layouts (about one
 * in four a bare listing), with and without front matter, metadata blocks with
 * author counts or organisations, dates over 2019-2026, abstracts built from the
 * taxonomy's own vocabulary with named methods, result numbers, URLs and LaTeX
 * noise, and a share of repeated listings (the same paper in another digest) so
 * the ingester's merge path runs too. Exactly N distinct papers; the same seed
 * gives byte-identical files.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { taxonomy } from '../../src/lib/taxonomy.ts';

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GENERAL =
  'model models method approach framework results performance efficient efficiency large language inference training accuracy memory compute cost latency throughput quality baseline baselines benchmark benchmarks task tasks data dataset datasets layer layers attention transformer token tokens sequence context long short deployment hardware GPU edge devices practical simple effective novel robust scalable adaptive dynamic static structured unstructured budget budgets trade-off tradeoff analysis empirical theoretical study experiments extensive state-of-the-art significant substantial minimal negligible degradation loss error fidelity calibration fine-tuning pretraining pre-trained open-source downstream generation reasoning vision multimodal speech video image images retrieval serving system systems kernel kernels parallel distributed communication bandwidth storage energy mobile real-time'.split(' ');
const FILLER = 'the of and to in for with on by from that this which while across under over into between both also further'.split(' ');
const MODELS = ['Llama-3-8B', 'Llama-2-70B', 'Qwen2.5-7B', 'Qwen3-14B', 'Mistral-7B', 'DeepSeek-R1-Distill-Qwen-7B', 'OPT-66B', 'ViT-B/16', 'Stable Diffusion 3', 'Whisper-large', 'Gemma-2-9B', 'Phi-3-mini'];
const METRICS = ['GSM8K', 'MMLU', 'AIME2024', 'MATH500', 'ImageNet', 'WikiText-2', 'LongBench', 'HumanEval', 'COCO', 'Kodak', 'C4', 'GPQA'];
const ORGS = [['nvidia', 'NVIDIA'], ['google', 'Google'], ['microsoft', 'Microsoft'], ['meta', 'Meta AI'], ['tencent', 'Tencent'], ['amazon', 'Amazon'], ['alibaba', 'Alibaba'], ['apple', 'Apple'], ['ibm', 'IBM Research'], ['huawei', 'Huawei'], ['samsung', 'Samsung'], ['intel', 'Intel'], ['qualcomm', 'Qualcomm AI'], ['bytedance', 'ByteDance'], ['baidu', 'Baidu'], ['deepmind', 'Google DeepMind'], ['mit', 'MIT'], ['stanford', 'Stanford'], ['eth', 'ETH Zurich'], ['tsinghua', 'Tsinghua University']];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SYLLABLES = ['quan', 'ti', 'press', 'zip', 'kv', 'spar', 'se', 'prune', 'lo', 'ra', 'dist', 'ill', 'flash', 'tok', 'merge', 'com', 'pact', 'slim', 'lite', 'nano', 'mix', 'bit', 'q', 'opt', 'sqz', 'rank', 'fold', 'hash', 'code', 'vec', 'ada', 'evo', 'gear', 'wave', 'mor', 'phi', 'xi', 'tri', 'duo', 'hyper'];

interface Term {
  id: string;
  words: string[];
}

const usable = (signals: string[]) => signals.filter((signal) => !signal.includes('*') && signal.length > 2);
const TECHNIQUES: Term[] = taxonomy.techniques.map((t) => ({ id: t.id, words: [t.label.toLowerCase(), ...t.synonyms, ...usable(t.signals)] }));
const TARGETS: Term[] = taxonomy.targets.map((t) => ({ id: t.id, words: [t.label.toLowerCase(), ...t.synonyms, ...usable(t.signals)] }));

export interface GeneratedDigest {
  name: string;
  text: string;
}

export interface GenerateOptions {
  papers: number;
  seed?: number;
  perDigest?: number;
  /** Share of extra listings that repeat an earlier paper in a later digest. */
  duplicates?: number;
}

interface Paper {
  title: string;
  abstract: string;
  authors: number | null;
  org: [string, string] | null;
  date: [number, number, number];
  upvotes: number;
}

/** Yields digests one at a time, so 100k papers never sit in memory as text. */
export function* generateDigests({ papers, seed = 1, perDigest = 250, duplicates = 0.05 }: GenerateOptions): Generator<GeneratedDigest> {
  const random = rng(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Zipf-like: a few words very common, a long tail rare, as in real abstracts.
  const zipf = <T,>(items: readonly T[]): T => items[Math.min(items.length - 1, Math.floor(items.length * random() ** 2.2))]!;
  const chance = (p: number) => random() < p;
  const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const titles = new Set<string>();
  const methods = new Set<string>();

  const methodName = (): string => {
    for (;;) {
      const parts = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES));
      let name = chance(0.5) ? parts.join('').toUpperCase() : parts.map(capital).join('');
      if (chance(0.15)) name += pick(['-2', '+', '-X', 'v2', '-Lite']);
      if (name.length >= 3 && !methods.has(name)) {
        methods.add(name);
        return name;
      }
    }
  };
  const phrase = (count: number) => Array.from({ length: count }, () => (chance(0.3) ? pick(FILLER) : zipf(GENERAL))).join(' ');
  const number = () => {
    const kinds = [
      () => `${(1.2 + random() * 6).toFixed(1)}x speedup`,
      () => `reduces memory by ${Math.round(20 + random() * 70)}\\%`,
      () => `+${(0.5 + random() * 9).toFixed(1)} points on ${pick(METRICS)}`,
      () => `${(1.5 + random() * 3).toFixed(1)} bits per weight`,
      () => `a ${(2 + random() * 40).toFixed(1)}$\\times$ compression ratio`,
      () => `${Math.round(30 + random() * 65)}% fewer tokens`,
      () => `${(0.1 + random() * 3).toFixed(2)} dB PSNR gain`,
      () => `${(2 + random() * 5).toFixed(1)}-${(6 + random() * 4).toFixed(1)}x higher throughput`,
    ];
    return pick(kinds)();
  };

  const makePaper = (): Paper => {
    const technique = pick(TECHNIQUES);
    const second = chance(0.45) ? pick(TECHNIQUES) : null;
    const target = pick(TARGETS);
    const named = chance(0.85);
    const method = named ? methodName() : null;
    let title = '';
    for (let attempt = 0; !title || titles.has(title); attempt++) {
      const topic = `${capital(pick(technique.words))} for ${capital(pick(target.words))}`;
      const twist = attempt > 0 ? ` ${capital(zipf(GENERAL))} ${capital(zipf(GENERAL))}` : '';
      title = method
        ? `${method}: ${capital(zipf(GENERAL))} ${topic}${chance(0.4) ? ` via ${capital(pick((second ?? technique).words))}` : ''}${twist}`
        : `${pick(['A Survey of', 'On the Limits of', 'Understanding', 'Benchmarking', 'Rethinking', 'An Empirical Study of'])} ${topic}${twist}`;
    }
    titles.add(title);
    const sentences = [
      `${capital(phrase(6))} ${pick(target.words)} ${phrase(8)}.`,
      `However, existing ${pick(technique.words)} methods ${phrase(10)}.`,
      method ? `In this paper, we propose ${method}, a ${zipf(GENERAL)} ${pick(technique.words)} ${phrase(6)} for ${pick(target.words)}.` : `In this work, we study ${pick(technique.words)} for ${pick(target.words)} ${phrase(8)}.`,
      `${capital(phrase(7))} ${second ? pick(second.words) : pick(technique.words)} ${phrase(9)}.`,
      `Experiments on ${pick(MODELS)} and ${pick(MODELS)} show that ${method ?? 'this approach'} achieves ${number()} and ${number()} ${phrase(5)}.`,
      `${capital(phrase(9))} ${pick(target.words)} ${phrase(6)}.`,
    ];
    if (chance(0.5)) sentences.push(`On ${pick(METRICS)}, it ${pick(['retains', 'matches', 'improves'])} accuracy with ${number()} ${phrase(4)}.`);
    if (chance(0.35)) sentences.push(`${capital(phrase(8))} ~${phrase(3)}.`);
    if (method && chance(0.4)) sentences.push(`Code is available at ${chance(0.8) ? 'https://' : ''}github.com/${pick(ORGS)[0]}-lab/${method.toLowerCase().replace(/[^a-z0-9]/g, '')}${chance(0.3) ? '.' : ''}`);
    if (chance(0.1)) sentences.push(`Models are released at https://huggingface.co/${pick(ORGS)[0]}/${(method ?? 'model').toLowerCase().replace(/[^a-z0-9]/g, '')}.`);
    const year = 2019 + Math.floor(random() * 8);
    return {
      title,
      abstract: sentences.join(' '),
      authors: chance(0.75) ? 1 + Math.floor(random() * 14) : null,
      org: chance(0.2) ? (pick(ORGS) as [string, string]) : null,
      date: [year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)],
      upvotes: Math.floor(random() ** 3 * 60),
    };
  };

  const digestCount = Math.max(1, Math.ceil(papers / perDigest));
  const made: Paper[] = [];
  let remaining = papers;
  for (let d = 0; d < digestCount; d++) {
    const fresh = Math.ceil(remaining / (digestCount - d));
    remaining -= fresh;
    const entries: { paper: Paper; repeat: boolean }[] = [];
    for (let i = 0; i < fresh; i++) {
      const paper = makePaper();
      entries.push({ paper, repeat: false });
      // Keep a bounded pool of earlier papers to repeat; 100k papers need not stay in memory.
      if (made.length < 5000) made.push(paper);
      else made[Math.floor(random() * made.length)] = paper;
    }
    if (d > 0) for (let i = 0; i < Math.round(fresh * duplicates); i++) entries.push({ paper: pick(made), repeat: true });
    const captureYear = 2026;
    const captureMonth = Math.floor(random() * 11);
    const bare = chance(0.25);
    const frontMatter = chance(0.3);
    const lines: string[] = [];
    if (frontMatter) lines.push('---', `captured: ${captureYear}-${String(captureMonth + 1).padStart(2, '0')}-15`, 'source: synthetic', '---');
    if (bare) {
      lines.push('Get trending papers in your email inbox once a day!', 'Get trending papers in your email inbox!');
      entries.forEach(({ paper }, i) => lines.push(i === 0 ? `Subscribe${paper.title}` : paper.title, paper.abstract));
    } else {
      lines.push('new', '', 'Get trending papers in your email inbox!', '', 'Subscribe', '', 'Daily Papers', '', 'byAK and the research community', '', `${MONTHS[captureMonth]} 15`, '');
      for (const { paper, repeat } of entries) {
        lines.push(paper.title, '', paper.abstract, '');
        if (repeat ? chance(0.5) : chance(0.1)) continue; // some listings show no metadata block
        lines.push(paper.org ? `${paper.org[0]} ${paper.org[1]}` : `  • ${paper.authors ?? 1 + (paper.title.length % 9)} authors`, '·');
        const [year, month, day] = paper.date;
        // Dates in the capture year omit the year, as the listings do; later dates cannot be listed yet.
        const when = year === captureYear && (month < captureMonth || (month === captureMonth && day <= 15)) ? `${MONTHS[month]} ${day}` : `${MONTHS[month]} ${day}, ${Math.min(year, captureYear - 1)}`;
        const upvotes = paper.upvotes + (repeat ? 1 + Math.floor(random() * 5) : 0);
        lines.push(upvotes > 0 ? `${when} ${upvotes}` : when, '');
      }
    }
    yield { name: `synthetic-${String(d).padStart(5, '0')}.txt`, text: `${lines.join('\n').trimEnd()}\n` };
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'per-digest': { type: 'string', default: '250' },
      duplicates: { type: 'string', default: '0.05' },
      force: { type: 'boolean', default: false },
    },
  });
  const papers = Number(values.papers);
  if (!values.out || !Number.isInteger(papers) || papers < 1) {
    console.error('usage: npm run generate:digests -- --papers N --out DIR [--seed S] [--per-digest M] [--duplicates F] [--force]');
    process.exit(2);
  }
  mkdirSync(values.out, { recursive: true });
  const existing = readdirSync(values.out).filter((name) => name.endsWith('.txt'));
  if (existing.length > 0) {
    if (!values.force) {
      console.error(`${values.out} already holds ${existing.length} digests; pass --force to replace them`);
      process.exit(1);
    }
    for (const name of existing) rmSync(path.join(values.out, name));
  }
  let digests = 0;
  let bytes = 0;
  for (const digest of generateDigests({ papers, seed: Number(values.seed), perDigest: Number(values['per-digest']), duplicates: Number(values.duplicates) })) {
    writeFileSync(path.join(values.out, digest.name), digest.text);
    digests++;
    bytes += Buffer.byteLength(digest.text);
  }
  console.log(`${digests} digests, ${papers} distinct papers, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${values.out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
