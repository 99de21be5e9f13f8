/**
 * The page's side of the search worker: one worker per page, shared by the
 * header search and the home page's list, started on first use.
 */
import type { SearchOptions, SearchResult } from './query-engine.ts';
import type { Fragment } from './search-document.ts';
import type { Channel, WorkerRequest, WorkerResponse } from './worker-protocol.ts';

/** A request a newer one on the same channel replaced; callers ignore it. */
export class StaleRequest extends Error {}

export class SearchClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  private readonly partials = new Map<number, (result: SearchResult) => void>();

  constructor(indexUrl: string) {
    this.worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'paper-search' });
    this.worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => this.receive(event.data));
    this.send({ type: 'init', indexUrl: new URL(indexUrl, document.baseURI).href });
  }

  /** With `onPartial`, a first answer from what is already loaded may arrive before the complete one. */
  search(channel: Channel, query: string, options: Omit<SearchOptions, 'onPartial'> = {}, onPartial?: (result: SearchResult) => void): Promise<SearchResult> {
    return this.request<SearchResult>((id) => {
      if (onPartial) this.partials.set(id, onPartial);
      return { type: 'search', id, channel, query, options, progressive: !!onPartial };
    });
  }

  fragments(channel: Channel, docs: number[]): Promise<Fragment[]> {
    return this.request<Fragment[]>((id) => ({ type: 'fragments', id, channel, docs }));
  }

  preload(query: string): void {
    this.send({ type: 'preload', query });
  }

  private request<T>(make: (id: number) => WorkerRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      this.send(make(id));
    });
  }

  private send(message: WorkerRequest): void {
    this.worker.postMessage(message);
  }

  private receive(message: WorkerResponse): void {
    if (message.type === 'partial') return this.partials.get(message.id)?.(message.result);
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    this.partials.delete(message.id);
    if (message.type === 'search') pending.resolve(message.result as never);
    else if (message.type === 'fragments') pending.resolve(message.fragments as never);
    else if (message.type === 'stale') pending.reject(new StaleRequest());
    else pending.reject(new Error(message.message));
  }
}

let shared: SearchClient | null = null;

/** The page's one client; the index URL comes from the first caller (every caller passes the same). */
export function searchClient(indexUrl: string): SearchClient {
  return (shared ??= new SearchClient(indexUrl));
}
