import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIGESTS_DIR, digestStartingWith } from '../../helpers/digests.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function ingest(...args: string[]) {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/ingest.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folderWithSeeds(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'digests-'));
  cpSync(DIGESTS_DIR, folder, { recursive: true });
  return folder;
}

describe('npm run ingest -- --digests DIR --json FILE', () => {
  it('writes every validated record and prints the report', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'out-')), 'papers.json');
    const { status, stdout } = ingest('--digests', DIGESTS_DIR, '--json', out);
    expect(status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(230);
    expect(stdout).toMatch(/Entries read: +272/);
    expect(stdout).toMatch(/Papers: +230/);
    expect(stdout).toMatch(/Merged listings: +42/);
    expect(stdout).toMatch(/Rejected: +0/);
    expect(stdout).toMatch(/272 entries = 230 papers \+ 42 merged \+ 0 rejected/);
    expect(stdout).toMatch(/Inferred dates: +\d+/);
    for (const [prefix, count] of [['000', 48], ['001', 119], ['002', 55], ['003', 50]] as const) {
      expect(stdout).toMatch(new RegExp(`${prefix}_\\w+\\.txt +${count} entries`));
    }
  });

  it('writes byte-identical output for the same input', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'out-'));
    ingest('--digests', DIGESTS_DIR, '--json', path.join(dir, 'a.json'));
    ingest('--digests', DIGESTS_DIR, '--json', path.join(dir, 'b.json'));
    expect(readFileSync(path.join(dir, 'a.json'))).toEqual(readFileSync(path.join(dir, 'b.json')));
  });

  it('exits 1 and writes nothing when an entry has no abstract, naming file and line', () => {
    const folder = folderWithSeeds();
    const { name, text } = digestStartingWith('000');
    const lines = text.split('\n');
    const title = lines.findIndex((line) => line.startsWith('Self-Compression of Chain-of-Thought'));
    writeFileSync(path.join(folder, name), [...lines.slice(0, title + 1), ...lines.slice(title + 3)].join('\n'));
    const out = path.join(folder, 'papers.json');
    const { status, stdout, stderr } = ingest('--digests', folder, '--json', out);
    expect(status).toBe(1);
    expect(stdout).toContain(`${name}:${title + 1}: entry "Self-Compression of Chain-of-Thought`);
    expect(stderr).toMatch(/nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it('with --allow-rejects writes the valid papers and still reports the rest', () => {
    const folder = folderWithSeeds();
    const { name, text } = digestStartingWith('001');
    writeFileSync(path.join(folder, name), text.split('\n').slice(0, 239).join('\n'));
    const out = path.join(folder, 'papers.json');
    const { status, stdout } = ingest('--digests', folder, '--json', out, '--allow-rejects');
    expect(status).toBe(0);
    expect(stdout).toMatch(/Rejected: +1/);
    expect(stdout).toMatch(/272 entries = \d+ papers \+ \d+ merged \+ 1 rejected/);
    expect(stdout).toMatch(new RegExp(`${name}:239: entry ".*" has no abstract`));
    expect(JSON.parse(readFileSync(out, 'utf8')).length).toBeGreaterThan(200);
  });

  it('exits 1 for a file in neither layout and writes nothing', () => {
    const folder = folderWithSeeds();
    writeFileSync(path.join(folder, 'notes.txt'), 'Just some notes, not a digest.\n');
    const out = path.join(folder, 'papers.json');
    const { status, stderr } = ingest('--digests', folder, '--json', out, '--allow-rejects');
    expect(status).toBe(1);
    expect(stderr).toMatch(/notes\.txt:1: notes\.txt is in neither digest layout; expected/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 for a missing folder', () => {
    const { status, stderr } = ingest('--digests', path.join(tmpdir(), 'no-such-folder-here'), '--json', path.join(tmpdir(), 'x.json'));
    expect(status).toBe(1);
    expect(stderr).toMatch(/cannot read the digests folder/);
  });

  it('rejects an unknown flag with the usage line', () => {
    const { status, stderr } = ingest('--digest', DIGESTS_DIR);
    expect(status).toBe(2);
    expect(stderr).toMatch(/usage: npm run ingest/);
  });
});
