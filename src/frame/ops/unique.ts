/**
 * Distinct values: `unique` (order of appearance, missing included once), `valueCounts` (as pandas:
 * most frequent first, ties in order of first appearance; named 'count' or 'proportion', the index
 * named after the Series) and `nunique`. Strings are factorized through dictionary codes; numbers,
 * bools and dates through a hash map over their float64 view (int64 beyond 2^53 compare as float64).
 * @module
 */
import { take } from '../column-take.js';
import { fromTyped } from '../column-build.js';
import { alloc } from '../alloc.js';
import { float64ToInt64, type Scalar } from '../dtypes.js';
import { Index } from '../label-index.js';
import { Series } from '../series.js';
import type { Column } from '../column.js';

/** Dense codes in order of first appearance; `missing` is the code of missing rows (-1 if none). */
interface Factorized {
  codes: Int32Array;
  /** Row of the first appearance of each code. */
  first: Int32Array;
  missing: number;
}

/**
 * Factorizes a column in order of first appearance (missing rows, null or NaN, get one shared code).
 * @example
 * factorizeInOrder(fromValues(['b', 'a', 'b'])).codes // Int32Array [0, 1, 0]
 */
export function factorizeInOrder(c: Column): Factorized {
  const n = c.length;
  const codes = alloc(Int32Array, n);
  const first: number[] = [];
  let missing = -1;
  if (c.dtype === 'string') {
    const { codes: dc, dictionary } = c.dictionaryCodes();
    const remap = new Int32Array(dictionary.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const k = dc[i];
      if (k < 0) {
        if (missing < 0) { missing = first.length; first.push(i); }
        codes[i] = missing;
      } else {
        if (remap[k] < 0) { remap[k] = first.length; first.push(i); }
        codes[i] = remap[k];
      }
    }
  } else {
    const x = c.toFloat64();
    const map = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (v !== v) {
        if (missing < 0) { missing = first.length; first.push(i); }
        codes[i] = missing;
        continue;
      }
      let k = map.get(v);
      if (k === undefined) {
        k = first.length;
        map.set(v, k);
        first.push(i);
      }
      codes[i] = k;
    }
  }
  return { codes, first: Int32Array.from(first), missing };
}

/**
 * Distinct values in order of appearance (a missing value appears once, as pandas).
 * @example
 * uniqueValues(new Series([2, 1, 2, null])) // [2, 1, null]
 */
export function uniqueValues(s: Series): Scalar[] {
  const { first } = factorizeInOrder(s.column);
  return take(s.column, first).toArray();
}

/**
 * Number of distinct values (missing ones not counted unless `dropna: false`).
 * @example
 * nunique(new Series(['a', 'b', 'a', null])) // 2
 */
export function nunique(s: Series, opts: { dropna?: boolean } = {}): number {
  const { first, missing } = factorizeInOrder(s.column);
  return first.length - (missing >= 0 && (opts.dropna ?? true) ? 1 : 0);
}

/**
 * How often each value occurs, most frequent first (ties in order of first appearance).
 * @example
 * valueCounts(new Series(['b', 'a', 'b'], { name: 'k' })) // index ['b', 'a'] named 'k', values [2, 1], name 'count'
 */
export function valueCounts(s: Series, opts: { normalize?: boolean; dropna?: boolean; sort?: boolean; ascending?: boolean } = {}): Series {
  const { codes, first, missing } = factorizeInOrder(s.column);
  const k = first.length;
  const counts = new Float64Array(k);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  let order: number[] = [];
  for (let g = 0; g < k; g++) if (g !== missing || opts.dropna === false) order.push(g);
  if (opts.sort ?? true) {
    const sign = opts.ascending ? 1 : -1;
    order = order.sort((a, b) => sign * (counts[a] - counts[b]) || a - b);
  }
  const m = order.length;
  const rows = Int32Array.from(order, (g) => first[g]);
  const index = new Index(take(s.column, rows), { name: s.name });
  if (opts.normalize) {
    let total = 0;
    for (const g of order) total += counts[g];
    const out = alloc(Float64Array, m);
    for (let j = 0; j < m; j++) out[j] = counts[order[j]] / total;
    return new Series(fromTyped(out, null, 'float64'), { index, name: 'proportion' });
  }
  const out = alloc(Float64Array, m);
  for (let j = 0; j < m; j++) out[j] = counts[order[j]];
  return new Series(fromTyped(float64ToInt64(out, alloc(BigInt64Array, m)), null, 'int64'), { index, name: 'count' });
}
