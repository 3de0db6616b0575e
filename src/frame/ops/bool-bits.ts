/**
 * Bool columns built straight from packed bits (Arrow's layout, LSB first), and the byte-wise bitmap
 * operations the comparison, logical and missing-value kernels share.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from '../alloc.js';
import { bitmapBytes, popcount } from '../bitmap.js';
import { Column } from '../column.js';

/**
 * A bool column over packed bits (no byte-per-row detour); `validity` null means no nulls.
 * @example
 * boolColumn(Uint8Array.of(0b101), 3) // [true, false, true]
 */
export function boolColumn(bits: Uint8Array, n: number, validity: Uint8Array | null = null): Column {
  clearTail(bits, n);
  const nullCount = validity ? n - popcount(validity, n) : 0;
  return new Column(arrow.makeData({
    type: new arrow.Bool(), length: n, nullCount,
    nullBitmap: nullCount > 0 ? validity ?? undefined : undefined, data: bits,
  }));
}

/** Zeroes the bits past row n in the last byte (so whole-byte operations stay exact). */
export function clearTail(bits: Uint8Array, n: number): void {
  if ((n & 7) !== 0 && bits.length > n >> 3) bits[n >> 3] &= (1 << (n & 7)) - 1;
  for (let j = (n + 7) >> 3; j < bits.length; j++) bits[j] = 0;
}

/** A zeroed bitmap for n rows. */
export function newBits(n: number): Uint8Array {
  return alloc(Uint8Array, bitmapBytes(n));
}

/** `~a` in place over the bytes covering n rows. */
export function invertBits(a: Uint8Array, n: number): Uint8Array {
  const m = (n + 7) >> 3;
  for (let j = 0; j < m; j++) a[j] = ~a[j] & 0xff;
  clearTail(a, n);
  return a;
}

/** `a & b` in place into a (b null means all set). */
export function andBitsInto(a: Uint8Array, b: Uint8Array | null, n: number): Uint8Array {
  if (b === null) return a;
  const m = (n + 7) >> 3;
  for (let j = 0; j < m; j++) a[j] &= b[j];
  return a;
}

/** `a | ~b` in place into a (b null means all set, so a is unchanged). */
export function orNotBitsInto(a: Uint8Array, b: Uint8Array | null, n: number): Uint8Array {
  if (b === null) return a;
  const m = (n + 7) >> 3;
  for (let j = 0; j < m; j++) a[j] |= ~b[j] & 0xff;
  clearTail(a, n);
  return a;
}

/** Packs the result of a per-row test into bits (for the slower, non-numeric paths). */
export function packWhere(n: number, test: (i: number) => boolean): Uint8Array {
  const out = newBits(n);
  for (let i = 0; i < n; i++) if (test(i)) out[i >> 3] |= 1 << (i & 7);
  return out;
}

/** Bits of a bool column's values with nulls cleared (missing reads false). */
export function trueBits(c: Column): Uint8Array {
  const n = c.length;
  const out = newBits(n);
  out.set((c.values as Uint8Array).subarray(0, (n + 7) >> 3));
  andBitsInto(out, c.validity, n);
  clearTail(out, n);
  return out;
}
