/**
 * The first answer to a keystroke, on the page itself and before the worker
 * replies: the best papers of the answer on screen that still match the new
 * query. It takes well under a millisecond, so the popup follows every
 * keystroke within the same frame; the worker's complete answer (every match,
 * ranked over the whole index) replaces it moments later.
 *
 * This module ships with the search box and matches word starts only; the
 * typo-tolerant ranking (narrow-fuzzy.ts, with Fuse) loads after the first answer.
 */
import { wordStartHighlights } from './highlights.ts';
import type { SearchHit } from './query-engine.ts';
import type { Fragment, SearchDocument } from './search-document.ts';
import { foldText, queryTokens } from './tokenize.ts';

/** How many of an answer's best papers the page keeps to narrow on the next keystroke. */
export const NARROW_FROM = 20;

/** A paper kept for narrowing: its card, and what Fuse ranks of it (claims left out). */
export interface NarrowCandidate {
  fragment: Fragment;
  document: SearchDocument;
}

/** Ranks candidates against a query (narrow-fuzzy.ts provides Fuse's). */
export type Narrower = (candidates: readonly NarrowCandidate[], query: string, limit: number) => SearchHit[];

/** What narrowing keeps of a paper's search document. */
export function narrowCandidate(fragment: Fragment, document: SearchDocument): NarrowCandidate {
  return { fragment, document: { ...document, claims: [] } };
}

/** The candidates with a word (title, method, labels) starting with every query word, in their order. */
export const narrowByWordStarts: Narrower = (candidates, query, limit) => {
  const words = queryTokens(query);
  if (words.length === 0) return [];
  return candidates
    .filter(({ document }) => {
      const vocabulary = foldText([document.title, document.method, ...document.techniques, ...document.targets].join(' ')).split(/[^a-z0-9]+/);
      return words.every((word) => vocabulary.some((candidate) => candidate.startsWith(word)));
    })
    .slice(0, limit)
    .map(({ fragment }) => ({ fragment, highlights: wordStartHighlights(fragment, words) }));
};
