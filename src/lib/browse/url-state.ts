/**
 * The home page's whole browse state lives in the URL, so an address can be
 * sent to a colleague and Back/Forward step through it:
 *   ?q=kv+cache&technique=quantization,pruning&year=2025&code=yes&sort=upvotes&page=2
 * Values within a facet are OR-ed, facets are AND-ed.
 */
import { BROWSE_FACETS, type BrowseFacet } from './facet-names.ts';

export const LIST_SORTS = ['relevance', 'newest', 'upvotes', 'title'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** How the list is ordered, in words for the page's lede ("230 papers ..., newest first."). */
export const LIST_ORDER_WORDS: Record<ListSort, string> = {
  relevance: 'best match first',
  newest: 'newest first',
  upvotes: 'most upvoted first',
  title: 'by title',
};

export interface BrowseState {
  query: string;
  filters: Record<BrowseFacet, string[]>;
  /** Explicit sort, or null for the default (relevance with a query, newest without). */
  sort: ListSort | null;
  page: number;
}

export function emptyState(): BrowseState {
  return { query: '', filters: Object.fromEntries(BROWSE_FACETS.map((facet) => [facet, []])) as unknown as BrowseState['filters'], sort: null, page: 1 };
}

export function effectiveSort(state: BrowseState): ListSort {
  if (state.sort === 'relevance' && !state.query.trim()) return 'newest';
  return state.sort ?? (state.query.trim() ? 'relevance' : 'newest');
}

export function parseState(search: string): BrowseState {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.query = params.get('q') ?? '';
  for (const facet of BROWSE_FACETS) {
    const values = params.getAll(facet).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
    state.filters[facet] = [...new Set(values)];
  }
  const sort = params.get('sort');
  state.sort = (LIST_SORTS as readonly string[]).includes(sort ?? '') ? (sort as ListSort) : null;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  state.page = Number.isFinite(page) && page > 1 ? page : 1;
  return state;
}

/** The query string for a state (`''` for the default state), parameters in a fixed order. */
export function serializeState(state: BrowseState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query);
  for (const facet of BROWSE_FACETS) if (state.filters[facet].length > 0) params.set(facet, state.filters[facet].join(','));
  if (state.sort && state.sort !== effectiveSort({ ...state, sort: null })) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

export function isDefaultState(state: BrowseState): boolean {
  return serializeState(state) === '';
}
