/**
 * Integer keys without nulls grouped physically (see physical.ts): group = value - base, with the
 * presence of each group worked out later. An int32 key whose values are all in [0, PHYS_MAX) takes
 * ONE OR-reduction pass and is its own codes array; other int32 keys and int64 keys whose values fit
 * in 32 bits (read as 32-bit word pairs, never a BigInt per row) take a min/max pass and one pass
 * writing `value - min`. Wider ranges return null (the compacting paths of factorize-ints.ts).
 * @module
 */
import type { Column } from '../frame/column.js';
import { fromTyped } from '../frame/column-build.js';
import { float64ToInt64 } from '../frame/dtypes.js';
import { PHYS_MAX, PhysicalGroups } from './physical.js';

/** Rows per kernel call (small functions called many times are optimized early by V8). */
const BLOCK = 1 << 16;

/**
 * Physical groups of an int32 or int64 key without nulls in a small range, or null.
 * @example
 * physicalInts(fromTyped(Int32Array.of(3, 1, 3), null, 'int32'), true)?.ngroups // 2
 */
export function physicalInts(col: Column, sort: boolean): PhysicalGroups | null {
  if (col.validity !== null || col.length === 0) return null;
  const v = col.values;
  // At most PHYS_MAX groups, and few per row on small frames (states are sized by the groups).
  const limit = Math.min(PHYS_MAX, 4 * col.length + 1024);
  if (col.dtype === 'int32' && v instanceof Int32Array) return int32Groups(v, sort, limit);
  if (col.dtype === 'int64' && v instanceof BigInt64Array) return int64Groups(v, sort, limit);
  return null;
}

function int32Groups(x: Int32Array, sort: boolean, limit: number): PhysicalGroups | null {
  const n = x.length;
  let or = 0;
  for (let s = 0; s < n; s += BLOCK) or |= orBlock(x, s, Math.min(n, s + BLOCK));
  // Every value is >= 0 (no sign bit) and below or + 1: the values are the codes.
  if (or >= 0 && or < limit) return new PhysicalGroups(x, or + 1, sort, null, (o) => int32Uniques(o, 0), true);
  const mm = Int32Array.of(x[0], x[0]);
  for (let s = 0; s < n; s += BLOCK) minMaxBlock(x, s, Math.min(n, s + BLOCK), mm);
  const lo = mm[0];
  const size = mm[1] - lo + 1;
  if (size > limit) return null;
  const codes = new Int32Array(n);
  for (let s = 0; s < n; s += BLOCK) offsetBlock(x, lo, codes, s, Math.min(n, s + BLOCK));
  return new PhysicalGroups(codes, size, sort, null, (o) => int32Uniques(o, lo), true);
}

function int64Groups(v: BigInt64Array, sort: boolean, limit: number): PhysicalGroups | null {
  const n = v.length;
  const w = new Int32Array(v.buffer, v.byteOffset, 2 * n);
  // One pass: min/max of the low words, and whether every high word is the sign extension of its
  // low word (the value fits in 32 bits).
  const mm = Int32Array.of(w[0], w[0], 0);
  for (let s = 0; s < n; s += BLOCK) wordRange(w, s, Math.min(n, s + BLOCK), mm);
  if (mm[2] !== 0) return null;
  const lo = mm[0];
  const size = mm[1] - lo + 1;
  if (size > limit) return null;
  const codes = new Int32Array(n);
  for (let s = 0; s < n; s += BLOCK) lowWordCodes(w, lo, codes, s, Math.min(n, s + BLOCK));
  return new PhysicalGroups(codes, size, sort, null, (o) => int64Uniques(o, lo), true);
}

/**
 * Folds rows [start, end) of int64 words into mm = [min low word, max low word, OR of (high word
 * XOR sign of low word)]; the last is 0 while every value fits in 32 bits.
 */
function wordRange(w: Int32Array, start: number, end: number, mm: Int32Array): void {
  let lo = mm[0];
  let hi = mm[1];
  let bad = mm[2];
  for (let i = 2 * start; i < 2 * end; i += 2) {
    const a = w[i];
    bad |= w[i + 1] ^ (a >> 31);
    if (a < lo) lo = a;
    if (a > hi) hi = a;
  }
  mm[0] = lo;
  mm[1] = hi;
  mm[2] = bad;
}

/** codes[i] = low word of row i - lo over rows [start, end). */
function lowWordCodes(w: Int32Array, lo: number, codes: Int32Array, start: number, end: number): void {
  let i = start;
  for (; i + 4 <= end; i += 4) {
    codes[i] = w[2 * i] - lo;
    codes[i + 1] = w[2 * i + 2] - lo;
    codes[i + 2] = w[2 * i + 4] - lo;
    codes[i + 3] = w[2 * i + 6] - lo;
  }
  for (; i < end; i++) codes[i] = w[2 * i] - lo;
}

/** OR of x[start, end) (eight rows per iteration, two accumulators). */
function orBlock(x: Int32Array, start: number, end: number): number {
  let a = 0;
  let b = 0;
  let i = start;
  for (; i + 8 <= end; i += 8) {
    a |= x[i] | x[i + 1] | x[i + 2] | x[i + 3];
    b |= x[i + 4] | x[i + 5] | x[i + 6] | x[i + 7];
  }
  for (; i < end; i++) a |= x[i];
  return a | b;
}

/** Min and max of x[start, end), folded into mm = [min, max]. */
function minMaxBlock(x: Int32Array, start: number, end: number, mm: Int32Array): void {
  let lo = mm[0];
  let hi = mm[1];
  for (let i = start; i < end; i++) {
    const a = x[i];
    if (a < lo) lo = a;
    if (a > hi) hi = a;
  }
  mm[0] = lo;
  mm[1] = hi;
}

/** codes[i] = x[i] - lo over rows [start, end). */
function offsetBlock(x: Int32Array, lo: number, codes: Int32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) codes[i] = x[i] - lo;
}

function int32Uniques(order: Int32Array, base: number): Column {
  const out = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) out[r] = order[r] + base;
  return fromTyped(out, null, 'int32');
}

function int64Uniques(order: Int32Array, base: number): Column {
  const vals = new Float64Array(order.length);
  for (let r = 0; r < order.length; r++) vals[r] = order[r] + base;
  return fromTyped(float64ToInt64(vals), null, 'int64');
}
