/**
 * var and std: Welford's online update per group (count, mean, M2), Chan et al.'s pairwise merge of
 * partial states. `ddof` (default 1, as pandas) is applied in `value`; a group with count <= ddof is NaN.
 * @module
 */
import type { Column } from '../column.js';
import { applySkipna, baseState, floatResult, mergeBase, noteDtype, numericValues, type AggState, type ValueOptions } from './state.js';

/** State of var/std: count, running mean and sum of squared deviations (M2) per group. */
export interface VarState extends AggState {
  count: Float64Array;
  mean: Float64Array;
  m2: Float64Array;
}

function init(ngroups: number): VarState {
  return { ...baseState(ngroups), count: new Float64Array(ngroups), mean: new Float64Array(ngroups), m2: new Float64Array(ngroups) };
}

function update(st: VarState, col: Column, codes: Int32Array | null): void {
  noteDtype(st, col);
  const x = numericValues(col, 'var');
  const { count, mean, m2 } = st;
  const n = x.length;
  if (codes === null) {
    let c = count[0];
    let m = mean[0];
    let s = m2[0];
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (v !== v) continue;
      c++;
      const d = v - m;
      m += d / c;
      s += d * (v - m);
    }
    count[0] = c;
    mean[0] = m;
    m2[0] = s;
    return;
  }
  for (let i = 0; i < n; i++) {
    const g = codes[i];
    const v = x[i];
    if (g < 0 || v !== v) continue;
    const c = count[g] + 1;
    count[g] = c;
    const m = mean[g];
    const d = v - m;
    const m1 = m + d / c;
    mean[g] = m1;
    m2[g] += d * (v - m1);
  }
}

function merge(into: VarState, from: VarState): void {
  mergeBase(into, from);
  for (let g = 0; g < into.ngroups; g++) {
    const nb = from.count[g];
    if (nb === 0) continue;
    const na = into.count[g];
    const n = na + nb;
    const d = from.mean[g] - into.mean[g];
    into.m2[g] += from.m2[g] + (d * d * na * nb) / n;
    into.mean[g] += (d * nb) / n;
    into.count[g] = n;
  }
}

function varianceOf(st: VarState, opts: ValueOptions | undefined): Float64Array {
  const ddof = opts?.ddof ?? 1;
  const out = new Float64Array(st.ngroups);
  for (let g = 0; g < st.ngroups; g++) {
    const c = st.count[g];
    out[g] = c > ddof ? Math.max(0, st.m2[g]) / (c - ddof) : NaN;
  }
  applySkipna(out, st, opts);
  return out;
}

/**
 * The `var` aggregation (sample variance, ddof 1).
 * @example
 * const st = variance.init(1); variance.update(st, fromValues([1, 2, 3, 4]), null, 1); variance.value(st) // [1.6666666666666667]
 */
export const variance = {
  name: 'var',
  input: 'numeric' as const,
  init,
  update,
  merge,
  value(st: VarState, opts?: ValueOptions): Column {
    return floatResult(varianceOf(st, opts));
  },
};

/**
 * The `std` aggregation (sample standard deviation, ddof 1).
 * @example
 * const st = std.init(1); std.update(st, fromValues([1, 2, 3, 4]), null, 1); std.value(st) // [1.2909944487358056]
 */
export const std = {
  name: 'std',
  input: 'numeric' as const,
  init,
  update,
  merge,
  value(st: VarState, opts?: ValueOptions): Column {
    const v = varianceOf(st, opts);
    for (let g = 0; g < v.length; g++) v[g] = Math.sqrt(v[g]);
    return floatResult(v);
  },
};
