/**
 * Facet filtering and counting over the build-time per-value document lists:
 * the browser never needs every record, only these lists (and the fragments
 * of the papers on screen). OR within a facet, AND across facets; each
 * facet's counts are taken under the other facets' filters, so a reader sees
 * what ticking one more value would give.
 */
import type { FacetIndex } from '../search/index-format.ts';
import { decodeDeltas } from '../search/index-format.ts';
import { type Bitset, bitsetWords, hasBit, intersect, popcount } from './bitset.ts';
import { BROWSE_FACETS, type BrowseFacet } from './facet-names.ts';

export interface DecodedValue {
  id: string;
  label: string;
  docs: Uint32Array;
}

export type Filters = Record<BrowseFacet, string[]>;

export class FacetEngine {
  readonly count: number;
  readonly values: Record<BrowseFacet, DecodedValue[]>;
  private readonly byId: Record<BrowseFacet, Map<string, DecodedValue>>;

  constructor(index: FacetIndex) {
    this.count = index.count;
    this.values = {} as Record<BrowseFacet, DecodedValue[]>;
    this.byId = {} as Record<BrowseFacet, Map<string, DecodedValue>>;
    for (const facet of BROWSE_FACETS) {
      this.values[facet] = (index.facets[facet] ?? []).map((value) => ({ id: value.id, label: value.label, docs: decodeDeltas(value.docs) }));
      this.byId[facet] = new Map(this.values[facet].map((value) => [value.id, value]));
    }
  }

  label(facet: BrowseFacet, id: string): string {
    return this.byId[facet].get(id)?.label ?? id;
  }

  /** Drops ids the index does not know (a stale or hand-edited URL), so they never empty the list. */
  known(filters: Filters): Filters {
    return Object.fromEntries(BROWSE_FACETS.map((facet) => [facet, filters[facet].filter((id) => this.byId[facet].has(id))])) as Filters;
  }

  /** The documents one facet's selection allows, or null when nothing is selected in it. */
  private facetSet(facet: BrowseFacet, ids: string[]): Bitset | null {
    if (ids.length === 0) return null;
    const bits = new Uint32Array(bitsetWords(this.count));
    for (const id of ids) {
      const docs = this.byId[facet].get(id)?.docs ?? [];
      for (let i = 0; i < docs.length; i++) bits[docs[i] >>> 5] |= 1 << (docs[i] & 31);
    }
    return bits;
  }

  /** Documents every facet allows (and `within`, such as a query's matches), or null for "all". */
  allowed(filters: Filters, within: Bitset | null = null, except?: BrowseFacet): Bitset | null {
    let result = within;
    for (const facet of BROWSE_FACETS) {
      if (facet === except) continue;
      const set = this.facetSet(facet, filters[facet]);
      if (set) result = result ? intersect(result, set) : set;
    }
    return result;
  }

  /** Per facet, per value: how many documents would match with that value ticked too. */
  counts(filters: Filters, within: Bitset | null = null): Record<BrowseFacet, Map<string, number>> {
    const counts = {} as Record<BrowseFacet, Map<string, number>>;
    for (const facet of BROWSE_FACETS) {
      const base = this.allowed(filters, within, facet);
      const map = new Map<string, number>();
      for (const value of this.values[facet]) {
        if (!base) {
          map.set(value.id, value.docs.length);
          continue;
        }
        let n = 0;
        for (let i = 0; i < value.docs.length; i++) if (hasBit(base, value.docs[i])) n++;
        map.set(value.id, n);
      }
      counts[facet] = map;
    }
    return counts;
  }

  total(allowed: Bitset | null): number {
    return allowed ? popcount(allowed) : this.count;
  }
}

/** One page of the allowed documents (null: all `count`) in `order` (null: document order, newest first). */
export function pageOf(allowed: Bitset | null, order: ArrayLike<number> | null, count: number, offset: number, limit: number): number[] {
  const out: number[] = [];
  let skipped = 0;
  const length = order ? order.length : count;
  for (let i = 0; i < length && out.length < limit; i++) {
    const n = order ? order[i] : i;
    if (allowed && !hasBit(allowed, n)) continue;
    if (skipped++ < offset) continue;
    out.push(n);
  }
  return out;
}
