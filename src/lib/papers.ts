/** Queries over the papers collection, shared by pages. */
import { getCollection } from 'astro:content';
import type { PaperRecord } from './schema.ts';
import type { FacetName } from './taxonomy.ts';
import { DIGESTS_FILE } from './site-data.ts';
import { compareNewestFirst } from './paper-order.ts';

export { compareNewestFirst };

export type Paper = PaperRecord;

/** Every paper, newest first (undated last), ties by title: the order the ingester wrote. */
export async function getPapers(): Promise<Paper[]> {
  const entries = await getCollection('papers');
  return entries.map((entry) => entry.data).sort(compareNewestFirst);
}


const FACET_FIELD = { techniques: 'techniques', targets: 'targets', kinds: 'kind' } as const;

/** The ids of one facet a paper carries. */
export function facetValues(paper: Paper, facet: FacetName): string[] {
  const value = paper[FACET_FIELD[facet]];
  return Array.isArray(value) ? value : [value];
}

/** Papers per facet value, for facet indexes and chips. */
export function countByFacet(papers: Paper[], facet: FacetName): Map<string, number> {
  const counts = new Map<string, number>();
  for (const paper of papers) for (const id of facetValues(paper, facet)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export function papersWith(papers: Paper[], facet: FacetName, id: string): Paper[] {
  return papers.filter((paper) => facetValues(paper, facet).includes(id));
}

/** Digest summaries written by the ingester (file, layout, capture date, entries). */
export async function getDigests(): Promise<{ file: string; entries: number; captured: string | null; layout: string }[]> {
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(DIGESTS_FILE, 'utf8'));
}
