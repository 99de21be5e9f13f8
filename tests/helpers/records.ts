/** The real digests ingested in-process, once per test file. */
import type { PaperRecord } from '../../src/lib/schema.ts';
import { ingestDirectory } from '../../scripts/ingest/ingest.ts';
import { DIGESTS_DIR } from './digests.ts';

let cached: Promise<PaperRecord[]> | null = null;

export function realRecords(): Promise<PaperRecord[]> {
  return (cached ??= ingestDirectory(DIGESTS_DIR).then((result) => result.records));
}
