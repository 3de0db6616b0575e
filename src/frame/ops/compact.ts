/**
 * Row filtering by a packed bit mask (Arrow's LSB-first layout, the form comparisons produce): every
 * column is compacted straight from the bits in one branch-free loop per element width (no byte mask,
 * no index array): each row is written at the next output slot, which advances only for kept rows, so
 * a random mask costs no branch mispredictions. 64-bit integers move as two 32-bit words (bit-exact, no
 * BigInt), 4-byte values (int32, float32, dictionary codes) as Int32 words; dictionary columns keep
 * their dictionary; validity is compacted only when the column has nulls and dropped when none survive.
 * Outputs get one spare element (the last write may land past the kept rows). Byte masks (`compact`)
 * are packed to bits first.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from '../alloc.js';
import { bitmapBytes, packBits, popcount } from '../bitmap.js';
import { Column } from '../column.js';
import { finishGather, gather } from './gather.js';

type Fixed = ArrayBufferView & { length: number; BYTES_PER_ELEMENT: number };

/** Set bits among the first n of a bitmap, and a byte mask packed to bits: bitmap.ts's popcount and packBits. */
export { popcount as countBits, packBits as packMask };

// One loop per element width. Full mask bytes run unrolled (a zero byte skips its 8 rows); the last
// n % 8 rows go bit by bit.
function compactF64(src: Float64Array, bits: Uint8Array, n: number, out: Float64Array): void {
  const full = n >> 3;
  let j = 0;
  for (let q = 0; q < full; q++) {
    const x = bits[q];
    if (x === 0) continue;
    const i = q << 3;
    out[j] = src[i]; j += x & 1;
    out[j] = src[i + 1]; j += (x >> 1) & 1;
    out[j] = src[i + 2]; j += (x >> 2) & 1;
    out[j] = src[i + 3]; j += (x >> 3) & 1;
    out[j] = src[i + 4]; j += (x >> 4) & 1;
    out[j] = src[i + 5]; j += (x >> 5) & 1;
    out[j] = src[i + 6]; j += (x >> 6) & 1;
    out[j] = src[i + 7]; j += x >> 7;
  }
  for (let i = full << 3; i < n; i++) {
    out[j] = src[i];
    j += (bits[i >> 3] >> (i & 7)) & 1;
  }
}

function compactI32(src: Int32Array, bits: Uint8Array, n: number, out: Int32Array): void {
  const full = n >> 3;
  let j = 0;
  for (let q = 0; q < full; q++) {
    const x = bits[q];
    if (x === 0) continue;
    const i = q << 3;
    out[j] = src[i]; j += x & 1;
    out[j] = src[i + 1]; j += (x >> 1) & 1;
    out[j] = src[i + 2]; j += (x >> 2) & 1;
    out[j] = src[i + 3]; j += (x >> 3) & 1;
    out[j] = src[i + 4]; j += (x >> 4) & 1;
    out[j] = src[i + 5]; j += (x >> 5) & 1;
    out[j] = src[i + 6]; j += (x >> 6) & 1;
    out[j] = src[i + 7]; j += x >> 7;
  }
  for (let i = full << 3; i < n; i++) {
    out[j] = src[i];
    j += (bits[i >> 3] >> (i & 7)) & 1;
  }
}

/** 8-byte integers as (low, high) Int32 word pairs; `j` counts words. */
function compactPairs(src: Int32Array, bits: Uint8Array, n: number, out: Int32Array): void {
  const full = n >> 3;
  let j = 0;
  for (let q = 0; q < full; q++) {
    const x = bits[q];
    if (x === 0) continue;
    const i = q << 4;
    out[j] = src[i]; out[j + 1] = src[i + 1]; j += (x & 1) << 1;
    out[j] = src[i + 2]; out[j + 1] = src[i + 3]; j += x & 2;
    out[j] = src[i + 4]; out[j + 1] = src[i + 5]; j += (x >> 1) & 2;
    out[j] = src[i + 6]; out[j + 1] = src[i + 7]; j += (x >> 2) & 2;
    out[j] = src[i + 8]; out[j + 1] = src[i + 9]; j += (x >> 3) & 2;
    out[j] = src[i + 10]; out[j + 1] = src[i + 11]; j += (x >> 4) & 2;
    out[j] = src[i + 12]; out[j + 1] = src[i + 13]; j += (x >> 5) & 2;
    out[j] = src[i + 14]; out[j + 1] = src[i + 15]; j += (x >> 6) & 2;
  }
  for (let i = full << 3; i < n; i++) {
    out[j] = src[2 * i];
    out[j + 1] = src[2 * i + 1];
    j += ((bits[i >> 3] >> (i & 7)) & 1) << 1;
  }
}

function compactI16(src: Int16Array, bits: Uint8Array, n: number, out: Int16Array): void {
  for (let i = 0, j = 0; i < n; i++) {
    out[j] = src[i];
    j += (bits[i >> 3] >> (i & 7)) & 1;
  }
}

function compactU8(src: Uint8Array, bits: Uint8Array, n: number, out: Uint8Array): void {
  for (let i = 0, j = 0; i < n; i++) {
    out[j] = src[i];
    j += (bits[i >> 3] >> (i & 7)) & 1;
  }
}

/** The kept bits of a bitmap into `out` (zeroed); returns how many of them are set. */
function compactBitmap(src: Uint8Array, bits: Uint8Array, n: number, out: Uint8Array): number {
  let set = 0;
  for (let i = 0, j = 0; i < n; i++) {
    const keep = (bits[i >> 3] >> (i & 7)) & 1;
    const bit = (src[i >> 3] >> (i & 7)) & keep & 1;
    out[j >> 3] |= bit << (j & 7);
    set += bit;
    j += keep;
  }
  return set;
}

/**
 * Positions of the set bits among the first n (`count` of them), branch-free.
 * @example
 * bitPositions(Uint8Array.of(0b110), 3) // Int32Array [1, 2]
 */
export function bitPositions(bits: Uint8Array, n: number, count: number = popcount(bits, n)): Int32Array {
  const out = new Int32Array(count + 1);
  const full = n >> 3;
  let j = 0;
  for (let q = 0; q < full; q++) {
    const x = bits[q];
    if (x === 0) continue;
    const i = q << 3;
    out[j] = i; j += x & 1;
    out[j] = i + 1; j += (x >> 1) & 1;
    out[j] = i + 2; j += (x >> 2) & 1;
    out[j] = i + 3; j += (x >> 3) & 1;
    out[j] = i + 4; j += (x >> 4) & 1;
    out[j] = i + 5; j += (x >> 5) & 1;
    out[j] = i + 6; j += (x >> 6) & 1;
    out[j] = i + 7; j += x >> 7;
  }
  for (let i = full << 3; i < n; i++) {
    out[j] = i;
    j += (bits[i >> 3] >> (i & 7)) & 1;
  }
  return out.subarray(0, count);
}

/**
 * Labels `start + i * step` of the kept rows i, as int64 word pairs, when every label of the range
 * fits in int32 (the caller checks); one pass over the bits, no position array.
 * @example
 * rangeLabelsFromBits(Uint8Array.of(0b101), 3, 2, 10, 1) // BigInt64Array [10n, 12n]
 */
export function rangeLabelsFromBits(bits: Uint8Array, n: number, count: number, start: number, step: number): BigInt64Array {
  const words = alloc(Int32Array, 2 * count + 2);
  const full = n >> 3;
  let j = 0;
  for (let q = 0; q < full; q++) {
    const x = bits[q];
    if (x === 0) continue;
    const v = start + (q << 3) * step;
    let w = v | 0;
    words[j] = w; words[j + 1] = w >> 31; j += (x & 1) << 1;
    w = (v + step) | 0;
    words[j] = w; words[j + 1] = w >> 31; j += x & 2;
    w = (v + 2 * step) | 0;
    words[j] = w; words[j + 1] = w >> 31; j += (x >> 1) & 2;
    w = (v + 3 * step) | 0;
    words[j] = w; words[j + 1] = w >> 31; j += (x >> 2) & 2;
    w = (v + 4 * step) | 0;
    words[j] = w; words[j + 1] = w >> 31; j += (x >> 3) & 2;
    w = (v + 5 * step) | 0;
    words[j] = w; words[j + 1] = w >> 31; j += (x >> 4) & 2;
    w = (v + 6 * step) | 0;
    words[j] = w; words[j + 1] = w >> 31; j += (x >> 5) & 2;
    w = (v + 7 * step) | 0;
    words[j] = w; words[j + 1] = w >> 31; j += (x >> 6) & 2;
  }
  for (let i = full << 3; i < n; i++) {
    const v = (start + i * step) | 0;
    words[j] = v;
    words[j + 1] = v >> 31;
    j += ((bits[i >> 3] >> (i & 7)) & 1) << 1;
  }
  return new BigInt64Array(words.buffer, 0, count);
}

/**
 * The rows of `col` whose bit is set in `bits` (the first `col.length` bits; `count` of them set), as
 * a new column of the same type.
 * @example
 * compactByBits(fromValues([1.5, 2.5, 3.5]), Uint8Array.of(0b101), 2) // [1.5, 3.5]
 */
export function compactByBits(col: Column, bits: Uint8Array, count: number = popcount(bits, col.length)): Column {
  const n = col.length;
  const d = col.data;
  const t = d.type;
  if (col.dtype === 'string' && !col.isDictionary) return gather(col, bitPositions(bits, n, count), undefined, false);
  let bitmap: Uint8Array | undefined;
  let nullCount = 0;
  const v = col.validity;
  if (v !== null && col.nullCount > 0) {
    const out = alloc(Uint8Array, bitmapBytes(count + 1));
    nullCount = count - compactBitmap(v, bits, n, out);
    if (nullCount > 0) bitmap = out;
  }
  if (col.dtype === 'bool') {
    const out = alloc(Uint8Array, bitmapBytes(count + 1));
    compactBitmap(d.values as Uint8Array, bits, n, out);
    return new Column(arrow.makeData({ type: t as arrow.Bool, length: count, nullCount, nullBitmap: bitmap, data: out }));
  }
  const src = d.values as Fixed;
  const width = src.BYTES_PER_ELEMENT;
  const buf = alloc(Uint8Array, (count + 1) * width).buffer;
  if (src instanceof Float64Array) compactF64(src, bits, n, new Float64Array(buf, 0, count + 1));
  else if (width === 8) compactPairs(new Int32Array(src.buffer, src.byteOffset, 2 * n), bits, n, new Int32Array(buf, 0, 2 * count + 2));
  else if (width === 4) compactI32(new Int32Array(src.buffer, src.byteOffset, n), bits, n, new Int32Array(buf, 0, count + 1));
  else if (width === 2) compactI16(new Int16Array(src.buffer, src.byteOffset, n), bits, n, new Int16Array(buf, 0, count + 1));
  else compactU8(new Uint8Array(src.buffer, src.byteOffset, n), bits, n, new Uint8Array(buf, 0, count + 1));
  return finishGather(col, new Uint8Array(buf), count, bitmap, nullCount);
}

/**
 * Number of non-zero bytes of a mask (branch-free).
 * @example
 * maskCount(Uint8Array.of(0, 1, 2)) // 2
 */
export function maskCount(mask: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += +(mask[i] !== 0);
  return c;
}

/**
 * The rows of `col` where the byte mask is non-zero (`count` = maskCount(mask)), as a new column of the
 * same type (the mask is packed to bits, then `compactByBits`).
 * @example
 * compact(fromValues([1.5, 2.5, 3.5]), Uint8Array.of(1, 0, 1), 2) // [1.5, 3.5]
 */
export function compact(col: Column, mask: Uint8Array, count?: number): Column {
  const bits = packBits(mask);
  return compactByBits(col, bits, count ?? popcount(bits, mask.length));
}
