/** Queries over the papers the ingester wrote, shared by pages. */
import { readFile, stat } from 'node:fs/promises';
import { z } from 'astro/zod';
import { type PaperRecord, PaperRecords } from './schema.ts';
import type { FacetName } from './taxonomy.ts';
import { DIGESTS_FILE, PAPERS_FILE } from './site-data.ts';
import { compareNewestFirst } from './paper-order.ts';

export { compareNewestFirst };

export type Paper = PaperRecord;

/**
 * Reads and validates a papers file, newest first (undated last), ties by title.
 * Read directly rather than through a content collection: the content layer
 * serialises every record into its store and bundles that store into the build
 * as one string, which at 100k papers (360 MB of JSON) cost more than the
 * whole bare-Astro build does. The schema still checks every record, so a
 * hand-edited or stale file fails the build with the record and the reason.
 */
export async function readPapers(file: string): Promise<Paper[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the papers file (run \`npm run ingest\`): ${(error as Error).message}`);
  }
  const result = PaperRecords.safeParse(json);
  if (!result.success) throw new Error(`${file}: not valid paper records (run \`npm run ingest\`):\n${z.prettifyError(result.error)}`);
  return result.data.sort(compareNewestFirst);
}

let cache: { key: string; papers: Promise<Paper[]> } | undefined;

/**
 * Every paper, newest first: read once per build (every route asks), again
 * only when the file changes (`npm run dev` after a re-ingest). Shared: callers
 * must not mutate it.
 */
export async function getPapers(): Promise<readonly Paper[]> {
  const { mtimeMs, size } = await stat(PAPERS_FILE);
  const key = `${mtimeMs}:${size}`;
  if (cache?.key !== key) cache = { key, papers: readPapers(PAPERS_FILE) };
  return cache.papers;
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
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(DIGESTS_FILE, 'utf8'));
}
