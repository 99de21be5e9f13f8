/**
 * Astro integration: writes the search and browse index for the same papers
 * file into `<outDir>/search/<version>/`. The index is built in a worker thread
 * from the start of the build, so it takes a second core while the pages
 * render instead of adding its time after them (at 100k papers, over a
 * minute), into a staging folder of its own (Astro empties the output folder
 * after the build starts; another build may share the cache folder).
 */
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { SEARCH_DIR } from '../../src/lib/search/index-format.ts';
import { PAPERS_FILE } from '../../src/lib/site-data.ts';
import type { SearchIndexJob } from './search-index-worker.ts';
import { type WrittenIndex, searchIndexFor } from './write-search-index.ts';

/** Runs write-search-index in a worker thread; unreferenced, so a failed build can still exit. */
function writeSearchIndexInWorker(job: SearchIndexJob): { worker: Worker; done: Promise<WrittenIndex> } {
  const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), { workerData: job });
  worker.unref();
  const done = new Promise<WrittenIndex>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`search index worker exited with code ${code}`)));
  });
  // Awaited at the end of the build; until then a failure must not count as unhandled.
  done.catch(() => {});
  return { worker, done };
}

/** Moves a folder, copying when the two paths are on different file systems. */
async function move(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

export function searchIndex(): AstroIntegration {
  let base = '/';
  let cacheDir = '';
  let job: { started: number; staging: string; worker: Worker; done: Promise<WrittenIndex> } | undefined;
  return {
    name: 'paper-catalogue:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      // `npm run dev` serves the same index from memory, rebuilt when the papers file changes.
      'astro:server:setup': ({ server }) => {
        let cached: { key: string; files: Map<string, string>; prefix: string } | null = null;
        server.middlewares.use(async (request, response, next) => {
          const url = request.url?.split('?')[0] ?? '';
          if (!url.startsWith(`${base}${SEARCH_DIR}/`)) return next();
          // A search fetches many files: re-read the papers only when the file has changed (as getPapers does).
          const { mtimeMs, size } = await stat(PAPERS_FILE);
          const key = `${mtimeMs}:${size}`;
          if (cached?.key !== key) {
            const { files, version } = searchIndexFor(await readFile(PAPERS_FILE));
            cached = { key, files, prefix: `${base}${SEARCH_DIR}/${version}/` };
          }
          const body = url.startsWith(cached.prefix) ? cached.files.get(url.slice(cached.prefix.length)) : undefined;
          if (body === undefined) return next();
          response.setHeader('content-type', 'application/json; charset=utf-8');
          response.end(body);
        });
      },
      'astro:build:start': async () => {
        await mkdir(cacheDir, { recursive: true });
        const staging = await mkdtemp(path.join(cacheDir, 'search-index-'));
        job = { started: performance.now(), staging, ...writeSearchIndexInWorker({ papersFile: path.resolve(PAPERS_FILE), searchRoot: staging }) };
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!job) throw new Error('search index: the build did not start its worker');
        const waitFrom = performance.now();
        job.worker.ref();
        let written: WrittenIndex;
        try {
          written = await job.done;
          await move(path.join(job.staging, written.version), path.join(fileURLToPath(dir), SEARCH_DIR, written.version));
        } catch (error) {
          throw new Error(`search index: ${(error as Error).message}`, { cause: error });
        } finally {
          await rm(job.staging, { recursive: true, force: true });
        }
        const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
        logger.info(`${written.papers} papers, ${written.files} files, ${(written.bytes / 1024).toFixed(0)} KB, ready ${seconds(job.started)}s after the build started; waited ${seconds(waitFrom)}s for it`);
      },
    },
  };
}
