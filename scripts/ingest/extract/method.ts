/** Finds the short name of a paper's main named contribution, or null. */

/** A plausible method name: one token, not a plain lower-case word, not a generic term. */
const NAME = String.raw`[A-Za-z0-9][A-Za-z0-9+\-_.²⁺]*[A-Za-z0-9+²⁺]|[A-Z]`;
const GENERIC = new Set(['a', 'an', 'the', 'we', 'our', 'this', 'novel', 'new', 'llm', 'llms', 'ai', 'it', 'its', 'survey', 'towards', 'toward']);

export function looksLikeName(token: string): boolean {
  if (GENERIC.has(token.toLowerCase())) return false;
  if (token.startsWith('\\')) return false;
  // Names carry a capital after the first letter, a digit, or a symbol: GPTQ, DFloat11, LLMC+, Laser-D.
  return /[A-Z].*[A-Z]|\d|[+²⁺]|^[A-Z][a-z]+[A-Z]/.test(token) || /^[A-Z]{2,}/.test(token);
}

export function extractMethod(title: string, abstract: string): string | null {
  const colon = new RegExp(`^(${NAME})\\s*:`).exec(title);
  if (colon && looksLikeName(colon[1]!)) return colon[1]!;
  const patterns = [
    new RegExp(String.raw`\b(?:termed|dubbed|called|named|coined)\s+(?:as\s+)?["“]?(${NAME})`, 'g'),
    new RegExp(String.raw`\bwe\s+(?:propose|introduce|present|develop)\s+(?:\w+\s+){0,6}?\((${NAME})\)`, 'gi'),
    new RegExp(String.raw`\bwe\s+(?:propose|introduce|present|develop)\s+["“]?(${NAME})\b`, 'gi'),
    new RegExp(String.raw`\((${NAME})\)`, 'g'),
  ];
  for (const pattern of patterns) {
    for (const match of abstract.matchAll(pattern)) {
      const name = match[1]!.replace(/[.\-]+$/, '');
      if (looksLikeName(name)) return name;
    }
  }
  return null;
}
