/**
 * Item slots: how a posting names the field item it comes from without
 * bending the item's weight.
 *
 * Stage one counts a field item (the title, the method, one label, one claim)
 * once per query word, as Fuse does, so a posting must say which item of its
 * document it is. It says so with a slot: a small number, distinct within the
 * document, that the index's slot table maps to the item's weight. Two items
 * of equal weight (the labels "KV cache" and "kv cache") take two slots of the
 * same weight, so papers Fuse scores alike sum alike in stage one. (Weights
 * used to double as the names, and a tie moved one item a unit: "KV cache"
 * then summed 90 in one paper and 91 in another that Fuse ties with it.)
 */
/** Slots fit a byte: the engine marks a document's counted items in a 256-bit set. */
export const MAX_SLOTS = 256;

/** Weight units per unit of Fuse key weight. */
export const WEIGHT_RESOLUTION = 128;

/** An item's weight in index units: Fuse's key weight x 1/sqrt(the item's words), rounded. */
export function itemWeight(text: string, keyWeight: number): number {
  const words = text.split(/\s+/).filter(Boolean).length || 1;
  return Math.max(1, Math.round((keyWeight * WEIGHT_RESOLUTION) / Math.sqrt(words)));
}

/** The `rank`-th item of weight `weight` in one document. */
const slotKey = (weight: number, rank: number) => `${weight}:${rank}`;

export class ItemSlots {
  /** Slot -> weight, most used slots first (short numbers in the index's JSON). */
  readonly weights: number[];
  private readonly byKey: Map<string, number>;

  /**
   * Plans the slots for every document's items (each document's item weights,
   * in field order): as many slots of each weight as the document with most
   * items of that weight needs. Should more than MAX_SLOTS be needed, the
   * rarest are left out and `assign` lends their items the nearest free weight.
   */
  constructor(documents: Iterable<readonly number[]>) {
    const uses = new Map<string, { weight: number; rank: number; count: number }>();
    for (const items of documents) {
      const seen = new Map<number, number>();
      for (const weight of items) {
        const rank = seen.get(weight) ?? 0;
        seen.set(weight, rank + 1);
        const key = slotKey(weight, rank);
        const use = uses.get(key);
        if (use) use.count++;
        else uses.set(key, { weight, rank, count: 1 });
      }
    }
    const kept = [...uses.values()].sort((a, b) => b.count - a.count || a.weight - b.weight || a.rank - b.rank).slice(0, MAX_SLOTS);
    this.weights = kept.map((use) => use.weight);
    this.byKey = new Map(kept.map((use, slot) => [slotKey(use.weight, use.rank), slot]));
  }

  /** One document's slots, an item at a time in field order: distinct within the document. */
  assign(items: readonly number[]): number[] {
    const seen = new Map<number, number>();
    const taken = new Set<number>();
    return items.map((weight) => {
      const rank = seen.get(weight) ?? 0;
      seen.set(weight, rank + 1);
      let slot = this.byKey.get(slotKey(weight, rank));
      if (slot === undefined || taken.has(slot)) slot = this.nearestFree(weight, taken);
      taken.add(slot);
      return slot;
    });
  }

  /** Only past MAX_SLOTS: the free slot whose weight is closest (a paper has far fewer items than slots). */
  private nearestFree(weight: number, taken: ReadonlySet<number>): number {
    let best = -1;
    for (let slot = 0; slot < this.weights.length; slot++) {
      if (taken.has(slot)) continue;
      if (best < 0 || Math.abs(this.weights[slot]! - weight) < Math.abs(this.weights[best]! - weight)) best = slot;
    }
    if (best < 0) throw new RangeError(`a paper has more than ${MAX_SLOTS} searchable items`);
    return best;
  }
}
