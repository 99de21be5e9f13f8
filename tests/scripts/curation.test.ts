import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCurationDir, parseCurationFile } from '../../scripts/ingest/curation.ts';
import { ingestDigests, ingestDirectory } from '../../scripts/ingest/ingest.ts';
import { IngestError } from '../../scripts/ingest/problems.ts';
import { formatReport } from '../../scripts/ingest/report.ts';
import { PaperRecords } from '../../src/lib/schema.ts';
import { allDigestInputs, readDigest, digestNames } from '../helpers/digests.ts';

const plain = ingestDigests(allDigestInputs());
const gptq = plain.records.find((record) => record.title.startsWith('GPTQ:'))!;
const rocket = plain.records.find((record) => record.title.startsWith('ROCKET:'))!;

function ingestWith(files: Record<string, string>) {
  const curation = Object.entries(files).map(([file, text]) => parseCurationFile(file, text));
  return ingestDigests(allDigestInputs(), { curation });
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return (error as Error).message;
  }
  throw new Error('expected the ingest to fail');
}

describe('curation overrides', () => {
  it('keep every corrected field and list it in curated, by id or by exact title', () => {
    const { records } = ingestWith({
      'gptq.md': `---\npaper: ${gptq.id}\nmethod: GPTQ-curated\ntechniques: [quantization, pruning]\ntargets: [weights]\nkind: analysis\nclaims: ["One claim."]\nlinks:\n  - https://github.com/IST-DASLab/gptq.\n  - { url: "example.org/gptq", kind: project }\n---\n`,
      'rocket.md': `---\npaper: "${rocket.title}"\nid: rocket\n---\n`,
    });
    const curated = records.find((record) => record.sources[0]!.line === gptq.sources[0]!.line && record.sources[0]!.digest === gptq.sources[0]!.digest)!;
    expect(curated.method).toBe('GPTQ-curated');
    expect(curated.techniques).toEqual(['quantization', 'pruning']);
    expect(curated.kind).toBe('analysis');
    expect(curated.claims).toEqual(['One claim.']);
    expect(curated.links.map((link) => link.url)).toEqual([...gptq.links.map((link) => link.url), 'https://github.com/IST-DASLab/gptq', 'https://example.org/gptq'].filter((url, index, all) => all.indexOf(url) === index));
    expect(curated.links.at(-1)).toEqual({ url: 'https://example.org/gptq', kind: 'project' });
    expect(curated.curated).toEqual(['method', 'techniques', 'targets', 'kind', 'claims', 'links']);
    const pinned = records.find((record) => record.title === rocket.title)!;
    expect(pinned.id).toBe('rocket');
    expect(pinned.curated).toEqual(['id']);
    expect(pinned.method).toBe(rocket.method);
    expect(PaperRecords.safeParse(records).success).toBe(true);
  });

  it('reach a paper by its pinned id from another file', () => {
    const { records } = ingestWith({ 'a.md': `---\npaper: ${rocket.id}\nid: rocket\n---\n`, 'b.md': '---\npaper: rocket\nmethod: ROCKET-2\n---\n' });
    const pinned = records.find((record) => record.id === 'rocket')!;
    expect(pinned.method).toBe('ROCKET-2');
    expect(pinned.curated).toEqual(['id', 'method']);
  });

  it('leave uncurated papers with an empty curated list and no note', () => {
    const { records } = ingestWith({ 'gptq.md': `---\npaper: ${gptq.id}\nkind: method\n---\n` });
    expect(records.filter((record) => record.curated.length > 0)).toHaveLength(1);
    expect(records.find((record) => record.title === rocket.title)!.note).toBeNull();
  });

  it('hide a paper and count it, so entries = papers + merged + rejected + hidden', () => {
    const { records, report } = ingestWith({ 'hide.md': `---\npaper: ${rocket.id}\nhidden: true\n---\n` });
    expect(records.some((record) => record.title === rocket.title)).toBe(false);
    expect(report.hidden).toBe(1);
    expect(report.papers).toBe(229);
    expect(report.entries).toBe(report.papers + report.merged + report.rejected + report.hidden);
    expect(formatReport(report)).toMatch(/Hidden: +1 \(hidden by curation\)/);
    expect(formatReport(report)).not.toMatch(/MISMATCH/);
  });
});

describe('curation notes', () => {
  it('render Markdown to HTML', () => {
    const { records } = ingestWith({ 'gptq.md': `---\npaper: ${gptq.id}\n---\nChecked against the **paper**; see [the code](https://github.com/IST-DASLab/gptq).\n` });
    const note = records.find((record) => record.title === gptq.title)!.note!;
    expect(note).toContain('<strong>paper</strong>');
    expect(note).toContain('<a href="https://github.com/IST-DASLab/gptq">the code</a>');
  });

  it('sanitise raw HTML, scripts and javascript: links', () => {
    const note = parseCurationFile('x.md', '---\npaper: x\n---\n<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[click](javascript:alert(1))\n').note!;
    expect(note).not.toMatch(/<script|onerror|javascript:|<img/i);
  });
});

describe('bad curation files fail the ingest with file:line and the reason', () => {
  it('an unknown paper', () => {
    expect(failure(() => ingestWith({ 'ghost.md': '---\n# a comment\npaper: no-such-paper\n---\n' }))).toMatch(/^ghost\.md:3: no paper has the id or title "no-such-paper"/);
  });

  it('an unknown field', () => {
    expect(failure(() => parseCurationFile('f.md', `---\npaper: ${gptq.id}\nmethod: X\nauthor: me\n---\n`))).toMatch(/^f\.md:4: unknown field "author"/);
  });

  it('an unknown taxonomy id', () => {
    expect(failure(() => parseCurationFile('t.md', `---\npaper: ${gptq.id}\ntechniques: [quantization, magic]\n---\n`))).toMatch(/^t\.md:3: unknown technique id "magic"/);
    expect(failure(() => parseCurationFile('k.md', `---\npaper: ${gptq.id}\n\nkind: essay\n---\n`))).toMatch(/^k\.md:4: unknown kind id "essay"/);
    expect(failure(() => parseCurationFile('g.md', `---\npaper: ${gptq.id}\ntargets: weights-and-biases\n---\n`))).toMatch(/^g\.md:3: unknown target id/);
  });

  it('malformed YAML, a missing front matter, a missing paper, bad values', () => {
    expect(failure(() => parseCurationFile('m.md', '---\npaper: x\nmethod: [unclosed\n---\n'))).toMatch(/^m\.md:\d+: malformed front matter/);
    expect(failure(() => parseCurationFile('n.md', 'Just a note.\n'))).toMatch(/^n\.md:1: .*front-matter/);
    expect(failure(() => parseCurationFile('p.md', '---\nmethod: X\n---\n'))).toMatch(/^p\.md:1: missing "paper:"/);
    expect(failure(() => parseCurationFile('h.md', '---\npaper: x\nhidden: yes please\n---\n'))).toMatch(/^h\.md:3: "hidden" must be true or false/);
    expect(failure(() => parseCurationFile('i.md', '---\npaper: x\nid: Not An Id\n---\n'))).toMatch(/^i\.md:3: "id" must be lower-case kebab-case/);
    expect(failure(() => parseCurationFile('c.md', '---\npaper: x\nclaims: [a, b, c, d]\n---\n'))).toMatch(/^c\.md:3: "claims" must be a list of 1 to 3/);
    expect(failure(() => parseCurationFile('l.md', '---\npaper: x\nlinks: [{ url: "https://a.org", kind: weird }]\n---\n'))).toMatch(/^l\.md:3: unknown link kind "weird"/);
  });

  it('a pinned id another paper already has, and two files setting the same field', () => {
    expect(failure(() => ingestWith({ 'pin.md': `---\npaper: ${gptq.id}\nid: ${rocket.id}\n---\n` }))).toMatch(/^pin\.md:3: the pinned id/);
    expect(failure(() => ingestWith({ 'a.md': `---\npaper: ${gptq.id}\nmethod: A\n---\n`, 'b.md': `---\npaper: "${gptq.title}"\nmethod: B\n---\n` }))).toMatch(/^b\.md:3: method of .* is already set by a\.md/);
  });
});

describe('curation folders', () => {
  it('are read from the curation folder beside the digests folder, and kept on re-ingest', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'curation-'));
    mkdirSync(path.join(root, 'digests'));
    mkdirSync(path.join(root, 'curation'));
    for (const name of digestNames()) writeFileSync(path.join(root, 'digests', name), readDigest(name));
    writeFileSync(path.join(root, 'curation', 'gptq.md'), `---\npaper: ${gptq.id}\nmethod: GPTQ\nkind: method\n---\nA note.\n`);
    writeFileSync(path.join(root, 'curation', 'notes.txt'), 'not a curation file');
    expect(loadCurationDir(path.join(root, 'curation'))).toHaveLength(1);
    for (let run = 0; run < 2; run++) {
      const { records } = await ingestDirectory(path.join(root, 'digests'));
      const record = records.find((candidate) => candidate.title === gptq.title)!;
      expect(record.curated).toEqual(['method', 'kind']);
      expect(record.note).toBe('<p>A note.</p>');
    }
    expect(loadCurationDir(path.join(root, 'missing'))).toEqual([]);
  });
});
