/** Assigns taxonomy ids from the signals in `content/taxonomy.json`: title hits weigh more than abstract hits. */
import { type Taxonomy, type TaxonomyTerm, taxonomy } from '../../../src/lib/taxonomy.ts';

const TITLE_WEIGHT = 3;
const ABSTRACT_WEIGHT = 1;
const THRESHOLD = 2;

function signalPattern(signal: string): RegExp {
  const escaped = signal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = escaped.endsWith('\\*') ? `${escaped.slice(0, -2)}[\\w-]*` : escaped;
  return new RegExp(`(?<![\\w-])${body}(?![\\w])`, 'gi');
}

const patternCache = new Map<string, RegExp>();
function countSignal(text: string, signal: string): number {
  let pattern = patternCache.get(signal);
  if (!pattern) patternCache.set(signal, (pattern = signalPattern(signal)));
  pattern.lastIndex = 0;
  return text.match(pattern)?.length ?? 0;
}

export function scoreTerm(term: TaxonomyTerm, title: string, abstract: string): number {
  let score = 0;
  for (const signal of term.signals) {
    score += TITLE_WEIGHT * Math.min(countSignal(title, signal), 1) + ABSTRACT_WEIGHT * Math.min(countSignal(abstract, signal), 2);
  }
  return score;
}

function rank(terms: TaxonomyTerm[], title: string, abstract: string): { id: string; score: number }[] {
  return terms
    .map((term) => ({ id: term.id, score: scoreTerm(term, title, abstract) }))
    .filter((entry) => entry.score >= THRESHOLD)
    .sort((a, b) => b.score - a.score);
}

export function classify(title: string, abstract: string, terms: Taxonomy = taxonomy) {
  const techniques = rank(terms.techniques, title, abstract).map((entry) => entry.id);
  const targets = rank(terms.targets, title, abstract).map((entry) => entry.id);
  const kinds = rank(terms.kinds.filter((kind) => kind.id !== 'method'), title, abstract);
  return { techniques, targets, kind: kinds[0]?.id ?? 'method' };
}
