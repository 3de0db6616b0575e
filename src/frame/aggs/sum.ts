/**
 * sum: blocked per group (plain sums within a block of rows, Kahan-compensated across blocks; see
 * kahan.ts), pairwise over a whole column (numpy's sum).
 * The sum of an empty or all-missing group is 0, as pandas. Integer and bool input give int64 (sums
 * are accumulated in float64, so they are exact while they stay below 2^53).
 * @module
 */
import type { Column } from '../column.js';
import { isIntegerDtype } from '../dtypes.js';
import { kahanAdd, kahanScatter, wholeSum } from './kahan.js';
import { applySkipna, baseState, floatResult, int64Result, mergeBase, noteDtype, numericValues, type AggState, type ValueOptions } from './state.js';

/** State of sum: `acc` interleaves [sum, compensation] per group (stride 2). */
export interface SumState extends AggState {
  acc: Float64Array;
}

/** True when sums of this dtype are integers (pandas keeps int64 for int and bool sums). */
export function integralSum(st: AggState): boolean {
  return st.dtype !== null && (isIntegerDtype(st.dtype) || st.dtype === 'bool');
}

/**
 * The sums of an interleaved compensated accumulator (stride `stride`) as a result column; used by
 * sum, and by groupby to read sums off a mean state without a second pass.
 */
export function sumValue(st: AggState & { acc: Float64Array }, stride: number, opts?: ValueOptions): Column {
  const out = new Float64Array(st.ngroups);
  for (let g = 0; g < st.ngroups; g++) out[g] = st.acc[g * stride];
  applySkipna(out, st, opts);
  if (integralSum(st) && !out.some((v) => v !== v)) return int64Result(out);
  return floatResult(out);
}

/**
 * The `sum` aggregation.
 * @example
 * const st = sum.init(2); sum.update(st, fromValues([1, 2, 3]), Int32Array.of(0, 1, 0), 2); sum.value(st) // [4, 2]
 */
export const sum = {
  name: 'sum',
  input: 'numeric' as const,
  init(ngroups: number): SumState {
    return { ...baseState(ngroups), acc: new Float64Array(ngroups * 2) };
  },
  update(st: SumState, col: Column, codes: Int32Array | null): void {
    noteDtype(st, col);
    const x = numericValues(col, 'sum');
    if (codes === null) wholeSum(x, st.acc, false);
    else kahanScatter(x, codes, st.acc, 2, false);
  },
  merge(into: SumState, from: SumState): void {
    mergeBase(into, from);
    for (let g = 0; g < into.ngroups; g++) kahanAdd(into.acc, 2 * g, from.acc[2 * g] - from.acc[2 * g + 1]);
  },
  value(st: SumState, opts?: ValueOptions): Column {
    return sumValue(st, 2, opts);
  },
};
