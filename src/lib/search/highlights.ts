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
      highlights[match.key] = match.indices.filter(([start, end]) => end - start + 1 >= minRun).map(([start, end]) => [start, end]);
    }
  }
  return highlights;
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
