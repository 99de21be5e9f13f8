/**
 * `<paper-browse>`: facets and sort on the home page. This part ships with the
 * page and stays tiny. The static HTML already shows every count and the
 * newest papers, so the controller (and the facet lists it fetches) loads only
 * when the reader changes something, or arrives with a state in the URL.
 */
import { MIN_QUERY_LENGTH } from '../search/search-options.ts';
import { BROWSE_FACETS } from './facet-names.ts';
import type { BrowseController } from './browse-controller.ts';

/** How long after the last keystroke the list catches up with the search box. */
const LIST_FOLLOW_MS = 150;
/** Where the filters stack above the list instead of beside it (global.css, `.catalogue`). */
const NARROW_SCREEN = '(max-width: 59.99rem)';
/** If the search box never answers (a failed fetch), the list follows after this long anyway. */
const LIST_FOLLOW_AT_LATEST_MS = 2000;

export class PaperBrowse extends HTMLElement {
  /** Documents the ticked facets allow (null: all); read by the search box. */
  allowed: Uint32Array | null = null;
  private controller: Promise<BrowseController> | null = null;

  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    form.hidden = false;
    this.foldFiltersOnNarrowScreens(form);
    form.addEventListener('change', () => void this.start().then((controller) => controller.fromForm()));
    form.addEventListener('submit', (event) => event.preventDefault());
    this.querySelector('[data-clear]')?.addEventListener('click', () => void this.start().then((controller) => controller.clearFilters()));
    // The list follows the search box once typing pauses and the box has answered the query
    // completely, so its requests never compete with the popup's for the worker, the network
    // or the main thread (before, at 150 ms they delayed a slow first answer).
    let typing: ReturnType<typeof setTimeout> | undefined;
    let typedAt = 0;
    let awaited: string | null = null;
    const follow = (query: string) => {
      clearTimeout(typing);
      awaited = null;
      typing = setTimeout(() => void this.start().then((controller) => controller.setQuery(query)), Math.max(0, LIST_FOLLOW_MS - (performance.now() - typedAt)));
    };
    document.addEventListener('paper-search:query', (event) => {
      const { query } = (event as CustomEvent<{ query: string }>).detail;
      clearTimeout(typing);
      awaited = null;
      if (!this.controller && !query.trim()) return;
      typedAt = performance.now();
      // A query too short to search gets no answer to wait for.
      if (query.trim().length < MIN_QUERY_LENGTH) return follow(query);
      awaited = query;
      typing = setTimeout(() => follow(query), LIST_FOLLOW_AT_LATEST_MS);
    });
    document.addEventListener('paper-search:results', (event) => {
      const { query, partial } = (event as CustomEvent<{ query: string; partial: boolean }>).detail;
      if (!partial && query === awaited) follow(query);
    });
    if (window.location.search.length > 1) void this.start().then((controller) => controller.fromUrl());
  }

  /**
   * On a phone the filters would fill the first screens above the papers: they start folded
   * there (open when the address ticks some), and their summary counts what is ticked.
   */
  private foldFiltersOnNarrowScreens(form: HTMLFormElement): void {
    const filters = form.querySelector<HTMLDetailsElement>('[data-filters]');
    const ticked = form.querySelector<HTMLElement>('[data-ticked]');
    if (!filters || !ticked) return;
    const count = () => {
      const boxes = form.querySelectorAll('input[type="checkbox"]:checked').length;
      ticked.textContent = boxes > 0 ? `(${boxes} ticked)` : '';
    };
    form.addEventListener('change', count);
    // The controller ticks the boxes an address names once it has loaded.
    document.addEventListener('paper-browse:rendered', count);
    const params = new URLSearchParams(window.location.search);
    const filtered = BROWSE_FACETS.some((facet) => params.has(facet));
    if (!filtered && window.matchMedia(NARROW_SCREEN).matches) filters.open = false;
  }

  start(): Promise<BrowseController> {
    return (this.controller ??= import('./browse-controller.ts').then(({ attachBrowse }) => attachBrowse(this)));
  }
}

if (!customElements.get('paper-browse')) customElements.define('paper-browse', PaperBrowse);
