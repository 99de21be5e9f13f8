/**
 * The paper record: the contract between the ingester (`scripts/`), the site
 * (`src/`), the tests and any other tool that reads `papers.json`.
 * Field names are a published contract: add fields, never rename them.
 */
import { z } from 'astro/zod';
import { kindIds, targetIds, techniqueIds } from './taxonomy.ts';

/** `YYYY-MM-DD`, a real calendar date. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'not a calendar date');

/** An http(s) URL; nothing else ever becomes a link. */
export const HttpUrl = z.string().regex(/^https?:\/\/[^\s<>"]+$/i, 'expected an http(s) URL without spaces');

export const TechniqueId = z.enum(techniqueIds as [string, ...string[]]);
export const TargetId = z.enum(targetIds as [string, ...string[]]);
export const KindId = z.enum(kindIds as [string, ...string[]]);

export const LINK_KINDS = ['code', 'project', 'model', 'dataset', 'other'] as const;

/** A URL found in the abstract (or added by a curator). */
export const PaperLink = z.object({
  /** Normalised URL: scheme added, trailing punctuation and glued text removed. */
  url: HttpUrl,
  /** What the link leads to: code repository, project page, model, dataset, or other. */
  kind: z.enum(LINK_KINDS),
});
export type PaperLink = z.infer<typeof PaperLink>;

export const NUMBER_KINDS = [
  'compression-ratio',
  'speedup',
  'memory-reduction',
  'size-reduction',
  'token-reduction',
  'accuracy-change',
  'bits-per-parameter',
  'other',
] as const;

/** A closed range such as `3.7-4.3x`. */
export const NumberRange = z
  .object({
    /** Lower end of the range. */
    min: z.number(),
    /** Upper end of the range. */
    max: z.number(),
  })
  .refine((range) => range.min <= range.max, 'min must not exceed max');

/** One quantitative result stated in the abstract. */
export const PaperNumber = z.object({
  /** The number, or `{ min, max }` for a range. */
  value: z.union([z.number(), NumberRange]),
  /** Unit as written, normalised: `%`, `x`, `bits`, `dB`, `tokens`, `points`, `GB`, ... ; empty when none. */
  unit: z.string(),
  /** The exact span of the clean abstract the number was read from. */
  text: z.string().min(1),
  /** What the number measures. */
  kind: z.enum(NUMBER_KINDS).default('other'),
  /** Dataset or metric the sentence ties the number to (`AIME2024`, `perplexity`), or null. */
  metric: z.string().nullable().default(null),
  /** The clean abstract sentence the number comes from, so a reader can check it in context. */
  sentence: z.string().default(''),
});
export type PaperNumber = z.infer<typeof PaperNumber>;

/** Organisation shown instead of an author count on some listings. */
export const Organisation = z.object({
  /** Listing id of the organisation (`nvidia`). */
  id: z.string().min(1),
  /** Display name (`NVIDIA`). */
  name: z.string().min(1),
});

/** One place a paper was listed. */
export const PaperSource = z.object({
  /** Digest file name, relative to the digests folder. */
  digest: z.string().min(1),
  /** 1-based line of the entry's title in that file. */
  line: z.number().int().positive(),
});
export type PaperSource = z.infer<typeof PaperSource>;

export const CURATABLE_FIELDS = ['id', 'method', 'techniques', 'targets', 'kind', 'claims', 'links'] as const;

/** A validated paper record. */
export const PaperRecord = z.object({
  /** Stable URL slug derived from the title (never from position); a curator may pin it. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case'),
  /** Title, cleaned of LaTeX escapes. */
  title: z.string().min(1),
  /** Clean abstract for display and search. */
  abstract: z.string().min(1),
  /** The abstract exactly as the digest gave it. */
  abstractRaw: z.string().min(1),
  /** Short name of the paper's main named contribution (`GPTQ`, `LASER`), or null when it names none. */
  method: z.string().min(1).nullable(),
  /** Technique ids from the taxonomy, most salient first. */
  techniques: z.array(TechniqueId),
  /** Target ids from the taxonomy, most salient first. */
  targets: z.array(TargetId),
  /** Exactly one kind id from the taxonomy. */
  kind: KindId,
  /** 1-3 sentences of the clean abstract that state the contribution and headline results, in order. */
  claims: z.array(z.string().min(1)).max(3),
  /** Quantitative results found in the abstract. */
  numbers: z.array(PaperNumber),
  /** Links found in the abstract (and added by curators), deduplicated. */
  links: z.array(PaperLink),
  /** Number of authors, or null when no listing gave it. */
  authors: z.number().int().positive().nullable(),
  /** Organisation, or null when no listing gave one. */
  org: Organisation.nullable(),
  /** Publication date, or null when unknown. */
  published: IsoDate.nullable(),
  /** True when the year of `published` was inferred rather than read. */
  publishedInferred: z.boolean(),
  /** Highest upvote count any listing showed; null when no listing had a metadata line. */
  upvotes: z.number().int().nonnegative().nullable(),
  /** Every place the paper was listed, in digest then line order. */
  sources: z.array(PaperSource).min(1),
  /** Fields set by a curation file rather than extracted. */
  curated: z.array(z.enum(CURATABLE_FIELDS)).default([]),
  /** Curator's note rendered to HTML by the ingester (sanitised), or null. */
  note: z.string().nullable().default(null),
  /** Problems a reader should know about (an unresolved macro, a suspicious date), in plain words. */
  flags: z.array(z.string()).default([]),
});
export type PaperRecord = z.infer<typeof PaperRecord>;

/** What the ingester writes: every accepted paper, newest first. */
export const PaperRecords = z.array(PaperRecord).superRefine((records, ctx) => {
  const ids = new Set<string>();
  records.forEach((record, index) => {
    if (ids.has(record.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id "${record.id}"` });
    ids.add(record.id);
  });
});
