/**
 * Fetches and parses index files for the search worker. In Chromium each
 * fetch costs the thread that makes it a few milliseconds (a keystroke can
 * want fifty fragments), so the search worker hands its downloads to this
 * worker and stays free to answer the next keystroke at once.
 */
import type { LoaderRequest, LoaderResponse } from './worker-protocol.ts';

const post = (message: LoaderResponse) => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', (event: MessageEvent<LoaderRequest>) => {
  const { id, url } = event.data;
  fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`search index file ${new URL(url).pathname}: HTTP ${response.status}`);
      return response.json();
    })
    .then(
      (data: unknown) => post({ id, data }),
      (error: unknown) => post({ id, error: error instanceof Error ? error.message : String(error) }),
    );
});
