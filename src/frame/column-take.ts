/**
 * Row selection on columns: gather by positions (-1 gives null), contiguous slices (zero-copy for
 * numbers), boolean masks.
 * @module
 */
import { shiftBits } from './bitmap.js';
import { Column } from './column.js';
import { gather } from './ops/gather.js';
import { compact, maskCount } from './ops/compact.js';
import { ValueError } from '../errors.js';

/**
 * Gathers rows by position; a negative position yields a null. Delegates to the per-width gather
 * loops of ops/gather.ts (monomorphic per typed-array class; dictionaries keep their dictionary).
 * @example
 * take(col, Int32Array.of(2, 0, -1))
 */
export function take(col: Column, idx: Int32Array | readonly number[]): Column {
  return gather(col, idx instanceof Int32Array ? idx : Int32Array.from(idx));
}

/**
 * Rows [start, end) as a new column; numeric buffers are shared, not copied.
 * @example
 * sliceColumn(col, 0, 5)
 */
export function sliceColumn(col: Column, start: number, end: number): Column {
  const s = Math.max(0, Math.min(start, col.length));
  const e = Math.max(s, Math.min(end, col.length));
  if (s === 0 && e === col.length) return col;
  return new Column(col.data.slice(s, e - s));
}

/**
 * Positions where a byte mask is non-zero, as Int32Array (branch-free: a random mask defeats branch
 * prediction).
 * @example
 * maskToIndices(new Uint8Array([0, 1, 1])) // Int32Array [1, 2]
 */
export function maskToIndices(mask: Uint8Array, count: number = maskCount(mask)): Int32Array {
  // One spare slot: every position is written at the next slot, which advances only for kept rows.
  const out = new Int32Array(count + 1);
  for (let i = 0, j = 0; i < mask.length; i++) {
    out[j] = i;
    j += (mask[i] + 255) >> 8;
  }
  return out.subarray(0, count);
}

/**
 * Keeps rows where `mask` (one byte per row) is non-zero: the mask is packed to bits, then values,
 * dictionary codes and validity are compacted in one pass per buffer (ops/compact.ts), without an
 * index array.
 * @example
 * filterColumn(col, new Uint8Array([1, 0, 1]))
 */
export function filterColumn(col: Column, mask: Uint8Array): Column {
  if (mask.length !== col.length) throw new ValueError(`Boolean mask has ${mask.length} values but the column has ${col.length} rows`);
  return compact(col, mask);
}

export { shiftBits };
