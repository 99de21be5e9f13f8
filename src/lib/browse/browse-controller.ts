/**
 * The home page's list once the reader browses: filters, sort, query and page
 * come from the URL and go back into it; counts and the list come from the
 * facet index and the search worker, never from the whole catalogue.
 */
import { plural } from '../format.ts';
import type { FacetIndex, SortOrder } from '../search/index-format.ts';
import { indexPaths } from '../search/index-format.ts';
import { type SearchClient, StaleRequest, searchClient } from '../search/search-client.ts';
import { LIST_PAGE_SIZE, MIN_QUERY_LENGTH } from '../search/search-options.ts';
import type { Fragment } from '../search/search-document.ts';
import type { Highlights } from '../search/highlights.ts';
import { type Bitset, intersect, popcount } from './bitset.ts';
import { FacetEngine, type Filters, pageOf } from './facet-engine.ts';
import { BROWSE_FACETS } from './facet-names.ts';
import { paperCard } from './render.ts';
import { type BrowseState, LIST_ORDER_WORDS, type ListSort, effectiveSort, emptyState, parseState, serializeState } from './url-state.ts';

interface Host extends HTMLElement {
  allowed: Uint32Array | null;
}

export async function attachBrowse(root: Host): Promise<BrowseController> {
  const controller = new BrowseController(root, new URL(root.dataset.index!, document.baseURI));
  window.addEventListener('popstate', () => void controller.fromUrl());
  return controller;
}

/** Counts wait this long after the last keystroke, so typing never waits on (or downloads) the facet lists. */
const COUNTS_DELAY_MS = 400;

/** What to try when nothing matches: the reader should never face an empty list with no way on. */
function wayOut(searching: boolean, filtering: boolean): string {
  if (searching && filtering) return ' Untick a filter, or try fewer or shorter words.';
  if (searching) return ' Try fewer or shorter words, or clear the search and browse with the filters.';
  return ' Untick a filter to see more.';
}

export class BrowseController {
  private state: BrowseState = emptyState();
  private renderCount = 0;
  private readonly orders = new Map<SortOrder, Promise<number[]>>();
  private readonly client: SearchClient;
  private readonly form: HTMLFormElement;
  private readonly list: HTMLOListElement;
  private readonly status: HTMLElement;
  /** The lede's "newest first", which must follow the sort the list is shown in. */
  private readonly orderWords: HTMLElement | null;
  private readonly pager: HTMLElement;

  private facets: FacetEngine | null = null;
  private facetsLoading: Promise<FacetEngine> | null = null;
  private countsTimer: ReturnType<typeof setTimeout> | undefined;
  /** Papers in the catalogue, from the static page (known before any index file loads). */
  private readonly catalogueSize: number;

  constructor(
    private readonly root: Host,
    private readonly indexUrl: URL,
  ) {
    this.catalogueSize = Number(root.dataset.count);
    this.client = searchClient(root.dataset.index!);
    this.form = root.querySelector('form')!;
    this.list = document.getElementById('paper-list') as HTMLOListElement;
    this.status = root.querySelector<HTMLElement>('[data-browse-status]')!;
    this.orderWords = document.querySelector<HTMLElement>('[data-list-order]');
    // The static pages' pagination gives way to pages of the filtered list.
    document.querySelectorAll<HTMLElement>('[data-static-pagination]').forEach((nav) => (nav.hidden = true));
    this.pager = document.createElement('nav');
    this.pager.className = 'pagination';
    this.pager.setAttribute('aria-label', 'Pages of results');
    this.list.after(this.pager);
    this.pager.addEventListener('click', (event) => {
      const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-page]');
      if (!link) return;
      event.preventDefault();
      this.state.page = Number(link.dataset.page);
      this.commit('push');
      this.list.closest('section, main')?.scrollIntoView();
    });
  }

  fromUrl(): Promise<void> {
    this.state = parseState(window.location.search);
    this.syncControls();
    return this.render();
  }

  fromForm(): Promise<void> {
    const data = new FormData(this.form);
    for (const facet of BROWSE_FACETS) this.state.filters[facet] = data.getAll(facet).map(String);
    // The select always shows a sort; only a choice other than the default becomes explicit.
    const sort = String(data.get('sort') ?? '') as ListSort;
    this.state.sort = sort && sort !== effectiveSort({ ...this.state, sort: null }) ? sort : null;
    this.state.page = 1;
    return this.commit('push');
  }

  clearFilters(): Promise<void> {
    for (const facet of BROWSE_FACETS) this.state.filters[facet] = [];
    this.state.page = 1;
    this.syncControls();
    return this.commit('push');
  }

  setQuery(query: string): Promise<void> {
    if (query === this.state.query) return Promise.resolve();
    const wasEmpty = !this.state.query.trim();
    this.state.query = query;
    this.state.page = 1;
    // Typing replaces the history entry; starting a search adds one, so Back returns to the list.
    return this.commit(wasEmpty ? 'push' : 'replace');
  }

  private commit(mode: 'push' | 'replace'): Promise<void> {
    const url = `${window.location.pathname}${serializeState(this.state)}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    this.syncControls();
    return this.render();
  }

  /** Form controls and the search box show the state (after Back, or a shared URL). */
  private syncControls(): void {
    for (const box of this.form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = this.state.filters[box.name as keyof BrowseState['filters']]?.includes(box.value) ?? false;
    }
    const sort = this.form.querySelector<HTMLSelectElement>('select[name="sort"]');
    if (sort) {
      const hasQuery = this.state.query.trim().length >= MIN_QUERY_LENGTH;
      sort.querySelector<HTMLOptionElement>('option[value="relevance"]')!.disabled = !hasQuery;
      sort.value = effectiveSort(this.state);
    }
    const search = document.querySelector<HTMLInputElement>('paper-search input');
    if (search && search.value !== this.state.query && document.activeElement !== search) search.value = this.state.query;
    const clear = this.root.querySelector<HTMLElement>('[data-clear]');
    if (clear) clear.hidden = BROWSE_FACETS.every((facet) => this.state.filters[facet].length === 0);
  }

  /** The per-value document lists: fetched once, the first time filters or counts need them. */
  private loadFacets(): Promise<FacetEngine> {
    this.facetsLoading ??= fetch(new URL(indexPaths.facets, this.indexUrl))
      .then((response) => {
        if (!response.ok) throw new Error(`facet index: HTTP ${response.status}`);
        return response.json() as Promise<FacetIndex>;
      })
      .then((index) => (this.facets = new FacetEngine(index)));
    return this.facetsLoading;
  }

  private order(sort: ListSort): Promise<number[]> | null {
    if (sort !== 'upvotes' && sort !== 'title') return null;
    let promise = this.orders.get(sort);
    if (!promise) {
      promise = fetch(new URL(indexPaths.order(sort), this.indexUrl)).then((response) => response.json() as Promise<number[]>);
      this.orders.set(sort, promise);
    }
    return promise;
  }

  private async render(): Promise<void> {
    const ticket = ++this.renderCount;
    clearTimeout(this.countsTimer);
    const state = this.state;
    const filtering = BROWSE_FACETS.some((facet) => state.filters[facet].length > 0);
    // Filters need the lists now; a query alone renders first and counts later.
    // An older render must never send a request after a newer one started: on the worker's
    // list channel it would replace the newer render's request.
    const superseded = () => ticket !== this.renderCount;
    const facets = filtering ? await this.loadFacets() : this.facets;
    if (superseded()) return;
    const filters = facets ? facets.known(state.filters) : state.filters;
    const facetAllowed = facets && filtering ? facets.allowed(filters) : null;
    this.root.allowed = facetAllowed;
    const sort = effectiveSort(state);
    const offset = (state.page - 1) * LIST_PAGE_SIZE;
    const query = state.query.trim().length >= MIN_QUERY_LENGTH ? state.query : '';

    let within: Bitset | null = null;
    let total: number;
    let papers: Fragment[];
    let highlights = new Map<number, Highlights>();
    try {
      if (query) {
        const relevance = sort === 'relevance';
        const result = await this.client.search('list', query, { allowed: facetAllowed, offset: relevance ? offset : 0, limit: relevance ? LIST_PAGE_SIZE : 0 });
        if (superseded()) return;
        within = result.matches;
        total = result.total;
        if (relevance) {
          papers = result.hits.map((hit) => hit.fragment);
          highlights = new Map(result.hits.map((hit) => [hit.fragment.n, hit.highlights]));
        } else {
          const ordered = await this.order(sort);
          if (superseded()) return;
          const allowed = facetAllowed ? intersect(facetAllowed, within) : within;
          papers = await this.client.fragments('list', pageOf(allowed, ordered, this.catalogueSize, offset, LIST_PAGE_SIZE));
        }
      } else {
        total = facetAllowed ? popcount(facetAllowed) : this.catalogueSize;
        const ordered = await this.order(sort);
        if (superseded()) return;
        papers = await this.client.fragments('list', pageOf(facetAllowed, ordered, this.catalogueSize, offset, LIST_PAGE_SIZE));
      }
    } catch (error) {
      if (error instanceof StaleRequest) return;
      throw error;
    }
    if (superseded()) return;

    const techniqueLabel = (id: string) => this.facets?.label('technique', id) ?? this.staticLabel('technique', id);
    this.list.start = offset + 1;
    this.list.replaceChildren(...papers.map((paper) => paperCard(paper, { techniqueLabel, highlights: highlights.get(paper.n) })));
    this.renderPager(total);
    const shown = papers.length === 0 ? 'No papers' : `${plural(total, 'paper')}`;
    const what = query ? ` match “${query}”` : '';
    const filtered = filtering ? (query ? ' and the filters' : ' match the filters') : '';
    const range = papers.length > 0 && total > papers.length ? `; showing ${offset + 1}–${offset + papers.length}` : '';
    if (this.orderWords) this.orderWords.textContent = LIST_ORDER_WORDS[sort];
    this.status.textContent = `${shown}${what}${filtered}${!what && !filtered ? ' in the catalogue' : ''}${range}.${total === 0 ? wayOut(!!query, filtering) : ''}`;

    if (facets && (filtering || !query)) this.renderCounts(facets, filters, within);
    else {
      this.countsTimer = setTimeout(() => {
        void this.loadFacets().then((loaded) => {
          if (ticket === this.renderCount) this.renderCounts(loaded, loaded.known(state.filters), within);
        });
      }, COUNTS_DELAY_MS);
    }
    document.dispatchEvent(new CustomEvent('paper-browse:rendered', { detail: { total, shown: papers.length } }));
  }

  /** A value's label as the static form printed it (before the facet lists have loaded). */
  private staticLabel(facet: string, id: string): string {
    const box = this.form.querySelector<HTMLInputElement>(`input[name="${facet}"][value="${CSS.escape(id)}"]`);
    return box?.closest('label')?.querySelector('.facet__label')?.textContent ?? id;
  }

  private renderCounts(facets: FacetEngine, filters: Filters, within: Bitset | null): void {
    const counts = facets.counts(filters, within);
    for (const facet of BROWSE_FACETS) {
      for (const box of this.form.querySelectorAll<HTMLInputElement>(`input[name="${facet}"]`)) {
        const count = counts[facet].get(box.value) ?? 0;
        const label = box.closest('label')!;
        label.querySelector('[data-value-count]')!.textContent = count.toLocaleString('en');
        label.classList.toggle('facet__value--empty', count === 0 && !box.checked);
      }
    }
    this.root.dataset.counted = 'true';
    document.dispatchEvent(new CustomEvent('paper-browse:counted'));
  }

  private renderPager(total: number): void {
    const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
    const page = Math.min(this.state.page, pages);
    const link = (target: number, text: string, rel: string) => {
      const a = document.createElement('a');
      a.href = `${window.location.pathname}${serializeState({ ...this.state, page: target })}`;
      a.dataset.page = String(target);
      a.rel = rel;
      a.textContent = text;
      return a;
    };
    const label = document.createElement('span');
    label.textContent = `Page ${page} of ${pages}`;
    this.pager.replaceChildren(page > 1 ? link(page - 1, 'Previous page', 'prev') : document.createElement('span'), label, page < pages ? link(page + 1, 'Next page', 'next') : document.createElement('span'));
    this.pager.hidden = pages <= 1;
  }
}
