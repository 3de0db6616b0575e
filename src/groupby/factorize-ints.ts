/**
 * Integer keys in a small range (int8..int32, uint8..uint32, bool, date; int64/datetime through
 * their 32-bit words): direct-address tables instead of hashing.
 * @module
 */
import type { Column } from '../frame/column.js';
import { take } from '../frame/column-take.js';
import type { NumericArray } from '../frame/dtypes.js';

/** Largest value range handled by a direct-address table. */
export const DIRECT_MAX = 1 << 22;

/** Codes, sorted distinct values and whether a key was missing. */
export type Direct = { codes: Int32Array; uniques: Column; hasMissing: boolean };

const isNull = (valid: Uint8Array | null, i: number): boolean => valid !== null && ((valid[i >> 3] >> (i & 7)) & 1) === 0;

/**
 * Direct-address factorization of int8..int32/uint8..uint32/bool/date keys in a small range. When
 * every value of [min, max] occurs, codes are `value - min` (and an int32 key starting at 0 with no
 * nulls is its own codes array: no copy).
 */
export function factorizeSmallInts(col: Column): Direct | null {
  const n = col.length;
  const x: ArrayLike<number> = col.dtype === 'bool' ? col.boolBytes() : (col.values as Exclude<NumericArray, BigInt64Array | BigUint64Array>);
  const valid = col.validity;
  if (valid === null && x instanceof Int32Array) return denseInt32(col, x);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (isNull(valid, i)) continue;
    const v = x[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo >= DIRECT_MAX && hi - lo > 2 * n) return null;
  if (n === 0 || lo > hi) return emptyKey(col, n);
  const size = hi - lo + 1;
  const table = new Int32Array(size);
  let hasMissing = false;
  for (let i = 0; i < n; i++) {
    if (isNull(valid, i)) hasMissing = true;
    else table[x[i] - lo] = 1;
  }
  const k = numberTable(table);
  let codes: Int32Array;
  if (k === size && !hasMissing && lo === 0 && x instanceof Int32Array) codes = x;
  else {
    codes = new Int32Array(n);
    if (k === size && !hasMissing) for (let i = 0; i < n; i++) codes[i] = x[i] - lo;
    else for (let i = 0; i < n; i++) codes[i] = isNull(valid, i) ? -1 : table[x[i] - lo];
  }
  return { codes, uniques: take(col, representatives(codes, k)), hasMissing };
}

/** Keys in [0, SMALL) are factorized in ONE pass over the rows (presence marked directly). */
const SMALL = 1 << 16;

/**
 * The int32-without-nulls case of `factorizeSmallInts`, in monomorphic loops (the common key). Keys
 * that all lie in [0, 65536) take one pass (presence only; the range comes from the table); others
 * take a min/max pass first.
 */
function denseInt32(col: Column, x: Int32Array): Direct | null {
  const n = x.length;
  if (n === 0) return emptyKey(col, 0);
  let lo = 0;
  let hi = -1;
  let table: Int32Array;
  // One branch-free pass marks presence for keys in [0, 65536); any key outside sets a high bit of `bad`.
  const seen = new Uint8Array(SMALL);
  let bad = 0;
  for (let start = 0; start < n; start += MARK_BLOCK) bad |= markSeen(x, seen, start, Math.min(n, start + MARK_BLOCK));
  if (bad >>> 16 === 0) {
    while (seen[lo] === 0) lo++;
    hi = SMALL - 1;
    while (seen[hi] === 0) hi--;
    table = Int32Array.from(seen.subarray(lo, hi + 1));
  } else {
    lo = x[0];
    hi = x[0];
    for (let j = 1; j < n; j++) {
      const v = x[j];
      if (v < lo) lo = v;
      else if (v > hi) hi = v;
    }
    if (hi - lo >= DIRECT_MAX && hi - lo > 2 * n) return null;
    table = new Int32Array(hi - lo + 1);
    for (let j = 0; j < n; j++) table[x[j] - lo] = 1;
  }
  const size = hi - lo + 1;
  const k = numberTable(table);
  let codes: Int32Array;
  if (k === size && lo === 0) codes = x;
  else {
    codes = new Int32Array(n);
    if (k === size) for (let i = 0; i < n; i++) codes[i] = x[i] - lo;
    else for (let i = 0; i < n; i++) codes[i] = table[x[i] - lo];
  }
  return { codes, uniques: take(col, representatives(codes, k)), hasMissing: false };
}

/** Rows per `markSeen` call (a small function called many times is optimized early by V8). */
const MARK_BLOCK = 1 << 16;

/** Marks keys of rows [start, end) in `seen` (low 16 bits); returns the OR of the keys. */
function markSeen(x: Int32Array, seen: Uint8Array, start: number, end: number): number {
  let bad = 0;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const a = x[i];
    const b = x[i + 1];
    const c = x[i + 2];
    const d = x[i + 3];
    bad |= a | b | c | d;
    seen[a & 0xffff] = 1;
    seen[b & 0xffff] = 1;
    seen[c & 0xffff] = 1;
    seen[d & 0xffff] = 1;
  }
  for (; i < end; i++) {
    bad |= x[i];
    seen[x[i] & 0xffff] = 1;
  }
  return bad;
}

/** Direct-address factorization of int64/datetime keys in a small range (reads the two 32-bit words). */
export function factorizeInt64(col: Column): Direct | null {
  const n = col.length;
  const v64 = col.values as BigInt64Array;
  const w = new Int32Array(v64.buffer, v64.byteOffset, n * 2);
  const valid = col.validity;
  const uns = col.dtype === 'uint64';
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (isNull(valid, i)) continue;
    const v = (uns ? w[2 * i + 1] >>> 0 : w[2 * i + 1]) * 4294967296 + (w[2 * i] >>> 0);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi - lo < DIRECT_MAX || hi - lo <= 2 * n) || !Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) return null;
  if (n === 0 || lo > hi) return emptyKey(col, n);
  const table = new Int32Array(hi - lo + 1);
  let hasMissing = false;
  for (let i = 0; i < n; i++) {
    if (isNull(valid, i)) hasMissing = true;
    else table[(uns ? w[2 * i + 1] >>> 0 : w[2 * i + 1]) * 4294967296 + (w[2 * i] >>> 0) - lo] = 1;
  }
  const k = numberTable(table);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    codes[i] = isNull(valid, i) ? -1 : table[(uns ? w[2 * i + 1] >>> 0 : w[2 * i + 1]) * 4294967296 + (w[2 * i] >>> 0) - lo];
  }
  return { codes, uniques: take(col, representatives(codes, k)), hasMissing };
}

/** Turns a presence table into ascending codes (-1 for absent); returns the number of codes. */
function numberTable(table: Int32Array): number {
  let k = 0;
  for (let j = 0; j < table.length; j++) table[j] = table[j] ? k++ : -1;
  return k;
}

/** One row per code (its first occurrence), to gather the distinct values in the key's dtype. */
function representatives(codes: Int32Array, k: number): Int32Array {
  const rows = new Int32Array(k).fill(-1);
  let left = k;
  for (let i = 0; i < codes.length && left > 0; i++) {
    const c = codes[i];
    if (c >= 0 && rows[c] < 0) {
      rows[c] = i;
      left--;
    }
  }
  return rows;
}

function emptyKey(col: Column, n: number): Direct {
  return { codes: new Int32Array(n).fill(-1), uniques: take(col, []), hasMissing: n > 0 };
}
