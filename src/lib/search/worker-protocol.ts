/** Messages between the page and the search worker, and between the search worker and its file loader. */
import type { SearchOptions, SearchResult } from './query-engine.ts';
import type { Fragment } from './search-document.ts';

/**
 * Each consumer (the header's result popup, the home page's list) has its own
 * channel: a newer request on a channel replaces an older one still waiting,
 * so the newest keystroke wins without one consumer cancelling the other.
 */
export type Channel = 'popup' | 'list';

export type WorkerRequest =
  | { type: 'init'; indexUrl: string }
  /** `progressive`: post a partial answer first when fragments must be fetched (see SearchOptions.onPartial). */
  | { type: 'search'; id: number; channel: Channel; query: string; options: Omit<SearchOptions, 'onPartial'>; progressive?: boolean }
  | { type: 'fragments'; id: number; channel: Channel; docs: number[] }
  | { type: 'preload'; query: string };

export type WorkerResponse =
  | { type: 'search'; id: number; result: SearchResult }
  | { type: 'partial'; id: number; result: SearchResult }
  | { type: 'fragments'; id: number; fragments: Fragment[] }
  | { type: 'stale'; id: number }
  | { type: 'error'; id: number; message: string };

/** The search worker asks its loader for one index file (an absolute URL). */
export interface LoaderRequest {
  id: number;
  url: string;
}

/** The file's parsed JSON, or why it could not be had. */
export type LoaderResponse = { id: number; data: unknown; error?: undefined } | { id: number; error: string; data?: undefined };
