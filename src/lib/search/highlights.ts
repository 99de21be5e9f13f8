/** Which characters of a result's title and method to mark as matching the query. */
import type { FuseResultMatch } from 'fuse.js/basic';
import type { Fragment } from './search-document.ts';
import { foldText, queryTokens } from './tokenize.ts';

/** Character ranges `[start, end]` (inclusive) that matched, per highlighted field. */
export interface Highlights {
  title: [number, number][];
  method: [number, number][];
}

/** From Fuse's matches: the runs in the title and method worth marking. */
export function fuseHighlights(matches: readonly FuseResultMatch[], query: string): Highlights {
  const highlights: Highlights = { title: [], method: [] };
  // Fuzzy slack matches scattered letters ("La", "er" for LASER): highlight runs of three or
  // more characters, or of a whole query word when the query has shorter ones ("kv").
  const shortestWord = Math.min(...queryTokens(query).map((word) => word.length));
  const minRun = Math.max(2, Math.min(3, shortestWord));
  for (const match of matches) {
    if (match.key === 'title' || match.key === 'method') {
      const text = match.value ?? '';
      highlights[match.key] = match.indices.flatMap(([start, end]) => {
        const run = snapToWords(text, start, end);
        return run && run[1] - run[0] + 1 >= minRun ? [run] : [];
      });
    }
  }
  return highlights;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * A fuzzy run trimmed to what a reader sees as the match: Fuse's pattern may run
 * past a space into a sliver of the next word ("kv cahce" marks "KV Cache C" in
 * "KV Cache Compression"). Leading and trailing spaces and punctuation go, and so
 * does a sliver of an outer word when the run covers less than half of that word.
 */
export function snapToWords(text: string, start: number, end: number): [number, number] | null {
  const trim = () => {
    while (start <= end && !isWordChar(text[start])) start++;
    while (end >= start && !isWordChar(text[end])) end--;
  };
  trim();
  const lastBreak = () => {
    for (let i = end; i > start; i--) if (!isWordChar(text[i])) return i;
    return -1;
  };
  const firstBreak = () => {
    for (let i = start; i < end; i++) if (!isWordChar(text[i])) return i;
    return -1;
  };
  const after = lastBreak();
  if (after >= 0) {
    let wordEnd = end;
    while (isWordChar(text[wordEnd + 1])) wordEnd++;
    if ((end - after) * 2 < wordEnd - after) (end = after), trim();
  }
  const before = firstBreak();
  if (before >= 0) {
    let wordStart = start;
    while (isWordChar(text[wordStart - 1])) wordStart--;
    if ((before - start) * 2 < before - wordStart) (start = before), trim();
  }
  return start <= end ? [start, end] : null;
}

/** Without Fuse's matches (short queries), highlight the words of the title and method that start with a query word. */
export function wordStartHighlights(fragment: Fragment, words: string[]): Highlights {
  const ranges = (text: string): [number, number][] => {
    const folded = foldText(text);
    // Folding must keep positions; for the rare title where it does not, highlight nothing.
    if (folded.length !== text.length) return [];
    const out: [number, number][] = [];
    for (const match of folded.matchAll(/[a-z0-9]+/g)) {
      const word = words.find((candidate) => candidate.length >= 2 && match[0].startsWith(candidate));
      if (word) out.push([match.index, match.index + word.length - 1]);
    }
    return out;
  };
  return { title: ranges(fragment.title), method: fragment.method ? ranges(fragment.method) : [] };
}
