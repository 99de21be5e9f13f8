/**
 * Writes the search and browse index for a papers file: validate, build, write
 * under `<searchRoot>/<version>/`. Node-only; the Astro integration runs it in
 * a worker thread while the pages render.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PaperRecords } from '../../src/lib/schema.ts';
import { indexVersion } from '../../src/lib/search/index-version.ts';
import { type SearchIndexFiles, buildSearchIndex } from './build-search-index.ts';

export interface WrittenIndex {
  version: string;
  papers: number;
  files: number;
  bytes: number;
}

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

/** The index for the contents of a papers file, and its version. */
export function searchIndexFor(papersJson: string | Buffer): SearchIndexFiles & { version: string } {
  const text = typeof papersJson === 'string' ? papersJson : papersJson.toString('utf8');
  return { ...buildSearchIndex(PaperRecords.parse(JSON.parse(text))), version: indexVersion(papersJson) };
}

export async function writeSearchIndex(papersFile: string, searchRoot: string): Promise<WrittenIndex> {
  const { files, meta, version } = searchIndexFor(await readFile(papersFile));
  const root = path.join(searchRoot, version);
  await rm(root, { recursive: true, force: true });
  return { version, papers: meta.count, files: files.size, bytes: await writeIndexFiles(root, files) };
}
