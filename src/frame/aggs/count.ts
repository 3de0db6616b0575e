/**
 * count: the number of non-missing values per group (nulls and float NaN are missing). Any dtype.
 * @module
 */
import type { Column } from '../column.js';
import { isFloatDtype } from '../dtypes.js';
import { baseState, int64Result, mergeBase, noteDtype, type AggState } from './state.js';

/** State of count and size: one counter per group. */
export interface CountState extends AggState {
  count: Float64Array;
}

/** Adds one per row into its group (codes -1 skipped; null codes = group 0). */
export function countRows(count: Float64Array, codes: Int32Array | null, n: number): void {
  if (codes === null) {
    count[0] += n;
    return;
  }
  for (let i = 0; i < n; i++) {
    const g = codes[i];
    if (g >= 0) count[g]++;
  }
}

/**
 * The `count` aggregation.
 * @example
 * const st = count.init(1); count.update(st, fromValues([1, null, 3]), null, 1); count.value(st).toArray() // [2]
 */
export const count = {
  name: 'count',
  input: 'any' as const,
  init(ngroups: number): CountState {
    return { ...baseState(ngroups), count: new Float64Array(ngroups) };
  },
  update(st: CountState, col: Column, codes: Int32Array | null): void {
    noteDtype(st, col);
    const n = col.length;
    const c = st.count;
    if (isFloatDtype(col.dtype) || (col.validity !== null && col.dtype !== 'string' && col.dtype !== 'bool')) {
      const x = col.toFloat64();
      for (let i = 0; i < n; i++) {
        const g = codes === null ? 0 : codes[i];
        const v = x[i];
        if (g >= 0 && v === v) c[g]++;
      }
      return;
    }
    const valid = col.validity;
    if (valid === null) {
      countRows(c, codes, n);
      return;
    }
    for (let i = 0; i < n; i++) {
      const g = codes === null ? 0 : codes[i];
      if (g >= 0 && ((valid[i >> 3] >> (i & 7)) & 1) === 1) c[g]++;
    }
  },
  merge(into: CountState, from: CountState): void {
    mergeBase(into, from);
    for (let g = 0; g < into.ngroups; g++) into.count[g] += from.count[g];
  },
  value(st: CountState): Column {
    return int64Result(Float64Array.from(st.count));
  },
};
