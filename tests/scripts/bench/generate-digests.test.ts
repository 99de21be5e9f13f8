import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDigests } from '../../../scripts/bench/generate-digests.ts';
import { ingestDirectory } from '../../../scripts/ingest/ingest.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function writeAll(options: Parameters<typeof generateDigests>[0]): { dir: string; texts: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'synthetic-'));
  dirs.push(dir);
  const texts: string[] = [];
  for (const digest of generateDigests(options)) {
    writeFileSync(path.join(dir, digest.name), digest.text);
    texts.push(digest.text);
  }
  return { dir, texts };
}

describe('synthetic digests', () => {
  it('ingest into exactly the papers asked for, with repeated listings merged and nothing rejected or silently undated', async () => {
    const { dir } = writeAll({ papers: 600, seed: 3, perDigest: 150 });
    const { records, report } = await ingestDirectory(dir);
    expect(records).toHaveLength(600);
    expect(report.rejected).toBe(0);
    expect(report.merged).toBeGreaterThan(0);
    expect(report.entries).toBe(records.length + report.merged);
    expect(report.problems).toEqual([]);
    // Named methods, techniques and numbers come out of the generated text like out of real digests.
    expect(records.filter((record) => record.method).length / records.length).toBeGreaterThan(0.7);
    expect(records.filter((record) => record.techniques.length > 0).length / records.length).toBeGreaterThan(0.8);
    expect(records.filter((record) => record.numbers.length > 0).length / records.length).toBeGreaterThan(0.8);
  });

  it('use both layouts, with and without front matter', () => {
    const { texts } = writeAll({ papers: 3000, seed: 5, perDigest: 100 });
    expect(texts.some((text) => text.includes('\nSubscribe\n'))).toBe(true);
    expect(texts.some((text) => /\nSubscribe\S/.test(text))).toBe(true);
    expect(texts.some((text) => text.startsWith('---\ncaptured: '))).toBe(true);
    expect(texts.some((text) => !text.startsWith('---'))).toBe(true);
  });

  it('are the same bytes for the same seed, and differ for another', () => {
    const a = [...generateDigests({ papers: 300, seed: 9 })].map((digest) => digest.text);
    const b = [...generateDigests({ papers: 300, seed: 9 })].map((digest) => digest.text);
    const c = [...generateDigests({ papers: 300, seed: 10 })].map((digest) => digest.text);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});
