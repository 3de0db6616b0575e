/**
 * Missing values on a Series: `isna`/`notna` (null, or NaN in a float column, as pandas), `fillna`,
 * `dropna`, `ffill`/`bfill` (with `limit`). Filling keeps the dtype when the fill value fits it (an
 * integer column filled with 1.5 becomes float64; a string filled with a number is a TypeError).
 * @module
 */
import { Column } from '../column.js';
import { fromCodes, fromEpochMs, fromStrings, fromTyped } from '../column-build.js';
import { filterColumn, take } from '../column-take.js';
import { alloc } from '../alloc.js';
import { isFloatDtype, isIntegerDtype, type Scalar } from '../dtypes.js';
import { TypeError_ } from '../../errors.js';
import { Series } from '../series.js';
import { boolColumn, invertBits, newBits, orNotBitsInto } from './bool-bits.js';
import { astypeColumn } from './astype.js';

/**
 * Packed bits: 1 where the row is missing (null, or NaN for floats).
 * @example
 * missingBits(fromValues([1, null, NaN])) // 0b110
 */
export function missingBits(c: Column): Uint8Array {
  const n = c.length;
  const bits = newBits(n);
  orNotBitsInto(bits, c.validity, n);
  if (isFloatDtype(c.dtype)) {
    const v = c.values as Float64Array;
    for (let i = 0; i < n; i++) if (v[i] !== v[i]) bits[i >> 3] |= 1 << (i & 7);
  }
  return bits;
}

/**
 * True when a column has a missing row (null, or NaN for floats).
 * @example
 * hasMissing(fromValues([1.5, NaN])) // true
 */
export function hasMissing(c: Column): boolean {
  if (c.validity !== null) return true;
  if (!isFloatDtype(c.dtype)) return false;
  const v = c.values as Float64Array;
  for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) return true;
  return false;
}

/**
 * True where missing.
 * @example
 * isna(new Series([1, NaN, null])).toArray() // [false, true, true]
 */
export function isna(s: Series): Series {
  return s.withColumn(boolColumn(missingBits(s.column), s.length));
}

/**
 * True where not missing.
 * @example
 * notna(new Series([1, null])).toArray() // [true, false]
 */
export function notna(s: Series): Series {
  return s.withColumn(boolColumn(invertBits(missingBits(s.column), s.length), s.length));
}

/**
 * Missing values replaced by `value` (null leaves the Series as it is).
 * @example
 * fillnaSeries(new Series([1, null]), 0).toArray() // [1, 0]
 */
export function fillnaSeries(s: Series, value: Scalar): Series {
  if (value === null || !hasMissing(s.column)) return s;
  return s.withColumn(fillColumn(s.column, value, s.name ?? ''));
}

/**
 * A column with its missing rows set to `value`.
 * @example
 * fillColumn(fromValues(['a', null]), 'z') // ['a', 'z']
 */
export function fillColumn(c: Column, value: Scalar, name = ''): Column {
  const n = c.length;
  const d = c.dtype;
  const miss = missingBits(c);
  const isMiss = (i: number): boolean => ((miss[i >> 3] >> (i & 7)) & 1) === 1;
  const bad = (): TypeError_ => new TypeError_(`Cannot fill ${d} column '${name}' with ${JSON.stringify(String(value))} (${value instanceof Date ? 'date' : typeof value})`);
  if (d === 'string') {
    if (typeof value !== 'string') throw bad();
    if (c.isDictionary) {
      const { codes, dictionary } = c.dictionaryCodes();
      let k = dictionary.indexOf(value);
      const dict = k >= 0 ? dictionary : [...dictionary, value];
      if (k < 0) k = dictionary.length;
      const out = Int32Array.from(codes);
      for (let i = 0; i < n; i++) if (out[i] < 0) out[i] = k;
      return fromCodes(out, dict);
    }
    return fromStrings(c.strings().map((x) => x ?? value), { dictionary: 'auto' });
  }
  if (d === 'bool') {
    if (typeof value !== 'boolean') throw bad();
    const bits = (c.values as Uint8Array).slice();
    for (let i = 0; i < n; i++) {
      if (isMiss(i)) {
        if (value) bits[i >> 3] |= 1 << (i & 7);
        else bits[i >> 3] &= ~(1 << (i & 7));
      }
    }
    return boolColumn(bits, n);
  }
  if (d === 'date' || d === 'datetime') {
    if (!(value instanceof Date)) throw bad();
    const ms = c.toFloat64().slice();
    const v = value.getTime();
    for (let i = 0; i < n; i++) if (isMiss(i)) ms[i] = v;
    return fromEpochMs(ms, d);
  }
  if (typeof value !== 'number' && typeof value !== 'bigint' && typeof value !== 'boolean') throw bad();
  const num = Number(value);
  if (isIntegerDtype(d) && !Number.isInteger(num)) {
    return fillColumn(astypeColumn(c, 'float64', name), value, name);
  }
  const src = c.values;
  if (src instanceof BigInt64Array || src instanceof BigUint64Array) {
    const out = src.slice();
    const big = BigInt(value as number | bigint);
    for (let i = 0; i < n; i++) if (isMiss(i)) out[i] = big;
    return fromTyped(out, null, d);
  }
  const out = (src as Float64Array).slice();
  for (let i = 0; i < n; i++) if (isMiss(i)) out[i] = num;
  return fromTyped(out, null, d);
}

/**
 * The rows that are not missing.
 * @example
 * dropnaSeries(new Series([1, null, 3])).toArray() // [1, 3]
 */
export function dropnaSeries(s: Series): Series {
  if (!hasMissing(s.column)) return s;
  const n = s.length;
  const miss = missingBits(s.column);
  const keep = new Uint8Array(n);
  let c = 0;
  for (let i = 0; i < n; i++) {
    keep[i] = ((miss[i >> 3] >> (i & 7)) & 1) ^ 1;
    c += keep[i];
  }
  const idx = new Int32Array(c);
  for (let i = 0, j = 0; i < n; i++) if (keep[i]) idx[j++] = i;
  return new Series(filterColumn(s.column, keep), { index: s.index.take(idx), name: s.name });
}

/**
 * Source row for each row when filling forward (dir 1) or backward (dir -1); -1 where none.
 * @example
 * fillSources(fromValues([1, null, 3]), 1, Infinity) // Int32Array [0, 0, 2]
 */
export function fillSources(c: Column, dir: 1 | -1, limit: number): Int32Array {
  const n = c.length;
  const miss = missingBits(c);
  const idx = alloc(Int32Array, n);
  let last = -1;
  let run = 0;
  for (let k = 0; k < n; k++) {
    const i = dir === 1 ? k : n - 1 - k;
    if (((miss[i >> 3] >> (i & 7)) & 1) === 0) {
      last = i;
      run = 0;
      idx[i] = i;
    } else {
      run++;
      idx[i] = last >= 0 && run <= limit ? last : -1;
    }
  }
  return idx;
}

function fillDirection(s: Series, dir: 1 | -1, limit?: number): Series {
  if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) throw new TypeError_(`limit must be a positive integer, got ${limit}`);
  if (!hasMissing(s.column)) return s;
  const idx = fillSources(s.column, dir, limit ?? Infinity);
  return s.withColumn(take(s.column, idx));
}

/**
 * Missing values replaced by the last valid value above (at most `limit` in a row).
 * @example
 * ffillSeries(new Series([1, null, null, 4]), { limit: 1 }).toArray() // [1, 1, null, 4]
 */
export function ffillSeries(s: Series, opts: { limit?: number } = {}): Series {
  return fillDirection(s, 1, opts.limit);
}

/**
 * Missing values replaced by the next valid value below (at most `limit` in a row).
 * @example
 * bfillSeries(new Series([null, null, 3])).toArray() // [3, 3, 3]
 */
export function bfillSeries(s: Series, opts: { limit?: number } = {}): Series {
  return fillDirection(s, -1, opts.limit);
}
