/**
 * `<paper-browse>`: facets and sort on the home page. This part ships with the
 * page and stays tiny. The static HTML already shows every count and the
 * newest papers, so the controller (and the facet lists it fetches) loads only
 * when the reader changes something, or arrives with a state in the URL.
 */
import type { BrowseController } from './browse-controller.ts';

/** How long after the last keystroke the list catches up with the search box. */
const LIST_FOLLOW_MS = 150;

export class PaperBrowse extends HTMLElement {
  /** Documents the ticked facets allow (null: all); read by the search box. */
  allowed: Uint32Array | null = null;
  private controller: Promise<BrowseController> | null = null;

  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    form.hidden = false;
    form.addEventListener('change', () => void this.start().then((controller) => controller.fromForm()));
    form.addEventListener('submit', (event) => event.preventDefault());
    this.querySelector('[data-clear]')?.addEventListener('click', () => void this.start().then((controller) => controller.clearFilters()));
    // The list follows the search box a moment after typing pauses, so it never competes
    // with the result popup for the worker or the main thread mid-word.
    let typing: ReturnType<typeof setTimeout> | undefined;
    document.addEventListener('paper-search:query', (event) => {
      const { query } = (event as CustomEvent<{ query: string }>).detail;
      clearTimeout(typing);
      if (!this.controller && !query.trim()) return;
      typing = setTimeout(() => void this.start().then((controller) => controller.setQuery(query)), LIST_FOLLOW_MS);
    });
    if (window.location.search.length > 1) void this.start().then((controller) => controller.fromUrl());
  }

  start(): Promise<BrowseController> {
    return (this.controller ??= import('./browse-controller.ts').then(({ attachBrowse }) => attachBrowse(this)));
  }
}

if (!customElements.get('paper-browse')) customElements.define('paper-browse', PaperBrowse);
