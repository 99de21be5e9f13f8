/**
 * The search box's behaviour once the reader starts to search: an ARIA 1.2
 * combobox whose listbox shows the best matches as they type, with the matched
 * part of each title or method highlighted. Arrows move, Enter opens, Escape
 * clears; a polite live region announces how many papers match. On the home
 * page the query also drives the paper list (see browse-controller.ts), and
 * the results respect the facets ticked there.
 */
import { formatDate, plural } from '../format.ts';
import { facetPath, href } from '../paths.ts';
import { hasBit } from '../browse/bitset.ts';
import { highlighted } from '../browse/render.ts';
import { NARROW_FROM, type NarrowCandidate, narrow } from './narrow.ts';
import type { SearchResult } from './query-engine.ts';
import { StaleRequest, searchClient } from './search-client.ts';
import { MIN_QUERY_LENGTH } from './search-options.ts';
import { queryText } from './tokenize.ts';

/** Options shown in the popup; the home page's list shows the rest. */
const POPUP_RESULTS = 8;

/** What the home page's browse element exposes to the search box. */
export interface BrowseHost extends HTMLElement {
  /** Documents the ticked facets allow, or null when none are ticked. */
  allowed?: Uint32Array | null;
}

export interface SearchTiming {
  query: string;
  total: number;
  /** Milliseconds from the keystroke to the results on screen. */
  elapsed: number;
  /** Of which the search itself, in the worker (fetches included). */
  workMs: number;
  /** A first answer from the papers already loaded; the complete one follows. */
  partial: boolean;
  /** Answered on the page, before the worker replied: the answer on screen narrowed, or kept (same query). */
  instant: boolean;
}

/** What the popup draws: a worker's answer, or the page's own narrowing of the last one. */
type Answer = Pick<SearchResult, 'query' | 'total' | 'hits' | 'partial' | 'narrowable'>;

export function attachSearch(root: HTMLElement): void {
  const input = root.querySelector('input')!;
  const form = root.querySelector('form')!;
  const popup = root.querySelector<HTMLElement>('[data-search-popup]')!;
  const listbox = root.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const empty = root.querySelector<HTMLElement>('[data-search-empty]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const client = searchClient(root.dataset.index!);
  const browse = () => document.querySelector<BrowseHost>('paper-browse');
  let options: HTMLLIElement[] = [];
  let active = -1;
  let keystrokeAt = performance.now();
  /** The last answer's best papers, to narrow on the next keystroke, and its query's text. */
  let narrowFrom: { text: string; candidates: NarrowCandidate[] } | null = null;
  /** The complete answer on screen: its query and the facets it was asked under. */
  let complete: { text: string; allowed: Uint32Array | null; total: number } | null = null;

  const setExpanded = (open: boolean) => {
    popup.hidden = !open;
    input.setAttribute('aria-expanded', String(open && options.length > 0));
  };
  const setActive = (index: number) => {
    options[active]?.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      option.scrollIntoView({ block: 'nearest' });
      input.setAttribute('aria-activedescendant', option.id);
    } else input.removeAttribute('aria-activedescendant');
  };
  const clearResults = () => {
    complete = null;
    options = [];
    listbox.replaceChildren();
    empty.hidden = true;
    setActive(-1);
    setExpanded(false);
  };

  const render = (result: Answer) => {
    // A complete answer replacing a partial one keeps the reader's place.
    const activeHref = options[active]?.dataset.href;
    options = result.hits.map((hit, i) => {
      const option = document.createElement('li');
      option.id = `search-option-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.className = 'search__option';
      option.dataset.href = href(`papers/${hit.fragment.id}/`);
      const title = document.createElement('span');
      title.className = 'search__title';
      title.append(highlighted(hit.fragment.title, hit.highlights.title));
      const meta = document.createElement('span');
      meta.className = 'search__meta';
      if (hit.fragment.method && !hit.fragment.title.startsWith(hit.fragment.method)) {
        const method = document.createElement('span');
        method.className = 'search__method';
        method.append(highlighted(hit.fragment.method, hit.highlights.method));
        meta.append(method, ' · ');
      }
      meta.append(formatDate(hit.fragment.published));
      option.append(title, meta);
      return option;
    });
    if (!browse() && !result.partial && result.total > result.hits.length) {
      // Away from the home page, the full list (with facets) is one option away.
      const all = document.createElement('li');
      all.id = `search-option-${options.length}`;
      all.setAttribute('role', 'option');
      all.setAttribute('aria-selected', 'false');
      all.className = 'search__option search__option--all';
      all.dataset.href = `${href()}?q=${encodeURIComponent(result.query)}`;
      all.textContent = `Show all ${plural(result.total, 'matching paper')}`;
      options.push(all);
    }
    listbox.replaceChildren(...options);
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (activeHref) setActive(options.findIndex((option) => option.dataset.href === activeHref));
    empty.hidden = result.total > 0;
    if (result.total === 0) renderEmpty(result.query);
    setExpanded(true);
    // Only a complete answer is announced: a count that changes twice per keystroke is noise.
    if (result.partial) return;
    status.textContent = result.total === 0 ? `No papers match ${result.query}.` : `${plural(result.total, 'paper')} match. ${plural(result.hits.length, 'result')} listed.`;
  };

  const renderEmpty = (query: string) => {
    const browseHost = browse();
    const filtered = !!browseHost?.allowed;
    const message = document.createElement('p');
    message.textContent = filtered
      ? `No paper matches “${query}” with the filters you chose. Untick a filter or try a shorter word.`
      : `No paper matches “${query}”. Try fewer or shorter words, or browse by `;
    empty.replaceChildren(message);
    if (!filtered) {
      const links = [
        ['techniques', 'technique'],
        ['targets', 'target'],
        ['kinds', 'kind'],
      ] as const;
      links.forEach(([facet, label], i) => {
        const link = document.createElement('a');
        link.href = facetPath(facet);
        link.textContent = label;
        message.append(link, i < links.length - 1 ? (i === links.length - 2 ? ' or ' : ', ') : '.');
      });
    }
  };

  const run = async () => {
    const query = input.value;
    const startedAt = keystrokeAt;
    document.dispatchEvent(new CustomEvent('paper-search:query', { detail: { query } }));
    if (query.trim().length < MIN_QUERY_LENGTH) {
      clearResults();
      status.textContent = '';
      return;
    }
    const allowed = browse()?.allowed ?? null;
    const text = queryText(query);
    const announce = (total: number, partial: boolean, instant: boolean, workMs = 0) => {
      const detail: SearchTiming = { query, total, elapsed: performance.now() - startedAt, workMs, partial, instant };
      root.dispatchEvent(new CustomEvent('paper-search:results', { detail, bubbles: true }));
    };
    // A space or a change of case asks what the screen already answers.
    if (complete && complete.text === text && complete.allowed === allowed) return announce(complete.total, false, true);
    complete = null;
    const show = (result: Answer & { workMs?: number }, instant = false) => {
      render(result);
      if (result.narrowable) narrowFrom = { text, candidates: result.narrowable };
      if (!result.partial) complete = { text, allowed, total: result.total };
      announce(result.total, !!result.partial, instant, result.workMs);
    };
    // Within this keystroke's frame: the papers on screen that still match, until the worker answers.
    if (narrowFrom && narrowFrom.text !== text) {
      const narrowed = narrow(narrowFrom.candidates, query, NARROW_FROM);
      const hits = (allowed ? narrowed.filter(({ fragment }) => hasBit(allowed, fragment.n)) : narrowed).slice(0, POPUP_RESULTS);
      if (hits.length > 0) show({ query, total: hits.length, hits, partial: true }, true);
    }
    let result: SearchResult;
    try {
      result = await client.search('popup', query, { allowed, limit: POPUP_RESULTS, narrowable: true }, (partial) => {
        if (input.value === query) show(partial);
      });
    } catch (error) {
      if (error instanceof StaleRequest) return;
      status.textContent = 'Search is unavailable right now.';
      throw error;
    }
    if (input.value !== query) return;
    show(result);
  };

  const open = (option: HTMLElement | undefined) => {
    if (option?.dataset.href) window.location.assign(option.dataset.href);
  };

  input.addEventListener('input', (event) => {
    // When the browser took the keystroke, so time spent queued behind other work counts too.
    keystrokeAt = event.timeStamp;
    void run();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      if (popup.hidden) setExpanded(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Positions cycle through the options and back to the box itself (-1).
      const positions = options.length + 1;
      setActive(((((active + 1 + step) % positions) + positions) % positions) - 1);
    } else if (event.key === 'Enter') {
      if (active >= 0) {
        event.preventDefault();
        open(options[active]);
      } else if (browse()) event.preventDefault(); // the list below already shows every match
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (input.value) {
        input.value = '';
        void run();
      } else clearResults();
    }
  });
  listbox.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the box
  listbox.addEventListener('click', (event) => open((event.target as HTMLElement).closest<HTMLElement>('[role="option"]') ?? undefined));
  input.addEventListener('blur', () => setExpanded(false));
  input.addEventListener('focus', () => {
    if (options.length > 0 || !empty.hidden) setExpanded(true);
  });
  form.addEventListener('submit', (event) => {
    if (!input.value.trim()) event.preventDefault();
  });
  if (input.value) void run();
}
