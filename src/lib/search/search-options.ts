/**
 * Search tuning shared by the index builder, the browser worker, the tests and
 * the benchmark (whose exhaustive-Fuse reference must rank exactly as the
 * worker does). Measurements behind the numbers: ../shared/design/search-at-scale.md.
 */
import type { IFuseOptions } from 'fuse.js';
import type { SearchDocument } from './search-document.ts';

/** Fuse keys and weights: a title or method hit outranks a label, claim or organisation hit. */
export const FUSE_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'method', weight: 3 },
  { name: 'techniques', weight: 2 },
  { name: 'targets', weight: 2 },
  { name: 'claims', weight: 1 },
  { name: 'org', weight: 1 },
] as const satisfies readonly { name: keyof SearchDocument; weight: number }[];

/**
 * Threshold 0.3 keeps typos ("kv cahce") while dropping loose fuzzy hits;
 * `ignoreLocation` so a word late in a title or claim still counts.
 */
export const FUSE_OPTIONS: IFuseOptions<SearchDocument> = {
  keys: FUSE_KEYS.map((key) => ({ ...key })),
  threshold: 0.3,
  ignoreLocation: true,
  includeScore: true,
  includeMatches: true,
  minMatchCharLength: 2,
};

/** Queries of at least this many characters are re-ranked by Fuse; shorter ones keep stage one's order. */
export const RERANK_FROM = 4;
/** How many stage-one candidates Fuse re-ranks per keystroke. */
export const CANDIDATES = 50;
/** Queries shorter than this (in characters) are not searched: they match most of the corpus. */
export const MIN_QUERY_LENGTH = 2;
/** Terms are sharded by prefix of this length ... */
export const SHARD_PREFIX = 2;
/**
 * ... and a prefix whose postings exceed this is split one character deeper, as often as needed:
 * a shard is then at most about 16 KB gzip (unless one term alone is larger), so the first
 * keystroke's shard fits the first-result budget.
 */
export const MAX_SHARD_POSTINGS = 6_000;
/**
 * Typo-tolerant expansion of a query word over the shard's term list (Fuse over terms): the
 * `limit` closest variants from anywhere under its two-letter prefix, and every variant Fuse
 * would match that shares the word's start (see SearchEngine.expand).
 */
export const TERM_FUZZ = { threshold: 0.4, limit: 32, minLength: 4 } as const;
/** Results per page of the browse list (each a fragment to fetch). */
export const LIST_PAGE_SIZE = 25;
