/**
 * The home page's browse facets. Kept apart from facet-fields.ts (which reads
 * the taxonomy) so browser code can name facets without bundling the taxonomy.
 */
/** Facet names double as URL parameters (`?technique=quantization,pruning&year=2025`). */
export const BROWSE_FACETS = ['technique', 'target', 'kind', 'year', 'code', 'org'] as const;
export type BrowseFacet = (typeof BROWSE_FACETS)[number];

export const FACET_LABELS: Record<BrowseFacet, string> = {
  technique: 'Technique',
  target: 'Target',
  kind: 'Kind',
  year: 'Year',
  code: 'Code',
  org: 'Organisation',
};

/** The single value of the `code` facet. */
export const HAS_CODE = 'yes';
