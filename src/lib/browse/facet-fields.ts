/**
 * The browse facets of the home page: which values a paper carries for each,
 * and the values' labels and counts. Shared by the static page (first paint),
 * the index builder (per-value document lists) and the browser (labels).
 */
import type { PaperRecord } from '../schema.ts';
import { termLabel } from '../taxonomy.ts';
import { BROWSE_FACETS, type BrowseFacet, FACET_LABELS, HAS_CODE } from './facet-names.ts';

export { BROWSE_FACETS, type BrowseFacet, FACET_LABELS, HAS_CODE };

export type FacetPaper = Pick<PaperRecord, 'techniques' | 'targets' | 'kind' | 'published' | 'links' | 'org'>;

/** The values a paper carries for each facet (a paper without an organisation or date carries none). */
export function facetValuesOf(paper: FacetPaper): Record<BrowseFacet, string[]> {
  return {
    technique: paper.techniques,
    target: paper.targets,
    kind: [paper.kind],
    year: paper.published ? [paper.published.slice(0, 4)] : [],
    code: paper.links.some((link) => link.kind === 'code') ? [HAS_CODE] : [],
    org: paper.org ? [paper.org.id] : [],
  };
}

export interface FacetValue {
  id: string;
  label: string;
  count: number;
}

/** Every facet's values with labels and counts, in display order (years newest first, the rest by count). */
export function facetSummary(papers: readonly FacetPaper[]): Record<BrowseFacet, FacetValue[]> {
  const counts = Object.fromEntries(BROWSE_FACETS.map((facet) => [facet, new Map<string, number>()])) as Record<BrowseFacet, Map<string, number>>;
  const orgNames = new Map<string, string>();
  for (const paper of papers) {
    const values = facetValuesOf(paper);
    for (const facet of BROWSE_FACETS) for (const id of values[facet]) counts[facet].set(id, (counts[facet].get(id) ?? 0) + 1);
    // The first name seen wins: papers arrive in a fixed order, so labels are deterministic.
    if (paper.org && !orgNames.has(paper.org.id)) orgNames.set(paper.org.id, paper.org.name);
  }
  const label = (facet: BrowseFacet, id: string): string => {
    if (facet === 'technique') return termLabel('techniques', id);
    if (facet === 'target') return termLabel('targets', id);
    if (facet === 'kind') return termLabel('kinds', id);
    if (facet === 'code') return 'Has code';
    if (facet === 'org') return orgNames.get(id) ?? id;
    return id;
  };
  const summary = {} as Record<BrowseFacet, FacetValue[]>;
  for (const facet of BROWSE_FACETS) {
    const values = [...counts[facet]].map(([id, count]) => ({ id, label: label(facet, id), count }));
    values.sort(
      facet === 'year'
        ? (a, b) => (a.id < b.id ? 1 : -1)
        : (a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
    );
    summary[facet] = values;
  }
  return summary;
}
