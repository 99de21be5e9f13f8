/**
 * One tokenizer for the build-time index and the in-browser query, so a word
 * is cut the same way on both sides.
 */
const STOPWORDS = new Set(
  'a an and are as at be by can for from has have in into is it its of on or our over than that the their these this to under up via we which while with'.split(' '),
);

/** Lower-case, accent-free words of two or more characters, stopwords removed. */
export function tokenize(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length >= 2 && !STOPWORDS.has(token));
}

/** Lower case without accents (`Schrödinger` -> `schrodinger`), for matching. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The query as typed, split into words (stopwords kept: a query may be only "on"). */
export function queryTokens(query: string): string[] {
  return foldText(query)
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}
