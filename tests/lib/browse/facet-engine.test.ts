import { beforeAll, describe, expect, it } from 'vitest';
import { FacetEngine, pageOf } from '../../../src/lib/browse/facet-engine.ts';
import { BROWSE_FACETS, type BrowseFacet } from '../../../src/lib/browse/facet-names.ts';
import { facetValuesOf } from '../../../src/lib/browse/facet-fields.ts';
import { emptyState } from '../../../src/lib/browse/url-state.ts';
import type { FacetIndex } from '../../../src/lib/search/index-format.ts';
import type { PaperRecord } from '../../../src/lib/schema.ts';
import { popcount } from '../../../src/lib/browse/bitset.ts';
import { realRecords } from '../../helpers/records.ts';
import { inMemoryIndex } from '../../helpers/search-index.ts';

let papers: PaperRecord[];
let engine: FacetEngine;

beforeAll(async () => {
  const index = inMemoryIndex(await realRecords());
  papers = index.papers;
  engine = new FacetEngine(JSON.parse(index.files.get('facets.json')!) as FacetIndex);
});

/** The obvious definition, over every record: OR within a facet, AND across. */
function bruteForce(filters: Record<BrowseFacet, string[]>, except?: BrowseFacet): number[] {
  return papers.flatMap((paper, n) => {
    const values = facetValuesOf(paper);
    const ok = BROWSE_FACETS.every((facet) => facet === except || filters[facet].length === 0 || filters[facet].some((id) => values[facet].includes(id)));
    return ok ? [n] : [];
  });
}

const combinations: [string, Partial<Record<BrowseFacet, string[]>>][] = [
  ['one technique', { technique: ['quantization'] }],
  ['two techniques (OR)', { technique: ['quantization', 'pruning'] }],
  ['technique AND target', { technique: ['quantization'], target: ['kv-cache'] }],
  ['technique, year and code', { technique: ['distillation', 'pruning'], year: ['2025'], code: ['yes'] }],
  ['kind and organisation', { kind: ['method'], org: ['nvidia'] }],
];

describe('facets over the real catalogue', () => {
  it.each(combinations)('%s: the list is exactly the brute-force answer', (_, picked) => {
    const filters = { ...emptyState().filters, ...picked };
    const allowed = engine.allowed(filters);
    const expected = bruteForce(filters);
    expect(expected.length).toBeGreaterThan(0);
    expect(engine.total(allowed)).toBe(expected.length);
    expect(pageOf(allowed, null, papers.length, 0, 10_000)).toEqual(expected);
  });

  it.each(combinations)('%s: each value counts what ticking it would give', (_, picked) => {
    const filters = { ...emptyState().filters, ...picked };
    const counts = engine.counts(filters);
    for (const facet of BROWSE_FACETS) {
      const base = bruteForce(filters, facet);
      for (const [id, count] of counts[facet]) {
        expect(count, `${facet}=${id}`).toBe(base.filter((n) => facetValuesOf(papers[n])[facet].includes(id)).length);
      }
    }
  });

  it('counts every paper once per value it carries when nothing is ticked', () => {
    const counts = engine.counts(emptyState().filters);
    const kinds = [...counts.kind.values()].reduce((sum, count) => sum + count, 0);
    expect(kinds).toBe(papers.length);
  });

  it('ignores values it does not know instead of emptying the list', () => {
    const filters = engine.known({ ...emptyState().filters, technique: ['quantization', 'no-such-technique'] });
    expect(filters.technique).toEqual(['quantization']);
  });

  it('pages in another order without losing or repeating a paper', () => {
    const filters = { ...emptyState().filters, technique: ['quantization'] };
    const allowed = engine.allowed(filters)!;
    const byTitle = papers.map((_, n) => n).sort((a, b) => (papers[a].title.toLowerCase() < papers[b].title.toLowerCase() ? -1 : 1));
    const pages = [0, 1, 2].flatMap((page) => pageOf(allowed, byTitle, papers.length, page * 20, 20));
    expect(new Set(pages).size).toBe(Math.min(60, popcount(allowed)));
    expect(pages.every((n) => papers[n].techniques.includes('quantization'))).toBe(true);
  });
});
