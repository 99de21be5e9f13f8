/** Static list pages: a list's first page at its own URL, the rest at `page/N/` below it. */
/** Large enough that today's catalogue fits on the home page; bounds HTML size at 100k papers. */
export const PAGE_SIZE = 250;

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** URL of page `page` of the list whose first page is at `firstPage` (already base-prefixed, ending in `/`). */
export function pagedPath(firstPage: string, page: number): string {
  return page <= 1 ? firstPage : `${firstPage}page/${page}/`;
}

export function pageSlice<T>(items: readonly T[], page: number): T[] {
  return items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
}
