/**
 * Sort keys: every column dtype becomes unsigned integer keys (`UintKey`) whose unsigned order is the
 * pandas order of the values, ascending or descending, with missing values (null, NaN) last or first.
 * float64 bits are flipped into sortable words; integers are offset by their minimum (so a small range
 * sorts in few radix passes); strings use the rank of their dictionary entry (the dictionary is
 * sorted once, by code point as Python compares strings).
 * @module
 */
import { alloc } from '../alloc.js';
import type { Column } from '../column.js';
import { getBit } from '../bitmap.js';
import type { UintKey } from './radix.js';

const TWO32 = 4294967296;

/** Bits needed to hold values 0..max. */
function bitsFor(max: number): number {
  let b = 0;
  while (b < 53 && 2 ** b <= max) b++;
  return b;
}

/**
 * Compares strings by Unicode code point (Python's order), not by UTF-16 code unit as `<` does.
 * @example
 * compareCodePoints('\uFF5E', '\u{1F600}') // < 0 (Python: '～' < '😀')
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // A surrogate (0xD800-0xDFFF) encodes a code point above 0xFFFF: it sorts after 0xE000-0xFFFF.
      const xs = x >= 0xd800 && x <= 0xdfff ? x + 0x2000 : x >= 0xe000 ? x - 0x800 : x;
      const ys = y >= 0xd800 && y <= 0xdfff ? y + 0x2000 : y >= 0xe000 ? y - 0x800 : y;
      return xs - ys;
    }
  }
  return a.length - b.length;
}

/**
 * Rank of every dictionary entry in sorted order (equal strings share a rank).
 * @example
 * dictionaryRanks(['b', 'a', 'c']) // Int32Array [1, 0, 2]
 */
export function dictionaryRanks(dict: readonly string[]): Int32Array {
  const order = Array.from(dict.keys()).sort((i, j) => compareCodePoints(dict[i], dict[j]));
  const rank = new Int32Array(dict.length);
  let r = 0;
  for (let k = 0; k < order.length; k++) {
    if (k > 0 && dict[order[k]] !== dict[order[k - 1]]) r++;
    rank[order[k]] = r;
  }
  return rank;
}

/**
 * Sortable unsigned keys of a column, in row order.
 * @example
 * sortKey(fromValues([2.5, null, -1]), true, 'last').lo // order: -1, 2.5, null
 */
export function sortKey(col: Column, ascending: boolean, naLast: boolean): UintKey {
  const n = col.length;
  const valid = col.validity;
  switch (col.dtype) {
    case 'float64':
      return floatKey(col.values as Float64Array, valid, n, ascending, naLast);
    case 'string': {
      const { codes, dictionary } = col.dictionaryCodes();
      return codeKey(codes, dictionaryRanks(dictionary), n, ascending, naLast);
    }
    case 'bool': {
      const b = col.boolBytes();
      const codes = alloc(Int32Array, n);
      for (let i = 0; i < n; i++) codes[i] = valid && !getBit(valid, i) ? -1 : b[i];
      return codeKey(codes, Int32Array.of(0, 1), n, ascending, naLast);
    }
    case 'int64':
    case 'uint64':
    case 'datetime':
      return int64Key(col, valid, n, ascending, naLast);
    default:
      // int8..uint32, float32, date (int32 days): exact as float64.
      return numberKey(col.values as ArrayLike<number>, valid, n, ascending, naLast, col.dtype === 'float32');
  }
}

/** float64 bits as two sortable words; NaN and null get the extreme key. */
function floatKey(v: Float64Array, valid: Uint8Array | null, n: number, asc: boolean, naLast: boolean): UintKey {
  const w = new Uint32Array(v.buffer, v.byteOffset, 2 * n);
  const lo = alloc(Uint32Array, n);
  const hi = alloc(Uint32Array, n);
  const flip = asc ? 0 : 0xffffffff;
  const na = naLast ? 0xffffffff : 0;
  let lossy = false;
  for (let i = 0; i < n; i++) {
    let h = w[2 * i + 1];
    let l = w[2 * i];
    if ((h & 0x7ff00000) === 0x7ff00000 && ((h & 0xfffff) | l) !== 0) {
      hi[i] = na;
      lo[i] = na;
      continue;
    }
    if (h === 0x80000000 && l === 0) {
      h = 0; // -0 sorts equal to 0
      lossy = true;
    }
    const m = h >> 31;
    h = (h ^ (m | 0x80000000)) ^ flip;
    l = (l ^ m) ^ flip;
    hi[i] = h;
    lo[i] = l;
  }
  if (valid) {
    for (let i = 0; i < n; i++) {
      if (!getBit(valid, i)) {
        hi[i] = na;
        lo[i] = na;
      }
    }
  }
  return { lo, hi, hiBits: 32, loBits: 32, lossy };
}

/**
 * The float64 values back from sorted `floatKey` keys (missing keys decode to NaN).
 * @example
 * decodeFloatKey(key, true, true) // the sorted values
 */
export function decodeFloatKey(key: UintKey, asc: boolean, naLast: boolean): Float64Array {
  const n = key.lo.length;
  const out = alloc(Float64Array, n);
  decodeFloatKeysInto(key.hi as Uint32Array, key.lo, n, out, 0, asc, naLast);
  return out;
}

/**
 * The float64 values of `m` `floatKey` keys (hi, lo), written to `out` from position `at`; missing
 * keys decode to NaN. (Also run by the team workers in radix-par.ts: this module stays light.)
 * @example
 * decodeFloatKeysInto(key.hi, key.lo, n, out, 0, true, true)
 */
export function decodeFloatKeysInto(hi: Uint32Array, lo: Uint32Array, m: number, out: Float64Array, at: number, asc: boolean, naLast: boolean): void {
  const w = new Uint32Array(out.buffer, out.byteOffset + at * 8, 2 * m);
  const na = naLast ? 0xffffffff : 0;
  const flip = asc ? 0 : 0xffffffff;
  for (let i = 0; i < m; i++) {
    let h = hi[i];
    let l = lo[i];
    if (h === na && l === na) {
      out[at + i] = NaN;
      continue;
    }
    h = (h ^ flip) >>> 0;
    l = (l ^ flip) >>> 0;
    if (h & 0x80000000) h ^= 0x80000000;
    else {
      h = ~h >>> 0;
      l = ~l >>> 0;
    }
    w[2 * i + 1] = h;
    w[2 * i] = l;
  }
}

/** Keys from dense codes (-1 = missing) through a rank table. */
function codeKey(codes: Int32Array, rank: Int32Array, n: number, asc: boolean, naLast: boolean): UintKey {
  let maxRank = -1;
  for (let i = 0; i < rank.length; i++) if (rank[i] > maxRank) maxRank = rank[i];
  const lo = alloc(Uint32Array, n);
  const naKey = naLast ? maxRank + 1 : 0;
  const shift = naLast ? 0 : 1;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    lo[i] = c < 0 ? naKey : (asc ? rank[c] : maxRank - rank[c]) + shift;
  }
  return { lo, hi: null, hiBits: 0, loBits: bitsFor(maxRank + 1) };
}

/** Keys from values exactly representable as float64 (ints up to 32 bits, float32, dates). */
function numberKey(v: ArrayLike<number>, valid: Uint8Array | null, n: number, asc: boolean, naLast: boolean, isFloat: boolean): UintKey {
  if (isFloat) {
    const f = alloc(Float64Array, n);
    for (let i = 0; i < n; i++) f[i] = v[i];
    return floatKey(f, valid, n, asc, naLast);
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (valid && !getBit(valid, i)) continue;
    const x = v[i];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return offsetKey((i) => v[i], valid, n, min, max, asc, naLast);
}

/** Keys of a 64-bit integer column: exact offsets when the values fit in ±2^53, raw words otherwise. */
function int64Key(col: Column, valid: Uint8Array | null, n: number, asc: boolean, naLast: boolean): UintKey {
  const raw = col.values as BigInt64Array | BigUint64Array;
  const w = new Uint32Array(raw.buffer, raw.byteOffset, 2 * n);
  const signed = raw instanceof BigInt64Array;
  let min = Infinity;
  let max = -Infinity;
  let exact = true;
  for (let i = 0; i < n; i++) {
    if (valid && !getBit(valid, i)) continue;
    const h = w[2 * i + 1];
    const x = signed ? (h | 0) * TWO32 + w[2 * i] : h * TWO32 + w[2 * i];
    if (Math.abs(x) > Number.MAX_SAFE_INTEGER) exact = false;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (exact) return offsetKey((i) => (signed ? (w[2 * i + 1] | 0) * TWO32 + w[2 * i] : w[2 * i + 1] * TWO32 + w[2 * i]), valid, n, min, max, asc, naLast);
  // Beyond 2^53: compare the two words exactly (the sign bit flipped for signed values).
  const lo = alloc(Uint32Array, n);
  const hi = alloc(Uint32Array, n);
  const flip = asc ? 0 : 0xffffffff;
  const sign = signed ? 0x80000000 : 0;
  for (let i = 0; i < n; i++) {
    hi[i] = ((w[2 * i + 1] ^ sign) ^ flip) >>> 0;
    lo[i] = (w[2 * i] ^ flip) >>> 0;
  }
  if (valid) {
    // Missing rows need a key outside the value range: keep the raw order and sort missing rows apart.
    const na = naLast ? 0xffffffff : 0;
    for (let i = 0; i < n; i++) {
      if (!getBit(valid, i)) {
        hi[i] = na;
        lo[i] = na;
      }
    }
  }
  return { lo, hi, hiBits: 32, loBits: 32 };
}

/** Keys `x - min` (or `max - x` descending), split into words; missing rows just past either end. */
function offsetKey(get: (i: number) => number, valid: Uint8Array | null, n: number, min: number, max: number, asc: boolean, naLast: boolean): UintKey {
  if (min > max) {
    min = 0;
    max = 0;
  }
  const range = max - min;
  const naKey = naLast ? range + 1 : 0;
  const shift = naLast ? 0 : 1;
  const top = range + 1;
  const lo = alloc(Uint32Array, n);
  if (top < TWO32) {
    for (let i = 0; i < n; i++) {
      if (valid && !getBit(valid, i)) lo[i] = naKey;
      else lo[i] = (asc ? get(i) - min : max - get(i)) + shift;
    }
    return { lo, hi: null, hiBits: 0, loBits: bitsFor(top) };
  }
  const hi = alloc(Uint32Array, n);
  for (let i = 0; i < n; i++) {
    const k = valid && !getBit(valid, i) ? naKey : (asc ? get(i) - min : max - get(i)) + shift;
    const h = Math.floor(k / TWO32);
    hi[i] = h;
    lo[i] = k - h * TWO32;
  }
  return { lo, hi, hiBits: bitsFor(Math.floor(top / TWO32)), loBits: 32 };
}
