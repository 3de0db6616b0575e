/**
 * mean: blocked compensated sum and count per group (kahan.ts); pairwise over a whole
 * column. The mean of an empty or all-missing group is NaN. The same state also yields the sum and
 * the count (`meanStateSum`, `meanStateCount`), so `agg(['mean', 'sum', 'count'])` reads the column once.
 * @module
 */
import type { Column } from '../column.js';
import { kahanAdd, kahanScatter, wholeSum } from './kahan.js';
import { sumValue } from './sum.js';
import { applySkipna, baseState, floatResult, int64Result, mergeBase, noteDtype, numericValues, type AggState, type ValueOptions } from './state.js';

/** Accumulator slots per group: sum, compensation, count, padding (two groups per cache line). */
const STRIDE = 4;

/** Where a mean state keeps group g's count of summed values: `acc[g * MEAN_COUNT_STRIDE + MEAN_COUNT_OFFSET]`. */
export const MEAN_COUNT_STRIDE = STRIDE;
/** See MEAN_COUNT_STRIDE. */
export const MEAN_COUNT_OFFSET = 2;

/** State of mean: `acc` interleaves [sum, compensation, count, unused] per group (stride 4). */
export interface MeanState extends AggState {
  acc: Float64Array;
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
    return { ...baseState(ngroups), acc: new Float64Array(ngroups * STRIDE) };
  },
  update(st: MeanState, col: Column, codes: Int32Array | null): void {
    meanUpdate(st, col, codes, false);
  },
  merge(into: MeanState, from: MeanState): void {
    mergeBase(into, from);
    const a = into.acc;
    const b = from.acc;
    for (let o = 0; o < a.length; o += STRIDE) {
      kahanAdd(a, o, b[o] - b[o + 1]);
      a[o + 2] += b[o + 2];
    }
  },
  value(st: MeanState, opts?: ValueOptions): Column {
    const n = st.ngroups;
    const a = st.acc;
    const out = new Float64Array(n);
    for (let g = 0; g < n; g++) {
      const c = a[g * STRIDE + 2];
      out[g] = c > 0 ? a[g * STRIDE] / c : NaN;
    }
    applySkipna(out, st, opts);
    return floatResult(out);
  },
};

/**
 * `mean.update`, told whether the codes are known to hold no -1 (a faster first kernel).
 * @example
 * meanUpdate(st, col, codes, true) // codes from an int key checked >= 0
 */
export function meanUpdate(st: MeanState, col: Column, codes: Int32Array | null, nonNegative: boolean): void {
  noteDtype(st, col);
  const x = numericValues(col, 'mean');
  if (codes === null) wholeSum(x, st.acc, true);
  else kahanScatter(x, codes, st.acc, STRIDE, true, nonNegative);
}

/** The per-group sums held by a mean state (what `sum` would give), without another pass. */
export function meanStateSum(st: MeanState, opts?: ValueOptions): Column {
  return sumValue(st, STRIDE, opts);
}

/** The per-group counts of non-missing values held by a mean state (what `count` would give). */
export function meanStateCount(st: MeanState): Column {
  const out = new Float64Array(st.ngroups);
  for (let g = 0; g < st.ngroups; g++) out[g] = st.acc[g * STRIDE + 2];
  return int64Result(out);
}
