/**
 * Curation files: a curator's corrections that survive every re-ingest.
 *
 * One Markdown file per paper under `content/curation/` (any name ending `.md`):
 *
 *   ---
 *   paper: gptq-accurate-post-training-quantization-for-generative-pre-trained  # id, pinned id or exact title
 *   method: GPTQ                  # or null: the paper names no method
 *   techniques: [quantization]    # taxonomy ids (aliases accepted)
 *   targets: [weights]
 *   kind: method
 *   claims: ["First sentence.", "Second sentence."]   # 1-3
 *   links:                        # added to the extracted ones
 *     - https://github.com/IST-DASLab/gptq
 *     - { url: https://example.org/gptq, kind: project }
 *   hidden: true                  # leave the paper out of the catalogue
 *   id: gptq                      # pin the paper's id (its URL)
 *   ---
 *   An optional note, in Markdown, shown on the paper page.
 *
 * Every problem (malformed YAML, unknown key, unknown taxonomy id, a paper no
 * digest lists) stops the ingest with `file:line` and the reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { remark } from 'remark';
import remarkHtml from 'remark-html';
import { CURATABLE_FIELDS, LINK_KINDS, type PaperLink, type PaperRecord } from '../../src/lib/schema.ts';
import { type FacetName, findTerm } from '../../src/lib/taxonomy.ts';
import { classifyUrl, findUrls, normaliseUrl } from './links.ts';
import { normaliseForKey } from './paper-id.ts';
import { IngestError, type Problem } from './problems.ts';

export type CuratedField = (typeof CURATABLE_FIELDS)[number];

/** One parsed, validated curation file. */
export interface CurationFile {
  /** File name relative to the curation folder. */
  file: string;
  /** How the file names its paper: an id, a pinned id or an exact title. */
  paper: string;
  /** 1-based line of each front-matter key, for error messages. */
  lines: Record<string, number>;
  method?: string | null;
  techniques?: string[];
  targets?: string[];
  kind?: string;
  claims?: string[];
  links?: PaperLink[];
  hidden?: boolean;
  id?: string;
  /** Sanitised HTML of the Markdown body, or null when there is none. */
  note: string | null;
}

const KNOWN_KEYS = new Set(['paper', 'method', 'techniques', 'targets', 'kind', 'claims', 'links', 'hidden', 'id']);
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads every `*.md` file of a folder, in name order; a missing folder means no curation. */
export function loadCurationDir(directory: string): CurationFile[] {
  let names: string[];
  try {
    if (!statSync(directory).isDirectory()) return [];
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => parseCurationFile(name, readFileSync(path.join(directory, name), 'utf8')));
}

/** Parses and validates one curation file; throws `IngestError` with `file:line` on any problem. */
export function parseCurationFile(file: string, text: string): CurationFile {
  const fail = (line: number, reason: string): never => {
    throw new IngestError([{ file, line, reason, severity: 'error' }]);
  };
  if (!/^---[ \t]*\r?\n/.test(text)) fail(1, 'a curation file starts with a front-matter block between "---" lines');
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options (even empty) turn off gray-matter's cache, which would share parsed objects between calls.
    parsed = matter(text, {});
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = ((error as Error).message.split('\n')[0] ?? 'malformed').replace(/ at line \d+, column \d+:?$/, '');
    return fail(typeof mark?.line === 'number' ? mark.line + 1 : 1, `malformed front matter: ${reason}`);
  }
  const data = parsed.data as Record<string, unknown>;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return fail(1, 'the front matter must be a set of "key: value" lines');
  const lines = keyLines(text);
  const lineOf = (key: string) => lines[key] ?? 1;

  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) fail(lineOf(key), `unknown field "${key}"; a curation file may set ${[...KNOWN_KEYS].join(', ')}`);
  }
  const curation: CurationFile = { file, paper: '', lines, note: null };
  if (typeof data.paper !== 'string' || data.paper.trim() === '') {
    return fail(lineOf('paper'), 'missing "paper:": the id or exact title of the paper this file curates');
  }
  curation.paper = data.paper.trim();

  if ('method' in data) {
    const method = data.method;
    if (method !== null && (typeof method !== 'string' || method.trim() === '')) fail(lineOf('method'), '"method" must be a short name, or null when the paper names none');
    curation.method = method === null ? null : (method as string).trim();
  }
  for (const facet of ['techniques', 'targets'] as const) {
    if (!(facet in data)) continue;
    curation[facet] = taxonomyIds(facet, data[facet], lineOf(facet), fail);
  }
  if ('kind' in data) {
    if (typeof data.kind !== 'string') fail(lineOf('kind'), '"kind" must be one taxonomy kind id');
    curation.kind = taxonomyIds('kinds', [data.kind], lineOf('kind'), fail)[0]!;
  }
  if ('claims' in data) {
    const claims = data.claims;
    if (!Array.isArray(claims) || claims.length < 1 || claims.length > 3 || claims.some((claim) => typeof claim !== 'string' || claim.trim() === '')) {
      fail(lineOf('claims'), '"claims" must be a list of 1 to 3 non-empty sentences');
    }
    curation.claims = (claims as string[]).map((claim) => claim.trim());
  }
  if ('links' in data) curation.links = curatedLinks(data.links, lineOf('links'), fail);
  if ('hidden' in data) {
    if (typeof data.hidden !== 'boolean') fail(lineOf('hidden'), '"hidden" must be true or false');
    curation.hidden = data.hidden as boolean;
  }
  if ('id' in data) {
    if (typeof data.id !== 'string' || !ID_PATTERN.test(data.id)) fail(lineOf('id'), '"id" must be lower-case kebab-case, such as "gptq"');
    curation.id = data.id as string;
  }
  curation.note = renderNote(parsed.content);
  return curation;
}

/** The 1-based line of each top-level front-matter key. */
function keyLines(text: string): Record<string, number> {
  const lines: Record<string, number> = {};
  const all = text.split(/\r?\n/);
  for (let index = 1; index < all.length; index++) {
    const line = all[index]!;
    if (/^---\s*$/.test(line)) break;
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (key && !(key[1]! in lines)) lines[key[1]!] = index + 1;
  }
  return lines;
}

function taxonomyIds(facet: FacetName, value: unknown, line: number, fail: (line: number, reason: string) => never): string[] {
  const name = facet === 'kinds' ? 'kind' : facet;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((id) => typeof id !== 'string')) return fail(line, `"${name}" must be a list of taxonomy ids`);
  const ids: string[] = [];
  for (const id of list as string[]) {
    const term = findTerm(facet, id);
    if (!term) return fail(line, `unknown ${name === 'kind' ? 'kind' : name.slice(0, -1)} id "${id}"; see content/taxonomy.json`);
    if (!ids.includes(term.id)) ids.push(term.id);
  }
  return ids;
}

function curatedLinks(value: unknown, line: number, fail: (line: number, reason: string) => never): PaperLink[] {
  if (!Array.isArray(value)) return fail(line, '"links" must be a list of URLs or { url, kind } entries');
  return value.map((entry) => {
    const raw = typeof entry === 'string' ? entry : entry && typeof entry === 'object' ? (entry as { url?: unknown }).url : undefined;
    if (typeof raw !== 'string') return fail(line, '"links" entries are URLs or { url, kind }');
    const url = findUrls(raw.trim())[0]?.url ?? normaliseUrl(raw.trim());
    if (!url) return fail(line, `"${raw}" is not an http(s) URL`);
    const kind = typeof entry === 'object' ? (entry as { kind?: unknown }).kind : undefined;
    if (kind !== undefined && !(LINK_KINDS as readonly string[]).includes(kind as string)) {
      return fail(line, `unknown link kind "${String(kind)}"; use one of ${LINK_KINDS.join(', ')}`);
    }
    return { url, kind: (kind as PaperLink['kind'] | undefined) ?? classifyUrl(url) };
  });
}

/** Markdown to HTML with remark, sanitised (no raw HTML, scripts or `javascript:` links survive). */
export function renderNote(markdown: string): string | null {
  if (markdown.trim() === '') return null;
  return String(remark().use(remarkHtml, { sanitize: true }).processSync(markdown)).trim();
}

/** The part of a record a curation file may change. */
export type Curatable = Pick<PaperRecord, 'id' | 'title' | 'method' | 'techniques' | 'targets' | 'kind' | 'claims' | 'links'> &
  Partial<Pick<PaperRecord, 'curated' | 'note'>>;

export interface CurationOutcome<T> {
  /** Records not hidden, with overrides applied. */
  kept: T[];
  /** How many papers curation hid. */
  hidden: number;
}

/**
 * Applies every curation file to the records it names (by current id, pinned id
 * or normalised title). Throws `IngestError` for a file naming no paper or an
 * ambiguous one, two files setting the same field of a paper, or a pinned id
 * that another paper already has.
 */
export function applyCuration<T extends Curatable>(records: T[], files: CurationFile[]): CurationOutcome<T> {
  if (files.length === 0) return { kept: records, hidden: 0 };
  const problems: Problem[] = [];
  const byId = new Map(records.map((record) => [record.id, record] as const));
  const byTitle = new Map<string, T[]>();
  for (const record of records) {
    const key = normaliseForKey(record.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), record]);
  }
  const pinned = new Map<string, T>();
  for (const file of files) {
    if (file.id === undefined) continue;
    const target = byId.get(file.paper) ?? byTitle.get(normaliseForKey(file.paper))?.[0];
    if (target) pinned.set(file.id, target);
  }

  const hidden = new Set<T>();
  const setBy = new Map<T, Map<string, CurationFile>>();
  for (const file of files) {
    const line = file.lines.paper ?? 1;
    let target: T | undefined = byId.get(file.paper) ?? pinned.get(file.paper);
    if (!target) {
      const matches = byTitle.get(normaliseForKey(file.paper)) ?? [];
      if (matches.length > 1) {
        problems.push({ file: file.file, line, severity: 'error', reason: `"${file.paper}" is the title of ${matches.length} papers (${matches.map((m) => m.id).join(', ')}); name one by its id` });
        continue;
      }
      target = matches[0];
    }
    if (!target) {
      problems.push({ file: file.file, line, severity: 'error', reason: `no paper has the id or title "${file.paper}"` });
      continue;
    }
    const fields = setBy.get(target) ?? new Map<string, CurationFile>();
    setBy.set(target, fields);
    for (const field of [...CURATABLE_FIELDS, 'hidden', 'note'] as const) {
      const present = field === 'note' ? file.note !== null : file[field] !== undefined;
      if (!present) continue;
      const earlier = fields.get(field);
      if (earlier) {
        problems.push({ file: file.file, line: file.lines[field] ?? line, severity: 'error', reason: `${field} of "${target.title}" is already set by ${earlier.file}` });
        continue;
      }
      fields.set(field, file);
    }
  }
  for (const [record, fields] of setBy) {
    const curated = new Set<CuratedField>(record.curated ?? []);
    for (const [field, file] of fields) {
      if (field === 'hidden') {
        if (file.hidden) hidden.add(record);
      } else if (field === 'note') {
        record.note = file.note;
      } else if (field === 'links') {
        const seen = new Set(record.links.map((link) => link.url));
        record.links = [...record.links, ...file.links!.filter((link) => !seen.has(link.url) && seen.add(link.url))];
        curated.add('links');
      } else {
        (record as Record<string, unknown>)[field] = file[field as CuratedField];
        curated.add(field as CuratedField);
      }
    }
    record.curated = CURATABLE_FIELDS.filter((field) => curated.has(field));
  }
  const ids = new Map<string, T>();
  for (const record of records) {
    if (hidden.has(record)) continue;
    const other = ids.get(record.id);
    if (other) {
      const file = setBy.get(record)?.get('id') ?? setBy.get(other)?.get('id');
      problems.push({ file: file?.file ?? '(curation)', line: file?.lines.id ?? 1, severity: 'error', reason: `the pinned id "${record.id}" is already the id of "${(file && setBy.get(record)?.get('id') === file ? other : record).title}"` });
    }
    ids.set(record.id, record);
  }
  if (problems.length > 0) throw new IngestError(problems);
  return { kept: records.filter((record) => !hidden.has(record)), hidden: hidden.size };
}
