/**
 * The ingest pipeline: digests in, validated paper records and a report out.
 *
 * 1. read every digest (either layout) into raw entries;
 * 2. resolve each entry's metadata and dates against its digest's capture date;
 * 3. merge listings of the same paper (same normalised title and abstract);
 * 4. extract structured fields once per paper and give it a stable id;
 * 5. validate every record against the shared zod schema.
 *
 * Every entry read ends up as a paper, merged into one, or rejected with
 * `file:line` and a reason: entries read = papers + merged + rejected.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type PaperRecord, PaperRecord as PaperRecordSchema, type PaperSource } from '../../src/lib/schema.ts';
import { type ParsedDigest, type RawEntry, parseDigest } from './digest-reader.ts';
import { extractFields } from './extract/index.ts';
import { type CaptureDate, resolveCaptureDate, resolveListingDate } from './listing-date.ts';
import { compareNewestFirst, compareText } from '../../src/lib/paper-order.ts';

export { compareText };
import { contentSuffix, normaliseForKey, titleSlug } from './paper-id.ts';
import { IngestError, type Problem } from './problems.ts';
import { type CurationFile, applyCuration, loadCurationDir } from './curation.ts';

export interface DigestSummary {
  file: string;
  layout: ParsedDigest['layout'];
  /** `YYYY-MM-DD`, `YYYY-MM-DD (year inferred)`, or null when unknown. */
  captured: string | null;
  entries: number;
  rejected: number;
}

export interface Conflict {
  paper: string;
  field: 'authors' | 'org' | 'published';
  kept: string;
  dropped: string;
  sources: string[];
}

export interface IngestReport {
  digests: DigestSummary[];
  entries: number;
  papers: number;
  merged: number;
  rejected: number;
  inferredDates: number;
  conflicts: Conflict[];
  /** Papers left out because a curation file hides them (entries read = papers + merged + rejected + hidden). */
  hidden: number;
  /** Rejected entries (`error`) and kept-with-a-caveat ones (`warning`). */
  problems: Problem[];
}

export interface IngestResult {
  records: PaperRecord[];
  report: IngestReport;
}

/** One listing of a paper, with its metadata resolved. */
interface Listing {
  entry: RawEntry;
  source: PaperSource;
  authors: number | null;
  org: { id: string; name: string } | null;
  published: string | null;
  publishedInferred: boolean;
  upvotes: number | null;
}

export async function listDigestFiles(directory: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    throw new IngestError([{ file: directory, line: 1, reason: `cannot read the digests folder: ${(error as Error).message}`, severity: 'error' }]);
  }
  return names.filter((name) => name.endsWith('.txt')).sort();
}

export interface IngestOptions {
  /** Curation files to apply (see `curation.ts`); none by default. */
  curation?: CurationFile[];
}

/**
 * Reads and ingests every `*.txt` digest in a folder. Unreadable or unrecognisable files throw.
 * Curation files are read from `curationDir`, by default the `curation` folder beside the digests
 * folder (`content/curation` for `content/digests`); null reads none.
 */
export async function ingestDirectory(directory: string, options: { curationDir?: string | null } = {}): Promise<IngestResult> {
  const curationDir = options.curationDir === undefined ? path.join(path.dirname(path.resolve(directory)), 'curation') : options.curationDir;
  const curation = curationDir === null ? [] : loadCurationDir(curationDir);
  const files = await listDigestFiles(directory);
  const inputs = await Promise.all(
    files.map(async (file) => {
      try {
        return { file, bytes: new Uint8Array(await readFile(path.join(directory, file))) };
      } catch (error) {
        throw new IngestError([{ file, line: 1, reason: `${file} cannot be read: ${(error as Error).message}`, severity: 'error' }]);
      }
    }),
  );
  return ingestDigests(inputs, { curation });
}

/** Ingests digests given as bytes, in file-name order. */
export function ingestDigests(inputs: { file: string; bytes: Uint8Array }[], options: IngestOptions = {}): IngestResult {
  const sorted = [...inputs].sort((a, b) => compareText(a.file, b.file));
  const fileProblems: Problem[] = [];
  const parsed: ParsedDigest[] = [];
  for (const input of sorted) {
    const result = parseDigest(input.file, input.bytes);
    if (result.ok) parsed.push(result.digest);
    else fileProblems.push(result.problem);
  }
  if (fileProblems.length > 0) throw new IngestError(fileProblems);

  const problems: Problem[] = parsed.flatMap((digest) => digest.problems);
  const digests: DigestSummary[] = [];
  const listings: Listing[] = [];
  for (const digest of parsed) {
    const capture = captureDateOf(digest);
    digests.push({
      file: digest.file,
      layout: digest.layout,
      captured: describeCapture(capture),
      entries: digest.entriesRead,
      rejected: digest.problems.filter((problem) => problem.severity === 'error').length,
    });
    for (const entry of digest.entries) listings.push(resolveListing(entry, capture, problems));
  }

  const groups = groupDuplicates(listings);
  const conflicts: Conflict[] = [];
  const drafts = groups.map((group) => buildDraft(group, conflicts));
  assignIds(drafts);

  // Curation: a curator's overrides, applied after extraction and before validation.
  const curation = applyCuration(drafts.map((draft) => draft.record), options.curation ?? []);
  const visible = new Set<Draft['record']>(curation.kept);

  const records: PaperRecord[] = [];
  let rejectedPapers = 0;
  for (const draft of drafts.filter((candidate) => visible.has(candidate.record))) {
    const result = PaperRecordSchema.safeParse(draft.record);
    if (result.success) {
      records.push(result.data);
      continue;
    }
    rejectedPapers += draft.sourceCount;
    const issue = result.error.issues[0]!;
    const first = draft.record.sources[0]!;
    problems.push({ file: first.digest, line: first.line, severity: 'error', reason: `record fails the schema at "${issue.path.join('.')}": ${issue.message}` });
  }
  records.sort(compareNewestFirst);

  const entries = digests.reduce((sum, digest) => sum + digest.entries, 0);
  const rejectedEntries = digests.reduce((sum, digest) => sum + digest.rejected, 0) + rejectedPapers;
  const papers = records.length;
  const merged = listings.length - groups.length;
  problems.sort((a, b) => compareText(a.file, b.file) || a.line - b.line);
  return {
    records,
    report: {
      digests,
      entries,
      papers,
      merged,
      rejected: rejectedEntries,
      inferredDates: records.filter((record) => record.publishedInferred).length,
      conflicts,
      hidden: curation.hidden,
      problems,
    },
  };
}

function captureDateOf(digest: ParsedDigest): CaptureDate {
  const captured = digest.frontMatter.captured;
  const frontMatterDate = captured
    ? { year: Number(captured.slice(0, 4)), month: Number(captured.slice(5, 7)), day: Number(captured.slice(8, 10)) }
    : null;
  const explicitYears = digest.entries.flatMap((entry) => (entry.metadata?.date?.year ? [entry.metadata.date.year] : []));
  return resolveCaptureDate(frontMatterDate, digest.headerDate, explicitYears);
}

function describeCapture(capture: CaptureDate): string | null {
  if (capture.year === null) return null;
  const date = capture.month === null ? String(capture.year) : `${capture.year}-${pad(capture.month)}-${pad(capture.day ?? 1)}`;
  return capture.inferred ? `${date} (year inferred)` : date;
}

function resolveListing(entry: RawEntry, capture: CaptureDate, problems: Problem[]): Listing {
  const metadata = entry.metadata;
  let published: string | null = null;
  let publishedInferred = false;
  if (metadata?.date) {
    const resolved = resolveListingDate(metadata.date, capture);
    if (resolved.ok) {
      published = resolved.iso;
      publishedInferred = resolved.inferred;
    } else {
      const { month, day } = metadata.date;
      problems.push({ file: entry.digest, line: entry.line, severity: 'warning', reason: `date ${pad(month)}-${pad(day)} ${resolved.reason}; published left empty` });
    }
  }
  return {
    entry,
    source: { digest: entry.digest, line: entry.line },
    authors: metadata?.authors ?? null,
    org: metadata?.org ?? null,
    published,
    publishedInferred,
    upvotes: metadata ? metadata.upvotes : null,
  };
}

function groupDuplicates(listings: Listing[]): Listing[][] {
  const groups = new Map<string, Listing[]>();
  for (const listing of listings) {
    const key = `${normaliseForKey(listing.entry.title)}\u0000${normaliseForKey(listing.entry.abstractRaw)}`;
    const group = groups.get(key);
    if (group) group.push(listing);
    else groups.set(key, [listing]);
  }
  return [...groups.values()];
}

interface Draft {
  record: Omit<PaperRecord, 'curated' | 'note' | 'flags'> & Partial<Pick<PaperRecord, 'curated' | 'note' | 'flags'>>;
  sourceCount: number;
  /** Hashed to tell apart distinct papers that share a title slug. */
  contentKey: string;
}

/**
 * Merge rule, stated once: listings are taken in digest-file then line order.
 * A listing without a value never erases another's; upvotes keep the highest
 * count; for authors, organisation and date the first listing with a value
 * wins (a date with its year written beats one whose year was inferred), and
 * every disagreement is reported.
 */
function buildDraft(group: Listing[], conflicts: Conflict[]): Draft {
  const first = group[0]!;
  const fields = extractFields(first.entry.title, first.entry.abstractRaw);
  const sources = group.map((listing) => listing.source);
  const describe = (listing: Listing) => `${listing.source.digest}:${listing.source.line}`;

  const pick = <T>(field: Conflict['field'], values: { value: T | null; listing: Listing }[], show: (value: T) => string): T | null => {
    const present = values.filter((candidate) => candidate.value !== null) as { value: T; listing: Listing }[];
    if (present.length === 0) return null;
    const kept = present[0]!;
    for (const other of present.slice(1)) {
      if (show(other.value) !== show(kept.value)) {
        conflicts.push({ paper: fields.title, field, kept: show(kept.value), dropped: show(other.value), sources: [describe(kept.listing), describe(other.listing)] });
      }
    }
    return kept.value;
  };

  const authors = pick('authors', group.map((listing) => ({ value: listing.authors, listing })), String);
  const org = pick('org', group.map((listing) => ({ value: listing.org, listing })), (value) => `${value.id} ${value.name}`);
  const datedListings = [...group].sort((a, b) => Number(a.publishedInferred) - Number(b.publishedInferred));
  const publishedListing = datedListings.find((listing) => listing.published !== null);
  pick('published', datedListings.map((listing) => ({ value: listing.published, listing })), String);
  const upvoteCounts = group.flatMap((listing) => (listing.upvotes === null ? [] : [listing.upvotes]));

  return {
    record: {
      id: titleSlug(fields.title),
      title: fields.title,
      abstract: fields.abstract,
      abstractRaw: first.entry.abstractRaw,
      method: fields.method,
      techniques: fields.techniques,
      targets: fields.targets,
      kind: fields.kind,
      claims: fields.claims,
      numbers: fields.numbers,
      links: fields.links,
      authors,
      org,
      published: publishedListing?.published ?? null,
      publishedInferred: publishedListing?.publishedInferred ?? false,
      upvotes: upvoteCounts.length > 0 ? Math.max(...upvoteCounts) : null,
      sources,
      curated: [],
      note: null,
      flags: fields.flags,
    },
    sourceCount: group.length,
    contentKey: normaliseForKey(first.entry.abstractRaw),
  };
}

/** Distinct papers with the same title slug all get a content suffix, so no paper's id depends on another's order. */
function assignIds(drafts: Draft[]): void {
  const bySlug = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const list = bySlug.get(draft.record.id);
    if (list) list.push(draft);
    else bySlug.set(draft.record.id, [draft]);
  }
  for (const [slug, list] of bySlug) {
    if (list.length === 1) continue;
    for (const draft of list) draft.record.id = `${slug}-${contentSuffix(draft.contentKey)}`;
  }
}


function pad(value: number): string {
  return String(value).padStart(2, '0');
}
