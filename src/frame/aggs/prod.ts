/**
 * prod: the product per group (1 for an empty or all-missing group, as pandas). Integer and bool
 * input give int64 when every product is a safe integer.
 * @module
 */
import type { Column } from '../column.js';
import { integralSum } from './sum.js';
import { applySkipna, baseState, floatResult, int64Result, mergeBase, noteDtype, numericValues, type AggState, type ValueOptions } from './state.js';

/** State of prod: running products. */
export interface ProdState extends AggState {
  prod: Float64Array;
}

/**
 * The `prod` aggregation.
 * @example
 * const st = prod.init(1); prod.update(st, fromValues([2, 3]), null, 1); prod.value(st) // [6]
 */
export const prod = {
  name: 'prod',
  input: 'numeric' as const,
  init(ngroups: number): ProdState {
    return { ...baseState(ngroups), prod: new Float64Array(ngroups).fill(1) };
  },
  update(st: ProdState, col: Column, codes: Int32Array | null): void {
    noteDtype(st, col);
    const x = numericValues(col, 'prod');
    const p = st.prod;
    const n = x.length;
    if (codes === null) {
      let acc = p[0];
      for (let i = 0; i < n; i++) {
        const v = x[i];
        if (v === v) acc *= v;
      }
      p[0] = acc;
      return;
    }
    for (let i = 0; i < n; i++) {
      const g = codes[i];
      const v = x[i];
      if (g >= 0 && v === v) p[g] *= v;
    }
  },
  merge(into: ProdState, from: ProdState): void {
    mergeBase(into, from);
    for (let g = 0; g < into.ngroups; g++) into.prod[g] *= from.prod[g];
  },
  value(st: ProdState, opts?: ValueOptions): Column {
    const out = Float64Array.from(st.prod);
    applySkipna(out, st, opts);
    if (integralSum(st) && out.every((v) => Number.isSafeInteger(v))) return int64Result(out);
    return floatResult(out);
  },
};
