/** Access to the real digests the tests run on, and small builders for bad input. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const DIGESTS_DIR = path.resolve(import.meta.dirname, '../../content/digests');

export function digestNames(): string[] {
  return readdirSync(DIGESTS_DIR).filter((name) => name.endsWith('.txt')).sort();
}

export function readDigest(name: string): string {
  return readFileSync(path.join(DIGESTS_DIR, name), 'utf8');
}

/** The real digest whose file name starts with a prefix (`000`), so tests never hard-code hashes. */
export function digestStartingWith(prefix: string): { name: string; text: string } {
  const name = digestNames().find((candidate) => candidate.startsWith(prefix));
  if (!name) throw new Error(`no digest starting with ${prefix}`);
  return { name, text: readDigest(name) };
}

export const bytes = (text: string) => new TextEncoder().encode(text);

export function allDigestInputs(): { file: string; bytes: Uint8Array }[] {
  return digestNames().map((file) => ({ file, bytes: bytes(readDigest(file)) }));
}
