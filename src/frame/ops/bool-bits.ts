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

/**
 * Zeroes the bits past row n in the last byte (so whole-byte operations stay exact).
 * @example
 * clearTail(Uint8Array.of(0xff), 3) // byte becomes 0b111
 */
export function clearTail(bits: Uint8Array, n: number): void {
  if ((n & 7) !== 0 && bits.length > n >> 3) bits[n >> 3] &= (1 << (n & 7)) - 1;
  for (let j = (n + 7) >> 3; j < bits.length; j++) bits[j] = 0;
}

/**
 * A zeroed bitmap for n rows (Arrow's 8-byte padding).
 * @example
 * newBits(10).length // 8
 */
export function newBits(n: number): Uint8Array {
  return alloc(Uint8Array, bitmapBytes(n));
}

/**
 * `~a` in place over the bytes covering n rows.
 * @example
 * invertBits(Uint8Array.of(0b01), 2) // 0b10
 */
export function invertBits(a: Uint8Array, n: number): Uint8Array {
  const m = (n + 7) >> 3;
  for (let j = 0; j < m; j++) a[j] = ~a[j] & 0xff;
  clearTail(a, n);
  return a;
}

/**
 * `a | ~b` in place into a (b null means all set, so a is unchanged): marks the rows b says are null.
 * @example
 * orNotBitsInto(newBits(3), col.validity, 3) // 1 where col is null
 */
export function orNotBitsInto(a: Uint8Array, b: Uint8Array | null, n: number): Uint8Array {
  if (b === null) return a;
  const m = (n + 7) >> 3;
  for (let j = 0; j < m; j++) a[j] |= ~b[j] & 0xff;
  clearTail(a, n);
  return a;
}

/**
 * Packs the result of a per-row test into bits (for the slower, non-numeric paths).
 * @example
 * packWhere(4, (i) => i % 2 === 0) // 0b0101
 */
export function packWhere(n: number, test: (i: number) => boolean): Uint8Array {
  const out = newBits(n);
  for (let i = 0; i < n; i++) if (test(i)) out[i >> 3] |= 1 << (i & 7);
  return out;
}
