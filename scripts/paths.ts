/** Where the ingester reads from and writes to, relative to the project root. */
export const DIGESTS_DIR = 'content/digests';
export const CURATION_DIR = 'content/curation';
/** Generated data the Astro site reads; never committed. */
export { SITE_DATA_DIR } from '../src/lib/site-data.ts';
