/** Worker-thread entry: writes the search index (see write-search-index.ts) and reports what it wrote. */
import { parentPort, workerData } from 'node:worker_threads';
import { type WrittenIndex, writeSearchIndex } from './write-search-index.ts';

export interface SearchIndexJob {
  papersFile: string;
  searchRoot: string;
}

const { papersFile, searchRoot } = workerData as SearchIndexJob;
const written: WrittenIndex = await writeSearchIndex(papersFile, searchRoot);
parentPort!.postMessage(written);
