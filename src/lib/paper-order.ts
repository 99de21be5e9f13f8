/**
 * The catalogue's canonical order: newest first, undated last, ties by title, then id.
 * Pages, the ingester's output and the search index's document numbers all use
 * it, so "document n" means the same paper everywhere. No Astro imports: the
 * Node-only index builder shares it.
 */
export interface Dated {
  id: string;
  published: string | null;
  title: string;
}

/** Locale-independent, so the order is byte-identical on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareNewestFirst(a: Dated, b: Dated): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? 1 : -1;
  }
  return compareText(a.title, b.title) || compareText(a.id, b.id);
}
