import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ItemSlots, MAX_SLOTS, WEIGHT_RESOLUTION, itemWeight } from '../../../scripts/search-index/item-slots.ts';

describe('item slots', () => {
  it('give equal items of a document slots of their own, each with the items\u2019 own weight', () => {
    // A title, then the labels "KV cache", "kv cache" and "key-value cache": three items of one weight.
    const labels = ['KV cache', 'kv cache', 'key-value cache'].map((text) => itemWeight(text, 2));
    const paper = [itemWeight('Study for KV cache', 3), ...labels];
    const other = [itemWeight('Neural representations', 2), ...labels];
    const slots = new ItemSlots([paper, other]);
    for (const items of [paper, other]) {
      const assigned = slots.assign(items);
      expect(new Set(assigned).size).toBe(items.length);
      expect(assigned.map((slot) => slots.weights[slot])).toEqual(items);
    }
  });

  it('weigh an item by its key weight over the square root of its words, as Fuse does', () => {
    expect(itemWeight('KV cache', 2)).toBe(Math.round((2 * WEIGHT_RESOLUTION) / Math.SQRT2));
    expect(itemWeight('GPTQ', 3)).toBe(3 * WEIGHT_RESOLUTION);
  });

  it('stay distinct within a document and keep weights where they can, past MAX_SLOTS too', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 40 }), { minLength: 1, maxLength: 30 }), (documents) => {
        const slots = new ItemSlots(documents);
        expect(slots.weights.length).toBeLessThanOrEqual(MAX_SLOTS);
        for (const items of documents) {
          const assigned = slots.assign(items);
          expect(new Set(assigned).size).toBe(items.length);
          for (const slot of assigned) expect(slot).toBeLessThan(slots.weights.length);
        }
        // With room for every (weight, rank) a document needs, each item keeps its weight exactly.
        const needed = new Set(documents.flatMap((items) => items.map((weight, i) => `${weight}:${items.slice(0, i).filter((w) => w === weight).length}`))).size;
        if (needed <= MAX_SLOTS) for (const items of documents) expect(slots.assign(items).map((slot) => slots.weights[slot])).toEqual(items);
      }),
    );
  });
});
