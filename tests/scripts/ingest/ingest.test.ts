import { describe, expect, it } from 'vitest';
import { ingestDigests } from '../../../scripts/ingest/ingest.ts';
import { IngestError } from '../../../scripts/ingest/problems.ts';
import { PaperRecords } from '../../../src/lib/schema.ts';
import { allDigestInputs, bytes, digestStartingWith } from '../../helpers/digests.ts';

const all = ingestDigests(allDigestInputs());

describe('the bundled digests', () => {
  it('read 272 entries that are 230 distinct papers, 42 merged listings, none rejected', () => {
    const { report, records } = all;
    expect(report.digests.map((digest) => digest.entries)).toEqual([48, 119, 55, 50]);
    expect(report.entries).toBe(272);
    expect(records).toHaveLength(230);
    expect(report.papers).toBe(230);
    expect(report.merged).toBe(42);
    expect(report.rejected).toBe(0);
    expect(report.entries).toBe(report.papers + report.merged + report.rejected);
  });

  it('produce records that pass the shared schema, with unique ids', () => {
    expect(PaperRecords.safeParse(all.records).success).toBe(true);
    expect(new Set(all.records.map((record) => record.id)).size).toBe(230);
  });

  it('keep every place a paper was listed', () => {
    const sources = all.records.flatMap((record) => record.sources);
    expect(sources).toHaveLength(272);
    const multi = all.records.filter((record) => record.sources.length > 1);
    expect(multi.length).toBeGreaterThan(0);
    for (const record of multi) expect(new Set(record.sources.map((source) => `${source.digest}:${source.line}`)).size).toBe(record.sources.length);
  });

  it('list papers newest first', () => {
    const dates = all.records.map((record) => record.published).filter((date): date is string => date !== null);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('infer the capture year from explicit years and mark those dates', () => {
    for (const digest of all.report.digests.filter((candidate) => candidate.layout === 'metadata')) {
      expect(digest.captured).toMatch(/^2026-\d\d-\d\d \(year inferred\)$/);
    }
    const rocket = all.records.find((record) => record.title.startsWith('ROCKET'))!;
    expect(rocket.published).toBe('2026-02-11');
    expect(rocket.publishedInferred).toBe(true);
    expect(all.report.inferredDates).toBe(all.records.filter((record) => record.publishedInferred).length);
    expect(all.report.inferredDates).toBeGreaterThan(0);
  });

  it('report ROCKET\'s differing organisation name and keep the first listing\'s', () => {
    const rocket = all.records.find((record) => record.title.startsWith('ROCKET'))!;
    expect(rocket.org).toEqual({ id: 'MTSAIR', name: 'MWS AI' });
    expect(all.report.conflicts).toContainEqual(expect.objectContaining({ field: 'org', kept: 'MTSAIR MWS AI', dropped: 'MTSAIR MTSAIR' }));
  });
});

describe('merging duplicates', () => {
  const base = digestStartingWith('000');
  const lines = base.text.split('\n');
  const titleLine = lines.indexOf('Learn to Reason Efficiently with Adaptive Length-based Reward Shaping');
  const title = lines[titleLine]!;
  const abstract = lines[titleLine + 2]!;
  const header = lines.slice(0, 11).join('\n');
  const listing = (meta: string) => bytes(`${header}\n\n${title}\n\n${abstract}\n${meta ? `\n${meta}\n` : ''}`);

  it('never lets a listing without metadata erase another listing\'s', () => {
    const { records, report } = ingestDigests([
      { file: 'a.txt', bytes: listing('  • 8 authors\n·\nMay 21, 2025 3') },
      { file: 'b.txt', bytes: listing('') },
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ authors: 8, published: '2025-05-21', upvotes: 3 });
    expect(records[0]!.sources.map((source) => source.digest)).toEqual(['a.txt', 'b.txt']);
    expect(report.merged).toBe(1);
  });

  it('keeps the highest upvote count, whichever listing has it', () => {
    const { records, report } = ingestDigests([
      { file: 'a.txt', bytes: listing('  • 8 authors\n·\nMay 21, 2025 3') },
      { file: 'b.txt', bytes: listing('  • 8 authors\n·\nMay 21, 2025 17') },
    ]);
    expect(records[0]!.upvotes).toBe(17);
    expect(report.conflicts).toEqual([]);
  });

  it('resolves other conflicts by digest order and reports them', () => {
    const { records, report } = ingestDigests([
      { file: 'b.txt', bytes: listing('  • 9 authors\n·\nMay 21, 2025 3') },
      { file: 'a.txt', bytes: listing('  • 8 authors\n·\nMay 21, 2025 3') },
    ]);
    expect(records[0]!.authors).toBe(8);
    expect(report.conflicts).toEqual([expect.objectContaining({ field: 'authors', kept: '8', dropped: '9' })]);
  });

  it('treats LaTeX and case differences in the same text as the same paper', () => {
    const { records } = ingestDigests([
      { file: 'a.txt', bytes: listing('') },
      { file: 'b.txt', bytes: bytes(`${header}\n\n${title.toUpperCase()}\n\n${abstract.replace('63%', '63\\%')}\n`) },
    ]);
    expect(records).toHaveLength(1);
  });
});

describe('stable ids and determinism', () => {
  it('gives a paper the same id whatever else is ingested', () => {
    const single = ingestDigests([allDigestInputs()[0]!]);
    const ids = new Map(all.records.map((record) => [record.title, record.id]));
    for (const record of single.records) expect(record.id).toBe(ids.get(record.title));
  });

  it('produces identical records for identical input, whatever order files arrive in', () => {
    const again = ingestDigests(allDigestInputs().reverse());
    expect(JSON.stringify(again.records)).toBe(JSON.stringify(all.records));
  });

  it('suffixes distinct papers that share a title slug, both of them', () => {
    const base = digestStartingWith('000').text.split('\n');
    const header = base.slice(0, 11).join('\n');
    const paper = (abstract: string) => `Same Title\n\n${abstract}`;
    const text = `${header}\n\n${paper(base[14]!)}\n\n${paper(base[22]!)}\n`;
    const { records } = ingestDigests([{ file: 'a.txt', bytes: bytes(text) }]);
    expect(records.map((record) => record.id).sort()).toEqual([expect.stringMatching(/^same-title-[0-9a-f]{6}$/), expect.stringMatching(/^same-title-[0-9a-f]{6}$/)]);
  });
});

describe('whole-run failures', () => {
  it('throws for an unrecognisable file, naming it', () => {
    expect(() => ingestDigests([...allDigestInputs(), { file: 'junk.txt', bytes: new Uint8Array([0, 1, 2]) }])).toThrowError(IngestError);
    try {
      ingestDigests([{ file: 'junk.txt', bytes: new Uint8Array([0, 1, 2]) }]);
    } catch (error) {
      expect((error as IngestError).problems[0]).toMatchObject({ file: 'junk.txt', line: 1 });
    }
  });
});
