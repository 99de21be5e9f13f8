/**
 * The search engine alone, in Node, over a built index: how much of a
 * keystroke is the engine's own work, apart from the browser, the worker hop
 * and HTTP. Each typed session starts a fresh engine (as a new page would);
 * `cold` reads and parses index files as the keystrokes need them, `warm`
 * has every file already parsed, which is what a cached, preloaded file costs.
 * `npm run bench` prints both beside the browser's figures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SearchEngine } from '../../src/lib/search/query-engine.ts';

export interface EngineTiming {
  cold: number[];
  warm: number[];
}

/** Per-keystroke engine time (ms) for each prefix of each query. */
export async function engineTiming(indexDir: string, queries: readonly string[]): Promise<EngineTiming> {
  const readFile = (file: string) => JSON.parse(readFileSync(path.join(indexDir, file), 'utf8')) as unknown;
  const parsed = new Map<string, unknown>();
  const readParsed = (file: string) => {
    if (!parsed.has(file)) parsed.set(file, readFile(file));
    return parsed.get(file);
  };
  const typeSessions = async (load: (file: string) => unknown) => {
    const times: number[] = [];
    for (const query of queries) {
      const engine = new SearchEngine(async (file) => load(file));
      // The file every session reads before its first keystroke (meta) is not a keystroke's cost.
      await engine.init();
      for (let length = 1; length <= query.length; length++) {
        const start = performance.now();
        await engine.search(query.slice(0, length), { limit: 10 });
        times.push(performance.now() - start);
      }
    }
    return times;
  };
  const cold = await typeSessions(readFile);
  await typeSessions(readParsed); // parses every file the sessions use
  const warm = await typeSessions(readParsed);
  return { cold, warm };
}
