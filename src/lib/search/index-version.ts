/**
 * The search index's version: a hash of what it is built from (format, shard
 * size, taxonomy, records). Pages embed it
 * at render time and the index is written under `search/<version>/`, so a
 * browser never mixes files of two builds and every file can be cached forever.
 * Build-time only (node:crypto).
 */
import { createHash } from 'node:crypto';
import taxonomyJson from '../../../content/taxonomy.json' with { type: 'json' };
import { INDEX_FORMAT } from './index-format.ts';
import { MAX_SHARD_POSTINGS } from './search-options.ts';

/** The file's text or its bytes give the same version; bytes skip re-encoding 360 MB at 100k papers. */
export function indexVersion(papersJson: string | Uint8Array): string {
  return createHash('sha256')
    .update(`${INDEX_FORMAT}/${MAX_SHARD_POSTINGS}\n${JSON.stringify(taxonomyJson)}\n`)
    .update(papersJson)
    .digest('hex')
    .slice(0, 12);
}
