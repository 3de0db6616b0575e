/**
 * Join keys as shared integer codes: the left and right key columns are factorized together, so equal
 * values get equal codes. Strings go through their dictionaries (one Map lookup per distinct string,
 * not per row); integers in a small range are their own offset; other numbers go through an
 * open-addressing hash table on the float64 bits. Missing keys (null, NaN) share one code, so they
 * match each other, as pandas does.
 * @module
 */
import { alloc } from '../alloc.js';
import type { Column } from '../column.js';
import { isFloatDtype, isIntegerDtype, type DType } from '../dtypes.js';
import { ValueError } from '../../errors.js';

/** Codes of both sides in [0, card). */
export interface KeyCodes {
  left: Int32Array;
  right: Int32Array;
  card: number;
}

function kindOf(d: DType): string {
  if (d === 'string') return 'string';
  if (d === 'bool') return 'bool';
  if (d === 'date' || d === 'datetime') return 'date';
  if (isIntegerDtype(d) || isFloatDtype(d)) return 'number';
  return d;
}

/** Growable open-addressing hash from float64 values to dense codes. */
class FloatCodes {
  keys: Float64Array = new Float64Array(1024);
  vals: Int32Array = new Int32Array(1024).fill(-1);
  size = 0;
  mask = 1023;
  readonly #f = new Float64Array(1);
  readonly #w = new Uint32Array(this.#f.buffer);

  #slot(v: number): number {
    this.#f[0] = v;
    const h = Math.imul(this.#w[0] ^ Math.imul(this.#w[1], 0x9e3779b1), 0x85ebca6b);
    return (h ^ (h >>> 15)) & this.mask;
  }

  code(v: number): number {
    let s = this.#slot(v);
    const keys = this.keys;
    const vals = this.vals;
    while (vals[s] !== -1) {
      if (keys[s] === v) return vals[s];
      s = (s + 1) & this.mask;
    }
    keys[s] = v;
    vals[s] = this.size++;
    if (this.size * 2 > this.mask) this.#grow();
    return this.size - 1;
  }

  #grow(): void {
    const oldK = this.keys;
    const oldV = this.vals;
    const cap = (this.mask + 1) * 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let s = 0; s < oldV.length; s++) {
      if (oldV[s] === -1) continue;
      let t = this.#slot(oldK[s]);
      while (this.vals[t] !== -1) t = (t + 1) & this.mask;
      this.keys[t] = oldK[s];
      this.vals[t] = oldV[s];
    }
  }
}

/**
 * Dense codes of float64 values (NaN gets the code `nanCode`, assigned after the others when `nanCode` is -1).
 * @example
 * factorizeFloats([Float64Array.of(1.5, 2, 1.5)]) // codes [[0, 1, 0]], card 2
 */
export function factorizeFloats(arrays: readonly Float64Array[]): { codes: Int32Array[]; card: number } {
  const table = new FloatCodes();
  const codes = arrays.map((a) => alloc(Int32Array, a.length));
  let nan = -1;
  arrays.forEach((a, k) => {
    const out = codes[k];
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (v !== v) out[i] = -2;
      else out[i] = table.code(v === 0 ? 0 : v);
    }
  });
  let card = table.size;
  for (const out of codes) {
    for (let i = 0; i < out.length; i++) {
      if (out[i] === -2) {
        if (nan < 0) nan = card++;
        out[i] = nan;
      }
    }
  }
  return { codes, card };
}

/** Codes of string columns through their dictionaries. */
function stringCodes(l: Column, r: Column): KeyCodes {
  const map = new Map<string, number>();
  const remap = (dict: readonly string[]): Int32Array => {
    const out = new Int32Array(dict.length);
    for (let j = 0; j < dict.length; j++) {
      let c = map.get(dict[j]);
      if (c === undefined) {
        c = map.size;
        map.set(dict[j], c);
      }
      out[j] = c;
    }
    return out;
  };
  const ld = l.dictionaryCodes();
  const lmap = remap(ld.dictionary);
  const rd = r.dictionaryCodes();
  const rmap = remap(rd.dictionary);
  const nullCode = map.size;
  const apply = (codes: Int32Array, m: Int32Array): Int32Array => {
    const out = alloc(Int32Array, codes.length);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      out[i] = c < 0 ? nullCode : m[c];
    }
    return out;
  };
  return { left: apply(ld.codes, lmap), right: apply(rd.codes, rmap), card: nullCode + 1 };
}

/** Integer columns whose values span a small range: code = value - min (nulls after the range). */
function rangeCodes(lf: Float64Array, rf: Float64Array): KeyCodes | null {
  let min = Infinity;
  let max = -Infinity;
  for (const a of [lf, rf]) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min > max) return { left: new Int32Array(lf.length), right: new Int32Array(rf.length), card: 1 };
  const range = max - min + 1;
  if (range > 2 * (lf.length + rf.length) + 1024) return null;
  const conv = (a: Float64Array): Int32Array => {
    const out = alloc(Int32Array, a.length);
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      out[i] = v !== v ? range : v - min;
    }
    return out;
  };
  return { left: conv(lf), right: conv(rf), card: range + 1 };
}

/**
 * Shared codes of one left and one right key column. Strings match strings; numbers (any int or float
 * dtype) match numbers by value; bools match bools; dates match dates (by epoch ms). Any other pairing
 * is a ValueError naming both columns, as pandas refuses to merge object with int64 keys.
 * @example
 * keyCodes(fromValues(['a', 'b']), fromValues(['b']), 'k', 'k') // left [0, 1], right [1]
 */
export function keyCodes(l: Column, r: Column, lname: string, rname: string): KeyCodes {
  if (kindOf(l.dtype) !== kindOf(r.dtype)) {
    throw new ValueError(`You are trying to merge on ${l.dtype} column '${lname}' and ${r.dtype} column '${rname}'; cast one of them first`);
  }
  if (l.dtype === 'string') return stringCodes(l, r);
  const lf = l.toFloat64();
  const rf = r.toFloat64();
  if ((isIntegerDtype(l.dtype) && isIntegerDtype(r.dtype)) || l.dtype === 'bool' || l.dtype === 'date') {
    const rc = rangeCodes(lf, rf);
    if (rc) return rc;
  }
  const { codes, card } = factorizeFloats([lf, rf]);
  return { left: codes[0], right: codes[1], card };
}

/**
 * Codes of several key pairs combined into one code per row (dense again when the product is large).
 * @example
 * combineCodes([{ left, right, card: 3 }, { left: l2, right: r2, card: 2 }])
 */
export function combineCodes(parts: readonly KeyCodes[]): KeyCodes {
  let acc = parts[0];
  for (let k = 1; k < parts.length; k++) {
    const p = parts[k];
    const card = acc.card * p.card;
    const mix = (a: Int32Array, b: Int32Array): Float64Array => {
      const out = alloc(Float64Array, a.length);
      for (let i = 0; i < a.length; i++) out[i] = a[i] * p.card + b[i];
      return out;
    };
    const lf = mix(acc.left, p.left);
    const rf = mix(acc.right, p.right);
    if (card <= 2 * (lf.length + rf.length) + 1024) {
      acc = { left: Int32Array.from(lf), right: Int32Array.from(rf), card };
    } else {
      const f = factorizeFloats([lf, rf]);
      acc = { left: f.codes[0], right: f.codes[1], card: f.card };
    }
  }
  return acc;
}
