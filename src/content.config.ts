/**
 * The `papers` collection: the records the ingester validated and wrote.
 * The same zod schema checks them again here, so a hand-edited or stale data
 * file cannot slip past into the site.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { PaperRecord } from './lib/schema.ts';
import { PAPERS_FILE } from './lib/site-data.ts';

const papers = defineCollection({
  loader: file(PAPERS_FILE),
  schema: PaperRecord,
});

export const collections = { papers };
