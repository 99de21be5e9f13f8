/** Queries over the papers the ingester wrote, shared by pages. */
import { readFile, stat } from 'node:fs/promises';
import { z } from 'astro/zod';
import { type PaperRecord, PaperRecords } from './schema.ts';
import type { FacetName } from './taxonomy.ts';
import { DIGESTS_FILE, PAPERS_FILE } from './site-data.ts';
import { indexVersion } from './search/index-version.ts';
import { compareNewestFirst } from './paper-order.ts';

export { compareNewestFirst };

export type Paper = PaperRecord;

/** A papers file as the site uses it. */
interface PapersFile {
  /** Every record, validated, newest first (undated last), ties by title. */
  papers: readonly Paper[];
  /** The version of the search index built from the same bytes (index-version.ts). */
  indexVersion: string;
}

/**
 * Reads and validates a papers file, once for both of its uses.
 * Read directly rather than through a content collection: the content layer
 * serialises every record into its store and bundles that store into the build
 * as one string, which at 100k papers (360 MB of JSON) cost more than the
 * whole bare-Astro build does. The schema still checks every record, so a
 * hand-edited or stale file fails the build with the record and the reason.
 */
async function readPapersFile(file: string): Promise<PapersFile> {
  let bytes: Buffer;
  let json: unknown;
  try {
    bytes = await readFile(file);
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the papers file (run \`npm run ingest\`): ${(error as Error).message}`);
  }
  const result = PaperRecords.safeParse(json);
  if (!result.success) throw new Error(`${file}: not valid paper records (run \`npm run ingest\`):\n${z.prettifyError(result.error)}`);
  return { papers: result.data.sort(compareNewestFirst), indexVersion: indexVersion(bytes) };
}

/** The records of a papers file, newest first; stops with the file, record and reason on bad input. */
export async function readPapers(file: string): Promise<readonly Paper[]> {
  return (await readPapersFile(file)).papers;
}

let cache: { key: string; file: Promise<PapersFile> } | undefined;

/**
 * The site's papers file, read once per build (every route asks), again only
 * when it changes (`npm run dev` after a re-ingest).
 */
async function sitePapersFile(): Promise<PapersFile> {
  // A build reads the file once; only the dev server needs to notice a change (a stat per page at 100k adds up).
  // Outside Vite (a Node script) there is no import.meta.env: read once, as a build does.
  if (cache && !import.meta.env?.DEV) return cache.file;
  const { mtimeMs, size } = await stat(PAPERS_FILE);
  const key = `${mtimeMs}:${size}`;
  if (cache?.key !== key) cache = { key, file: readPapersFile(PAPERS_FILE) };
  return cache.file;
}

/** Every paper, newest first. Shared: callers must not mutate it. */
export async function getPapers(): Promise<readonly Paper[]> {
  return (await sitePapersFile()).papers;
}

/** The version of the site's search index: pages embed it in the index URL, so caches never mix builds. */
export async function getIndexVersion(): Promise<string> {
  return (await sitePapersFile()).indexVersion;
}

const FACET_FIELD = { techniques: 'techniques', targets: 'targets', kinds: 'kind' } as const;

/** The ids of one facet a paper carries. */
export function facetValues(paper: Paper, facet: FacetName): string[] {
  const value = paper[FACET_FIELD[facet]];
  return Array.isArray(value) ? value : [value];
}

/** Papers per facet value, for facet indexes and chips. */
export function countByFacet(papers: readonly Paper[], facet: FacetName): Map<string, number> {
  const counts = new Map<string, number>();
  for (const paper of papers) for (const id of facetValues(paper, facet)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export function papersWith(papers: readonly Paper[], facet: FacetName, id: string): Paper[] {
  return papers.filter((paper) => facetValues(paper, facet).includes(id));
}

/** Digest summaries written by the ingester (file, layout, capture date, entries). */
export async function getDigests(): Promise<{ file: string; entries: number; captured: string | null; layout: string }[]> {
  return JSON.parse(await readFile(DIGESTS_FILE, 'utf8'));
}
