/**
 * Reads one digest file into raw entries, in either of the two layouts:
 *
 * - listing with metadata: boilerplate header ending in the capture date
 *   (`Mar 25`), then blank-line separated title, abstract and an optional
 *   metadata block (`  • 8 authors` or `nvidia NVIDIA`, `·`, `Oct 25, 2023 3`);
 * - bare listing: a short header, `Subscribe` glued to the first title, then
 *   alternating title and abstract lines.
 *
 * Nothing here knows particular files: layouts are recognised by shape.
 */
import matter from 'gray-matter';
import { z } from 'astro/zod';
import { type ListingDate, parseDateLine } from './listing-date.ts';
import type { Problem } from './problems.ts';

export type Layout = 'metadata' | 'bare';

export interface EntryMetadata {
  authors: number | null;
  org: { id: string; name: string } | null;
  date: ListingDate | null;
  upvotes: number | null;
}

export interface RawEntry {
  digest: string;
  /** 1-based line of the title in the original file. */
  line: number;
  title: string;
  abstractRaw: string;
  /** Null when the listing showed no metadata block for this entry. */
  metadata: EntryMetadata | null;
}

/** Optional YAML front matter at the top of a digest. */
export const DigestFrontMatter = z
  .object({
    /** Capture date of the listing, `YYYY-MM-DD`. */
    captured: z
      .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')])
      .transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)))
      .optional(),
    /** Where the listing was captured from. */
    source: z.string().optional(),
    /** The query or page the listing shows. */
    query: z.string().optional(),
  })
  .loose();
export type DigestFrontMatter = z.infer<typeof DigestFrontMatter>;

export interface ParsedDigest {
  file: string;
  layout: Layout;
  frontMatter: DigestFrontMatter;
  /** The header's capture date (metadata layout only). */
  headerDate: ListingDate | null;
  /** Every entry with a title and an abstract. */
  entries: RawEntry[];
  /** How many entries (titles) the file lists, accepted or not. */
  entriesRead: number;
  /** Entries that could not be accepted, and warnings about kept ones. */
  problems: Problem[];
}

export type DigestResult = { ok: true; digest: ParsedDigest } | { ok: false; problem: Problem };

const EXPECTED_LAYOUTS =
  'expected a listing with metadata (a short header ending in a date such as "Mar 25", then blank-line separated title, abstract and metadata) or a bare listing (a short header, then "Subscribe" glued to the first title, then alternating title and abstract lines)';

/** Header lines are short boilerplate; a long line means the header is not there. */
const MAX_HEADER_LINE = 80;
const MAX_HEADER_LINES = 12;
/** Titles are short; abstracts are long prose. The seeds' longest title is 147 characters, their shortest abstract 614. */
const MAX_TITLE_LENGTH = 400;
const MIN_ABSTRACT_LENGTH = 120;

interface Line {
  number: number;
  text: string;
}

/** Decodes bytes strictly, so binary junk is reported instead of read as mojibake. */
export function decodeDigest(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: Problem } {
  if (bytes.includes(0)) return fail(file, 1, 'is not a text file (it contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(file, 1, 'is not valid UTF-8 text');
  }
  // Control characters other than tab and line breaks mean binary data.
  const control = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (control) return fail(file, lineAt(text, control.index), 'is not a text file (it contains control characters)');
  return { ok: true, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}

export function parseDigest(file: string, bytes: Uint8Array): DigestResult {
  const decoded = decodeDigest(file, bytes);
  if (!decoded.ok) return decoded;
  const { text } = decoded;
  if (text.trim() === '') return fail(file, 1, `is empty; ${EXPECTED_LAYOUTS}`);

  const front = readFrontMatter(file, text);
  if (!front.ok) return front;
  const lines = front.body.split('\n').map((value, index) => ({ number: index + 1 + front.lineOffset, text: value }));

  const bareStart = findBareStart(lines);
  if (bareStart !== null) return { ok: true, digest: parseBare(file, front.data, lines.slice(bareStart)) };
  const headerEnd = findHeaderDate(lines);
  if (headerEnd !== null) {
    return { ok: true, digest: parseWithMetadata(file, front.data, lines[headerEnd]!, lines.slice(headerEnd + 1)) };
  }
  const first = lines.find((line) => line.text.trim() !== '');
  return fail(file, first?.number ?? 1, `is in neither digest layout; ${EXPECTED_LAYOUTS}`);
}

function readFrontMatter(
  file: string,
  text: string,
): { ok: true; data: DigestFrontMatter; body: string; lineOffset: number } | { ok: false; problem: Problem } {
  if (!/^---[ \t]*\n/.test(text)) return { ok: true, data: {}, body: text, lineOffset: 0 };
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh options object bypasses gray-matter's cache, which would otherwise hide repeated errors.
    parsed = matter(text, {});
  } catch (error) {
    return fail(file, 1, `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (parsed.content === text) return fail(file, 1, 'front matter starts with "---" but is never closed by another "---" line');
  const result = DigestFrontMatter.safeParse(parsed.data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return fail(file, 1, `front matter field "${issue.path.join('.')}" is invalid: ${issue.message}`);
  }
  // gray-matter drops the closing fence's newline; count what it consumed to keep line numbers true.
  const consumed = text.length - parsed.content.length;
  const lineOffset = text.slice(0, consumed).split('\n').length - 1;
  return { ok: true, data: result.data, body: parsed.content, lineOffset };
}

/** Index of the `Subscribe<Title>` line of a bare listing, after a few short header lines. */
function findBareStart(lines: Line[]): number | null {
  let seen = 0;
  for (let index = 0; index < lines.length && seen < MAX_HEADER_LINES; index++) {
    const text = lines[index]!.text.trim();
    if (text === '') continue;
    if (/^Subscribe\S/.test(text)) return index;
    if (text.length > MAX_HEADER_LINE) return null;
    seen++;
  }
  return null;
}

/** Index of the date line that ends a metadata listing's header. */
function findHeaderDate(lines: Line[]): number | null {
  let seen = 0;
  for (let index = 0; index < lines.length && seen < MAX_HEADER_LINES; index++) {
    const text = lines[index]!.text.trim();
    if (text === '') continue;
    if (text.length > MAX_HEADER_LINE) return null;
    const parsed = parseDateLine(text);
    if (parsed && parsed.upvotes === null) return seen > 0 ? index : null;
    seen++;
  }
  return null;
}

export function looksLikeAbstract(text: string): boolean {
  if (text.length >= 200) return true;
  // Shorter prose still reads as sentences: a sentence end followed by another sentence.
  return text.length >= MIN_ABSTRACT_LENGTH && /[.!?]["')\]]?\s+[A-Z(]/.test(text);
}

function looksLikeTitle(text: string): boolean {
  return text.length > 0 && text.length <= MAX_TITLE_LENGTH && !looksLikeAbstract(text);
}

function parseBare(file: string, frontMatter: DigestFrontMatter, lines: Line[]): ParsedDigest {
  const items = lines
    .map((line, index) => ({ number: line.number, text: (index === 0 ? line.text.trim().slice('Subscribe'.length) : line.text).trim() }))
    .filter((line) => line.text !== '');
  const digest = emptyDigest(file, 'bare', frontMatter, null);
  for (let index = 0; index < items.length; index++) {
    const title = items[index]!;
    const next = items[index + 1];
    digest.entriesRead++;
    if (!looksLikeTitle(title.text)) {
      reject(digest, title.number, 'expected a title line but found a long paragraph (an abstract without its title?)');
      continue;
    }
    if (!next || !looksLikeAbstract(next.text)) {
      reject(digest, title.number, next ? `entry "${title.text}" has no abstract: the next line is another title` : `entry "${title.text}" has no abstract: the file ends after its title (truncated?)`);
      continue;
    }
    digest.entries.push({ digest: file, line: title.number, title: title.text, abstractRaw: next.text, metadata: null });
    index++;
  }
  return digest;
}

interface Block {
  lines: Line[];
}

function parseWithMetadata(file: string, frontMatter: DigestFrontMatter, header: Line, lines: Line[]): ParsedDigest {
  const digest = emptyDigest(file, 'metadata', frontMatter, parseDateLine(header.text.trim())!.date);
  const blocks = splitBlocks(lines);
  // A block is either metadata or text; text blocks hold one line each in this layout, but tolerate more.
  type Item = { kind: 'text'; line: Line } | { kind: 'metadata'; block: Block };
  const items: Item[] = blocks.flatMap((block): Item[] =>
    isMetadataBlock(block) ? [{ kind: 'metadata', block }] : block.lines.map((line) => ({ kind: 'text', line })),
  );

  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.kind === 'metadata') {
      digest.problems.push(warning(file, item.block.lines[0]!.number, 'metadata block without a title and abstract before it; ignored'));
      continue;
    }
    const title = item.line;
    digest.entriesRead++;
    const trimmedTitle = title.text.trim();
    if (!looksLikeTitle(trimmedTitle)) {
      reject(digest, title.number, 'expected a title line but found a long paragraph (an abstract without its title?)');
      continue;
    }
    const next = items[index + 1];
    if (!next || next.kind === 'metadata' || !looksLikeAbstract(next.line.text.trim())) {
      const why = !next
        ? 'the file ends after its title (truncated?)'
        : next.kind === 'metadata'
          ? 'its metadata follows the title directly'
          : 'the next line is another title';
      reject(digest, title.number, `entry "${trimmedTitle}" has no abstract: ${why}`);
      if (next?.kind === 'metadata') index++;
      continue;
    }
    index++;
    let metadata: EntryMetadata | null = null;
    const after = items[index + 1];
    if (after?.kind === 'metadata') {
      metadata = readMetadata(digest, after.block);
      index++;
    }
    digest.entries.push({ digest: file, line: title.number, title: trimmedTitle, abstractRaw: next.line.text.trim(), metadata });
  }
  return digest;
}

function splitBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) blocks.push({ lines: current });
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push({ lines: current });
  return blocks;
}

const AUTHORS_LINE = /^•\s*(\d+)\s+authors?$/;
const SEPARATOR = '·';

function isMetadataBlock(block: Block): boolean {
  const texts = block.lines.map((line) => line.text.trim());
  return AUTHORS_LINE.test(texts[0]!) || texts.includes(SEPARATOR) || (texts.length === 1 && parseDateLine(texts[0]!) !== null);
}

function readMetadata(digest: ParsedDigest, block: Block): EntryMetadata {
  const metadata: EntryMetadata = { authors: null, org: null, date: null, upvotes: null };
  for (const line of block.lines) {
    const text = line.text.trim();
    const authors = AUTHORS_LINE.exec(text);
    const date = parseDateLine(text);
    if (text === SEPARATOR) continue;
    if (authors) {
      const count = Number(authors[1]);
      if (count > 0) metadata.authors = count;
      else digest.problems.push(warning(digest.file, line.number, `author count "${text}" is not positive; ignored`));
    } else if (date) {
      metadata.date = date.date;
      metadata.upvotes = date.upvotes ?? 0;
    } else if (metadata.org === null && metadata.authors === null && metadata.date === null) {
      const [id, ...name] = text.split(/\s+/);
      metadata.org = { id: id!, name: name.join(' ') || id! };
    } else {
      digest.problems.push(warning(digest.file, line.number, `unrecognised metadata line "${text}"; ignored`));
    }
  }
  return metadata;
}

function emptyDigest(file: string, layout: Layout, frontMatter: DigestFrontMatter, headerDate: ListingDate | null): ParsedDigest {
  return { file, layout, frontMatter, headerDate, entries: [], entriesRead: 0, problems: [] };
}

function reject(digest: ParsedDigest, line: number, reason: string): void {
  digest.problems.push({ file: digest.file, line, reason, severity: 'error' });
}

function warning(file: string, line: number, reason: string): Problem {
  return { file, line, reason, severity: 'warning' };
}

function fail(file: string, line: number, reason: string): { ok: false; problem: Problem } {
  return { ok: false, problem: { file, line, reason: `${file} ${reason}`, severity: 'error' } };
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
