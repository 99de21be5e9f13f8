import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../../src/lib/schema.ts';
import { fuseHighlights, snapToWords } from '../../../src/lib/search/highlights.ts';
import { realRecords } from '../../helpers/records.ts';
import { exhaustiveFuse } from '../../helpers/search-index.ts';

let records: PaperRecord[];
beforeAll(async () => {
  records = await realRecords();
});

const marked = (text: string, ranges: [number, number][]) => ranges.map(([start, end]) => text.slice(start, end + 1));

describe('highlights from Fuse matches', () => {
  it('marks the words a misspelt phrase matched, not a sliver of the next word', () => {
    const fuse = exhaustiveFuse(records);
    const results = fuse.search('kv cahce').filter((result) => /KV Cache Compression/.test(result.item.title));
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      const title = result.item.title;
      // Fuse's own run covers "KV Cache C"; the reader should see "KV Cache".
      expect(result.matches!.some((match) => match.key === 'title' && match.indices.some(([s, e]) => title.slice(s, e + 1).endsWith(' C'))), title).toBe(true);
      expect(marked(title, fuseHighlights(result.matches!, 'kv cahce').title), title).toContain('KV Cache');
      expect(marked(title, fuseHighlights(result.matches!, 'kv cahce').title).some((run) => run.endsWith(' C')), title).toBe(false);
    }
  });

  it('marks a method name typed exactly', () => {
    const fuse = exhaustiveFuse(records);
    const [best] = fuse.search('GPTQ');
    expect(marked(best!.item.method!, fuseHighlights(best!.matches!, 'GPTQ').method)).toEqual(['GPTQ']);
  });
});

describe('snapToWords', () => {
  it.each([
    ['KV Cache Compression', 0, 9, 'KV Cache'],
    ['key-value cache', 8, 14, 'cache'],
    ['Efficient KV Cache', 7, 17, 'KV Cache'],
    ['EvolKV: Evolutionary', 4, 6, 'KV'],
    ['DeltaLLM: Compress', 0, 8, 'DeltaLLM'],
  ])('%s [%i, %i] -> %s', (text, start, end, expected) => {
    const run = snapToWords(text, start, end);
    expect(run && text.slice(run[0], run[1] + 1)).toBe(expected);
  });

  it('never widens a run and never starts or ends it on a space', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '-', ':', '7'), maxLength: 30 }), fc.nat(), fc.nat(), (text, a, b) => {
        if (text.length === 0) return;
        const [start, end] = [Math.min(a, b) % text.length, Math.max(a, b) % text.length].sort((x, y) => x - y) as [number, number];
        const run = snapToWords(text, start, end);
        if (run === null) return;
        expect(run[0]).toBeGreaterThanOrEqual(start);
        expect(run[1]).toBeLessThanOrEqual(end);
        expect(text[run[0]]).toMatch(/[aB7]/);
        expect(text[run[1]]).toMatch(/[aB7]/);
      }),
    );
  });
});
