/** Everything the ingester reads out of one paper's title and abstract. */
import type { PaperLink, PaperNumber } from '../../../src/lib/schema.ts';
import { cleanText } from '../clean-text.ts';
import { extractLinks } from '../links.ts';
import { extractClaims } from './claims.ts';
import { classify } from './classify.ts';
import { extractMethod } from './method.ts';
import { extractNumbers } from './numbers.ts';

export interface ExtractedFields {
  title: string;
  abstract: string;
  method: string | null;
  techniques: string[];
  targets: string[];
  kind: string;
  claims: string[];
  numbers: PaperNumber[];
  links: PaperLink[];
  /** Plain-words notes on what could not be cleaned (an undefined macro and what replaced it). */
  flags: string[];
}

export function extractFields(rawTitle: string, abstractRaw: string): ExtractedFields {
  const title = cleanText(rawTitle).text;
  const cleaned = cleanText(abstractRaw);
  const method = extractMethod(title, cleaned.text);
  const { abstract, flags } = resolveMacros(cleaned.text, cleaned.unresolvedMacros, method);
  const { techniques, targets, kind } = classify(title, abstract, undefined, method);
  return {
    title,
    abstract,
    method,
    techniques,
    targets,
    kind,
    claims: extractClaims(abstract),
    numbers: extractNumbers(abstract),
    links: extractLinks(abstractRaw),
    flags,
  };
}

/**
 * An undefined macro such as `\modelname` almost always stands for the paper's
 * own method: put the extracted name in its place, or say it could not be.
 */
function resolveMacros(text: string, macros: string[], method: string | null): { abstract: string; flags: string[] } {
  let abstract = text;
  const flags: string[] = [];
  for (const macro of macros) {
    if (method) {
      abstract = abstract.replaceAll(`\\${macro}`, method);
      flags.push(`the abstract's undefined macro \\${macro} was replaced by the method name ${method}`);
    } else {
      flags.push(`the abstract uses the undefined macro \\${macro} and no method name was found to replace it`);
    }
  }
  return { abstract, flags };
}
