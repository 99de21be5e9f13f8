import { beforeAll, describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../../src/lib/schema.ts';
import { type NarrowCandidate, editBudget, narrow, prefixEdits } from '../../../src/lib/search/narrow.ts';
import { realRecords } from '../../helpers/records.ts';
import { inMemoryIndex } from '../../helpers/search-index.ts';

let records: PaperRecord[];
let index: ReturnType<typeof inMemoryIndex>;

beforeAll(async () => {
  records = await realRecords();
  index = inMemoryIndex(records);
});

/** The papers the engine hands the page after answering `query` (what the popup narrows from). */
async function narrowableAfter(query: string): Promise<NarrowCandidate[]> {
  await index.engine.search(query, { limit: 50 });
  return (await index.engine.search(query, { limit: 8, narrowable: true })).narrowable!;
}

describe('how far a query word may be from the start of a word', () => {
  it('counts the fewest edits to any start of the word, and how long that start is', () => {
    expect(prefixEdits('quantizaton', 'quantization', 3)).toEqual({ edits: 1, length: 12 });
    expect(prefixEdits('qunatised', 'quantised', 2)).toEqual({ edits: 2, length: 9 });
    expect(prefixEdits('cahce', 'cache', 1)).toBeNull();
    expect(prefixEdits('cahce', 'cache', 2)).toEqual({ edits: 2, length: 5 });
    expect(prefixEdits('distil', 'distillation', 0)).toEqual({ edits: 0, length: 6 });
    expect(prefixEdits('distl', 'distillation', 0)).toBeNull();
  });

  it("allows no edit in a short prefix, then as many as Fuse's threshold over the whole query", () => {
    expect(editBudget('qua')).toBe(0);
    expect(editBudget('quan')).toBe(1);
    expect(editBudget('kv cahce')).toBe(2);
    expect(editBudget('specualtive decodng ')).toBe(5);
  });
});

describe("narrowing the answer on screen to the next keystroke's query", () => {
  it('keeps the papers that still match through a typo, best first, with the matched title marked', async () => {
    const kept = await narrowableAfter('quantization');
    const hits = narrow(kept, 'quantizaton', 8);
    expect(hits).toHaveLength(8);
    const pool = new Set(kept.map(({ fragment }) => fragment.n));
    for (const hit of hits) expect(pool.has(hit.fragment.n)).toBe(true);
    const titled = hits.filter((hit) => /quantiz/i.test(hit.fragment.title));
    expect(titled.length).toBeGreaterThan(0);
    for (const hit of titled) {
      const [start, end] = hit.highlights.title[0]!;
      expect(hit.fragment.title.slice(start, end + 1)).toMatch(/quanti/i);
    }
  });

  it('keeps papers through the typos Fuse tolerates, with fewer edits first', async () => {
    const kept = await narrowableAfter('kv cache');
    const hits = narrow(kept, 'kv cahce', 20);
    expect(hits.length).toBe(kept.length);
    const deleted = narrow(kept, 'kv cace', 20);
    expect(deleted.length).toBe(kept.length);
    expect(narrow(kept, 'kv cxyz', 20)).toEqual([]);
    // A three-letter word may be one edit off (Fuse allows one in six characters); a two-letter one may not.
    expect(narrow(kept, 'kv cah', 20).length).toBe(kept.length);
    expect(narrow(kept, 'kx cache', 20)).toEqual([]);
  });

  it('drops the papers a new word rules out', async () => {
    const kept = await narrowableAfter('kv cache');
    const hits = narrow(kept, 'kv cache quantization', 20);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(kept.length);
    for (const hit of hits) expect(`${hit.fragment.title} ${hit.fragment.techniques.join(' ')}`).toMatch(/quanti/i);
  });

  it('for a two- or three-letter query, keeps order and the papers with a word starting with each query word', async () => {
    const kept = await narrowableAfter('re');
    const hits = narrow(kept, 'rea', 8);
    expect(hits.length).toBeGreaterThan(0);
    const order = kept.map(({ fragment }) => fragment.n);
    const positions = hits.map((hit) => order.indexOf(hit.fragment.n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const hit of hits) {
      const candidate = kept.find(({ fragment }) => fragment.n === hit.fragment.n)!;
      expect(candidate.words.some((word) => word.startsWith('rea'))).toBe(true);
    }
  });

  it('returns nothing when no paper on screen matches, and respects the limit', async () => {
    const kept = await narrowableAfter('pruning');
    expect(narrow(kept, 'gaussian splatting', 8)).toEqual([]);
    expect(narrow(kept, 'pruning', 3)).toHaveLength(3);
  });
});
