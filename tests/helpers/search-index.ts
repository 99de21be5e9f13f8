/** A search index built in memory from records, and an engine reading it (no files, no browser). */
import Fuse from 'fuse.js/basic';
import { buildSearchIndex, type BuildOptions, termTable } from '../../scripts/search-index/build-search-index.ts';
import type { PaperRecord } from '../../src/lib/schema.ts';
import { SearchEngine } from '../../src/lib/search/query-engine.ts';
import { type SearchDocument, searchDocument } from '../../src/lib/search/search-document.ts';
import { FUSE_OPTIONS } from '../../src/lib/search/search-options.ts';
import { toFragment } from '../../scripts/search-index/build-search-index.ts';

export function inMemoryIndex(records: readonly PaperRecord[], options?: BuildOptions) {
  const index = buildSearchIndex(records, options);
  const loads: string[] = [];
  const engine = new SearchEngine(async (path) => {
    loads.push(path);
    const text = index.files.get(path);
    if (text === undefined) throw new Error(`no index file ${path}`);
    return JSON.parse(text);
  });
  return { ...index, engine, loads };
}

/** Plain Fuse over every paper with the worker's options: the reference the two stages must agree with. */
export function exhaustiveFuse(papers: readonly PaperRecord[]): Fuse<SearchDocument> {
  const terms = termTable();
  return new Fuse(papers.map((paper, n) => searchDocument(toFragment(paper, n), terms)), FUSE_OPTIONS);
}
