/**
 * Where the ingester writes the site's data and the site reads it: one
 * definition for both sides. `SITE_DATA_DIR` lets tests build variants.
 */
export const SITE_DATA_DIR = process.env.SITE_DATA_DIR || '.cache/site-data';
export const PAPERS_FILE = `${SITE_DATA_DIR}/papers.json`;
export const DIGESTS_FILE = `${SITE_DATA_DIR}/digests.json`;
