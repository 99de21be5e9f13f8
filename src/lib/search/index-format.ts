/**
 * The static search and browse index written at build time under
 * `search/<version>/` and read by the browser worker (and by the tests and the
 * benchmark, from disk). Everything is JSON so any host serves it compressed.
 *
 *   meta.json       IndexMeta: counts, which prefixes have shards, taxonomy terms
 *   s/<prefix>.json Shard: sorted terms with their postings
 *   l/<xx>.json     sorted terms of a two-letter prefix split into three-letter shards
 *   t/<xx>.json     the 50 best documents for a two-letter query
 *   d/<n>.json      Fragment of document n (see search-document.ts)
 *   facets.json     FacetIndex: per facet value, its documents
 *   order/<sort>.json  document numbers in another sort order
 */
import type { BrowseFacet } from '../browse/facet-names.ts';
import type { TermTable } from './search-document.ts';

/** Bumped when the file layout changes, so old caches never meet new code. */
export const INDEX_FORMAT = 5;

export interface IndexMeta {
  format: number;
  /** Papers in the index; documents are numbered 0..count-1, newest first. */
  count: number;
  /** Two-letter prefixes whose terms live in one shard `s/<xx>.json`. */
  shards: string[];
  /** Two-letter prefixes split into three-letter shards (`s/<xxy>.json`), with a term list `l/<xx>.json`. */
  split: string[];
  /** Three-letter shards of split prefixes (and two-letter words, which keep their own name). */
  subshards: string[];
  /** Taxonomy labels and synonyms per id, to rebuild what search sees from a fragment. */
  terms: TermTable;
}

/** Sorted terms; `postings[i]` lists term i's documents as `delta * WEIGHT_SCALE + weight`. */
export interface Shard {
  terms: string[];
  postings: number[][];
}

export interface FacetValueIndex {
  id: string;
  label: string;
  count: number;
  /** Document numbers in ascending order, delta-encoded (first value absolute). */
  docs: number[];
}

export interface FacetIndex {
  count: number;
  facets: Record<BrowseFacet, FacetValueIndex[]>;
}

export const SORTS = ['newest', 'upvotes', 'title'] as const;
export type SortOrder = (typeof SORTS)[number];

export const indexPaths = {
  meta: 'meta.json',
  shard: (prefix: string) => `s/${prefix}.json`,
  termList: (prefix: string) => `l/${prefix}.json`,
  top: (prefix: string) => `t/${prefix}.json`,
  fragment: (n: number) => `d/${n}.json`,
  facets: 'facets.json',
  order: (sort: SortOrder) => `order/${sort}.json`,
};

/** Where the versioned index lives under the site's base path. */
export const SEARCH_DIR = 'search';

/**
 * Besides words, the index holds each pair of adjacent words in a field as one
 * term, so a phrase ranks as Fuse ranks it: by the fields that hold the words
 * together, not each word somewhere. `kv cache` when one space joins them,
 * `kv -cache` when anything else does (`KV-cache`, `KV: cache`, `KV for cache`).
 */
export const isBigram = (term: string) => term.includes(' ');
export const bigram = (left: string, right: string, spaced = true) => (spaced ? `${left} ${right}` : `${left} -${right}`);

/** The shard holding a term: its first two letters, or three when that prefix is split (by its first word). */
export function shardName(term: string, prefixIsSplit: boolean, prefixLength: number): string {
  return prefixIsSplit ? term.split(' ')[0]!.slice(0, prefixLength + 1) : term.slice(0, prefixLength);
}

export function encodeDeltas(sorted: number[]): number[] {
  return sorted.map((value, i) => (i === 0 ? value : value - sorted[i - 1]));
}

export function decodeDeltas(deltas: number[]): Uint32Array {
  const out = new Uint32Array(deltas.length);
  let value = 0;
  for (let i = 0; i < deltas.length; i++) out[i] = value += deltas[i];
  return out;
}
