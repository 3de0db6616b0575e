/**
 * mean: Kahan-compensated sum and count per group (as pandas' grouped mean); pairwise over a whole
 * column. The mean of an empty or all-missing group is NaN.
 * @module
 */
import type { Column } from '../column.js';
import { kahanAdd, kahanScatter, wholeSum } from './kahan.js';
import { applySkipna, baseState, floatResult, mergeBase, noteDtype, numericValues, type AggState, type ValueOptions } from './state.js';

/** State of mean: compensated sums and counts of non-missing values. */
export interface MeanState extends AggState {
  sum: Float64Array;
  comp: Float64Array;
  count: Float64Array;
}

/**
 * The `mean` aggregation.
 * @example
 * const st = mean.init(2); mean.update(st, fromValues([1, 2, 3]), Int32Array.of(0, 1, 1), 2); mean.value(st) // [1, 2.5]
 */
export const mean = {
  name: 'mean',
  input: 'numeric' as const,
  init(ngroups: number): MeanState {
    return { ...baseState(ngroups), sum: new Float64Array(ngroups), comp: new Float64Array(ngroups), count: new Float64Array(ngroups) };
  },
  update(st: MeanState, col: Column, codes: Int32Array | null): void {
    noteDtype(st, col);
    const x = numericValues(col, 'mean');
    if (codes === null) wholeSum(x, st.sum, st.comp, st.count);
    else kahanScatter(x, codes, st.sum, st.comp, st.count);
  },
  merge(into: MeanState, from: MeanState): void {
    mergeBase(into, from);
    for (let g = 0; g < into.ngroups; g++) {
      kahanAdd(into.sum, into.comp, g, from.sum[g] - from.comp[g]);
      into.count[g] += from.count[g];
    }
  },
  value(st: MeanState, opts?: ValueOptions): Column {
    const n = st.ngroups;
    const out = new Float64Array(n);
    for (let g = 0; g < n; g++) out[g] = st.count[g] > 0 ? st.sum[g] / st.count[g] : NaN;
    applySkipna(out, st, opts);
    return floatResult(out);
  },
};
