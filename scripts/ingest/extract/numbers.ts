/**
 * Finds quantitative results (`63%`, `3.7-4.3x`, `0.8 bits per parameter`,
 * `+6.1 on AIME2024`) in clean abstract sentences, with what each measures
 * and the dataset or metric the sentence ties it to.
 *
 * A number counts as a result when it carries a unit (or is a signed gain);
 * numbers inside names (`Qwen3-14B`, `Llama-3.2`, `H.264`) never match, since a
 * result must not be glued to a letter, hyphen or dot before it.
 */
import type { PaperNumber } from '../../../src/lib/schema.ts';
import { splitSentences } from './sentences.ts';

type NumberKind = PaperNumber['kind'];

const NUMBER = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const SIGN = String.raw`[+\-−±]?`;
/** Units, longest first; each is normalised by `normaliseUnit`. */
const UNIT = String.raw`%|\s?percent\b|\s?×|x(?![A-Za-z\d])|X(?=\s)|\s?(?:-?fold|times)\b|\s?-?(?:percentage points?|pp|points?)\b|\s?bits?(?:\s?(?:per|/)\s?(?:parameter|weight|param|value|pixel|byte|token|dimension|element))?\b|\s?(?:bpp|bpw|bpb|bpd|dB|GiB|GB|MB|TB|KB|Gb|Mb|Mbps|Gbps|kbps|FPS|ms)\b|\s?(?:[KMB]|thousand|million|billion)?\s?tokens\b`;
const RANGE = String.raw`(?:\s?(?:--|[-–—~])\s?|\s(?:to)\s)`;
/** `3.7-4.3x`, `11.1% to 39.0%`, `2 to 3 bits`, `~7x`, `+6.1`. */
const RESULT = new RegExp(
  String.raw`(?<![\w.\-^])(~|≈|about\s|up to\s|over\s)?(${SIGN})(${NUMBER})(?:(${UNIT})?${RANGE}(${SIGN})(${NUMBER}))?(${UNIT})?`,
  'g',
);

function toNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

function normaliseUnit(unit: string): string {
  const trimmed = unit.trim().replace(/^-/, '');
  if (trimmed === 'percent') return '%';
  if (trimmed === '×' || trimmed === 'x' || trimmed === 'X' || trimmed === 'times' || trimmed === 'fold') return 'x';
  if (/^bits?\s?(?:per|\/)\s?byte$/.test(trimmed)) return 'bpb';
  if (/^bits?\b/.test(trimmed) || trimmed === 'bpw') return 'bits';
  if (/^(?:pp|points?|percentage points?)$/.test(trimmed)) return 'points';
  if (/tokens$/.test(trimmed)) return 'tokens';
  return trimmed;
}

/** `1.5M tokens` -> 1,500,000. */
function tokenScale(unit: string): number {
  if (/\b(?:M|million)\s?tokens/.test(unit)) return 1e6;
  if (/\b(?:B|billion)\s?tokens/.test(unit)) return 1e9;
  if (/\b(?:K|thousand)\s?tokens/.test(unit)) return 1e3;
  return 1;
}

const TOKEN_RESULT = /\b(?:reduc|fewer|sav|compress|shorter|cut|less|drop|prun|remov|as few as)/i;

/** A signed number without a unit is a result only when the words after it say so (`+6.1 on AIME2024`). */
const SIGNED_GAIN_CONTEXT = /^\s*(?:(?:absolute|average|avg\.?)\s+)?(?:improvement|gain|increase|boost|accuracy|points?|on\b|in\b|over\b|at\b|pass@|em\b|f1\b|bleu|rouge|psnr|miou|map\b|ap\b|score)/i;

/** Words a lost space glued to the number after them (`by3.1%`, `and9.4x`, `sim24%` from `\sim`). */
const GLUED_WORD = /\b(by|and|of|to|at|than|sim)(?=\d)/g;
/** A multiplier that counts hardware, not a result: `4x NVIDIA A6000`, `8x GPUs`. */
const HARDWARE_AFTER = /^\s*(?:NVIDIA|AMD|Intel|Ascend|A100|H100|H800|A800|A6000|V100|RTX|GPUs?|TPUs?|NPUs?|nodes?)\b/;
/** A size that describes the setting, not a result: `a single 24 GB consumer GPU`, `an 810GB model`, `a 1Gbps network`. */
const SETTING_AFTER = /^\s*(?:consumer\s+)?(?:GPUs?|model|network|VRAM|cards?|of\s+(?:accelerator|GPU)\s+memory)\b/i;
const WORD_NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** `four times longer`, `eight times faster`. */
const WORD_TIMES = /\b(two|three|four|five|six|seven|eight|nine|ten)\s+times\b/gi;

export function extractNumbers(abstract: string): PaperNumber[] {
  const numbers: PaperNumber[] = [];
  for (const original of splitSentences(abstract)) {
    // Matching runs on a copy with glued words split off; the record keeps the sentence as written.
    const sentence = original.replace(GLUED_WORD, '$1 ');
    const found: { index: number; number: PaperNumber }[] = [];
    const push = (value: PaperNumber['value'], unit: string, text: string, index: number, length: number) =>
      found.push({ index, number: { value, unit, text, kind: numberKind(unit, sentence, index, length), metric: metricOf(sentence, index + length), sentence: original } });
    for (const match of sentence.matchAll(WORD_TIMES)) push(WORD_NUMBERS[match[1]!.toLowerCase()]!, 'x', match[0], match.index, match[0].length);
    for (const match of sentence.matchAll(/(?<![\w.])x(\d+(?:\.\d+)?)\b/g)) push(toNumber(match[1]!), 'x', match[0], match.index, match[0].length);
    for (const match of sentence.matchAll(RESULT)) {
      const [whole, , sign1, first, innerUnit, sign2, second, unitRaw] = match;
      const after = sentence.slice(match.index + whole.length);
      const before = sentence.slice(Math.max(0, match.index - 30), match.index);
      let unit = unitRaw ?? innerUnit ?? '';
      if (unit === '' && /\bfactor of\s*$/i.test(before)) unit = 'x';
      if (/^\s*[x×X]\s*$/.test(unit) && HARDWARE_AFTER.test(after)) continue;
      if (/^(?:GB|MB|TB|KB|GiB|Gbps|Mbps)$/.test(unit.trim()) && SETTING_AFTER.test(after)) continue;
      // `improves from 70.9% to 85.1%` is a before and an after, not a range (`ranging from 20% to 60%` is).
      if (second !== undefined && /\bfrom\s*$/i.test(before) && !/\brang\w*\s+from\s*$/i.test(before) && /\sto\s/.test(whole)) {
        const [left, right] = whole.split(/\sto\s/);
        const firstUnit = normaliseUnit(innerUnit ?? unit);
        push(toNumber(first!), firstUnit, left!.trim(), match.index, left!.length);
        push(toNumber(second), normaliseUnit(unit), right!.trim(), match.index + whole.length - right!.length, right!.length);
        continue;
      }
      // A range needs the same unit at both ends, when both are written.
      if (second !== undefined && innerUnit && unitRaw && normaliseUnit(innerUnit) !== normaliseUnit(unitRaw)) continue;
      if (unit === '') {
        if (!(sign1 === '+' || sign1 === '±') || second !== undefined || !SIGNED_GAIN_CONTEXT.test(after)) continue;
        // An unsigned-unit gain such as `+6.1 on AIME2024` is an absolute change in points.
        unit = ' points';
      }
      // `16×16`, `224 × 224`: a grid or an image size, not a ratio.
      if (unit.trim() === '×' && /^\s?\d/.test(after)) continue;
      // Glued to a following letter (`4x4`, `8B-parameter`), it is part of a name or a shape.
      if (/^[A-Za-z\d]/.test(after) && !/\s$/.test(unit)) {
        if (!/^(?:%|×)$/.test(unit.trim())) continue;
      }
      // A token count is a result only when it is saved or cut, not a context length or a training budget.
      if (/tokens$/.test(unit) && !TOKEN_RESULT.test(sentence.slice(Math.max(0, match.index - 30), match.index + whole.length + 20))) continue;
      const scale = /tokens$/.test(unit) ? tokenScale(unit) : 1;
      const signed = (s: string | undefined, n: string) => ((s === '-' || s === '−') && second === undefined ? -1 : 1) * toNumber(n) * scale;
      const low = signed(sign1, first!);
      let value: PaperNumber['value'];
      if (second === undefined) value = low;
      else {
        const high = toNumber(second) * scale;
        // `4-2` is not a range: keep only its last number.
        value = low <= high ? { min: low, max: high } : high;
      }
      const text = whole.replace(/^(?:about|up to|over)\s/, '').trim();
      push(value, normaliseUnit(unit), text, match.index, whole.length);
    }
    // In the order the sentence states them.
    numbers.push(...found.sort((a, b) => a.index - b.index).map(({ number }) => number));
  }
  return numbers;
}

const MEMORY = /\bmemory(?: size| usage)?\b|\bfootprint\b|\bvram\b/g;
/**
 * Words that say what a number measures. At equal distance from the number,
 * the earlier entry wins. `other` names what none of the kinds covers (cost,
 * compute, data, a longer input), so its words are not read as some other kind.
 */
const CLUES: readonly { kind: NumberKind; pattern: RegExp }[] = [
  { kind: 'compression-ratio', pattern: /\bcompression (?:rates?|ratios?|factors?)\b|\bbd-?rate\b|\bbit-?rate|\bbit rates?\b|\bbits-per-pixel\b|\bbpp\b|\bbpb\b|\bbits per (?:pixel|byte)\b|\bbits of\b|\bsparsity\b|\bpruning ratios?\b|\bbandwidth\b|\bkv[- ]cache (?:size|budgets?)\b|\bcache budgets?\b/g },
  { kind: 'memory-reduction', pattern: MEMORY },
  { kind: 'speedup', pattern: /\bspeed-?ups?\b|\bspeeds? up\b|\bspeed\b|\bfaster\b|\bthroughput\b|\blatency\b|\baccelerat\w*|\binference times?\b|\bend-to-end inference\b|\bruntime\b|\bdelay\b|\btime to first token\b|\bttft\b|\bwall-clock\b|\bprefill\b|\bon (?:nvidia|amd|intel|apple|qualcomm)\b/g },
  { kind: 'token-reduction', pattern: /\btokens?\b|\blength\b|\bcot\b|\breasoning steps?\b|\bverbos\w*|\bconcise\b|\bshorter\b/g },
  { kind: 'size-reduction', pattern: /\bmodel size\b|\bsize\b|\bstorage\b|\bparameters?\b|\bparams\b|\bweights?\b|\bdisk\b|\bsmaller\b|\bfile\b|\branks?\b/g },
  { kind: 'other', pattern: /\bflops\b|\bcomputation\b|\bcosts?\b(?!-)|\bbudget\b|\blonger\b|\benergy\b|\bdatasets?\b/g },
  { kind: 'accuracy-change', pattern: /\baccura\w*|\bperplexity\b|\bppl\b|\bscores?\b|\bf1\b|\bbleu\b|\brouge\w*|\bpsnr\b|\bms-ssim\b|\bssim\b|\bfid\b|\blpips\b|\bpass@|\bexact match\b|\bwin rate\b|\bperformance\b|\bquality\b/g },
];
/** "Compressed", "compression": usually what a number measures, unless a word above says more. */
const COMPRESSION = /\bcompress(?:es|ed|ing|ion)?\b/g;
const COMPRESSION_CLUE = [{ kind: 'compression-ratio' as NumberKind, pattern: COMPRESSION }];
/** Words that say a result changed without saying what; read as accuracy. */
const GENERIC_GAIN = /\bimprov\w*|\bgains?\b|\bdegrad\w*|\bdrops?\b|\boutperform\w*|\bsurpass\w*|\bbenchmarks?\b/g;
const GENERIC_GAIN_CLUE = [{ kind: 'accuracy-change' as NumberKind, pattern: GENERIC_GAIN }];
/** "with negligible impact on accuracy": says accuracy did not change, so it is no clue. */
const NO_CHANGE =
  /\b(?:with(?:out)?|while)\s+(?:\w+\s+){0,3}(?:impact|loss|drop|degradation|decline|change|cost)\s+(?:on|in|of|to)\s+(?:[\w-]+\s+){0,2}(?:accuracy|performance|quality)\b|\b(?:while|without)\s+(?:maintaining|preserving|retaining|keeping|sacrificing|compromising|hurting|harming|losing)\s+(?:[\w-]+\s+){0,3}(?:accuracy|performance|quality)\b/gi;
/** Where a number's clause starts or ends. */
const CLAUSE_BREAK = /[,;:()]|\s(?:and|while|with|whereas|but|at|compared|despite)\s/g;
/** The rest of a list the number heads: in "2.21%, 11.43%, and 4.81% higher scores" all share "higher scores". */
const LIST_REST = /^(?:\s*(?:,|\/|and|or|,\s*and)\s*[-+−~]?\d[\d.,]*\s?(?:%|x|×|times|percent)?)+/;

/** The text with every match of `pattern` replaced by spaces, so positions stay where they were. */
function blankOut(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match) => ' '.repeat(match.length));
}

/** Distance from the number to the nearest match of `pattern` in the text before and after it, or Infinity. */
function nearest(pattern: RegExp, before: string, after: string): number {
  let best = Infinity;
  for (const match of before.matchAll(pattern)) best = Math.min(best, before.length - (match.index + match[0].length));
  const first = after.matchAll(pattern).next();
  if (!first.done) best = Math.min(best, first.value.index);
  return best;
}

function nearestClue(clues: readonly { kind: NumberKind; pattern: RegExp }[], before: string, after: string): NumberKind | null {
  let kind: NumberKind | null = null;
  let distance = Infinity;
  for (const clue of clues) {
    const found = nearest(clue.pattern, before, after);
    if (found < distance) [kind, distance] = [clue.kind, found];
  }
  return kind;
}

/**
 * Within a number's clause: a compression word on either side, or a word after
 * the number saying it improved ("5x compression improvement", "a 4% improvement
 * on compressed models"), whichever is nearer.
 */
function compressionOrGain(before: string, after: string): NumberKind | null {
  const compression = nearest(COMPRESSION, before, after);
  const gain = nearest(GENERIC_GAIN, '', after);
  if (compression === Infinity && gain === Infinity) return null;
  return compression <= gain ? 'compression-ratio' : 'accuracy-change';
}

/**
 * What a number measures, from the words nearest to it: first within its own
 * clause ("reducing parameters by 48 percent", "60% smaller and 30% faster"),
 * then anywhere in the sentence ("surpassing VTM by -15.91%, -21.34% ... BD-rate"),
 * and only then from words that say a result improved without saying what.
 * "X% of the Y" measures Y.
 */
export function numberKind(unit: string, sentence: string, start: number, length: number): NumberKind {
  const rawAfter = sentence.slice(start + length);
  if (unit === 'bits' || (unit !== 'x' && /^\s*(?:bits?|-bits?)\b/.test(rawAfter))) return 'bits-per-parameter';
  if (/^(?:bpp|bpb|bpd)$/.test(unit)) return 'compression-ratio';
  if (unit === 'dB' || unit === 'points') return 'accuracy-change';
  const before = blankOut(sentence.slice(0, start).toLowerCase(), NO_CHANGE);
  const after = blankOut(blankOut(rawAfter, LIST_REST).toLowerCase(), NO_CHANGE);
  if (/^(?:GB|MB|TB|KB|GiB)$/.test(unit)) return nearest(MEMORY, before.slice(-70), after.slice(0, 60)) < Infinity ? 'memory-reduction' : 'size-reduction';
  if (unit === 'tokens') return 'token-reduction';
  const breaksBefore = [...before.matchAll(CLAUSE_BREAK)];
  const lastBreak = breaksBefore.at(-1);
  const clauseBefore = lastBreak ? before.slice(lastBreak.index + lastBreak[0].length) : before;
  const breakAfter = after.search(CLAUSE_BREAK);
  const clauseAfter = breakAfter < 0 ? after : after.slice(0, breakAfter);
  // The words right after the number name it ("8x compressed", "60% smaller"); "X% of the Y" measures Y.
  const nextWords = /^\s*[\w-]+(?:\s+[\w-]+)?/.exec(clauseAfter)?.[0] ?? '';
  const named = nearestClue(CLUES, '', nextWords) ?? nearestClue(COMPRESSION_CLUE, '', nextWords);
  const ofWhat = /^\s*of\b/.test(after) ? nearestClue(CLUES, '', clauseAfter) : null;
  return (
    named ??
    ofWhat ??
    nearestClue(CLUES, clauseBefore, clauseAfter) ??
    compressionOrGain(clauseBefore, clauseAfter) ??
    nearestClue(CLUES, before, after) ??
    nearestClue(COMPRESSION_CLUE, before, after) ??
    nearestClue(GENERIC_GAIN_CLUE, before, after) ??
    'other'
  );
}

/** Metric and benchmark words a sentence may tie a number to. */
const METRICS = /\b(perplexity|accuracy|PSNR|MS-SSIM|SSIM|LPIPS|FID|BD-rate|BLEU|ROUGE(?:-[L12])?|F1|pass@\d+|exact match|throughput|latency|bits per byte|bpb|bpp)\b/i;
/** A benchmark name: capitalised and carrying a digit or capitals (`AIME2024`, `GSM8K`, `MMLU`, `LongBench`). */
const BENCHMARK = /\b(?:on|in|across|for|at)\s+(?:the\s+)?([A-Z][A-Za-z]*(?:[-\s]?[A-Z0-9][A-Za-z0-9]*)?)\b/;

export function metricOf(sentence: string, end: number): string | null {
  const after = sentence.slice(end, end + 60);
  const benchmark = BENCHMARK.exec(after);
  if (benchmark && benchmark.index < 25 && /\d|[A-Z].*[A-Z]/.test(benchmark[1]!) && !/^(?:LLMs?|MLLMs?|VLMs?|GPUs?|CPUs?)$/.test(benchmark[1]!)) {
    return benchmark[1]!;
  }
  // "with negligible impact on accuracy" names no metric of this number.
  const window = blankOut(sentence.slice(Math.max(0, end - 80), end + 50), NO_CHANGE);
  return METRICS.exec(window)?.[1] ?? null;
}
