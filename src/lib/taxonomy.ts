/**
 * The technique / target / kind taxonomy, loaded from `content/taxonomy.json`.
 * It is data so curators can extend it without code; this module validates it
 * once and exposes typed look-ups to the ingester, the pages and the search.
 */
import { z } from 'astro/zod';
import taxonomyJson from '../../content/taxonomy.json' with { type: 'json' };

/** One id of one facet (a technique, a target or a kind). */
export const TaxonomyTerm = z.object({
  /** Stable id used in records and URLs (`quantization`, `kv-cache`); lower-case kebab. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case'),
  /** Human label shown on chips and facet lists. */
  label: z.string().min(1),
  /** One-line description shown on the facet's own page. */
  description: z.string().min(1),
  /** Other names readers type for it (searched, never shown as the label). */
  synonyms: z.array(z.string()).default([]),
  /** Lower-case words or phrases that signal this id in a title or abstract; `*` at the end matches any ending. */
  signals: z.array(z.string()).default([]),
  /**
   * Words or phrases of which one must also appear in the title or abstract
   * before the signals count: what makes the id mean compression here (RL
   * that shortens outputs, not RL in general). Empty: the signals suffice.
   */
  requires: z.array(z.string()).default([]),
  /**
   * Techniques only: the target ids this technique usually works on. When a
   * paper names one of them, one mention of a signal is enough (token merging
   * named once in a prompt-compression abstract); elsewhere it takes two.
   */
  usualTargets: z.array(z.string()).default([]),
  /** Former ids that should resolve to this one (ids are never renamed, only aliased). */
  aliases: z.array(z.string()).default([]),
});
export type TaxonomyTerm = z.infer<typeof TaxonomyTerm>;

/** The whole taxonomy file. */
export const Taxonomy = z
  .object({
    /** How papers make things smaller or cheaper. */
    techniques: z.array(TaxonomyTerm).min(1),
    /** What gets smaller. */
    targets: z.array(TaxonomyTerm).min(1),
    /** What sort of paper it is; a record has exactly one. */
    kinds: z.array(TaxonomyTerm).min(1),
  })
  .superRefine((taxonomy, ctx) => {
    const targets = new Set(taxonomy.targets.map((term) => term.id));
    for (const term of taxonomy.techniques) {
      for (const id of term.usualTargets) {
        if (!targets.has(id)) ctx.addIssue({ code: 'custom', path: ['techniques'], message: `${term.id}: usual target "${id}" is not a target id` });
      }
    }
    for (const facet of ['targets', 'kinds'] as const) {
      for (const term of taxonomy[facet]) {
        if (term.usualTargets.length > 0) ctx.addIssue({ code: 'custom', path: [facet], message: `${term.id}: only techniques have usual targets` });
      }
    }
    for (const facet of ['techniques', 'targets', 'kinds'] as const) {
      const seen = new Set<string>();
      for (const term of taxonomy[facet]) {
        for (const id of [term.id, ...term.aliases]) {
          if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [facet], message: `duplicate id or alias "${id}"` });
          seen.add(id);
        }
      }
    }
  });
export type Taxonomy = z.infer<typeof Taxonomy>;

export type FacetName = 'techniques' | 'targets' | 'kinds';

export const taxonomy: Taxonomy = Taxonomy.parse(taxonomyJson);

export const techniqueIds = taxonomy.techniques.map((t) => t.id);
export const targetIds = taxonomy.targets.map((t) => t.id);
export const kindIds = taxonomy.kinds.map((t) => t.id);

const termIndex = new Map<string, Map<string, TaxonomyTerm>>(
  (['techniques', 'targets', 'kinds'] as const).map((facet) => [
    facet,
    new Map(taxonomy[facet].flatMap((term) => [term.id, ...term.aliases].map((id) => [id, term] as const))),
  ]),
);

/** The term for an id or one of its aliases, or undefined when the id is unknown. */
export function findTerm(facet: FacetName, id: string): TaxonomyTerm | undefined {
  return termIndex.get(facet)?.get(id);
}

/** The display label for an id; falls back to the id itself so a page never renders blank. */
export function termLabel(facet: FacetName, id: string): string {
  return findTerm(facet, id)?.label ?? id;
}
