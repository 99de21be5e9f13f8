/**
 * Builds the static search and browse index (layout: src/lib/search/index-format.ts)
 * from validated records. Pure: records in, file contents out, so tests and the
 * benchmark call it directly and the Astro integration only writes the result.
 *
 * Stage one of search is a prefix-sharded token index whose postings carry
 * Fuse's own field weighting (weight x 1/sqrt(field length), per field item), so the top
 * candidates it picks are the ones Fuse would rank high; stage two runs Fuse
 * over those candidates only, in the browser.
 */
import type { PaperRecord } from '../../src/lib/schema.ts';
import { compareNewestFirst, compareText } from '../../src/lib/paper-order.ts';
import { BROWSE_FACETS, type BrowseFacet, facetSummary, facetValuesOf } from '../../src/lib/browse/facet-fields.ts';
import { type FacetIndex, INDEX_FORMAT, type IndexMeta, type PairIndex, type Shard, bigram, encodeDeltas, indexPaths, isBigram, lowerBound, shardName } from '../../src/lib/search/index-format.ts';
import { type Fragment, type SearchDocument, type TermTable, searchDocument } from '../../src/lib/search/search-document.ts';
import { CANDIDATES, FUSE_KEYS, MAX_SHARD_POSTINGS, RERANK_FROM, SHARD_PREFIX } from '../../src/lib/search/search-options.ts';
import { indexWords, innerTerms } from '../../src/lib/search/tokenize.ts';
import { taxonomy } from '../../src/lib/taxonomy.ts';
import { ItemSlots, itemWeight } from './item-slots.ts';

/** Per term and document the summed weight of its items, capped for the best-documents histogram. */
const MAX_TERM_WEIGHT = 8191;

export interface SearchIndexFiles {
  /** Path relative to the index directory -> file contents. */
  files: Map<string, string>;
  meta: IndexMeta;
  /** The records in document order (document n is `papers[n]`). */
  papers: PaperRecord[];
}

export function termTable(): TermTable {
  const table = (terms: typeof taxonomy.techniques) => Object.fromEntries(terms.map((term) => [term.id, [term.label, ...term.synonyms]]));
  return { techniques: table(taxonomy.techniques), targets: table(taxonomy.targets), kinds: table(taxonomy.kinds) };
}

export function toFragment(paper: PaperRecord, n: number): Fragment {
  return {
    n,
    id: paper.id,
    title: paper.title,
    method: paper.method,
    techniques: paper.techniques,
    targets: paper.targets,
    kind: paper.kind,
    claims: paper.claims,
    org: paper.org?.name ?? null,
    authors: paper.authors,
    published: paper.published,
    upvotes: paper.upvotes,
    code: paper.links.some((link) => link.kind === 'code'),
  };
}

/** Each text Fuse searches in a document (every item of a list field), with its key's weight. */
function* fieldTexts(doc: SearchDocument): Generator<{ text: string; weight: number }> {
  for (const { name, weight } of FUSE_KEYS) {
    const value = doc[name];
    for (const text of Array.isArray(value) ? value : [value]) if (text) yield { text, weight };
  }
}

/** The weight of each item of a document, in field order. */
function itemWeights(doc: SearchDocument): number[] {
  return [...fieldTexts(doc)].map(({ text, weight }) => itemWeight(text, weight));
}

/**
 * Term -> the slot of each field item (the title, the method, one label, one
 * claim) of one document that holds it. The slot table gives the item's
 * weight, Fuse's key weight x 1/sqrt(item length); no two items of a document
 * share a slot, so the engine can tell the items a query's words hit apart and
 * count each once, as Fuse counts a field once however many of its words match.
 */
function termItemSlots(doc: SearchDocument, slots: ItemSlots, isWordStart?: (ending: string) => boolean): Map<string, number[]> {
  const slotsByTerm = new Map<string, number[]>();
  const texts = [...fieldTexts(doc)];
  const assigned = slots.assign(itemWeights(doc));
  texts.forEach(({ text }, item) => {
    const { words, pairs } = indexWords(text);
    const phrases = pairs.map(({ left, right, spaced }) => bigram(left, right, spaced));
    for (const term of new Set([...words, ...innerTerms(text, isWordStart), ...phrases])) {
      let list = slotsByTerm.get(term);
      if (!list) slotsByTerm.set(term, (list = []));
      list.push(assigned[item]!);
    }
  });
  return slotsByTerm;
}

export interface BuildOptions {
  /** Postings above which a prefix is split one letter deeper. */
  maxShardPostings?: number;
}

export function buildSearchIndex(records: readonly PaperRecord[], { maxShardPostings = MAX_SHARD_POSTINGS }: BuildOptions = {}): SearchIndexFiles {
  const papers = [...records].sort(compareNewestFirst);
  const terms = termTable();
  const files = new Map<string, string>();
  const json = (value: unknown) => JSON.stringify(value);

  const fragments = papers.map(toFragment);
  const documents = fragments.map((fragment) => searchDocument(fragment, terms));
  const isWordStart = wordStarts(documents);
  const slots = new ItemSlots(documents.map(itemWeights));
  // term -> its postings, one per item, docs ascending because papers are visited in order.
  const postings = new Map<string, { docs: number[]; slots: number[] }>();
  fragments.forEach((fragment, n) => {
    files.set(indexPaths.fragment(n), json(fragment));
    for (const [term, itemSlots] of termItemSlots(documents[n]!, slots, isWordStart)) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = { docs: [], slots: [] }));
      for (const slot of itemSlots) list.docs.push(n), list.slots.push(slot);
    }
  });

  const sortedTerms = [...postings.keys()].sort(compareText);
  const size = (someTerms: readonly string[]) => someTerms.reduce((sum, term) => sum + postings.get(term)!.docs.length, 0);

  // A prefix holding more postings than one shard should is split one character deeper, recursively,
  // so a query word fetches only the postings under its own prefix (Pagefind's chunking, by prefix).
  // Words and word pairs are split and sharded apart (see PairIndex).
  const splitPrefixes = (someTerms: readonly string[], onSplit: (prefix: string, prefixTerms: string[]) => void): Set<string> => {
    const split = new Set<string>();
    const splitIfLarge = (prefix: string, prefixTerms: string[]) => {
      if (size(prefixTerms) <= maxShardPostings) return;
      // The term equal to the prefix keeps a shard of that name; the others go one character deeper.
      const children = groupBy(
        prefixTerms.filter((term) => term.length > prefix.length),
        (term) => term.slice(0, prefix.length + 1),
      );
      // One term is one shard however large. A prefix whose terms all continue alike (`qu` -> `qua`) still
      // splits: its single child divides further down.
      if (children.size === 0) return;
      split.add(prefix);
      onSplit(prefix, prefixTerms);
      for (const [child, childTerms] of children) splitIfLarge(child, childTerms);
    };
    for (const [prefix, prefixTerms] of groupBy(someTerms, (term) => term.slice(0, SHARD_PREFIX))) splitIfLarge(prefix, prefixTerms);
    return split;
  };
  // The best documents under a prefix: highest single-term weight (its items' summed), ties by document
  // number. Weights are small integers, so a histogram finds the cut and only documents above it are
  // sorted (a frequent two-letter prefix covers most of 100k papers).
  const bestWeight = new Uint16Array(papers.length);
  const bestDocuments = (prefixTerms: readonly string[]): number[] => {
    const touched: number[] = [];
    for (const term of prefixTerms) {
      const { docs, slots: itemSlots } = postings.get(term)!;
      for (let i = 0; i < docs.length; ) {
        const doc = docs[i];
        let sum = 0;
        for (; i < docs.length && docs[i] === doc; i++) sum += slots.weights[itemSlots[i]!]!;
        if (bestWeight[doc] === 0) touched.push(doc);
        bestWeight[doc] = Math.max(bestWeight[doc], Math.min(MAX_TERM_WEIGHT, sum));
      }
    }
    const histogram = new Uint32Array(MAX_TERM_WEIGHT + 1);
    for (const doc of touched) histogram[bestWeight[doc]]++;
    let cut = MAX_TERM_WEIGHT;
    for (let count = histogram[cut]; cut > 1 && count < CANDIDATES; ) count += histogram[--cut];
    const top = touched.filter((doc) => bestWeight[doc] >= cut).sort((a, b) => bestWeight[b] - bestWeight[a] || a - b).slice(0, CANDIDATES);
    for (const doc of touched) bestWeight[doc] = 0;
    return top;
  };
  // A query of two or three letters on a split prefix reads its best documents, not every posting under it.
  const writeShortQueryLists = (prefix: string, prefixTerms: string[]) => {
    if (prefix.length >= RERANK_FROM) return;
    files.set(indexPaths.top(prefix), json(bestDocuments(prefixTerms)));
    // Query words are expanded over the words of their two-letter prefix.
    if (prefix.length === SHARD_PREFIX) files.set(indexPaths.termList(prefix), json(prefixTerms));
  };
  const words = sortedTerms.filter((term) => !isBigram(term));
  const pairs = sortedTerms.filter(isBigram);
  const split = splitPrefixes(words, writeShortQueryLists);
  const pairSplit = splitPrefixes(pairs, () => undefined);
  const writeShards = (someTerms: readonly string[], someSplit: ReadonlySet<string>, pathOf: (name: string) => string): string[] => {
    const names: string[] = [];
    for (const [name, shardTerms] of groupBy(someTerms, (term) => shardName(term, someSplit, SHARD_PREFIX))) {
      const lists = shardTerms.map((term) => postings.get(term)!);
      const shard: Shard = { terms: shardTerms, docs: lists.map((list) => encodeDeltas(list.docs)), slots: lists.map((list) => list.slots) };
      files.set(pathOf(name), json(shard));
      names.push(name);
    }
    return names;
  };
  const shards = writeShards(words, split, indexPaths.shard);
  const pairShards = writeShards(pairs, pairSplit, indexPaths.pairShard);

  const meta: IndexMeta = { format: INDEX_FORMAT, count: papers.length, shards, split: [...split], terms, slotWeights: slots.weights };
  files.set(indexPaths.meta, json(meta));
  files.set(indexPaths.pairs, json({ shards: pairShards, split: [...pairSplit] } satisfies PairIndex));
  files.set(indexPaths.facets, json(buildFacetIndex(papers)));
  const byTitle = papers.map((_, n) => n).sort((a, b) => compareText(papers[a].title.toLowerCase(), papers[b].title.toLowerCase()) || a - b);
  const byUpvotes = papers.map((_, n) => n).sort((a, b) => (papers[b].upvotes ?? -1) - (papers[a].upvotes ?? -1) || a - b);
  files.set(indexPaths.order('title'), json(byTitle));
  files.set(indexPaths.order('upvotes'), json(byUpvotes));
  return { files, meta, papers };
}

/**
 * Whether an ending of an all-capital name starts a word found anywhere in the
 * catalogue: its meaningful parts (`distill` of QUANDISTILL), not every
 * ending (`andistill`), whose typo variants would spread a query over many shards.
 */
function wordStarts(documents: readonly SearchDocument[]): (ending: string) => boolean {
  const vocabulary = new Set<string>();
  for (const doc of documents) for (const { text } of fieldTexts(doc)) for (const word of indexWords(text).words) vocabulary.add(word);
  const sorted = [...vocabulary].sort(compareText);
  return (ending) => sorted[lowerBound(sorted, ending)]?.startsWith(ending) ?? false;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(item);
  }
  return groups;
}

function buildFacetIndex(papers: PaperRecord[]): FacetIndex {
  const summary = facetSummary(papers);
  const docs = Object.fromEntries(BROWSE_FACETS.map((facet) => [facet, new Map<string, number[]>()])) as Record<BrowseFacet, Map<string, number[]>>;
  papers.forEach((paper, n) => {
    const values = facetValuesOf(paper);
    for (const facet of BROWSE_FACETS) {
      for (const id of values[facet]) {
        let list = docs[facet].get(id);
        if (!list) docs[facet].set(id, (list = []));
        list.push(n);
      }
    }
  });
  const facets = {} as FacetIndex['facets'];
  for (const facet of BROWSE_FACETS) {
    facets[facet] = summary[facet].map((value) => ({ ...value, docs: encodeDeltas(docs[facet].get(value.id)!) }));
  }
  return { count: papers.length, facets };
}
