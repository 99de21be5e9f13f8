import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../../src/lib/schema.ts';
import { fullBitset, fromDocs, hasBit } from '../../../src/lib/browse/bitset.ts';
import { type PairIndex, type Shard, indexPaths, shardName } from '../../../src/lib/search/index-format.ts';
import { Ranking, SearchEngine, type SearchResult, StaleSearch, packScores } from '../../../src/lib/search/query-engine.ts';
import { ItemScorer, type WeightedPostings } from '../../../src/lib/search/item-scores.ts';
import { searchDocument } from '../../../src/lib/search/search-document.ts';
import { FUSE_KEYS } from '../../../src/lib/search/search-options.ts';
import { indexWords, innerTerms } from '../../../src/lib/search/tokenize.ts';
import { termTable, toFragment } from '../../../scripts/search-index/build-search-index.ts';
import { WEIGHT_RESOLUTION } from '../../../scripts/search-index/item-slots.ts';
import { realRecords } from '../../helpers/records.ts';
import { exhaustiveFuse, inMemoryIndex } from '../../helpers/search-index.ts';

let records: PaperRecord[];
let index: ReturnType<typeof inMemoryIndex>;

beforeAll(async () => {
  records = await realRecords();
  index = inMemoryIndex(records);
});

const top = async (query: string, limit = 10) => (await index.engine.search(query, { limit })).hits.map((hit) => hit.fragment);

const isFragment = (path: string) => path === indexPaths.fragment(Number(/\d+/.exec(path)?.[0]));

/**
 * An engine over the real records whose loader holds back the files `held`
 * picks until `open()`; `wanted` resolves when the first of them is asked for.
 */
function gatedEngine(held: (path: string) => boolean) {
  const index = inMemoryIndex(records);
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let asked!: () => void;
  const wanted = new Promise<void>((resolve) => (asked = resolve));
  const engine = new SearchEngine(async (path) => {
    if (held(path)) {
      asked();
      await gate;
    }
    return JSON.parse(index.files.get(path)!);
  });
  return { engine, open, wanted, index };
}

describe('typo-tolerant search on the real digests', () => {
  it.each([
    ['quantisation', 'techniques', 'quantization'],
    ['distilation', 'techniques', 'distillation'],
    ['pruneing', 'techniques', 'pruning'],
    ['kv cahce', 'targets', 'kv-cache'],
  ] as const)('"%s" finds %s:%s papers first', async (query, field, id) => {
    const hits = await top(query, 10);
    expect(hits.length).toBe(10);
    const onTopic = hits.filter((hit) => hit[field].includes(id));
    expect(onTopic.length, hits.map((hit) => hit.title).join('\n')).toBeGreaterThanOrEqual(9);
  });

  it('a method name finds its paper first, for nearly every named method', async () => {
    const named = records.filter((record) => record.method && record.method.length >= 3);
    // Method names several papers share (or that are ordinary words in other titles) may rank a sibling first.
    const misses: string[] = [];
    for (const record of named) {
      const [first] = await top(record.method!, 3);
      if (first?.method !== record.method) misses.push(`${record.method} -> ${first?.method ?? first?.title ?? 'nothing'}`);
    }
    expect(misses.length / named.length, misses.join('\n')).toBeLessThanOrEqual(0.03);
  });

  it('finds a compound method name by its inner part, as Fuse matches a substring', async () => {
    // "budgeter" and "codezip" occur only inside SelfBudgeter and LongCodeZip.
    expect((await top('budgeter', 1))[0]?.method).toBe('SelfBudgeter');
    expect((await top('codezip', 1))[0]?.method).toBe('LongCodeZip');
  });

  it('puts a title hit above a hit only in the claims', async () => {
    const [first] = await top('speculative decoding', 1);
    expect(first.title.toLowerCase()).toContain('speculative decoding');
  });

  it('agrees with exhaustive Fuse on at least 18 of the top 20 for queries of four or more characters', async () => {
    const fuse = exhaustiveFuse(index.papers);
    for (const query of ['quantization', 'kv cache', 'kv-cache', 'kv cahce', 'low rank', 'speculative decoding', 'distillation', 'distilation', 'pruning', 'quantizaton', 'token merging', 'reasoning length']) {
      const reference = fuse.search(query, { limit: 20 }).map((result) => result.item.n);
      const ours = (await top(query, 20)).map((hit) => hit.n);
      const shared = ours.filter((n) => reference.includes(n)).length;
      expect(shared, `${query}: ${shared}/${reference.length}`).toBeGreaterThanOrEqual(Math.min(18, reference.length));
    }
  });

  it('expands a misspelled word over every name Fuse matches that shares its start, however many there are', async () => {
    // 144 method names a typo or two from "pruneing" (PruneGearIll, PruneNanoAda, ...), as generated names
    // make at 100k papers: Fuse ranks by which of them a paper holds, so stage one must try them all.
    const syllables = ['Gear', 'Ill', 'Nano', 'Ada', 'Evo', 'Lite', 'Mix', 'Slim', 'Hash', 'Vec', 'Zip', 'Flash'];
    const papers = syllables.flatMap((first, i) =>
      syllables.map((second, j): PaperRecord => {
        const method = `Prune${first}${second}`;
        const title = `${method}: ${(i + j) % 3 === 0 ? 'Merging layers' : 'Pruning tokens'} for long context`;
        // Dates out of name order, so the newest-first order Fuse breaks ties by is not the names' order.
        const published = `2025-01-${String(1 + ((7 * i + 5 * j) % 28)).padStart(2, '0')}`;
        return { ...records[0]!, id: method.toLowerCase(), method, title, published, claims: [], techniques: [], targets: [], org: null };
      }),
    );
    const small = inMemoryIndex(papers);
    const reference = exhaustiveFuse(small.papers).search('pruneing', { limit: 20 });
    expect(reference.length).toBe(20);
    const ours = (await small.engine.search('pruneing', { limit: 20 })).hits.map((hit) => hit.fragment.n);
    const shared = ours.filter((n) => reference.some((result) => result.item.n === n)).length;
    expect(shared, reference.map((result) => result.item.title).join('\n')).toBeGreaterThanOrEqual(18);
  });

  it('finds names with another start that Fuse matches, for a compound name typed with its capitals', async () => {
    // 144 names with Prune inside (AdaPruneZip, EvoPruneVec, ...): Fuse's substring match finds AdaPruneZip
    // for "RaPruneZip", which starts otherwise; the index holds its inner part `prunezip`, and so does the query.
    const syllables = ['Gear', 'Ill', 'Nano', 'Ada', 'Evo', 'Lite', 'Mix', 'Slim', 'Hash', 'Vec', 'Zip', 'Flash'];
    const papers = syllables.flatMap((first, i) =>
      syllables.map((second, j): PaperRecord => {
        const method = `${first}Prune${second}`;
        const published = `2025-01-${String(1 + ((7 * i + 5 * j) % 28)).padStart(2, '0')}`;
        return { ...records[0]!, id: method.toLowerCase(), method, title: `${method}: pruning for long context`, published, claims: [], techniques: [], targets: [], org: null };
      }),
    );
    const small = inMemoryIndex(papers);
    for (const query of ['RaPruneZip', 'NANOPRUNEFLAS']) {
      const reference = exhaustiveFuse(small.papers).search(query, { limit: 20 });
      expect(reference.length).toBeGreaterThanOrEqual(10);
      const ours = (await small.engine.search(query, { limit: 20 })).hits.map((hit) => hit.fragment.n);
      const shared = ours.filter((n) => reference.some((result) => result.item.n === n)).length;
      expect(shared, `${query}: ${reference.map((result) => result.item.method).join(' ')}`).toBeGreaterThanOrEqual(Math.min(18, reference.length));
    }
  });

  it('credits the letter typed before an inner part of a name, as Fuse does, when more names share the part than stage one keeps', async () => {
    // 70 names end in DistPact. For "RaDistPact" Fuse finds BaDistPact one edit away ("aDistPact") and
    // BeDistPact two ("eDistPact"); the part `distpact` alone ties them all, and only 50 candidates go to Fuse.
    const starts = [...'bcdfgklmnpstvz'].flatMap((consonant) => [...'aeiou'].map((vowel) => consonant.toUpperCase() + vowel));
    const papers = starts.map((start, i): PaperRecord => {
      const method = `${start}DistPact`;
      return { ...records[0]!, id: method.toLowerCase(), method, title: `${method}: distilling long context`, published: `2025-01-${String(1 + ((11 * i) % 28)).padStart(2, '0')}`, claims: [], techniques: [], targets: [], org: null };
    });
    const small = inMemoryIndex(papers);
    const reference = exhaustiveFuse(small.papers).search('RaDistPact', { limit: 20 });
    const oneEdit = reference.filter((result) => result.score! < reference.at(-1)!.score!).map((result) => result.item.method);
    expect(oneEdit.length).toBe(14);
    expect(oneEdit.every((method) => /^[A-Z]aDistPact$/.test(method!))).toBe(true);
    const ours = (await small.engine.search('RaDistPact', { limit: 20 })).hits.map((hit) => hit.fragment.method);
    expect(ours.slice(0, 14)).toEqual(oneEdit);
  });

  it('ranks papers Fuse scores alike by document number, as exhaustive Fuse does', async () => {
    // Stage one counts "pruning" and "pruned" in one title twice; Fuse counts the title once, so the two tie.
    const paper = (id: string, title: string): PaperRecord => ({ ...records[0]!, id, title, method: null, claims: [], techniques: [], targets: [], org: null });
    const papers = [paper('b', 'Pruning pruned weights'), paper('a', 'Pruning model weights')];
    const small = inMemoryIndex(papers);
    const reference = exhaustiveFuse(small.papers).search('prun');
    expect(reference[0]!.score).toBe(reference[1]!.score);
    const ours = (await small.engine.search('prun', { limit: 2 })).hits.map((hit) => hit.fragment.title);
    expect(ours).toEqual(reference.map((result) => result.item.title));
    expect(ours[0]).toBe('Pruning model weights');
  });
});

describe('stage one', () => {
  it('counts each field item once, however many of its words a query word matches, as Fuse counts a field', async () => {
    // "QJL: 1-Bit Quantized JL Transform for KV Cache Quantization": `quantiz` is one title hit.
    const prefix = 'quantiz';
    const lists: WeightedPostings[] = [];
    for (const [path, text] of index.files) {
      if (!path.startsWith('s/')) continue;
      const shard = JSON.parse(text) as Shard;
      shard.terms.forEach((term, i) => term.startsWith(prefix) && lists.push({ factor: 1, docs: shard.docs[i]!, slots: shard.slots[i]! }));
    }
    const scores = new Float64Array(index.papers.length);
    const hit = new ItemScorer(index.papers.length, index.meta.slotWeights).add(lists, scores);
    const terms = termTable();
    const holds = (text: string) => [...indexWords(text).words, ...innerTerms(text)].some((word) => word.startsWith(prefix));
    let severalInOneItem = 0;
    for (const [n, paper] of index.papers.entries()) {
      const doc = searchDocument(toFragment(paper, n), terms);
      // Fuse's measure: key weight x 1/sqrt(words) for each item holding the word, in the index's units.
      let expected = 0;
      let items = 0;
      for (const { name, weight } of FUSE_KEYS) {
        for (const text of [doc[name]].flat()) {
          if (!text || !holds(text)) continue;
          expected += (weight * WEIGHT_RESOLUTION) / Math.sqrt(text.split(/\s+/).filter(Boolean).length);
          items++;
          if (new Set(indexWords(text).words.filter((word) => word.startsWith(prefix))).size > 1) severalInOneItem++;
        }
      }
      // Each item's weight is rounded to a unit, never moved: items of equal weight have slots of their own.
      expect(Math.abs(scores[n]! - expected), `${paper.title}: ${scores[n]} vs ${expected.toFixed(1)}`).toBeLessThanOrEqual(0.5 * items);
      expect(hit.includes(n)).toBe(items > 0);
    }
    expect(severalInOneItem).toBeGreaterThan(0);
  });

  it('ranks papers Fuse ties by document number, though their sums were added in another order', async () => {
    // The same two claims in either order: a completion's factor (0.9) times the item weights,
    // summed title, claim, claim, gives sums that differ in their last bits (so do Fuse's products).
    const claim = (words: number) => ['Pruning', ...Array.from({ length: words - 1 }, (_, i) => `word${i}`)].join(' ');
    const paper = (id: string, published: string, claims: string[]): PaperRecord => ({ ...records[0]!, id, published, title: 'Pruning deep networks', method: null, claims, techniques: [], targets: [], org: null });
    for (const [newer, older] of [
      [[claim(8), claim(15)], [claim(15), claim(8)]],
      [[claim(15), claim(8)], [claim(8), claim(15)]],
    ]) {
      const small = inMemoryIndex([paper('older', '2024-01-01', older!), paper('newer', '2025-01-01', newer!)]);
      const [first, second] = exhaustiveFuse(small.papers).search('pru');
      expect(first!.score! / second!.score!).toBeCloseTo(1, 12);
      // Three letters: stage one's order is the answer.
      expect((await small.engine.search('pru', { limit: 2 })).hits.map((hit) => hit.fragment.id)).toEqual(['newer', 'older']);
    }
  });

  it('counts nothing for a lone query word beside the fields that hold the phrase, as Fuse matches the whole pattern', async () => {
    // A hundred papers hold "KV cache" in their titles alike; the eighty older ones also name an
    // organisation with "KV" in it, which Fuse's pattern "kv cache" does not match. Fuse ties all
    // of them and ranks the newest first; stage one must not prefer the eighty for their lone "kv".
    const paper = (i: number): PaperRecord => ({
      ...records[0]!,
      id: `paper-${i}`,
      published: `${i < 80 ? 2024 : 2025}-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      title: `KV cache study number${i}`,
      method: null,
      claims: [],
      techniques: [],
      targets: [],
      org: i < 80 ? { id: 'kv-labs', name: 'KV Labs' } : null,
    });
    const small = inMemoryIndex(Array.from({ length: 100 }, (_, i) => paper(i)));
    const reference = exhaustiveFuse(small.papers).search('kv cache').slice(0, 20);
    expect(new Set(reference.map((result) => result.score)).size).toBe(1);
    const ours = (await small.engine.search('kv cache', { limit: 20 })).hits.map((hit) => hit.fragment.n);
    expect(ours).toEqual(reference.map((result) => result.item.n));
  });

  it('sums alike the papers Fuse ties, whatever weights their other items have', async () => {
    // Eighty papers alike for `kv cache`: "KV cache" in the title and the labels "KV cache" and
    // "kv cache". The thirty newest are about neural representations, whose label "Neural
    // representations" weighs what a two-word target label weighs; the fifty older ones are about
    // quantization. Fuse ties all eighty and ranks the newest first; so must stage one, which
    // once moved one of two equal weights a unit and summed the thirty a little lower.
    const paper = (i: number): PaperRecord => ({
      ...records[0]!,
      id: `paper-${i}`,
      published: `${i < 50 ? 2024 : 2025}-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      title: `Study${i} for KV cache`,
      method: null,
      claims: [],
      techniques: [i < 50 ? 'quantization' : 'neural-representation'],
      targets: ['kv-cache'],
      org: null,
    });
    const small = inMemoryIndex(Array.from({ length: 80 }, (_, i) => paper(i)));
    const reference = exhaustiveFuse(small.papers).search('kv cache').slice(0, 20);
    expect(new Set(reference.map((result) => result.score)).size).toBe(1);
    expect(reference.every((result) => result.item.techniques.includes('Neural representations'))).toBe(true);
    const ours = (await small.engine.search('kv cache', { limit: 20 })).hits.map((hit) => hit.fragment.n);
    expect(ours).toEqual(reference.map((result) => result.item.n));
  });
});

describe('what a query returns', () => {
  it('refuses one-character queries and says why', async () => {
    const result = await index.engine.search('q');
    expect(result).toMatchObject({ total: 0, hits: [], reason: 'short' });
  });

  it('says when no word matched', async () => {
    const result = await index.engine.search('zzzzqqqq');
    expect(result).toMatchObject({ total: 0, reason: 'none' });
  });

  it('ranks papers that match every word of a phrase first', async () => {
    const result = await index.engine.search('kv cache quantization', { limit: 3 });
    expect(result.total).toBeGreaterThan(3);
    for (const hit of result.hits) expect(hit.fragment.title.toLowerCase(), hit.fragment.title).toMatch(/kv cache quanti/);
  });

  it("keeps stage one's order for a two- or three-letter prefix, fetching only the page shown", async () => {
    const fresh = inMemoryIndex(records);
    const result = await fresh.engine.search('qua', { limit: 8 });
    expect(result.total).toBeGreaterThan(8);
    const fragments = fresh.loads.filter((path) => path.startsWith('d/'));
    expect(fragments.slice(0, 8)).toEqual(result.hits.map((hit) => `d/${hit.fragment.n}.json`));
    // Then, off the critical path, the candidates the next letter's re-ranking will want.
    expect(fragments.length).toBe(Math.min(50, result.total));
    for (const hit of result.hits) {
      const [start, end] = hit.highlights.title[0] ?? hit.highlights.method[0];
      expect((hit.highlights.title.length ? hit.fragment.title : hit.fragment.method!).slice(start, end + 1).toLowerCase()).toBe('qua');
    }
  });

  it('answers first from fragments at hand when others must be fetched, then completely', async () => {
    const fresh = inMemoryIndex(records);
    await fresh.engine.search('kv', { limit: 8 });
    const partials: SearchResult[] = [];
    const complete = await fresh.engine.search('kv cache', { limit: 8, onPartial: (result) => partials.push(result) });
    expect(partials).toHaveLength(1);
    expect(partials[0].partial).toBe(true);
    expect(partials[0].hits.length).toBeGreaterThan(0);
    expect(complete.partial).toBeUndefined();
    expect(complete.hits).toHaveLength(8);
    // Nothing to fetch, nothing partial.
    const again: SearchResult[] = [];
    await fresh.engine.search('kv cache q', { limit: 8, onPartial: (result) => again.push(result) });
    expect(again).toEqual([]);
  });

  it('ranks the same whether some candidates were at hand (scored first) or none', async () => {
    const fuse = exhaustiveFuse(records);
    for (const query of ['kv cache quantization', 'pruneing', 'distilation', 'reasoning length']) {
      const cold = await inMemoryIndex(records).engine.search(query, { limit: 50 });
      // Every other paper of the answer already at hand: Fuse scores those first, the rest on arrival.
      const warm = inMemoryIndex(records);
      await Promise.all(cold.hits.filter((_, i) => i % 2 === 1).map((hit) => warm.engine.fragment(hit.fragment.n)));
      const partials: SearchResult[] = [];
      const answer = await warm.engine.search(query, { limit: 50, onPartial: (result) => partials.push(result) });
      expect(partials.length, query).toBeGreaterThan(0);
      expect(answer.hits.map((hit) => [hit.fragment.n, hit.highlights]), query).toEqual(cold.hits.map((hit) => [hit.fragment.n, hit.highlights]));
      expect(answer.total, query).toBe(cold.total);
      // And that order is Fuse's: the papers Fuse accepted lead, by Fuse's score (a paper's score is its own).
      const score = new Map(fuse.search(query).map((result) => [result.item.n, result.score!]));
      const head = answer.hits.map((hit) => score.get(hit.fragment.n));
      const scored = head.slice(0, head.findIndex((value) => value === undefined) >>> 0);
      expect(scored.length, query).toBeGreaterThan(5);
      expect(scored, query).toEqual([...scored].sort((a, b) => a! - b!));
    }
  });

  it('while files load, first ranks the candidates at hand (those the previous keystroke prefetched)', async () => {
    const index = inMemoryIndex(records);
    // A loader that takes real time, as the network does.
    const slow = new SearchEngine(async (path) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return JSON.parse(index.files.get(path)!);
    });
    const before = await slow.search('rea', { limit: 50 });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the prefetched candidates arrive
    const partials: SearchResult[] = [];
    const complete = await slow.search('reasoning eff', { limit: 8, onPartial: (result) => partials.push(result) });
    expect(partials[0]!.hits.length).toBeGreaterThan(0);
    // Only papers already at hand, and each one a match of the complete answer.
    const previous = new Set(before.hits.map((hit) => hit.fragment.n));
    for (const { fragment } of partials[0]!.hits) {
      expect(previous.has(fragment.n)).toBe(true);
      expect(hasBit(complete.matches, fragment.n)).toBe(true);
    }
  });

  it("returns the answer's best papers at hand, with what Fuse ranks of them, for the page to narrow", async () => {
    const fresh = inMemoryIndex(records);
    await fresh.engine.search('quantizatio', { limit: 50 }); // every candidate of the next query at hand
    const answer = await fresh.engine.search('quantization', { limit: 8, narrowable: true });
    const kept = answer.narrowable!;
    expect(kept).toHaveLength(20);
    expect(kept.slice(0, 8).map(({ fragment }) => fragment.n)).toEqual(answer.hits.map((hit) => hit.fragment.n));
    for (const { fragment, words } of kept) {
      // The words of the title and the technique labels and synonyms; not the claims.
      for (const word of fragment.title.toLowerCase().match(/[a-z0-9]+/g)!) expect(words).toContain(word);
      expect(words).toContain('quantisation');
      expect(words).not.toContain('achieves');
    }
    expect((await fresh.engine.search('quantization', { limit: 8 })).narrowable).toBeUndefined();
  });

  it("does not make a new keystroke wait for the previous one's fragments, and drops a replaced search", async () => {
    // Fragments arrive only when the gate opens; shards and the rest load at once.
    const { engine, open, wanted: fragmentsWanted } = gatedEngine(isFragment);
    await engine.search('pr', { limit: 0 });
    let replaced = false;
    const older = engine.search('quantization', { limit: 8, isStale: () => replaced });
    const outcome = older.then(() => 'answered', (error) => (error instanceof StaleSearch ? 'dropped' : error));
    await fragmentsWanted;
    replaced = true;
    // A three-letter prefix needs no fragment for its ranking: it answers while the older search still waits.
    const newer = await engine.search('pru', { limit: 0 });
    expect(newer.total).toBeGreaterThan(0);
    expect(await Promise.race([outcome, Promise.resolve('still waiting')])).toBe('still waiting');
    open();
    expect(await outcome).toBe('dropped');
    // The engine stays usable, with clean scores: the same query twice gives the same answer.
    const first = await engine.search('pruning', { limit: 5 });
    const second = await inMemoryIndex(records).engine.search('pruning', { limit: 5 });
    expect(first.hits.map((hit) => hit.fragment.n)).toEqual(second.hits.map((hit) => hit.fragment.n));
  });

  it("does not make a new keystroke wait for the previous one's shards", async () => {
    // The "qu" shard arrives only when the gate opens; every other file at once.
    const { engine, open, wanted: shardWanted, index } = gatedEngine((path) => path === indexPaths.shard('qu'));
    let replaced = false;
    const older = engine.search('quantization', { limit: 0, isStale: () => replaced });
    const outcome = older.then(() => 'answered', (error) => (error instanceof StaleSearch ? 'dropped' : error));
    await shardWanted;
    replaced = true;
    const newer = await engine.search('pruning', { limit: 3 });
    expect(newer.hits.map((hit) => hit.fragment.n)).toEqual((await index.engine.search('pruning', { limit: 3 })).hits.map((hit) => hit.fragment.n));
    expect(await Promise.race([outcome, Promise.resolve('still waiting')])).toBe('still waiting');
    open();
    expect(await outcome).toBe('dropped');
  });

  it('highlights the matched part of the title', async () => {
    const [hit] = (await index.engine.search('GPTQ', { limit: 1 })).hits;
    const [start, end] = hit.highlights.title[0];
    expect(hit.fragment.title.slice(start, end + 1).toLowerCase()).toBe('gptq');
  });

  it('pages through every match, each document once', async () => {
    const first = await index.engine.search('compression', { offset: 0, limit: 1000 });
    const ids = first.hits.map((hit) => hit.fragment.n);
    expect(new Set(ids).size).toBe(first.total);
    const page2 = await index.engine.search('compression', { offset: 50, limit: 50 });
    expect(page2.hits.map((hit) => hit.fragment.n)).toEqual(ids.slice(50, 100));
  });

  it('ranks only what the facets allow, while its match set ignores them', async () => {
    const quantized = index.papers.flatMap((paper, n) => (paper.techniques.includes('quantization') ? [n] : []));
    const allowed = fromDocs(index.papers.length, quantized);
    const result = await index.engine.search('kv cache', { allowed, limit: 100 });
    expect(result.hits.length).toBe(result.total);
    expect(result.hits.every((hit) => hit.fragment.techniques.includes('quantization'))).toBe(true);
    const unfiltered = await index.engine.search('kv cache', { allowed: fullBitset(index.papers.length), limit: 0 });
    expect(Array.from(result.matches)).toEqual(Array.from(unfiltered.matches));
    expect(unfiltered.total).toBeGreaterThan(result.total);
  });
});

describe('sharding', () => {
  it('gives the same answers when prefixes are split, level after level', async () => {
    const split = inMemoryIndex(records, { maxShardPostings: 20 });
    // Splitting went deeper than three letters, and split a frequent word's pairs by their second word.
    expect(split.meta.split.some((prefix) => prefix.length >= 4)).toBe(true);
    expect((JSON.parse(split.files.get(indexPaths.pairs)!) as PairIndex).split.some((prefix) => prefix.includes(' '))).toBe(true);
    // No shard holds more postings than the cap, unless it is one term; word shards hold only words, pair shards only pairs.
    for (const [path, text] of split.files) {
      if (!path.startsWith('s/') && !path.startsWith('p/')) continue;
      const shard = JSON.parse(text) as Shard;
      const postings = shard.docs.reduce((sum, list) => sum + list.length, 0);
      expect(postings <= 20 || shard.terms.length === 1, `${path}: ${shard.terms.length} terms, ${postings} postings`).toBe(true);
      expect(shard.terms.every((term) => term.includes(' ') === path.startsWith('p/')), path).toBe(true);
    }
    // Phrases whose word pairs (as typed, or joined otherwise) are not in the index must not ask for a shard that does not exist.
    for (const query of ['quantisation', 'kv cahce', 'kv-cache', 'speculative decoding', 'pruning kv cache', 'reasoning quantization', 'pruning', 'LASER', 'distilation']) {
      const a = (await index.engine.search(query, { limit: 20 })).hits.map((hit) => hit.fragment.id);
      const b = (await split.engine.search(query, { limit: 20 })).hits.map((hit) => hit.fragment.id);
      expect(b, query).toEqual(a);
    }
    // Two- and three-letter queries on a split prefix answer from its precomputed best documents.
    for (const query of ['qu', 'qua']) {
      const quick = await split.engine.search(query, { limit: 10 });
      expect(quick.hits.length, query).toBe(10);
      expect(split.loads.some((path) => path === `t/${query}.json`), query).toBe(true);
    }
  });

  it('puts each term in the shard named by its shortest unsplit prefix', () => {
    const split = new Set(['sp', 'spe', 'kv', 'kv ']);
    // Words and pairs are named by the same rule, each against its own split prefixes.
    expect(shardName('speculative', split, 2)).toBe('spec');
    expect(shardName('spe', split, 2)).toBe('spe');
    expect(shardName('spa', split, 2)).toBe('spa');
    expect(shardName('kv', split, 2)).toBe('kv');
    expect(shardName('kv cache', split, 2)).toBe('kv c');
    expect(shardName('kvcache', split, 2)).toBe('kvc');
    expect(shardName('quant', split, 2)).toBe('qu');
    expect(indexPaths.pairShard('kv c')).toBe('p/kv_c.json');
  });

  it('loads only the shard of the typed prefix and the candidates fragments', async () => {
    const fresh = inMemoryIndex(records);
    await fresh.engine.search('pruning', { limit: 5 });
    const shards = fresh.loads.filter((path) => path.startsWith('s/'));
    expect(shards).toEqual(['s/pr.json']);
    // A single word reads no word pairs, nor their list; a phrase reads both.
    expect(fresh.loads.filter((path) => path.startsWith('p/') || path === indexPaths.pairs)).toEqual([]);
    expect(fresh.loads.filter((path) => path.startsWith('d/')).length).toBeLessThanOrEqual(50);
    // The list is fetched as soon as a second word begins.
    fresh.engine.preload('kv ');
    expect(fresh.loads).toContain(indexPaths.pairs);
    await fresh.engine.search('kv cache', { limit: 5 });
    expect(fresh.loads).toContain(indexPaths.pairShard('kv'));
  });
});

describe('Ranking', () => {
  it('orders documents best first, ties by document number, as a comparator sort does at 1/256 resolution', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(200_000), { maxLength: 400 }), fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: 1, maxLength: 50 }), (docs, levels) => {
        const scores = new Float64Array(200_001);
        // Scores on a 1/256 grid, with many ties, so packing loses nothing the comparator would see.
        docs.forEach((n, i) => (scores[n] = levels[i % levels.length]! / 256));
        const expected = [...docs].sort((a, b) => scores[b]! - scores[a]! || a - b);
        expect(new Ranking([], packScores(docs, scores)).slice(0, docs.length)).toEqual(expected);
      }),
    );
  });

  it('a Ranking keeps its head as given and sorts the tail only when a page reaches it', () => {
    const scores = new Float64Array(10);
    [0.5, 3, 1, 2, 2, 0, 4, 1, 0, 0].forEach((score, n) => (scores[n] = score));
    const ranking = new Ranking([9, 8], packScores([0, 1, 2, 3, 4, 5, 6], scores));
    expect(ranking.slice(0, 2)).toEqual([9, 8]);
    expect(ranking.slice(1, 5)).toEqual([8, 6, 1, 3]);
    expect(ranking.slice(0, 20)).toEqual([9, 8, 6, 1, 3, 4, 2, 0, 5]);
  });
});
