/**
 * One tokenizer for the build-time index and the in-browser query, so a word
 * is cut the same way on both sides.
 */
const STOPWORDS = new Set(
  'a an and are as at be by can for from has have in into is it its of on or our over than that the their these this to under up via we which while with'.split(' '),
);

export interface WordPair {
  left: string;
  right: string;
  /** Whether a single space joins them. */
  spaced: boolean;
}

/**
 * In one pass: the lower-case, accent-free words of two or more characters
 * (stopwords removed), and each adjacent pair of them. Fuse matches the phrase
 * "kv cache" exactly in "KV cache" but only with an edit in "KV-cache" or
 * "KV for cache", so a pair says whether a single space joined it.
 */
export function indexWords(text: string): { words: string[]; pairs: WordPair[] } {
  const words: string[] = [];
  const pairs: WordPair[] = [];
  const folded = foldText(text);
  let previousEnd = 0;
  for (const match of folded.matchAll(/[a-z0-9]+/g)) {
    const word = match[0];
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    if (words.length > 0) pairs.push({ left: words.at(-1)!, right: word, spaced: folded.slice(previousEnd, match.index) === ' ' });
    words.push(word);
    previousEnd = match.index + word.length;
  }
  return { words, pairs };
}

/** Lower case without accents (`Schrödinger` -> `schrodinger`), for matching. */
export function foldText(text: string): string {
  return stripAccents(text).toLowerCase();
}

/** All-capital words at least this long are compound names (`NIRVANA`); shorter ones are acronyms (`GPTQ`, `LLM`). */
const CAPITALS_FROM = 6;
/** Parts of an all-capital name are at least this long: shorter endings match too much. */
const CAPITAL_PART_MIN = 4;

function stripAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * The inner parts of compound names, so a prefix query finds them as Fuse's
 * substring match does: `SmoothQuant` also yields `quant`, `PruneQuanVec`
 * yields `quanvec` and `vec`, `LLMLingua` yields `lingua`. A part starts where
 * a lower-case letter meets a capital, or where a run of capitals ends in a
 * capitalised word; each part runs to the end of the name (a prefix query on
 * `quanvec` then finds `quan`). Parts under three letters are left out.
 * An all-capital name of CAPITALS_FROM or more characters (`MICROADAM`,
 * `QUANDISTILL`) marks no parts, so its endings of four or more letters are
 * its parts, those `isWordStart` accepts (the index keeps the endings that
 * start a word of the catalogue, `distill` but not `andistill`): `distil` then
 * finds QUANDISTILL, as Fuse's substring match does.
 */
export function innerTerms(text: string, isWordStart: (ending: string) => boolean = () => true): string[] {
  const parts: string[] = [];
  for (const match of stripAccents(text).matchAll(/[A-Za-z0-9]+/g)) {
    const word = match[0];
    const starts = new Set([word.slice(0, 4).toLowerCase()]);
    // "PrunePrune" adds nothing under "prun" that "pruneprune" does not: one field, counted once, as Fuse counts it.
    const keep = (part: string) => {
      if (starts.has(part.slice(0, 4))) return false;
      parts.push(part), starts.add(part.slice(0, 4));
      return true;
    };
    const capitals = isCapitalName(word);
    for (let i = 1; i + 3 <= word.length; i++) {
      if (capitals) {
        if (i + CAPITAL_PART_MIN > word.length) break;
        const part = word.slice(i).toLowerCase();
        if (isWordStart(part) && keep(part)) keep(word.slice(i - 1).toLowerCase());
        continue;
      }
      const before = word[i - 1]!;
      const here = word[i]!;
      const after = word[i + 1] ?? '';
      const camel = /[a-z]/.test(before) && /[A-Z]/.test(here);
      const acronymEnds = /[A-Z]/.test(before) && /[A-Z]/.test(here) && /[a-z]/.test(after);
      if (!camel && !acronymEnds) continue;
      // A part also comes with the letter before it (AdaDistPact: `distpact`, `adistpact`): Fuse's substring
      // match credits that letter, so RaDistPact is one edit from AdaDistPact but two from DistPact.
      keep(word.slice(i).toLowerCase());
      keep(word.slice(i - 1).toLowerCase());
    }
  }
  return parts;
}

/** A query word's inner part: the letters it drops, and whether its typo variants count too. */
export interface QueryPart {
  part: string;
  dropped: number;
  typos: boolean;
}

/** An all-capital compound name (`MICROADAM`), whose parts are unmarked, not an acronym (`GPTQ`). */
const isCapitalName = (word: string) => word.length >= CAPITALS_FROM && !/[a-z]/.test(word) && /[A-Z].*[A-Z]/.test(word);

/**
 * For each query word, the inner parts of the compound name it was typed as
 * (`RaPruneXi` -> `prunexi`; an all-capital `FOLDSPARWAVE` -> its endings),
 * cut as `innerTerms` cuts names for the index, keeping only the parts that
 * drop at most `maxDropped(word length)` leading letters. Fuse's substring
 * match finds AdaPruneXi for `RaPruneXi` (two edits) although it starts
 * otherwise; the index holds `prunexi` as AdaPruneXi's inner part, so the part
 * finds it. A part also comes with each dropped letter before it, one edit
 * fewer (`aprunexi`, `rprunexi`), since the index holds parts with their
 * letter and Fuse credits it; these look up exact words only. Words typed all
 * in lower case yield none: only a name typed with its capitals says where its
 * parts begin (and all-capital endings cost a lookup each, which plain words
 * should not pay).
 */
export function queryParts(query: string, maxDropped: (length: number) => number): QueryPart[][] {
  return [...stripAccents(query).matchAll(/[A-Za-z0-9]+/g)].map(([word]) => {
    if (!/[A-Z]/.test(word.slice(1))) return [];
    const parts = new Map<string, QueryPart>();
    const add = (part: string, dropped: number, typos: boolean) => {
      const known = parts.get(part);
      if (!known || dropped < known.dropped) parts.set(part, { part, dropped, typos });
    };
    const capitals = isCapitalName(word);
    for (const part of innerTerms(word)) {
      const dropped = word.length - part.length;
      if (dropped > maxDropped(word.length)) continue;
      // A part with the letter before it is for Fuse's credit to that letter: its typos are the part's own.
      const withItsLetter = !capitals && /[a-z]/.test(word[dropped]!);
      add(part, dropped, !withItsLetter);
      // The index holds each part with the letter before it; Fuse credits any typed letter there
      // (RaPruneZip is one edit from GearPruneZip, deleting the `a`), so each dropped letter is tried.
      // An all-capital name's endings already run through every letter it was typed with.
      if (capitals || withItsLetter) continue;
      for (const letter of new Set(word.slice(0, dropped - 1).toLowerCase())) add(letter + part, dropped - 1, false);
    }
    return [...parts.values()];
  });
}

/** What makes two queries the same to Fuse, which ignores case and surrounding spaces ("GPTQ " is "gptq"). */
export function queryText(query: string): string {
  return query.trim().toLowerCase();
}

/** Every folded word of a text, stopwords and single letters kept. */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}

/** The query as typed, split into words (stopwords kept: a query may be only "on"). */
export function queryTokens(query: string): string[] {
  return foldedWords(query);
}

/** For each query word, whether a single space joins it to the next (`kv cache`, not `kv-cache`). */
export function querySpacing(query: string): boolean[] {
  const gaps = foldText(query).trim().split(/[a-z0-9]+/).slice(1, -1);
  return [...gaps.map((gap) => gap === ' '), false];
}
