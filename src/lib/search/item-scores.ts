/**
 * Stage one's sum over one query word's index terms (or one phrase's word
 * pairs). Fuse scores each field item (the title, the method, one label, one
 * claim) once, at its best match, however many words in it match the query:
 * `prun` in "PruneKV: Pruning tokens" is one title hit, not two. A posting is
 * one item of one document, and within a document no two items share a weight
 * (the index makes them distinct), so the weight names the item.
 */
import type { Postings } from './index-format.ts';

/** One index term's postings and how much a hit on it counts for the query word it stands for. */
export interface WeightedPostings extends Postings {
  factor: number;
}

/**
 * Adds to `scores[doc]` each item's weight times the best factor of the terms
 * found in it, and returns the documents hit, each once. `termCounts` is
 * scratch space of one slot per document, all zero, and left so.
 */
export function addItemScores(lists: readonly WeightedPostings[], scores: Float64Array, termCounts: Uint16Array): number[] {
  const hit: number[] = [];
  // Most documents hold one of the terms: those are summed directly. Only documents holding
  // several (a title with `prunekv` and `pruning`) need their items told apart.
  for (const { docs } of lists) {
    for (let i = 0, doc = 0; i < docs.length; i++) {
      if (i > 0 && docs[i] === 0) continue;
      doc += docs[i]!;
      if (termCounts[doc] === 0) hit.push(doc);
      if (termCounts[doc] < 0xffff) termCounts[doc]++;
    }
  }
  const shared = new Map<number, Map<number, number>>();
  for (const { docs, weights, factor } of lists) {
    for (let i = 0, doc = 0; i < docs.length; i++) {
      if (i === 0 || docs[i] !== 0) doc += docs[i]!;
      const weight = weights[i]!;
      if (termCounts[doc] === 1) {
        scores[doc] += weight * factor;
        continue;
      }
      let items = shared.get(doc);
      if (!items) shared.set(doc, (items = new Map()));
      if ((items.get(weight) ?? 0) < factor) items.set(weight, factor);
    }
  }
  for (const [doc, items] of shared) for (const [weight, factor] of items) scores[doc] += weight * factor;
  for (const doc of hit) termCounts[doc] = 0;
  return hit;
}
