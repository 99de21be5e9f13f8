/**
 * Stable paper ids: a slug of the title, so a paper's URL depends on the paper
 * alone, never on where or in what order it was listed.
 */
import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

const MAX_SLUG_LENGTH = 80;

export function titleSlug(title: string): string {
  const slug = slugify(title, { decamelize: false }) || 'paper';
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  return cut.slice(0, cut.lastIndexOf('-') > 40 ? cut.lastIndexOf('-') : MAX_SLUG_LENGTH).replace(/-+$/, '');
}

/** Short content hash that tells apart distinct papers sharing a title. */
export function contentSuffix(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6);
}

/** Folds case, accents, LaTeX leftovers and punctuation, so the same paper listed twice compares equal. */
export function normaliseForKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
