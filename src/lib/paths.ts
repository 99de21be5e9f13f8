/**
 * The one place internal URLs are made, so the site works under any base path
 * (`BASE_PATH=/catalogue/`). Pages and components call `href()`; nothing else
 * writes a root-relative URL.
 */
import { SEARCH_DIR } from './search/index-format.ts';

const BASE = import.meta.env.BASE_URL;

/** `href('papers/gptq/')` -> `/catalogue/papers/gptq/` under a `/catalogue/` base. */
export function href(path = ''): string {
  const base = BASE.endsWith('/') ? BASE : `${BASE}/`;
  return `${base}${path.replace(/^\/+/, '')}`;
}

export const paperPath = (id: string) => href(`papers/${id}/`);

/** The folder of one build's search index (its version names it, see index-version.ts). */
export const searchIndexPath = (version: string) => href(`${SEARCH_DIR}/${version}/`);

export type FacetRoute = 'techniques' | 'targets' | 'kinds';
export const facetPath = (facet: FacetRoute, id?: string) => href(id ? `${facet}/${id}/` : `${facet}/`);

/** Absolute URL for canonical and OpenGraph tags. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return new URL(path, site ?? 'http://localhost:4321').toString();
}
