/**
 * The search worker: owns the two-stage engine and the parsed index files, so
 * scoring and running Fuse never block typing; a second worker downloads.
 */
import { SearchEngine, type SearchResult, StaleSearch } from './query-engine.ts';
import { fileLoader } from './index-loader-client.ts';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';

type Job = Extract<WorkerRequest, { id: number }>;

let engine: SearchEngine | null = null;
/** The newest job per channel: an older one still running is dropped at its next step. */
const newest = new Map<string, number>();

const post = (message: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'init') {
    const base = new URL(request.indexUrl, self.location.href);
    const load = fileLoader(() => new Worker(new URL('./index-loader-worker.ts', import.meta.url), { type: 'module', name: 'paper-search-files' }));
    engine = new SearchEngine((path) => load(new URL(path, base).href));
    void engine.init().catch(() => undefined);
    return;
  }
  if (request.type === 'preload') return engine?.preload(request.query);
  newest.set(request.channel, request.id);
  void run(request);
});

/**
 * Jobs start as they arrive: a keystroke never waits for the previous one's
 * fragments (the engine still scores one query at a time). A job a newer one
 * on its channel replaced stops at its next step and is answered `stale`.
 */
async function run(job: Job): Promise<void> {
  const isStale = () => newest.get(job.channel) !== job.id;
  if (isStale()) return post({ type: 'stale', id: job.id });
  try {
    if (job.type === 'search') {
      const started = performance.now();
      const onPartial = job.progressive
        ? (partial: SearchResult) => {
            if (!isStale()) post({ type: 'partial', id: job.id, result: { ...partial, workMs: performance.now() - started } }, [partial.matches.buffer]);
          }
        : undefined;
      const result = await engine!.search(job.query, { ...job.options, onPartial, isStale });
      if (isStale()) return post({ type: 'stale', id: job.id });
      const matches = result.matches.slice();
      post({ type: 'search', id: job.id, result: { ...result, matches, workMs: performance.now() - started } }, [matches.buffer]);
    } else {
      const fragments = await Promise.all(job.docs.map((n) => engine!.fragment(n)));
      post(isStale() ? { type: 'stale', id: job.id } : { type: 'fragments', id: job.id, fragments });
    }
  } catch (error) {
    if (error instanceof StaleSearch) return post({ type: 'stale', id: job.id });
    post({ type: 'error', id: job.id, message: error instanceof Error ? error.message : String(error) });
  }
}
