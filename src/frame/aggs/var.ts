/**
 * var and std: Welford's online update per group (count, mean, M2), Chan et al.'s pairwise merge of
 * partial states. `ddof` (default 1, as pandas) is applied in `value`; a group with count <= ddof is NaN.
 * @module
 */
import type { Column } from '../column.js';
import { deviationsChecked, deviationsFast } from './scatter-kernels.js';
import { applySkipna, baseState, floatResult, mergeBase, noteDtype, numericValues, type AggState, type ValueOptions } from './state.js';

/** Slots per group in `acc`: count, running mean, M2, padding (two groups per cache line). */
const STRIDE = 4;

/**
 * State of var/std: per group, count, running mean and sum of squared deviations (M2), interleaved
 * in `acc` at g*4, g*4+1, g*4+2 (one cache line per group update instead of three).
 */
export interface VarState extends AggState {
  acc: Float64Array;
}

function init(ngroups: number): VarState {
  return { ...baseState(ngroups), acc: new Float64Array(ngroups * STRIDE) };
}

function update(st: VarState, col: Column, codes: Int32Array | null): void {
  noteDtype(st, col);
  const x = numericValues(col, 'var');
  const s = st.acc;
  const n = x.length;
  if (codes === null) {
    let c = s[0];
    let m = s[1];
    let q = s[2];
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (v !== v) continue;
      c++;
      const d = v - m;
      m += d / c;
      q += d * (v - m);
    }
    s[0] = c;
    s[1] = m;
    s[2] = q;
    return;
  }
  for (let start = 0; start < n; start += BLOCK) welfordBlock(x, codes, s, start, Math.min(n, start + BLOCK));
}

/** Rows per `welfordBlock` call (a small function called many times is optimized early by V8). */
const BLOCK = 1 << 16;

/** Welford's update of rows [start, end) into the interleaved per-group state `s`. */
function welfordBlock(x: Float64Array, codes: Int32Array, s: Float64Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const g = codes[i];
    const v = x[i];
    if (g < 0 || v !== v) continue;
    const o = g << 2;
    const c = s[o] + 1;
    s[o] = c;
    const m = s[o + 1];
    const d = v - m;
    const m1 = m + d / c;
    s[o + 1] = m1;
    s[o + 2] += d * (v - m1);
  }
}

/**
 * A var/std state from known group sums and counts (a mean state's `acc`: sum at g*stride, count
 * at g*stride+2) and ONE pass summing squared deviations from the group means: the two-pass
 * algorithm, without Welford's division per row and at least as accurate.
 * @example
 * const m = mean.init(2); mean.update(m, col, codes);
 * std.value(varianceFromSums(m.acc, 4, col, codes)) // as std.update over the same rows
 */
export function varianceFromSums(sums: Float64Array, stride: number, col: Column, codes: Int32Array): VarState {
  const ngroups = Math.floor(sums.length / stride);
  const st = init(ngroups);
  noteDtype(st, col);
  const x = numericValues(col, 'var');
  const s = st.acc;
  // Per group: [mean, M2] interleaved, so a row touches one cache line; one spare slot past the
  // groups takes the rows of code -1.
  const mm = new Float64Array((ngroups + 1) * 2);
  let counted = 0;
  for (let g = 0; g < ngroups; g++) {
    const c = sums[g * stride + 2];
    counted += c;
    mm[2 * g] = c > 0 ? sums[g * stride] / c : 0;
    s[g * STRIDE] = c;
    s[g * STRIDE + 1] = mm[2 * g];
  }
  const n = x.length;
  // Every row counted: no code -1 and no NaN value, so the kernel that tests nothing applies.
  const clean = counted === n;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    if (clean) deviationsFast(x, codes, mm, start, end);
    else deviationsChecked(x, codes, mm, ngroups, start, end);
  }
  for (let g = 0; g < ngroups; g++) s[g * STRIDE + 2] = mm[2 * g + 1];
  return st;
}

function merge(into: VarState, from: VarState): void {
  mergeBase(into, from);
  const a = into.acc;
  const b = from.acc;
  for (let o = 0; o < a.length; o += STRIDE) {
    const nb = b[o];
    if (nb === 0) continue;
    const na = a[o];
    const n = na + nb;
    const d = b[o + 1] - a[o + 1];
    a[o + 2] += b[o + 2] + (d * d * na * nb) / n;
    a[o + 1] += (d * nb) / n;
    a[o] = n;
  }
}

function varianceOf(st: VarState, opts: ValueOptions | undefined): Float64Array {
  const ddof = opts?.ddof ?? 1;
  const out = new Float64Array(st.ngroups);
  const a = st.acc;
  for (let g = 0; g < st.ngroups; g++) {
    const c = a[g * STRIDE];
    out[g] = c > ddof ? Math.max(0, a[g * STRIDE + 2]) / (c - ddof) : NaN;
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
