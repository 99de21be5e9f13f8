/**
 * Stage one's sum over one query word's index terms (or one phrase's word
 * pairs). Fuse scores each field item (the title, the method, one label, one
 * claim) once, at its best match, however many words in it match the query:
 * `prun` in "PruneKV: Pruning tokens" is one title hit, not two. A posting is
 * one item of one document, named by its slot: no two items of a document
 * share one, and the index's slot table gives each slot's weight.
 */
import type { Postings } from './index-format.ts';

/** One index term's postings and how much a hit on it counts for the query word it stands for. */
export interface WeightedPostings extends Postings {
  factor: number;
}

/** Words of `seen` per document: one bit for each possible slot (MAX_SLOTS, 256). */
const WORDS_PER_DOC = 8;

/** Sums postings item by item, with scratch space for every document, allocated once per index. */
export class ItemScorer {
  /** Per document, a bit for each item (slot) already counted in the current sum. */
  private readonly seen: Uint32Array;
  private readonly counted: Uint8Array;

  constructor(
    documents: number,
    /** Slot -> the weight of the items in it. */
    private readonly slotWeights: readonly number[],
  ) {
    this.seen = new Uint32Array(documents * WORDS_PER_DOC);
    this.counted = new Uint8Array(documents);
  }

  /**
   * Adds to `scores[doc]` each item's weight times the best factor of the
   * terms found in it, and returns the documents hit, each once.
   */
  add(lists: readonly WeightedPostings[], scores: Float64Array): number[] {
    const { seen, counted, slotWeights } = this;
    const hit: number[] = [];
    // Best factor first: an item's first hit is then its best, and later hits on it are skipped.
    const ordered = [...lists].sort((a, b) => b.factor - a.factor);
    for (const { docs, slots, factor } of ordered) {
      for (let i = 0, doc = 0; i < docs.length; i++) {
        if (i === 0 || docs[i] !== 0) doc += docs[i]!;
        const slot = slots[i]!;
        const word = doc * WORDS_PER_DOC + (slot >>> 5);
        const bit = 1 << (slot & 31);
        if (seen[word]! & bit) continue;
        seen[word]! |= bit;
        if (counted[doc] === 0) counted[doc] = 1, hit.push(doc);
        scores[doc] += slotWeights[slot]! * factor;
      }
    }
    for (const doc of hit) {
      counted[doc] = 0;
      seen.fill(0, doc * WORDS_PER_DOC, (doc + 1) * WORDS_PER_DOC);
    }
    return hit;
  }
}
