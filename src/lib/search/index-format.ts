/**
 * The static search and browse index written at build time under
 * `search/<version>/` and read by the browser worker (and by the tests and the
 * benchmark, from disk). Everything is JSON so any host serves it compressed.
 *
 *   meta.json       IndexMeta: counts, which prefixes are split, taxonomy terms
 *   pairs.json      PairIndex: the word-pair shards, read by the first phrase
 *   s/<prefix>.json Shard: sorted words with their postings
 *   p/<prefix>.json Shard: sorted word pairs with their postings
 *   l/<xx>.json     sorted words of a split two-letter prefix, for expanding query words
 *   t/<prefix>.json the 50 best documents for a two- or three-letter query on a split prefix
 *   d/<n>.json      Fragment of document n (see search-document.ts)
 *   facets.json     FacetIndex: per facet value, its documents
 *   order/<sort>.json  document numbers in another sort order
 */
import type { BrowseFacet } from '../browse/facet-names.ts';
import type { TermTable } from './search-document.ts';

/** Bumped when the file layout changes, so old caches never meet new code. */
export const INDEX_FORMAT = 10;

export interface IndexMeta {
  format: number;
  /** Papers in the index; documents are numbered 0..count-1, newest first. */
  count: number;
  /** Every word shard `s/<name>.json` (see shardName). */
  shards: string[];
  /**
   * Word prefixes too large for one shard, split one character deeper, as
   * often as needed: `sp` into `spa`, `spe`, ... A split two-letter prefix has
   * a word list `l/<xx>.json`; a split prefix of two or three letters has a
   * best-documents list `t/<prefix>.json`.
   */
  split: string[];
  /** Taxonomy labels and synonyms per id, to rebuild what search sees from a fragment. */
  terms: TermTable;
  /** Each item slot's weight (a posting's slot names its item; see Shard). */
  slotWeights: number[];
}

/**
 * The word-pair shards `p/<name>.json`. Pairs are sharded apart from words: a
 * query word's completions read every word under its prefix, and a frequent
 * word's pairs (`prune achieves`, `prune simple`, ...) would otherwise come
 * along, while a phrase looks up only a few pairs by name. Their list is a
 * file of its own (two thirds of the meta at 100k papers), fetched by the
 * first query of two words, so a first word's keystroke never waits for it.
 */
export interface PairIndex {
  shards: string[];
  /** Pair prefixes split like `IndexMeta.split`: `kv` into `kv `, then `kv c`, ... */
  split: string[];
}

/**
 * Sorted terms and, per term, one posting for each field item holding it (the
 * title, the method, one label, one claim): `docs[i]` the documents,
 * delta-encoded (a repeated document is a 0), `slots[i]` the items' slots.
 * Within a document every item has a slot of its own, so a slot names its
 * item (a query counts an item once however many of its words match, as Fuse
 * counts a field once), and `IndexMeta.slotWeights` gives its weight. Two
 * columns, because they compress better apart.
 */
export interface Shard {
  terms: string[];
  docs: number[][];
  slots: number[][];
}

/** A term's postings, as a shard holds them. */
export interface Postings {
  docs: readonly number[];
  slots: readonly number[];
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
  pairs: 'pairs.json',
  shard: (name: string) => `s/${name}.json`,
  /** Word pairs' shards may have a space in their name: `_` stands for it in the file name. */
  pairShard: (name: string) => `p/${name.replaceAll(' ', '_')}.json`,
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

/**
 * The shard holding a term: its shortest prefix, from `minLength` characters,
 * that is not split (words and pairs each have their own split prefixes). A
 * term that is itself a split prefix has a shard of its own by that name.
 */
export function shardName(term: string, split: ReadonlySet<string>, minLength: number): string {
  let length = minLength;
  while (length < term.length && split.has(term.slice(0, length))) length++;
  return term.slice(0, length);
}

/** Where `value` is, or would be inserted, in sorted terms (a shard's, a term list's). */
export function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
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
