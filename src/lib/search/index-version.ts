/**
 * The search index's version: a hash of what it is built from (format, shard
 * size, taxonomy, records). Pages embed it
 * at render time and the index is written under `search/<version>/`, so a
 * browser never mixes files of two builds and every file can be cached forever.
 * Build-time only (node:crypto).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import taxonomyJson from '../../../content/taxonomy.json' with { type: 'json' };
import { PAPERS_FILE } from '../site-data.ts';
import { INDEX_FORMAT } from './index-format.ts';
import { MAX_SHARD_POSTINGS } from './search-options.ts';

export function indexVersion(papersJson: string): string {
  return createHash('sha256')
    .update(`${INDEX_FORMAT}/${MAX_SHARD_POSTINGS}\n${JSON.stringify(taxonomyJson)}\n${papersJson}`)
    .digest('hex')
    .slice(0, 12);
}

/** The version of the index for the papers file the site is built from. */
export function currentIndexVersion(papersFile = PAPERS_FILE): string {
  // Every page asks; read and hash the file once per build.
  let version = versions.get(papersFile);
  if (!version) versions.set(papersFile, (version = indexVersion(readFileSync(papersFile, 'utf8'))));
  return version;
}

const versions = new Map<string, string>();
