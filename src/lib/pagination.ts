/** Static list pages: the home page is page 1, `/page/N/` the rest. */
import { href } from './paths.ts';

/** Large enough that today's catalogue fits on the home page; bounds HTML size at 100k papers. */
export const PAGE_SIZE = 250;

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export function listPagePath(page: number): string {
  return page <= 1 ? href() : href(`page/${page}/`);
}

export function pageSlice<T>(items: T[], page: number): T[] {
  return items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
}
