import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareNewestFirst, readPapers } from '../../src/lib/papers.ts';
import { realRecords } from '../helpers/records.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'papers-'));
function papersFile(name: string, text: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
}

describe('readPapers', () => {
  it('reads the ingested records newest first, whatever order the file holds', async () => {
    const records = await realRecords();
    const papers = await readPapers(papersFile('shuffled.json', JSON.stringify([...records].reverse())));
    expect(papers.map((paper) => paper.id)).toEqual([...records].sort(compareNewestFirst).map((paper) => paper.id));
    expect(papers.length).toBeGreaterThan(200);
  });

  it('stops on a hand-edited record, naming the file, the record and the field', async () => {
    const records = await realRecords();
    const edited = records.map((record, index) => (index === 7 ? { ...record, kind: 'essay' } : record));
    const file = papersFile('edited.json', JSON.stringify(edited));
    await expect(readPapers(file)).rejects.toThrow(file);
    await expect(readPapers(file)).rejects.toThrow(/\[7\]\.kind/);
  });

  it('stops on two records with one id', async () => {
    const records = await realRecords();
    await expect(readPapers(papersFile('twice.json', JSON.stringify([...records, records[0]])))).rejects.toThrow(`duplicate id "${records[0].id}"`);
  });

  it('stops on a file that is not JSON, telling the reader to ingest', async () => {
    await expect(readPapers(papersFile('cut.json', '[{"id": "half'))).rejects.toThrow(/cut\.json: cannot read the papers file \(run `npm run ingest`\)/);
    await expect(readPapers(path.join(folder, 'missing.json'))).rejects.toThrow(/missing\.json: cannot read/);
  });
});
