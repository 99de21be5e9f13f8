/**
 * Two-stage search over the static index, the same code at 230 papers and at
 * 100,000: stage one expands each query word to index terms (prefix matches,
 * plus typo variants found by Fuse over the shard's term list), sums the
 * weighted postings and keeps the best CANDIDATES documents; stage two runs
 * Fuse over just those, for fuzzy ranking and match highlights.
 *
 * Runs in a Web Worker in the browser and in Node for tests and the benchmark:
 * all I/O goes through `load`, which returns a parsed JSON file of the index.
 */
import Fuse, { type FuseResult } from 'fuse.js/basic';
import { bitsetWords, hasBit, setBit } from '../browse/bitset.ts';
import { type Highlights, fuseHighlights, wordStartHighlights } from './highlights.ts';
import { type IndexMeta, type PairIndex, type Postings, type Shard, bigram, indexPaths, isBigram, lowerBound, shardName } from './index-format.ts';
import { ItemScorer, type WeightedPostings } from './item-scores.ts';
import { NARROW_FROM, type NarrowCandidate, narrowCandidate } from './narrow.ts';
import { type Fragment, type SearchDocument, searchDocument } from './search-document.ts';
import { CANDIDATES, FUSE_OPTIONS, MIN_QUERY_LENGTH, RERANK_FROM, SHARD_PREFIX, TERM_FUZZ } from './search-options.ts';
import { type QueryPart, foldText, queryParts, querySpacing, queryText, queryTokens } from './tokenize.ts';

export type IndexLoader = (path: string) => Promise<unknown>;

/** How much the summed word scores count beside the weakest word's, for words not found side by side. */
const PHRASE_TIE_BREAK = 0.05;
/** How much adjacent query words found together count, against the weakest word of a document without them. */
const PHRASE_WEIGHT = 2;
/** Variants of each word tried in pairs (exact first, then the closest typos and completions). */
const PHRASE_VARIANTS = 4;

export interface SearchHit {
  fragment: Fragment;
  highlights: Highlights;
}

export interface SearchOptions {
  /** Documents the facets allow, as a bitset over document numbers; null for all. */
  allowed?: Uint32Array | null;
  /** Index of the first hit to return, in ranked order. */
  offset?: number;
  /** How many hits to return with their fragments. */
  limit?: number;
  /**
   * Called with a first answer from the fragments already at hand when others
   * must be fetched first; the returned promise then brings the complete answer.
   * A keystroke thus never waits on the network to show something.
   */
  onPartial?: (result: SearchResult) => void;
  /** Also return the answer's best papers at hand, for the page to narrow on the next keystroke. */
  narrowable?: boolean;
  /**
   * True once a newer search has replaced this one: it then stops at its next
   * step (rejecting with StaleSearch) instead of finishing work nobody will see.
   */
  isStale?: () => boolean;
}

/** A search given up because a newer one replaced it. */
export class StaleSearch extends Error {}

export interface SearchResult {
  query: string;
  /** Documents that match (every significant word, or any word when none match all) and the facets allow. */
  total: number;
  /** Bitset of the documents that match the query, facets aside: the base of facet counts. */
  matches: Uint32Array;
  hits: SearchHit[];
  /** Why nothing matched, when nothing did: too short a query, or no word found. */
  reason?: 'short' | 'none';
  /** Milliseconds the search took where it ran (the worker), set by the worker. */
  workMs?: number;
  /** True for a first answer that ranks only the candidates already loaded. */
  partial?: boolean;
  /** With the `narrowable` option: up to NARROW_FROM of the best papers, best first. */
  narrowable?: NarrowCandidate[];
}

/** A query's whole answer, kept for the next page. */
interface Answer {
  ranked: Ranking;
  highlights: Map<number, Highlights>;
  total: number;
  matches: Uint32Array;
  /** Fragments to fetch once the answer is out. */
  prefetch: number[];
}

/** Stage one's choice for Fuse to re-rank. */
interface Candidates {
  /** Candidates, then fillers: every fragment Fuse needs. */
  wanted: number[];
  /** The best documents that match every word (and the facets allow). */
  candidates: number[];
  /** The best partial matches, when too few match every word. */
  fillers: number[];
  matchedCount: number;
  matches: Uint32Array;
  /** Every other match, packed with its stage-one score. */
  tail: Float64Array | null;
  isAllowed: (n: number) => boolean;
}

/** How a search shows a first answer while fragments it needs are still on their way. */
interface Progress {
  /** A first answer from the fragments at hand. */
  partial(hits: SearchHit[], total: number, matches: Uint32Array): void;
}

/** Everything stage one reads from the index for one query. */
interface StageInputs {
  /** For a two- or three-letter query on a split prefix: its best documents, in order. */
  top: number[] | null;
  /** Per word, its expansions' postings. */
  lists: WeightedPostings[][];
  /** Per adjacent pair of words, the postings of the word pairs it may stand for. */
  pairs: WeightedPostings[][];
}

interface Expansion {
  term: string;
  /** How strongly a hit on this term counts: 1 exact, less for a longer word or a typo variant. */
  factor: number;
}


export class SearchEngine {
  private meta!: IndexMeta;
  private split = new Set<string>();
  private shards = new Set<string>();
  /** The word-pair shards and split prefixes, once the first phrase has fetched them. */
  private pairIndex: Promise<{ split: Set<string>; shards: Set<string> }> | null = null;
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly termFuse = new Map<string, Fuse<string>>();
  /** The words under each two-letter prefix. */
  private readonly words = new Map<string, string[]>();
  private readonly documents = new Map<number, SearchDocument>();
  /** Fragments already fetched, for answers that must not wait on the network. */
  private readonly loaded = new Map<number, Fragment>();
  private scores = new Float64Array(0);
  /** One word's score per document while it is being summed. */
  private wordScores = new Float64Array(0);
  /** The lowest word score per document, for phrase-like ranking. */
  private weakest = new Float64Array(0);
  private itemScorer = new ItemScorer(0, []);
  private hitCounts = new Uint8Array(0);
  private last: (Answer & { key: string }) | null = null;

  constructor(private readonly load: IndexLoader) {}

  async init(): Promise<IndexMeta> {
    if (!this.meta) {
      this.meta = (await this.file(indexPaths.meta)) as IndexMeta;
      this.split = new Set(this.meta.split);
      this.shards = new Set(this.meta.shards);
      this.scores = new Float64Array(this.meta.count);
      this.wordScores = new Float64Array(this.meta.count);
      this.weakest = new Float64Array(this.meta.count);
      this.itemScorer = new ItemScorer(this.meta.count, this.meta.slotWeights);
      this.hitCounts = new Uint8Array(this.meta.count);
      warmUpFuse();
    }
    return this.meta;
  }

  /** Every file is fetched at most once per session. */
  private file(path: string): Promise<unknown> {
    let promise = this.files.get(path);
    if (!promise) {
      promise = this.load(path);
      promise.catch(() => this.files.delete(path));
      this.files.set(path, promise);
    }
    return promise;
  }

  /** What Fuse sees of a paper, built once per paper per session. */
  private document(fragment: Fragment): SearchDocument {
    let doc = this.documents.get(fragment.n);
    if (!doc) this.documents.set(fragment.n, (doc = searchDocument(fragment, this.meta.terms)));
    return doc;
  }

  fragment(n: number): Promise<Fragment> {
    const ready = this.loaded.get(n);
    if (ready) return Promise.resolve(ready);
    const promise = this.file(indexPaths.fragment(n)) as Promise<Fragment>;
    promise.then((fragment) => this.loaded.set(n, fragment), () => undefined);
    return promise;
  }

  /** Starts fetching what a query beginning with these characters will need. */
  preload(query: string): void {
    const tokens = queryTokens(query);
    const token = tokens.at(-1);
    if (!this.meta || !token) return;
    // A second word is on its way: the phrase will want the word-pair shards' list.
    if (tokens.length > 1 || /\S\s+$/.test(query)) this.pairs().catch(() => undefined);
    if (token.length < SHARD_PREFIX) return;
    this.termsFor(token.slice(0, SHARD_PREFIX)).catch(() => undefined);
  }

  async search(query: string, { allowed = null, offset = 0, limit = 10, onPartial, narrowable = false, isStale }: SearchOptions = {}): Promise<SearchResult> {
    const meta = await this.init();
    const checkpoint = () => {
      if (isStale?.()) throw new StaleSearch();
    };
    const key = `${queryText(query)}\u0000${allowed ? allowedKey(allowed) : ''}`;
    let last = this.last?.key === key ? this.last : null;
    const progress: Progress | undefined =
      onPartial && offset === 0
        ? {
            partial: (hits, total, matches) =>
              onPartial({ query, total, matches, hits: hits.slice(0, limit), partial: true, narrowable: narrowable ? this.narrowCandidates(hits.map((hit) => hit.fragment)) : undefined }),
          }
        : undefined;
    if (!last) {
      const stage = await this.rank(query, allowed, progress, checkpoint);
      if ('reason' in stage) return { query, total: 0, matches: new Uint32Array(bitsetWords(meta.count)), hits: [], reason: stage.reason };
      last = this.last = { key, ...stage };
    }
    const { ranked, highlights, total, matches } = last;
    const page = ranked.slice(offset, offset + limit);
    const words = queryTokens(query);
    const hit = (fragment: Fragment): SearchHit => ({ fragment, highlights: highlights.get(fragment.n) ?? wordStartHighlights(fragment, words) });
    const ready = page.filter((n) => this.loaded.has(n));
    if (progress && ready.length > 0 && ready.length < page.length) progress.partial(ready.map((n) => hit(this.loaded.get(n)!)), total, matches.slice());
    const hits = (await Promise.all(page.map((n) => this.fragment(n)))).map(hit);
    // After the page's own fragments, so they never queue behind these.
    for (const n of last.prefetch.splice(0)) this.fragment(n).catch(() => undefined);
    const best = narrowable && offset === 0 ? this.narrowCandidates(ranked.slice(0, NARROW_FROM).flatMap((n) => this.loaded.get(n) ?? [])) : undefined;
    return { query, total, matches, hits, reason: total === 0 ? 'none' : undefined, narrowable: best };
  }

  private narrowCandidates(fragments: Fragment[]): NarrowCandidate[] {
    return fragments.slice(0, NARROW_FROM).map((fragment) => narrowCandidate(fragment, this.document(fragment)));
  }

  /** Stage one and two: every matching document, best first, with highlights for the re-ranked ones. */
  private async rank(query: string, allowed: Uint32Array | null, progress: Progress | undefined, checkpoint: () => void): Promise<Answer | { reason: 'short' }> {
    const inputs = await this.gather(query);
    checkpoint();
    if ('reason' in inputs) return inputs;
    const stage = this.stageOne(query, inputs, allowed);
    if (!('wanted' in stage)) return stage;
    const { wanted, candidates, fillers, matchedCount, matches, tail, isAllowed } = stage;
    // Fuse scores each paper on its own, so the papers at hand are scored once, for the
    // first answer, and the rest as they arrive; merged, the order is Fuse's over them all.
    const scored = new Map<number, FuseResult<SearchDocument>>();
    const score = (ns: number[]) => {
      for (const result of new Fuse(ns.map((n) => this.document(this.loaded.get(n)!)), FUSE_OPTIONS).search(query.trim())) scored.set(result.item.n, result);
    };
    // Equal scores rank by document number, as exhaustive Fuse ranks them (its index is in document order).
    const reranked = () =>
      wanted
        .map((n) => scored.get(n))
        .filter((result) => result !== undefined)
        .sort((a, b) => a.score! - b.score! || a.item.n - b.item.n);
    const ready = wanted.filter((n) => this.loaded.has(n));
    score(ready);
    if (progress && ready.length < wanted.length) {
      const hits = reranked()
        .filter((result) => isAllowed(result.item.n))
        .map((result) => ({ fragment: this.loaded.get(result.item.n)!, highlights: fuseHighlights(result.matches ?? [], query) }));
      if (hits.length > 0) progress.partial(hits, matchedCount, matches.slice());
    }
    const arriving = wanted.filter((n) => !this.loaded.has(n));
    await Promise.all(arriving.map((n) => this.fragment(n)));
    checkpoint();
    score(arriving);
    const highlights = new Map<number, Highlights>();
    const ranked: number[] = [];
    const acceptedByFuse = new Set<number>();
    for (const result of reranked()) {
      acceptedByFuse.add(result.item.n);
      if (!isAllowed(result.item.n)) continue;
      ranked.push(result.item.n);
      highlights.set(result.item.n, fuseHighlights(result.matches ?? [], query));
    }
    const seen = new Set(ranked);
    // Partial matches count only if Fuse accepted them.
    const accepted = fillers.filter((n) => acceptedByFuse.has(n));
    // Candidates Fuse found too loose still matched every word: they follow, in stage-one order,
    // and then every other match (the tail, ranked by stage one), so paging reaches all of them.
    for (const n of candidates) if (!seen.has(n)) ranked.push(n), seen.add(n);
    // `matches` ignores the facets, so the page can count each facet value under the query;
    // ranking and `total` respect them.
    for (const n of accepted) setBit(matches, n);
    return { ranked: new Ranking(ranked, tail), highlights, total: matchedCount + accepted.filter(isAllowed).length, matches, prefetch: [] as number[] };
  }

  /**
   * Every index file stage one reads for this query, fetched before any scoring.
   * Keystrokes fetch side by side; only the synchronous scoring uses the shared
   * arrays, so no keystroke ever waits for another one's downloads.
   */
  private async gather(query: string): Promise<StageInputs | { reason: 'short' }> {
    const tokens = queryTokens(query);
    if (query.trim().length < MIN_QUERY_LENGTH || tokens.length === 0) return { reason: 'short' };
    // A trailing word of one or two letters in a longer query is still being typed: it only re-ranks (in stage two).
    const words = tokens.length > 1 && tokens.at(-1)!.length <= 2 ? tokens.slice(0, -1) : tokens;
    const spacing = querySpacing(query);
    const kept = words.map((word, i) => ({ word, i })).filter(({ word }) => word.length >= 2);
    const significant = kept.map(({ word }) => word);
    // Two kept words form a phrase only if they stood side by side; `spaced` says if a single space joined them.
    const joins = kept.slice(1).map(({ i }, k) => (i === kept[k]!.i + 1 ? (spacing[kept[k]!.i] ?? false) : null));
    if (significant.length === 0) return { reason: 'short' };
    if (significant.length === 1 && significant[0].length < RERANK_FROM && this.split.has(significant[0])) {
      // A two- or three-letter query on a huge prefix: its precomputed best documents, not a scan of every posting.
      return { top: (await this.file(indexPaths.top(significant[0]))) as number[], lists: [], pairs: [] };
    }
    const parts = queryParts(query, maxDropped);
    const expansions = await Promise.all(kept.map(({ word, i }) => this.expandWithParts(word, parts[i] ?? [])));
    const [lists, pairs] = await Promise.all([
      Promise.all(expansions.map((terms) => Promise.all(terms.map(async ({ term, factor }) => ({ factor, ...(await this.postings(term)) }))))),
      significant.length > 1 ? this.pairPostings(expansions, joins) : [],
    ]);
    return { top: null, lists, pairs };
  }

  /**
   * Stage one, on the score arrays and without a pause: the documents that
   * match, and either the final order (queries too short to re-rank) or the
   * candidates for Fuse.
   */
  private stageOne(query: string, { top, lists, pairs }: StageInputs, allowed: Uint32Array | null): Answer | Candidates {
    const meta = this.meta;
    const matches = new Uint32Array(bitsetWords(meta.count));
    let all: number[];
    let partial: number[] = [];
    if (top) {
      all = top;
      all.forEach((n, i) => (this.scores[n] = all.length - i));
    } else {
      ({ all, partial } = this.accumulate(lists, pairs));
    }
    const isAllowed = (n: number) => !allowed || hasBit(allowed, n);
    const matched = allowed ? all.filter(isAllowed) : all;

    // A query of two or three letters is a prefix still being typed: Fuse's fuzzy match on it means
    // little, so stage one's order stands and only the fragments of the page shown are fetched.
    const reranks = query.trim().length >= RERANK_FROM;
    const candidates = topByScore(matched, this.scores, CANDIDATES);
    // For Fuse, when fewer than CANDIDATES documents match every word, the best partial matches fill
    // up and Fuse decides whether they match the query as a whole ("reasoning length" vs
    // "Reasoning-Enhanced"). Fillers are chosen without the facets, so which documents match a query
    // never depends on them.
    const fillers = reranks && all.length < CANDIDATES ? topByScore(partial, this.scores, CANDIDATES - all.length) : [];
    const chosen = new Set(candidates);
    // The matches beyond the candidates keep stage one's scores, packed before the arrays are reused.
    const tail = matched.length > candidates.length ? packScores(matched.filter((n) => !chosen.has(n)), this.scores) : null;
    for (const n of all) setBit(matches, n);
    for (const n of all) this.scores[n] = 0;
    for (const n of partial) this.scores[n] = 0;
    if (!reranks) {
      // One more letter and Fuse will want these candidates: fetch them once this answer is out.
      const prefetch = query.trim().length === RERANK_FROM - 1 ? [...candidates] : [];
      return { ranked: new Ranking(candidates, tail), highlights: new Map<number, Highlights>(), total: matched.length, matches, prefetch };
    }
    return { wanted: [...candidates, ...fillers], candidates, fillers, matchedCount: matched.length, matches, tail, isAllowed };
  }

  /**
   * Sums postings of every word's expansions. `all`: documents matching every word;
   * `partial`: the rest of those touched.
   */
  private accumulate(lists: WeightedPostings[][], pairs: WeightedPostings[][]): { all: number[]; partial: number[] } {
    const { scores, hitCounts, wordScores, weakest, itemScorer } = this;
    const touched: number[] = [];
    for (let w = 0; w < lists.length; w++) {
      for (const doc of itemScorer.add(lists[w]!, wordScores)) {
        if (hitCounts[doc] === 0) touched.push(doc);
        hitCounts[doc]++;
        const score = wordScores[doc];
        wordScores[doc] = 0;
        scores[doc] += score;
        weakest[doc] = hitCounts[doc] === 1 ? score : Math.min(weakest[doc], score);
      }
    }
    const all: number[] = [];
    const partial: number[] = [];
    for (const doc of touched) (hitCounts[doc] === lists.length ? all : partial).push(doc);
    if (lists.length > 1) {
      // Fuse scores a query as one phrase, which a field holds only if it holds every word:
      // a document ranks by the fields holding adjacent query words together; one that holds
      // them nowhere together, by its weakest word, the sum only breaking near-ties.
      const phrases = this.phraseScores(pairs);
      for (const doc of all) {
        const phrase = phrases.get(doc) ?? 0;
        // A lone query word in another field does not match Fuse's whole pattern: it counts for nothing.
        scores[doc] = phrase > 0 ? PHRASE_WEIGHT * phrase : weakest[doc] + PHRASE_TIE_BREAK * scores[doc];
      }
    }
    for (const doc of touched) {
      hitCounts[doc] = 0;
      // Equal sums added in another order differ in their last bits. Rounded to single precision
      // they tie again, and ties rank by document number, as Fuse ranks them.
      scores[doc] = Math.fround(scores[doc]);
    }
    // When no document holds every word, none matches outright: Fuse decides among the best partial ones.
    return { all, partial };
  }

  /**
   * For each adjacent pair of query words, the postings of the word pairs it
   * may stand for (each word's best variants: exact, then the closest typos and
   * completions), weighted by how closely they match.
   */
  private pairPostings(expansions: Expansion[][], joins: (boolean | null)[]): Promise<WeightedPostings[][]> {
    const best = (list: Expansion[]) => [...list].sort((a, b) => b.factor - a.factor).slice(0, PHRASE_VARIANTS);
    return Promise.all(
      joins.map((spaced, w) => {
        if (spaced === null || spaced === undefined) return [];
        const variants: Promise<WeightedPostings>[] = [];
        for (const left of best(expansions[w]!)) {
          for (const right of best(expansions[w + 1]!)) {
            // The words joined as typed count fully; joined otherwise ("kv-cache" for "kv cache"), as Fuse counts one edit.
            const joinedOtherwise = typoFactor(1 / (left.term.length + right.term.length + 1));
            for (const [term, join] of [[bigram(left.term, right.term, spaced), 1], [bigram(left.term, right.term, !spaced), joinedOtherwise]] as const) {
              variants.push(this.postings(term).then((postings) => ({ factor: left.factor * right.factor * join, ...postings })));
            }
          }
        }
        return Promise.all(variants);
      }),
    );
  }

  /**
   * A word's expansions and, for a compound name typed with its capitals, those
   * of its inner parts, counted as a typo of the dropped letters.
   */
  private async expandWithParts(word: string, parts: QueryPart[]): Promise<Expansion[]> {
    if (parts.length === 0) return this.expand(word);
    const [own, ...ofParts] = await Promise.all([this.expand(word), ...parts.map(({ part, typos }) => this.expand(part, typos))]);
    const best = new Map(own!.map(({ term, factor }) => [term, factor]));
    ofParts.forEach((list, k) => {
      const { part, dropped } = parts[k]!;
      for (const { term, factor } of list) {
        // Fuse's score for the whole word is about its edits over its length: the dropped letters and the part's own.
        const whole = typoFactor((dropped + typoScore(factor) * part.length) / word.length);
        best.set(term, Math.max(best.get(term) ?? 0, whole));
      }
    });
    return [...best].map(([term, factor]) => ({ term, factor }));
  }

  /** The index terms a query word stands for: itself, longer words it starts, and (with `typos`) close misspellings. */
  private async expand(word: string, typos = true): Promise<Expansion[]> {
    const terms = await this.termsFor(word.slice(0, SHARD_PREFIX));
    if (terms.length === 0) return [];
    const found = new Map<string, number>();
    for (let i = lowerBound(terms, word); i < terms.length && terms[i].startsWith(word); i++) {
      // A longer word that starts with the query counts a little less than the word itself.
      found.set(terms[i], terms[i] === word ? 1 : 0.9);
    }
    if (typos && word.length >= TERM_FUZZ.minLength) {
      let fuse = this.termFuse.get(word.slice(0, SHARD_PREFIX));
      if (!fuse) {
        fuse = new Fuse(terms, { threshold: TERM_FUZZ.threshold, includeScore: true, ignoreLocation: true });
        this.termFuse.set(word.slice(0, SHARD_PREFIX), fuse);
      }
      // The closest typo variants anywhere under the two-letter prefix; beyond them, every one that
      // shares the word's start up to where the typos Fuse allows it could begin. At 100k papers
      // thousands of method names are a typo or two from `pruneing` (PruneGearDuo, PruneIllCode, ...):
      // Fuse scores them alike, and which one a paper holds decides its rank. The shared start is at
      // least RERANK_FROM letters, a prefix that reads every shard under it: the shards of these
      // words are those a keystroke of the word already read (a shorter one would reach `quality`
      // from `quan`, a shard nobody typed).
      const stem = word.slice(0, Math.max(RERANK_FROM, word.length - maxDropped(word.length)));
      const variants = fuse.search(word);
      variants.forEach(({ item, score = 1 }, rank) => {
        if (found.has(item)) return;
        if (rank < TERM_FUZZ.limit || (item.startsWith(stem) && score <= FUSE_OPTIONS.threshold!)) found.set(item, typoFactor(score));
      });
    }
    return [...found].map(([term, factor]) => ({ term, factor }));
  }

  /** The single-word terms under a two-letter prefix, sorted. */
  private async termsFor(prefix: string): Promise<string[]> {
    let words = this.words.get(prefix);
    if (words) return words;
    if (this.split.has(prefix)) words = (await this.file(indexPaths.termList(prefix))) as string[];
    else if (this.shards.has(prefix)) words = ((await this.file(indexPaths.shard(prefix))) as Shard).terms;
    else words = [];
    this.words.set(prefix, words);
    return words;
  }

  private pairs(): Promise<{ split: Set<string>; shards: Set<string> }> {
    if (!this.pairIndex) {
      this.pairIndex = (this.file(indexPaths.pairs) as Promise<PairIndex>).then(({ split, shards }) => ({ split: new Set(split), shards: new Set(shards) }));
      // A failed fetch is tried again by the next phrase.
      this.pairIndex.catch(() => (this.pairIndex = null));
    }
    return this.pairIndex;
  }

  private async postings(term: string): Promise<Postings> {
    // A word pair tried as a phrase may not exist, nor may any shard for it.
    const pair = isBigram(term);
    const { split, shards } = pair ? await this.pairs() : { split: this.split, shards: this.shards };
    const name = shardName(term, split, SHARD_PREFIX);
    if (!shards.has(name)) return NO_POSTINGS;
    const shard = (await this.file(pair ? indexPaths.pairShard(name) : indexPaths.shard(name))) as Shard;
    const i = lowerBound(shard.terms, term);
    return shard.terms[i] === term ? { docs: shard.docs[i]!, slots: shard.slots[i]! } : NO_POSTINGS;
  }

  /** Per document, the summed weight of the items holding each adjacent pair of query words together, at the pair's best-matching variant. */
  private phraseScores(pairs: WeightedPostings[][]): Map<number, number> {
    const total = new Map<number, number>();
    // The word scores' array is all zero again once accumulate has summed the words.
    const pairScores = this.wordScores;
    for (const variants of pairs) {
      for (const doc of this.itemScorer.add(variants, pairScores)) {
        total.set(doc, (total.get(doc) ?? 0) + pairScores[doc]);
        pairScores[doc] = 0;
      }
    }
    return total;
  }
}

const NO_POSTINGS: Postings = { docs: [], slots: [] };

/**
 * The edits Fuse's threshold allows a word of this length, and one: how many leading letters a
 * compound name's part may drop, and how far from its end a typo variant may differ.
 */
const maxDropped = (length: number) => Math.floor(length * FUSE_OPTIONS.threshold!) + 1;

/**
 * How much a typo variant counts beside an exact hit, as Fuse weighs them: a
 * field Fuse matches exactly contributes EPSILON^w to the score, one it matches
 * with Bitap score s contributes s^w, so in log terms the typo is worth
 * ln(s) / ln(EPSILON) of the exact hit ("distillation" for "distilation": ~0.07).
 */
export function typoFactor(score: number): number {
  return Math.log(Math.max(score, Number.EPSILON)) / Math.log(Number.EPSILON);
}

/** The Fuse score a typo factor stands for: typoFactor's inverse. */
function typoScore(factor: number): number {
  return Math.exp(factor * Math.log(Number.EPSILON));
}

const DOC_BITS = 2 ** 21;

/**
 * Each document with its score (to 1/256) packed into one float that sorts
 * natively, best last, ties by document number. At 100k papers a prefix
 * matches tens of thousands: a comparator sort of those took most of a keystroke.
 */
export function packScores(docs: readonly number[], scores: ArrayLike<number>): Float64Array {
  const keys = new Float64Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const n = docs[i]!;
    if (n >= DOC_BITS) throw new RangeError(`document ${n}: the search index supports ${DOC_BITS} papers`);
    keys[i] = Math.min(Math.max(0, Math.round(scores[n]! * 256)), 2 ** 31) * DOC_BITS + (DOC_BITS - 1 - n);
  }
  return keys;
}

function unpackBestFirst(keys: Float64Array): number[] {
  keys.sort();
  const docs = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) docs[i] = DOC_BITS - 1 - (keys[keys.length - 1 - i]! % DOC_BITS);
  return docs;
}

/**
 * Every match in order, sorted only as far as it is read: the head (what
 * Fuse ranked, or stage one's best) at once, the long tail the first time a
 * page reaches into it. Most keystrokes never page past the head.
 */
export class Ranking {
  constructor(
    private readonly head: number[],
    /** The rest, as `packScores` packed them. */
    private tail: Float64Array | null = null,
  ) {}

  slice(start: number, end: number): number[] {
    if (end > this.head.length && this.tail) {
      for (const n of unpackBestFirst(this.tail)) this.head.push(n);
      this.tail = null;
    }
    return this.head.slice(start, end);
  }
}

/** The k best documents by score (ties: newer first), without sorting every match. */
export function topByScore(docs: number[], scores: ArrayLike<number>, k: number): number[] {
  const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
  // Min-heap of the best k so far: the root is the worst kept document.
  const heap: number[] = [];
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst], heap[l])) worst = l;
      if (r < heap.length && better(heap[worst], heap[r])) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  };
  for (const doc of docs) {
    if (heap.length < k) {
      heap.push(doc);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >>> 1;
        if (!better(heap[parent], heap[i])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (better(doc, heap[0])) {
      heap[0] = doc;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}

/**
 * Runs both Fuse set-ups once on a dummy document while the reader types their
 * first letters (Fuse only re-ranks from the fourth), so its code is compiled
 * before the first keystroke that needs it.
 */
function warmUpFuse(): void {
  const doc: SearchDocument = { n: 0, title: 'Warming up a quantized kv cache', method: 'WARM', techniques: ['Quantization'], targets: ['KV cache'], claims: ['We warm up the search engine.'], org: '' };
  new Fuse([doc], FUSE_OPTIONS).search('quantised cache');
  new Fuse(['quantization', 'cache'], { threshold: TERM_FUZZ.threshold, includeScore: true, ignoreLocation: true }).search('quantisation');
}

/** A cheap identity for a facet bitset, so a repeated query under the same filters is answered from cache. */
function allowedKey(bits: Uint32Array): string {
  let hash = 2166136261;
  for (let i = 0; i < bits.length; i++) hash = Math.imul(hash ^ bits[i], 16777619);
  return `${bits.length}:${hash >>> 0}`;
}
