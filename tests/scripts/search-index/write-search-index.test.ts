import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../scripts/search-index/build-search-index.ts';
import { searchIndexFor, writeSearchIndex } from '../../../scripts/search-index/write-search-index.ts';
import { realRecords } from '../../helpers/records.ts';

describe('writeSearchIndex', () => {
  it('writes every file of the index under the version of the papers file, and nothing else', async () => {
    const records = await realRecords();
    const folder = mkdtempSync(path.join(tmpdir(), 'search-index-'));
    const papersFile = path.join(folder, 'papers.json');
    writeFileSync(papersFile, JSON.stringify(records));
    const searchRoot = path.join(folder, 'search');

    const written = await writeSearchIndex(papersFile, searchRoot);

    const { files } = buildSearchIndex(records);
    expect(readdirSync(searchRoot)).toEqual([written.version]);
    expect(written).toMatchObject({ papers: records.length, files: files.size });
    for (const [file, text] of files) expect(readFileSync(path.join(searchRoot, written.version, file), 'utf8'), file).toBe(text);
    expect(readdirSync(path.join(searchRoot, written.version), { recursive: true }).filter((entry) => String(entry).endsWith('.json'))).toHaveLength(files.size);
  });

  it('names the index by the file contents: text and bytes agree, one changed record changes it', async () => {
    const records = await realRecords();
    const text = JSON.stringify(records);
    const { version } = searchIndexFor(text);
    expect(searchIndexFor(Buffer.from(text)).version).toBe(version);
    const edited = JSON.stringify(records.map((record, index) => (index === 0 ? { ...record, upvotes: (record.upvotes ?? 0) + 1 } : record)));
    expect(searchIndexFor(edited).version).not.toBe(version);
  });

  it('refuses records the schema rejects', async () => {
    const records = await realRecords();
    expect(() => searchIndexFor(JSON.stringify([{ ...records[0], techniques: ['telepathy'] }]))).toThrow(/techniques/);
  });
});
