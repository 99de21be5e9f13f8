/**
 * The first answer to a keystroke, on the page itself and before the worker
 * replies: the best papers of the answer on screen that still match the new
 * query. The worker's complete answer (every match, ranked by Fuse over the
 * whole index) replaces it moments later.
 *
 * It must fit in the keystroke's frame on a slow phone, so it is plain code
 * rather than Fuse: a query word matches a paper when it is, within a few
 * edits, the start of one of the paper's words (title, method and its parts,
 * technique and target labels). Fuse on the page took 2-80 ms per keystroke
 * here: it runs too rarely for V8 to optimise it, and each new set of papers
 * needs a new Fuse index.
 */
import { wordStartHighlights } from './highlights.ts';
import type { SearchHit } from './query-engine.ts';
import type { Fragment, SearchDocument } from './search-document.ts';
import { FUSE_OPTIONS, RERANK_FROM } from './search-options.ts';
import { foldedWords, innerTerms, queryTokens } from './tokenize.ts';

/** How many of an answer's best papers the page keeps to narrow on the next keystroke. */
export const NARROW_FROM = 20;

/** A paper kept for narrowing: its card, and the words a query word may start. */
export interface NarrowCandidate {
  fragment: Fragment;
  /**
   * Folded words of the title, method (with the parts of compound names) and
   * technique and target labels. Made in the worker with its answer, so the
   * page's keystroke only compares strings.
   */
  words: string[];
}

/** A paper of an answer, ready to be narrowed on the page. */
export function narrowCandidate(fragment: Fragment, document: SearchDocument): NarrowCandidate {
  const { title, method, techniques, targets } = document;
  const text = [title, method ?? '', ...techniques, ...targets].join(' ');
  const words = [...new Set([...foldedWords(text), ...innerTerms(`${title} ${method ?? ''}`)])];
  return { fragment, words };
}

/**
 * Edits the whole query may need, shared by its words, as Fuse allows errors
 * over the whole pattern (`kv cahce` is two edits in eight characters): none
 * while the query is a short prefix (the worker, too, re-ranks by Fuse only
 * from RERANK_FROM characters), then as many as Fuse's threshold allows.
 */
export function editBudget(query: string): number {
  const length = query.trim().length;
  return length < RERANK_FROM ? 0 : Math.floor(length * FUSE_OPTIONS.threshold!);
}

/**
 * What one word may spend of the budget: about Fuse's share of its own letters,
 * rounded up so a swapped pair (`cahce`) passes; none for a word of one or two
 * letters (`kv` must still mean kv), and never so many that `quantization`
 * starts `allocation`.
 */
const maxWordEdits = (word: string) => (word.length <= 2 ? 0 : Math.ceil(word.length * FUSE_OPTIONS.threshold!));

/**
 * The fewest edits (insertions, deletions, substitutions) that turn `word`
 * into a start of `target`, and how long that start is; null when more than
 * `limit` are needed.
 */
export function prefixEdits(word: string, target: string, limit: number): { edits: number; length: number } | null {
  if (target.startsWith(word)) return { edits: 0, length: word.length };
  if (limit === 0) return null;
  // Two rows of the edit table, reused: row i holds the edits between word[0..i) and each start target[0..j).
  const width = target.length + 1;
  if (rows[0].length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2)];
  let [previous, row] = rows;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= word.length; i++) {
    row[0] = i;
    let best = i;
    const letter = word.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const value = Math.min(previous[j - 1]! + (letter === target.charCodeAt(j - 1) ? 0 : 1), previous[j]! + 1, row[j - 1]! + 1);
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return null;
    [previous, row] = [row, previous];
  }
  let edits = limit + 1;
  let length = 0;
  for (let j = 0; j < width; j++) {
    if (previous[j]! <= edits) (edits = previous[j]!), (length = j); // the longest start, to mark the whole match
  }
  return edits <= limit ? { edits, length } : null;
}
let rows = [new Int32Array(32), new Int32Array(32)];

/**
 * The candidates in which every query word starts a word, within the query's
 * edit budget, fewest edits first and otherwise in the order they came, with the
 * matched starts of the title and method marked.
 */
export function narrow(candidates: readonly NarrowCandidate[], query: string, limit: number): SearchHit[] {
  const words = queryTokens(query);
  if (words.length === 0) return [];
  const budget = editBudget(query);
  const kept: { candidate: NarrowCandidate; edits: number; starts: string[] }[] = [];
  for (const candidate of candidates) {
    let edits = 0;
    const starts: string[] = [];
    for (const word of words) {
      const limitEdits = Math.min(budget - edits, maxWordEdits(word));
      // Most words are typed right: a plain prefix test over every word first, edits only if none starts so.
      const exact = candidate.words.find((target) => target.startsWith(word));
      let best: { edits: number; start: string } | null = exact ? { edits: 0, start: word } : null;
      if (!best && limitEdits > 0) {
        for (const target of candidate.words) {
          const match = prefixEdits(word, target, best ? best.edits - 1 : limitEdits);
          if (match) best = { edits: match.edits, start: target.slice(0, match.length) };
          if (best?.edits === 1) break;
        }
      }
      if (!best) {
        edits = Infinity;
        break;
      }
      edits += best.edits;
      starts.push(best.start);
    }
    if (edits <= budget) kept.push({ candidate, edits, starts });
  }
  return kept
    .sort((a, b) => a.edits - b.edits) // stable: equal edits keep the worker's order
    .slice(0, limit)
    .map(({ candidate, starts }) => ({ fragment: candidate.fragment, highlights: wordStartHighlights(candidate.fragment, starts) }));
}
