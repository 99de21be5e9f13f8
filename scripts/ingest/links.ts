/**
 * Finds URLs in abstract text, normalises them (scheme added, trailing
 * punctuation and glued text cut, `.git` dropped) and classifies them.
 */
import type { PaperLink } from '../../src/lib/schema.ts';

export interface UrlSpan {
  /** Offset of the URL in the searched text. */
  start: number;
  /** Offset just past the URL as written (before normalisation). */
  end: number;
  /** The normalised http(s) URL. */
  url: string;
}

/** Hosts written without a scheme that are still unmistakably links. */
const BARE_HOSTS = String.raw`(?:www\.|github\.com/|gitlab\.com/|huggingface\.co/|hf\.co/|bitbucket\.org/|codeberg\.org/|[a-z0-9-]+\.github\.io\b|[a-z0-9-]+\.gitlab\.io\b)`;
/** A bare `domain.tld/path` with a common TLD; the path is required so prose like "e.g." never matches. */
const BARE_DOMAIN = String.raw`(?:[a-z0-9-]+\.)+(?:com|org|net|io|ai|dev|app|edu|co|ca|uk|de|fr|cn|jp|me|info|science|site|page)/`;
const URL_PATTERN = new RegExp(String.raw`(?<![\w@/.-])(?:https?://|${BARE_HOSTS}|${BARE_DOMAIN})[^\s<>"'\`]*`, 'gi');

/** Characters that never belong to a URL in an abstract: where they start, glued text begins (`...LLMs{new`). */
const GLUE = /[{}\\|^[\]]/;
const TRAILING = /[.,;:!?*'"’”)]+$/;

export function findUrls(text: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    let candidate = match[0];
    const glue = GLUE.exec(candidate);
    if (glue) candidate = candidate.slice(0, glue.index);
    candidate = trimTrailing(candidate);
    const url = normaliseUrl(candidate);
    if (url) spans.push({ start: match.index, end: match.index + candidate.length, url });
  }
  return spans;
}

/** Drops trailing sentence punctuation, but keeps a `)` that closes a `(` inside the URL. */
function trimTrailing(candidate: string): string {
  let result = candidate;
  for (;;) {
    const trailing = TRAILING.exec(result);
    if (!trailing) return result;
    let cut = trailing[0];
    // Keep balanced parentheses: `wiki/Foo_(bar)` ends in a real `)`.
    if (cut.includes(')') && count(result, '(') >= count(result, ')')) {
      const lastParen = cut.lastIndexOf(')');
      cut = cut.slice(lastParen + 1);
      if (cut === '') return result;
    }
    result = result.slice(0, result.length - cut.length);
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Returns a canonical http(s) URL, or null when the text is not one. */
export function normaliseUrl(candidate: string): string | null {
  const withScheme = /^https?:\/\//i.test(candidate) ? candidate : `https://${candidate}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.')) return null;
  url.hostname = url.hostname.toLowerCase();
  // `.git` on a repository root only repeats that it is a repository.
  if (isCodeHost(url.hostname) && /^\/[^/]+\/[^/]+\.git\/?$/.test(url.pathname)) {
    url.pathname = url.pathname.replace(/\.git\/?$/, '');
  }
  let text = url.toString();
  // URL() adds a slash to a bare host; keep what the author wrote.
  if (url.pathname === '/' && !/\/$/.test(candidate) && url.search === '' && url.hash === '') text = text.replace(/\/$/, '');
  return text;
}

function isCodeHost(hostname: string): boolean {
  return /(^|\.)(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)$/.test(hostname);
}

/** Sites that host papers or shorten links: neither code nor a project page. */
const OTHER_HOSTS = /(^|\.)(arxiv\.org|doi\.org|openreview\.net|tinyurl\.com|bit\.ly|t\.co|goo\.gl|aclanthology\.org|semanticscholar\.org|scholar\.google\.com|papers\.nips\.cc|proceedings\.mlr\.press|ieeexplore\.ieee\.org|dl\.acm\.org|youtube\.com|youtu\.be|twitter\.com|x\.com)$/;

export function classifyUrl(url: string): PaperLink['kind'] {
  const { hostname, pathname } = new URL(url);
  const segments = pathname.split('/').filter(Boolean);
  if (isCodeHost(hostname)) return segments.length >= 2 ? 'code' : 'other';
  if (/(^|\.)(huggingface\.co|hf\.co)$/.test(hostname)) {
    if (segments[0] === 'datasets') return 'dataset';
    if (segments[0] === 'spaces') return 'project';
    if (segments[0] === 'papers' || segments[0] === 'docs' || segments[0] === 'blog') return 'other';
    return segments.length >= 1 ? 'model' : 'other';
  }
  if (OTHER_HOSTS.test(hostname)) return 'other';
  return 'project';
}

/** Every distinct link in the text, in order of appearance. */
export function extractLinks(text: string): PaperLink[] {
  const seen = new Set<string>();
  const links: PaperLink[] = [];
  for (const { url } of findUrls(text)) {
    if (seen.has(url)) continue;
    seen.add(url);
    links.push({ url, kind: classifyUrl(url) });
  }
  return links;
}
