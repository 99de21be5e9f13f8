/** Document sets as bitsets over document numbers: compact, and AND/OR in a few microseconds at 100k. */
export type Bitset = Uint32Array;

export const bitsetWords = (count: number) => Math.ceil(count / 32);

export function hasBit(bits: Bitset, n: number): boolean {
  return (bits[n >>> 5] & (1 << (n & 31))) !== 0;
}

export function setBit(bits: Bitset, n: number): void {
  bits[n >>> 5] |= 1 << (n & 31);
}

/** Every document 0..count-1. */
export function fullBitset(count: number): Bitset {
  const bits = new Uint32Array(bitsetWords(count)).fill(0xffffffff);
  const spare = bits.length * 32 - count;
  if (spare > 0) bits[bits.length - 1] = 0xffffffff >>> spare;
  return bits;
}

export function fromDocs(count: number, docs: ArrayLike<number>): Bitset {
  const bits = new Uint32Array(bitsetWords(count));
  for (let i = 0; i < docs.length; i++) setBit(bits, docs[i]);
  return bits;
}

/** a AND b, into a new set. */
export function intersect(a: Bitset, b: Bitset): Bitset {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] & b[i];
  return out;
}

export function popcount(bits: Bitset): number {
  let total = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i];
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    total += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return total;
}
