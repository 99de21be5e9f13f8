/**
 * What the search sees of a paper, and the per-paper fragment the browser
 * fetches to rank a candidate and draw its card. Built from a record at build
 * time; rebuilt from a fragment plus the shared term table in the browser, so
 * both sides rank the same text.
 */
export interface SearchDocument {
  /** Document number: the paper's position in newest-first order. */
  n: number;
  title: string;
  method: string;
  /** Technique labels and synonyms. */
  techniques: string[];
  /** Target labels and synonyms. */
  targets: string[];
  claims: string[];
  org: string;
}

/** The per-paper file `d/<n>.json`: card fields plus the claims search needs. */
export interface Fragment {
  n: number;
  id: string;
  title: string;
  method: string | null;
  techniques: string[];
  targets: string[];
  kind: string;
  claims: string[];
  org: string | null;
  authors: number | null;
  published: string | null;
  upvotes: number | null;
  code: boolean;
}

/** Label and synonyms per taxonomy id, shipped once in the index metadata. */
export interface TermTable {
  techniques: Record<string, string[]>;
  targets: Record<string, string[]>;
  kinds: Record<string, string[]>;
}

export function searchDocument(fragment: Fragment, terms: TermTable): SearchDocument {
  return {
    n: fragment.n,
    title: fragment.title,
    method: fragment.method ?? '',
    techniques: fragment.techniques.flatMap((id) => terms.techniques[id] ?? [id]),
    targets: fragment.targets.flatMap((id) => terms.targets[id] ?? [id]),
    claims: fragment.claims,
    org: fragment.org ?? '',
  };
}
