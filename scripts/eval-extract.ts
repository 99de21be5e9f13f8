/**
 * `npm run eval:extract`: measures the extractors against hand-labelled papers.
 *
 *   npm run eval:extract                          tests/fixtures/extraction-labels.json against content/digests
 *   npm run eval:extract -- --labels FILE --digests DIR [--quiet]
 *
 * Prints precision, recall and F1 per field (exact match for `method`, `kind`
 * and `number kind`, what each found number measures), then every
 * disagreement, so a rule change can be judged paper by paper. Labelled
 * papers are matched to records by digest and title line.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { PaperRecord } from '../src/lib/schema.ts';
import { ingestDirectory } from './ingest/ingest.ts';
import { normaliseUrl } from './ingest/links.ts';
import { DIGESTS_DIR } from './paths.ts';

export interface LabelNumber {
  text?: string;
  value?: number;
  min?: number;
  max?: number;
  unit: string;
  kind?: string;
}

export interface Label {
  digest: string;
  line: number;
  title: string;
  method: string | null;
  techniques: string[];
  targets: string[];
  kind: string;
  numbers: LabelNumber[];
  links: string[];
}

export interface FieldScore {
  field: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Disagreement {
  field: string;
  paper: string;
  expected: string;
  got: string;
}

export interface Evaluation {
  papers: number;
  missing: Label[];
  scores: FieldScore[];
  disagreements: Disagreement[];
}

function score(field: string, truePositives: number, falsePositives: number, falseNegatives: number): FieldScore {
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { field, truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/** `{value}` or `{min,max}` plus unit: what must agree for two numbers to match. */
function numberKey(value: number | { min: number; max: number } | undefined, min: number | undefined, max: number | undefined, unit: string): string {
  const round = (n: number) => String(Math.round(n * 1e6) / 1e6);
  const range = typeof value === 'object' ? value : min !== undefined && max !== undefined ? { min, max } : null;
  const body = range ? `${round(range.min)}..${round(range.max)}` : round(Math.abs(value as number));
  return `${body} ${normaliseUnit(unit)}`;
}

function normaliseUnit(unit: string): string {
  const trimmed = unit.trim();
  if (trimmed === '×' || trimmed === 'times') return 'x';
  if (trimmed === 'bit') return 'bits';
  return trimmed;
}

/** Multiset matching: every label key can be matched once. */
function matchMultiset(expected: string[], got: string[]): { tp: number; missing: string[]; extra: string[] } {
  const pool = new Map<string, number>();
  for (const key of expected) pool.set(key, (pool.get(key) ?? 0) + 1);
  const extra: string[] = [];
  let tp = 0;
  for (const key of got) {
    const left = pool.get(key) ?? 0;
    if (left > 0) {
      pool.set(key, left - 1);
      tp++;
    } else extra.push(key);
  }
  const missing = [...pool].flatMap(([key, left]) => Array<string>(left).fill(key));
  return { tp, missing, extra };
}

export function evaluate(labels: Label[], records: PaperRecord[]): Evaluation {
  const bySource = new Map<string, PaperRecord>();
  for (const record of records) for (const source of record.sources) bySource.set(`${source.digest}:${source.line}`, record);
  const disagreements: Disagreement[] = [];
  const missing: Label[] = [];
  const counts = {
    method: [0, 0, 0],
    kind: [0, 0, 0],
    techniques: [0, 0, 0],
    targets: [0, 0, 0],
    numbers: [0, 0, 0],
    'number kind': [0, 0, 0],
    links: [0, 0, 0],
  } as Record<string, [number, number, number]>;
  const add = (field: string, tp: number, fp: number, fn: number) => {
    counts[field]![0] += tp;
    counts[field]![1] += fp;
    counts[field]![2] += fn;
  };
  let papers = 0;
  for (const label of labels) {
    const record = bySource.get(`${label.digest}:${label.line}`);
    if (!record) {
      missing.push(label);
      continue;
    }
    papers++;
    const paper = `${label.digest}:${label.line} ${label.title.slice(0, 70)}`;
    const disagree = (field: string, expected: string, got: string) => disagreements.push({ field, paper, expected, got });

    // Exact-match fields: a paper is right or wrong; precision = recall = accuracy.
    for (const field of ['method', 'kind'] as const) {
      const expected = label[field] ?? null;
      const got = record[field] ?? null;
      if (expected === got) add(field, 1, 0, 0);
      else {
        add(field, 0, 1, 1);
        disagree(field, String(expected), String(got));
      }
    }
    for (const field of ['techniques', 'targets'] as const) {
      const expected = new Set(label[field]);
      const got = new Set(record[field]);
      const tp = [...got].filter((id) => expected.has(id)).length;
      add(field, tp, got.size - tp, expected.size - tp);
      if (tp !== got.size || tp !== expected.size) disagree(field, [...expected].join(', ') || '-', [...got].join(', ') || '-');
    }
    const expectedNumbers = label.numbers.map((n) => numberKey(n.value, n.min, n.max, n.unit));
    const gotNumbers = record.numbers.map((n) => numberKey(n.value, undefined, undefined, n.unit));
    const numbers = matchMultiset(expectedNumbers, gotNumbers);
    add('numbers', numbers.tp, numbers.extra.length, numbers.missing.length);
    if (numbers.missing.length || numbers.extra.length) {
      disagree('numbers', `missing [${numbers.missing.join('; ')}]`, `extra [${numbers.extra.join('; ')}]`);
    }
    // What each found number measures, for the labelled numbers the extractor also found
    // (a number it missed counts once, under `numbers`).
    const unpaired = [...record.numbers];
    for (const number of label.numbers) {
      if (!number.kind) continue;
      const key = numberKey(number.value, number.min, number.max, number.unit);
      const sameKey = (found: (typeof unpaired)[number]) => numberKey(found.value, undefined, undefined, found.unit) === key;
      let at = unpaired.findIndex((found) => sameKey(found) && found.text === number.text);
      if (at < 0) at = unpaired.findIndex(sameKey);
      if (at < 0) continue;
      const [found] = unpaired.splice(at, 1);
      if (found!.kind === number.kind) add('number kind', 1, 0, 0);
      else {
        add('number kind', 0, 1, 1);
        disagree('number kind', `${number.text}: ${number.kind}`, `${found!.text}: ${found!.kind}`);
      }
    }
    const expectedLinks = label.links.map((url) => normaliseUrl(url) ?? url);
    const gotLinks = record.links.map((link) => link.url);
    const links = matchMultiset([...new Set(expectedLinks)], [...new Set(gotLinks)]);
    add('links', links.tp, links.extra.length, links.missing.length);
    if (links.missing.length || links.extra.length) disagree('links', `missing [${links.missing.join(' ')}]`, `extra [${links.extra.join(' ')}]`);
  }
  const scores = Object.entries(counts).map(([field, [tp, fp, fn]]) => score(field, tp, fp, fn));
  return { papers, missing, scores, disagreements };
}

export function formatEvaluation(evaluation: Evaluation, quiet = false): string {
  const pct = (value: number) => `${(value * 100).toFixed(1).padStart(5)}%`;
  const lines = [`Labelled papers matched: ${evaluation.papers}${evaluation.missing.length ? ` (${evaluation.missing.length} labels match no record)` : ''}`, ''];
  lines.push(`${'field'.padEnd(11)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(7)}   tp/fp/fn`);
  for (const s of evaluation.scores) {
    lines.push(`${s.field.padEnd(11)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)} ${pct(s.f1).padStart(7)}   ${s.truePositives}/${s.falsePositives}/${s.falseNegatives}`);
  }
  for (const label of evaluation.missing) lines.push(`  no record for label ${label.digest}:${label.line} ${label.title}`);
  if (!quiet) {
    for (const field of ['method', 'kind', 'techniques', 'targets', 'numbers', 'number kind', 'links']) {
      const rows = evaluation.disagreements.filter((row) => row.field === field);
      if (rows.length === 0) continue;
      lines.push('', `Disagreements on ${field} (${rows.length}):`);
      for (const row of rows) lines.push(`  ${row.paper}\n      expected ${row.expected}\n      got      ${row.got}`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      labels: { type: 'string', default: 'tests/fixtures/extraction-labels.json' },
      digests: { type: 'string', default: DIGESTS_DIR },
      quiet: { type: 'boolean', default: false },
    },
  });
  const labels = JSON.parse(readFileSync(values.labels, 'utf8')) as Label[];
  // Measure the extractors, not the curators: no curation files are applied.
  const { records } = await ingestDirectory(values.digests, { curationDir: null });
  console.log(formatEvaluation(evaluate(labels, records), values.quiet));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
