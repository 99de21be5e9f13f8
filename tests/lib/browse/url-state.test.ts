import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BROWSE_FACETS } from '../../../src/lib/browse/facet-names.ts';
import { type BrowseState, LIST_SORTS, effectiveSort, emptyState, isDefaultState, parseState, serializeState } from '../../../src/lib/browse/url-state.ts';

describe('browse state in the URL', () => {
  it('reads a shared address: query, OR-ed values per facet, sort and page', () => {
    const state = parseState('?q=kv+cache&technique=quantization,pruning&year=2025&code=yes&sort=upvotes&page=3');
    expect(state.query).toBe('kv cache');
    expect(state.filters.technique).toEqual(['quantization', 'pruning']);
    expect(state.filters.year).toEqual(['2025']);
    expect(state.filters.code).toEqual(['yes']);
    expect(state.sort).toBe('upvotes');
    expect(state.page).toBe(3);
  });

  it('writes nothing for the default state, so the plain home page keeps its plain URL', () => {
    expect(serializeState(emptyState())).toBe('');
    expect(isDefaultState(parseState('?sort=newest&page=1'))).toBe(true);
  });

  it('ignores junk: unknown sorts, bad pages, empty and repeated values', () => {
    const state = parseState('?sort=random&page=-4&technique=,quantization,,quantization&target=');
    expect(state.sort).toBeNull();
    expect(state.page).toBe(1);
    expect(state.filters.technique).toEqual(['quantization']);
    expect(state.filters.target).toEqual([]);
  });

  it('sorts by relevance only when there is a query', () => {
    expect(effectiveSort(parseState('?q=gptq'))).toBe('relevance');
    expect(effectiveSort(parseState(''))).toBe('newest');
    expect(effectiveSort(parseState('?sort=relevance'))).toBe('newest');
  });

  it('round-trips any state through its URL', () => {
    const value = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    const stateArbitrary = fc.record({
      query: fc.string({ maxLength: 30 }).map((query) => (query.trim() ? query : '')),
      filters: fc.record(Object.fromEntries(BROWSE_FACETS.map((facet) => [facet, fc.uniqueArray(value, { maxLength: 4 })])) as Record<(typeof BROWSE_FACETS)[number], fc.Arbitrary<string[]>>),
      sort: fc.constantFrom(null, ...LIST_SORTS),
      page: fc.integer({ min: 1, max: 5000 }),
    });
    fc.assert(
      fc.property(stateArbitrary, (state: BrowseState) => {
        const url = serializeState(state);
        const back = parseState(url);
        expect(serializeState(back)).toBe(url);
        expect(back.query).toBe(state.query);
        expect(back.filters).toEqual(state.filters);
        expect(back.page).toBe(state.page);
        expect(effectiveSort(back)).toBe(effectiveSort(state));
      }),
    );
  });
});
