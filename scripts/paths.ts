/** Where the ingester reads from and writes to, relative to the project root. */
export const DIGESTS_DIR = 'content/digests';
export const CURATION_DIR = 'content/curation';
/** Generated data the Astro site reads; never committed. */
export const SITE_DATA_DIR = '.cache/site-data';
