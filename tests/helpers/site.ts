/** Reading built pages in tests. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { BuiltSite } from '../setup/built-sites.ts';
import type { PaperRecord } from '../../src/lib/schema.ts';

export function readPage(site: BuiltSite, route: string): string {
  return readFileSync(path.join(site.dist, route.replace(/^\/+/, ''), 'index.html'), 'utf8');
}

export function builtRecords(site: BuiltSite): PaperRecord[] {
  return JSON.parse(readFileSync(path.join(site.data, 'papers.json'), 'utf8'));
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(dir, file));
}

/** Does a root-relative URL of the site resolve to a built file? */
export function resolvesInSite(site: BuiltSite, url: string): boolean {
  const pathname = decodeURI(url.split(/[?#]/)[0]!);
  if (!pathname.startsWith(site.base)) return false;
  const relative = pathname.slice(site.base.length);
  const file = path.join(site.dist, relative);
  return existsSync(relative === '' || relative.endsWith('/') ? path.join(file, 'index.html') : file);
}

/** `href` and `src` attribute values of a page (enough for link checks without a DOM). */
export function attributeUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
}
