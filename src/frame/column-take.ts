/**
 * Row selection on columns: gather by positions (-1 gives null), contiguous slices (zero-copy for
 * numbers), boolean masks.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from './alloc.js';
import { bitmapBytes, getBit, popcount, setBit, shiftBits } from './bitmap.js';
import { Column } from './column.js';
import { fromBoolBytes, fromCodes, fromStrings } from './column-build.js';
import type { NumericArray } from './dtypes.js';

/**
 * Gathers rows by position; a negative position yields a null.
 * @example
 * take(col, Int32Array.of(2, 0, -1))
 */
export function take(col: Column, idx: Int32Array | readonly number[]): Column {
  const n = idx.length;
  const srcValid = col.validity;
  let anyNull = srcValid !== null;
  for (let i = 0; i < n && !anyNull; i++) if (idx[i] < 0) anyNull = true;
  let validity: Uint8Array | null = null;
  if (anyNull) {
    validity = alloc(Uint8Array, bitmapBytes(n));
    for (let i = 0; i < n; i++) {
      const j = idx[i];
      if (j >= 0 && (srcValid === null || getBit(srcValid, j))) setBit(validity, i);
    }
  }
  if (col.dtype === 'string') {
    if (col.isDictionary) {
      const { codes, dictionary } = col.dictionaryCodes();
      const out = alloc(Int32Array, n);
      for (let i = 0; i < n; i++) out[i] = idx[i] < 0 ? -1 : codes[idx[i]];
      return fromCodes(out, dictionary);
    }
    const s = col.strings();
    const out = new Array<string | null>(n);
    for (let i = 0; i < n; i++) out[i] = idx[i] < 0 ? null : s[idx[i]];
    return fromStrings(out);
  }
  if (col.dtype === 'bool') {
    const b = col.boolBytes();
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = idx[i] < 0 ? 0 : b[idx[i]];
    return fromBoolBytes(out, validity);
  }
  const src = col.values;
  const ctor = src.constructor as { new (buf: ArrayBufferLike, o?: number, n?: number): NumericArray; BYTES_PER_ELEMENT: number };
  const out = alloc(ctor, n) as Float64Array;
  const s = src as Float64Array;
  if (src instanceof BigInt64Array || src instanceof BigUint64Array) {
    // Move 64-bit values as two 32-bit words: no BigInt per element.
    const sw = new Int32Array(src.buffer, src.byteOffset, src.length * 2);
    const ow = new Int32Array(out.buffer, out.byteOffset, n * 2);
    for (let i = 0; i < n; i++) {
      const j = idx[i];
      if (j >= 0) {
        ow[2 * i] = sw[2 * j];
        ow[2 * i + 1] = sw[2 * j + 1];
      }
    }
  } else {
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      const a = idx[i], b = idx[i + 1], c = idx[i + 2], d = idx[i + 3];
      out[i] = a < 0 ? 0 : s[a];
      out[i + 1] = b < 0 ? 0 : s[b];
      out[i + 2] = c < 0 ? 0 : s[c];
      out[i + 3] = d < 0 ? 0 : s[d];
    }
    for (; i < n; i++) out[i] = idx[i] < 0 ? 0 : s[idx[i]];
  }
  const nullCount = validity ? n - popcount(validity, n) : 0;
  return new Column(arrow.makeData({
    type: col.data.type as arrow.Float64, length: n, nullCount,
    nullBitmap: nullCount ? validity : undefined, data: out,
  }));
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
