/**
 * Astro integration: after the pages are built, writes the search and browse
 * index for the same papers file into `<outDir>/search/<version>/`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PaperRecords } from '../../src/lib/schema.ts';
import { SEARCH_DIR } from '../../src/lib/search/index-format.ts';
import { indexVersion } from '../../src/lib/search/index-version.ts';
import { PAPERS_FILE } from '../../src/lib/site-data.ts';
import { buildSearchIndex } from './build-search-index.ts';

/** Writes files with bounded concurrency: 100k fragments at once would exhaust file handles. */
export async function writeIndexFiles(root: string, files: Map<string, string>, concurrency = 64): Promise<number> {
  const dirs = new Set([...files.keys()].map((file) => path.dirname(path.join(root, file))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  const entries = [...files];
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const [file, text] = entries[next++];
      bytes += Buffer.byteLength(text);
      await writeFile(path.join(root, file), text);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return bytes;
}

export function searchIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'paper-catalogue:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      // `npm run dev` serves the same index from memory, rebuilt when the papers file changes.
      'astro:server:setup': ({ server }) => {
        let cached: { text: string; files: Map<string, string>; prefix: string } | null = null;
        server.middlewares.use(async (request, response, next) => {
          const url = request.url?.split('?')[0] ?? '';
          if (!url.startsWith(`${base}${SEARCH_DIR}/`)) return next();
          const text = await readFile(PAPERS_FILE, 'utf8');
          if (cached?.text !== text) {
            const { files } = buildSearchIndex(PaperRecords.parse(JSON.parse(text)));
            cached = { text, files, prefix: `${base}${SEARCH_DIR}/${indexVersion(text)}/` };
          }
          const body = url.startsWith(cached.prefix) ? cached.files.get(url.slice(cached.prefix.length)) : undefined;
          if (body === undefined) return next();
          response.setHeader('content-type', 'application/json; charset=utf-8');
          response.end(body);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const text = await readFile(PAPERS_FILE, 'utf8');
        const { files, meta } = buildSearchIndex(PaperRecords.parse(JSON.parse(text)));
        const root = path.join(fileURLToPath(dir), SEARCH_DIR, indexVersion(text));
        const bytes = await writeIndexFiles(root, files);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`${meta.count} papers, ${files.size} files, ${(bytes / 1024).toFixed(0)} KB in ${seconds}s`);
      },
    },
  };
}
