/**
 * size: the number of rows per group, missing values included. Any dtype.
 * @module
 */
import type { Column } from '../column.js';
import { countRows, type CountState } from './count.js';
import { baseState, int64Result, mergeBase, noteDtype } from './state.js';

/**
 * The `size` aggregation.
 * @example
 * const st = size.init(1); size.update(st, fromValues([1, null, 3]), null, 1); size.value(st).toArray() // [3]
 */
export const size = {
  name: 'size',
  input: 'any' as const,
  init(ngroups: number): CountState {
    return { ...baseState(ngroups), count: new Float64Array(ngroups) };
  },
  update(st: CountState, col: Column, codes: Int32Array | null): void {
    noteDtype(st, col);
    countRows(st.count, codes, col.length);
  },
  merge(into: CountState, from: CountState): void {
    mergeBase(into, from);
    for (let g = 0; g < into.ngroups; g++) into.count[g] += from.count[g];
  },
  value(st: CountState): Column {
    return int64Result(Float64Array.from(st.count));
  },
};
