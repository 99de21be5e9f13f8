/** Finds quantitative results (`63%`, `3.7-4.3x`, `0.8 bits per parameter`) in clean abstract sentences. */
import type { PaperNumber } from '../../../src/lib/schema.ts';
import { splitSentences } from './sentences.ts';

const NUMBER = String.raw`[+\-−]?~?\d+(?:,\d{3})*(?:\.\d+)?`;
const UNITS = String.raw`%|×|x(?![a-z])|times\b|\s?(?:bits?|dB|tokens|points|pp|GB|MB|TB|KB|bpb|bpp|ms)\b`;
const RESULT = new RegExp(String.raw`(?<![\w.\-])(${NUMBER})(?:\s?[-–~]\s?(${NUMBER}))?(${UNITS})`, 'g');

function toNumber(text: string): number {
  return Number(text.replace(/[~,]/g, '').replace('−', '-'));
}

function normaliseUnit(unit: string): string {
  const trimmed = unit.trim();
  if (trimmed === '×' || trimmed === 'x' || trimmed === 'times') return 'x';
  if (/^bits?$/.test(trimmed)) return 'bits';
  if (trimmed === 'pp') return 'points';
  return trimmed;
}

export function extractNumbers(abstract: string): PaperNumber[] {
  const numbers: PaperNumber[] = [];
  for (const sentence of splitSentences(abstract)) {
    for (const match of sentence.matchAll(RESULT)) {
      const [text, first, second, unit] = match;
      const low = toNumber(first!);
      const high = second ? toNumber(second) : null;
      // `4-2` is not a range: keep only its last number.
      const value = high === null ? low : low <= high ? { min: low, max: high } : high;
      numbers.push({ value, unit: normaliseUnit(unit!), text: text.trim(), kind: 'other', metric: null, sentence });
    }
  }
  return numbers;
}
