/**
 * The search worker's side of the file loader (index-loader-worker.ts): one
 * request per file, answered with the parsed JSON or an error.
 */
import type { LoaderRequest, LoaderResponse } from './worker-protocol.ts';

/** What the client needs of the loader worker (a Worker, or a stand-in in tests). */
export interface LoaderPort extends EventTarget {
  postMessage(message: LoaderRequest): void;
}

/** Starts the loader and returns a function that fetches one index file (an absolute URL) through it. */
export function fileLoader(start: () => LoaderPort): (url: string) => Promise<unknown> {
  const loader = start();
  const waiting = new Map<number, { resolve: (data: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let broken: Error | null = null;
  loader.addEventListener('message', (event) => {
    const { id, data, error } = (event as MessageEvent<LoaderResponse>).data;
    const request = waiting.get(id);
    waiting.delete(id);
    if (error === undefined) request?.resolve(data);
    else request?.reject(new Error(error));
  });
  // A loader that cannot start (blocked script, network) fails every search instead of leaving it waiting.
  loader.addEventListener('error', (event) => {
    event.preventDefault();
    broken = new Error('the search index loader did not start');
    for (const request of waiting.values()) request.reject(broken);
    waiting.clear();
  });
  return (url) =>
    new Promise((resolve, reject) => {
      if (broken) return reject(broken);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      loader.postMessage({ id, url });
    });
}
