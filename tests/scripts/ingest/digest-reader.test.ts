import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../scripts/ingest/digest-reader.ts';
import { bytes, digestStartingWith } from '../../helpers/digests.ts';

function parsed(name: string, text: string) {
  const result = parseDigest(name, bytes(text));
  if (!result.ok) throw new Error(result.problem.reason);
  return result.digest;
}

describe('layout recognition on the real digests', () => {
  it.each([
    ['000', 'metadata', 48],
    ['001', 'bare', 119],
    ['002', 'metadata', 55],
    ['003', 'metadata', 50],
  ] as const)('digest %s is a %s listing with %i entries, all accepted', (prefix, layout, count) => {
    const { name, text } = digestStartingWith(prefix);
    const digest = parsed(name, text);
    expect(digest.layout).toBe(layout);
    expect(digest.entriesRead).toBe(count);
    expect(digest.entries).toHaveLength(count);
    expect(digest.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('reads the bare listing title glued to "Subscribe" and pairs every title with its abstract', () => {
    const { name, text } = digestStartingWith('001');
    const digest = parsed(name, text);
    const first = digest.entries[0]!;
    expect(text.split('\n')[first.line - 1]).toBe(`Subscribe${first.title}`);
    expect(first.title).toMatch(/^MatryoshkaKV: /);
    for (const entry of digest.entries) {
      expect(entry.metadata).toBeNull();
      expect(entry.abstractRaw.length).toBeGreaterThan(entry.title.length);
      expect(text.split('\n')[entry.line]).toBe(entry.abstractRaw);
    }
  });

  it('points every entry at the line its title is on', () => {
    for (const prefix of ['000', '002', '003']) {
      const { name, text } = digestStartingWith(prefix);
      const lines = text.split('\n');
      for (const entry of parsed(name, text).entries) expect(lines[entry.line - 1]).toBe(entry.title);
    }
  });
});

describe('metadata blocks', () => {
  const { name, text } = digestStartingWith('000');
  const digest = parsed(name, text);
  const byTitle = (start: string) => digest.entries.find((entry) => entry.title.startsWith(start))!;

  it('reads an author count with a dated, upvoted line', () => {
    expect(byTitle('Learn to Reason Efficiently').metadata).toEqual({
      authors: 8,
      org: null,
      date: { month: 5, day: 21, year: 2025 },
      upvotes: 3,
    });
  });

  it('reads an organisation line as id then display name', () => {
    const rocket = byTitle('ROCKET').metadata!;
    expect(rocket.org).toEqual({ id: 'MTSAIR', name: 'MWS AI' });
    expect(rocket.authors).toBeNull();
    expect(rocket.date).toEqual({ month: 2, day: 11, year: null });
    expect(rocket.upvotes).toBe(3);
  });

  it('reads a yearless date without upvotes as zero upvotes', () => {
    const entry = digest.entries.find((candidate) => candidate.metadata?.date?.year === null && candidate.metadata.upvotes === 0);
    expect(entry).toBeDefined();
  });

  it('keeps entries that have no metadata block at all', () => {
    const bare = digest.entries.filter((entry) => entry.metadata === null);
    expect(bare.length).toBeGreaterThan(0);
    for (const entry of bare) expect(entry.abstractRaw.length).toBeGreaterThan(200);
  });

  it('accepts a metadata block cut short after the author count', () => {
    const cut = text.replace(/(  • 8 authors)\n·\nMay 21, 2025 3/, '$1');
    const entry = parsed(name, cut).entries.find((candidate) => candidate.title.startsWith('Learn to Reason Efficiently'))!;
    expect(entry.metadata).toEqual({ authors: 8, org: null, date: null, upvotes: null });
  });
});

describe('bad input gets a clear error naming file and line', () => {
  const { name, text } = digestStartingWith('000');

  it('rejects an empty file and says what was expected', () => {
    const result = parseDigest('empty.txt', bytes('\n\n  \n'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toMatchObject({ file: 'empty.txt', line: 1 });
      expect(result.problem.reason).toMatch(/empty.*listing with metadata.*bare listing/s);
    }
  });

  it('rejects binary junk', () => {
    const junk = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]);
    const result = parseDigest('image.txt', junk);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.reason).toMatch(/not a text file/);
  });

  it('rejects invalid UTF-8', () => {
    const result = parseDigest('latin1.txt', new Uint8Array([0x54, 0x69, 0x74, 0x6c, 0xe9, 0x0a]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.reason).toMatch(/not valid UTF-8/);
  });

  it('rejects prose in neither layout', () => {
    const result = parseDigest('notes.txt', bytes(`${'This is a long paragraph of notes that is not a digest at all. '.repeat(5)}\n`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.reason).toMatch(/neither digest layout; expected/);
  });

  it('rejects an entry whose abstract is missing, at its title line, and keeps the rest', () => {
    const lines = text.split('\n');
    const titleLine = lines.findIndex((line) => line.startsWith('Self-Compression of Chain-of-Thought'));
    const broken = [...lines.slice(0, titleLine + 1), ...lines.slice(titleLine + 3)].join('\n');
    const digest = parsed(name, broken);
    expect(digest.entriesRead).toBe(48);
    expect(digest.entries).toHaveLength(47);
    const errors = digest.problems.filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([{ file: name, line: titleLine + 1, severity: 'error', reason: expect.stringMatching(/has no abstract: its metadata follows the title directly/) }]);
  });

  it('reports a truncated file: the last title has no abstract', () => {
    const lines = text.split('\n');
    const lastTitle = lines.findLastIndex((line, index) => index > 12 && line.length > 0 && lines[index + 1] === '' && (lines[index + 2]?.length ?? 0) > 200);
    const digest = parsed(name, lines.slice(0, lastTitle + 1).join('\n'));
    const errors = digest.problems.filter((problem) => problem.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: name, line: lastTitle + 1 });
    expect(errors[0]!.reason).toMatch(/file ends after its title \(truncated\?\)/);
  });

  it('reports a truncated bare listing', () => {
    const bare = digestStartingWith('001');
    const lines = bare.text.split('\n');
    const digest = parsed(bare.name, lines.slice(0, 11).join('\n'));
    expect(digest.entriesRead).toBe(5);
    expect(digest.entries).toHaveLength(4);
    expect(digest.problems).toEqual([expect.objectContaining({ line: 11, severity: 'error' })]);
  });

  it('reads CRLF line endings and a byte-order mark exactly like LF', () => {
    const plain = parsed(name, text);
    const windows = parsed(name, `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    expect(windows.entries).toEqual(plain.entries);
  });

  it('rejects malformed front matter at line 1', () => {
    const result = parseDigest(name, bytes(`---\ncaptured: [not, a, date\n---\n${text}`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ line: 1, reason: expect.stringMatching(/front matter is not valid YAML/) });
  });

  it('rejects a front matter capture date that is not a date', () => {
    const result = parseDigest(name, bytes(`---\ncaptured: last spring\n---\n${text}`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.reason).toMatch(/"captured" is invalid/);
  });
});

describe('front matter', () => {
  it('is read with gray-matter and keeps line numbers true to the file', () => {
    const { name, text } = digestStartingWith('002');
    const withFront = `---\ncaptured: 2026-03-03\nsource: daily papers\nquery: compression\n---\n${text}`;
    const digest = parsed(name, withFront);
    expect(digest.frontMatter).toMatchObject({ captured: '2026-03-03', source: 'daily papers', query: 'compression' });
    const lines = withFront.split('\n');
    for (const entry of digest.entries) expect(lines[entry.line - 1]).toBe(entry.title);
  });
});
