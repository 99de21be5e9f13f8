/**
 * Typo-tolerant narrowing (see narrow.ts): Fuse over the candidates' short
 * fields, so a typo or a deleted letter still finds them. Without the claims,
 * twenty papers take 0.2-0.8 ms here, a third to a tenth of a pass with them.
 * Queries too short for Fuse to re-rank keep the word-start narrowing, as the
 * worker keeps stage one's order for them.
 */
import Fuse from 'fuse.js/basic';
import { fuseHighlights } from './highlights.ts';
import { type NarrowCandidate, type Narrower, narrowByWordStarts } from './narrow.ts';
import type { SearchDocument } from './search-document.ts';
import { FUSE_KEYS, FUSE_OPTIONS, RERANK_FROM } from './search-options.ts';

const NARROW_OPTIONS = { ...FUSE_OPTIONS, keys: FUSE_KEYS.filter((key) => key.name !== 'claims').map((key) => ({ ...key })) };

/** One Fuse per set of candidates: the same set is narrowed keystroke after keystroke. */
const indexed = new WeakMap<readonly NarrowCandidate[], Fuse<SearchDocument>>();

export const narrowFuzzy: Narrower = (candidates, query, limit) => {
  const text = query.trim();
  if (text.length < RERANK_FROM) return narrowByWordStarts(candidates, query, limit);
  let fuse = indexed.get(candidates);
  if (!fuse) indexed.set(candidates, (fuse = new Fuse(candidates.map((candidate) => candidate.document), NARROW_OPTIONS)));
  return fuse
    .search(text, { limit })
    .map((result) => ({ fragment: candidates[result.refIndex]!.fragment, highlights: fuseHighlights(result.matches ?? [], query) }));
};
