/**
 * The search worker: owns the index files and the two-stage engine, so
 * fetching, parsing shards and running Fuse never block typing.
 */
import { SearchEngine, type SearchResult } from './query-engine.ts';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';

type Job = Extract<WorkerRequest, { id: number }>;

let engine: SearchEngine | null = null;
const waiting = new Map<string, Job>();
let running = false;

const post = (message: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'init') {
    const base = new URL(request.indexUrl, self.location.href);
    engine = new SearchEngine(async (path) => {
      const response = await fetch(new URL(path, base));
      if (!response.ok) throw new Error(`search index file ${path}: HTTP ${response.status}`);
      return response.json();
    });
    void engine.init().catch(() => undefined);
    return;
  }
  if (request.type === 'preload') return engine?.preload(request.query);
  const replaced = waiting.get(request.channel);
  if (replaced) post({ type: 'stale', id: replaced.id });
  waiting.set(request.channel, request);
  void drain();
});

/** One job at a time; the newest job per channel. */
async function drain(): Promise<void> {
  if (running || !engine) return;
  running = true;
  try {
    while (waiting.size > 0) {
      const [channel, job] = waiting.entries().next().value!;
      waiting.delete(channel);
      try {
        if (job.type === 'search') {
          const started = performance.now();
          const onPartial = job.progressive
            ? (partial: SearchResult) => post({ type: 'partial', id: job.id, result: { ...partial, workMs: performance.now() - started } }, [partial.matches.buffer])
            : undefined;
          const result = await engine.search(job.query, { ...job.options, onPartial });
          const matches = result.matches.slice();
          post({ type: 'search', id: job.id, result: { ...result, matches, workMs: performance.now() - started } }, [matches.buffer]);
        } else {
          post({ type: 'fragments', id: job.id, fragments: await Promise.all(job.docs.map((n) => engine!.fragment(n))) });
        }
      } catch (error) {
        post({ type: 'error', id: job.id, message: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    running = false;
  }
}
