/**
 * `<paper-search>`: the header search box. This part ships with every page and
 * stays tiny; the worker, the index and the result UI load only when the reader
 * starts to search (focus, `/`, Ctrl/Cmd-K), never before first paint.
 */
export class PaperSearch extends HTMLElement {
  private started: Promise<void> | null = null;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector('input');
    if (!form || !input) return;
    // Without JavaScript there is no search, so the box only appears once it can work.
    form.hidden = false;
    input.addEventListener('focus', () => void this.start());
    input.addEventListener('input', () => void this.start());
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      const slash = event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey;
      const commandK = event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey);
      if (!slash && !commandK) return;
      event.preventDefault();
      input.focus();
      input.select();
    });
  }

  /** Loads the search UI once; it picks up whatever was typed meanwhile. */
  start(): Promise<void> {
    return (this.started ??= import('./search-controller.ts').then(({ attachSearch }) => attachSearch(this)));
  }
}

if (!customElements.get('paper-search')) customElements.define('paper-search', PaperSearch);
