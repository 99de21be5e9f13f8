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

/**
 * The file's text or its bytes give the same version; bytes skip re-encoding
 * 360 MB at 100k papers. SHA-512 because it hashes those bytes in 0.4 s here,
 * SHA-256 in 1.4 s (no SHA extensions on this CPU); it only names files.
 */
export function indexVersion(papersJson: string | Uint8Array): string {
  return createHash('sha512')
    .update(`${INDEX_FORMAT}/${MAX_SHARD_POSTINGS}\n${JSON.stringify(taxonomyJson)}\n`)
    .update(papersJson)
    .digest('hex')
    .slice(0, 12);
}

/** The version of the index for the papers file the site is built from. */
export function currentIndexVersion(papersFile = PAPERS_FILE): string {
  // Every page asks; read and hash the file once per build.
  let version = versions.get(papersFile);
  if (!version) versions.set(papersFile, (version = indexVersion(readFileSync(papersFile))));
  return version;
}

const versions = new Map<string, string>();
