/** Picks 1-3 abstract sentences that state the contribution and headline results, in abstract order. */
import { splitSentences } from './sentences.ts';

const CONTRIBUTION = /\b(?:we (?:propose|introduce|present|develop)|this (?:paper|work) (?:proposes|introduces|presents))\b/i;
const RESULT = /\d+(?:\.\d+)?\s?(?:%|×|x\b|times|dB|bits?)|\b(?:outperform|surpass|achiev|reduc|improv|speed)/i;

export function extractClaims(abstract: string): string[] {
  const sentences = splitSentences(abstract);
  const chosen = new Set<number>();
  const contribution = sentences.findIndex((sentence) => CONTRIBUTION.test(sentence));
  if (contribution !== -1) chosen.add(contribution);
  sentences.forEach((sentence, index) => {
    if (chosen.size < 3 && RESULT.test(sentence) && /\d/.test(sentence)) chosen.add(index);
  });
  if (chosen.size === 0 && sentences.length > 0) chosen.add(0);
  return [...chosen].sort((a, b) => a - b).map((index) => sentences[index]!);
}
