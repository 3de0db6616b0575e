/**
 * Row selection on columns: gather by positions (-1 gives null), contiguous slices (zero-copy for
 * numbers), boolean masks.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from './alloc.js';
import { shiftBits } from './bitmap.js';
import { Column } from './column.js';
import { gather } from './ops/gather.js';

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
 * Positions where a 0/1 byte mask is set, as Int32Array.
 * @example
 * maskToIndices(new Uint8Array([0, 1, 1])) // Int32Array [1, 2]
 */
export function maskToIndices(mask: Uint8Array): Int32Array {
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += mask[i] ? 1 : 0;
  const out = new Int32Array(c);
  for (let i = 0, j = 0; i < mask.length; i++) if (mask[i]) out[j++] = i;
  return out;
}

/**
 * Keeps rows where `mask` (one byte per row) is non-zero.
 * @example
 * filterColumn(col, new Uint8Array([1, 0, 1]))
 */
export function filterColumn(col: Column, mask: Uint8Array): Column {
  if (col.dtype !== 'string' && col.dtype !== 'bool' && col.validity === null) {
    // Tight path for plain numbers: no index array.
    const src = col.values as Float64Array;
    let c = 0;
    for (let i = 0; i < mask.length; i++) c += mask[i] !== 0 ? 1 : 0;
    const ctor = src.constructor as { new (buf: ArrayBufferLike, o?: number, n?: number): Float64Array; BYTES_PER_ELEMENT: number };
    const out = alloc(ctor, c);
    if (src instanceof Float64Array || !(col.values instanceof BigInt64Array || col.values instanceof BigUint64Array)) {
      for (let i = 0, j = 0; i < mask.length; i++) {
        out[j] = src[i];
        j += mask[i] !== 0 ? 1 : 0;
      }
    } else {
      return take(col, maskToIndices(mask));
    }
    return new Column(arrow.makeData({ type: col.data.type as arrow.Float64, length: c, nullCount: 0, data: out }));
  }
  return take(col, maskToIndices(mask));
}

export { shiftBits };
