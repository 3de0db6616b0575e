/**
 * quantile (and median): keeps the non-missing values with their group (a mergeable list), and at
 * `value` time sorts each group's values once (counting sort by group, then a typed-array sort per
 * group) and interpolates linearly between the two nearest ranks, as pandas' default.
 * @module
 */
import type { Column } from '../column.js';
import { ValueError } from '../../errors.js';
import { applySkipna, baseState, floatResult, mergeBase, noteDtype, numericValues, type AggState, type ValueOptions } from './state.js';
import { reserveValues, type ValueBuffer } from './value-buffer.js';

/** State of quantile/median: the values seen and their groups (the first `n` slots are used). */
export interface QuantileState extends AggState, ValueBuffer {}

function init(ngroups: number): QuantileState {
  return { ...baseState(ngroups), vals: new Float64Array(0), groups: new Int32Array(0), n: 0 };
}

function update(st: QuantileState, col: Column, codes: Int32Array | null): void {
  noteDtype(st, col);
  const x = numericValues(col, 'quantile');
  const len = x.length;
  reserveValues(st, len);
  const vals = st.vals;
  const groups = st.groups;
  let k = st.n;
  for (let i = 0; i < len; i++) {
    const g = codes === null ? 0 : codes[i];
    const v = x[i];
    if (g < 0 || v !== v) continue;
    vals[k] = v;
    groups[k] = g;
    k++;
  }
  st.n = k;
}

function merge(into: QuantileState, from: QuantileState): void {
  mergeBase(into, from);
  reserveValues(into, from.n);
  into.vals.set(from.vals.subarray(0, from.n), into.n);
  into.groups.set(from.groups.subarray(0, from.n), into.n);
  into.n += from.n;
}

/** Each group's values sorted, laid out group after group: `offsets[g]..offsets[g+1]`. */
export function sortedByGroup(st: { ngroups: number; vals: Float64Array; groups: Int32Array; n: number }): { sorted: Float64Array; offsets: Int32Array } {
  const ng = st.ngroups;
  const offsets = new Int32Array(ng + 1);
  for (let i = 0; i < st.n; i++) offsets[st.groups[i] + 1]++;
  for (let g = 0; g < ng; g++) offsets[g + 1] += offsets[g];
  const fill = offsets.slice(0, ng);
  const sorted = new Float64Array(st.n);
  for (let i = 0; i < st.n; i++) sorted[fill[st.groups[i]]++] = st.vals[i];
  for (let g = 0; g < ng; g++) if (offsets[g + 1] - offsets[g] > 1) sorted.subarray(offsets[g], offsets[g + 1]).sort();
  return { sorted, offsets };
}

/** The q-quantile of sorted values a[lo, hi) with linear interpolation (NaN when empty). */
export function interpolate(a: Float64Array, lo: number, hi: number, q: number): number {
  const m = hi - lo;
  if (m === 0) return NaN;
  const pos = q * (m - 1);
  const i = Math.floor(pos);
  const t = pos - i;
  const x = a[lo + i];
  if (t === 0) return x;
  const y = a[lo + i + 1];
  // numpy's lerp: the form that is exact at both ends.
  return t < 0.5 ? x + (y - x) * t : y - (y - x) * (1 - t);
}

/** Quantiles of every group for one q. */
export function groupQuantiles(st: QuantileState, q: number, opts?: ValueOptions): Float64Array {
  if (!(q >= 0 && q <= 1)) throw new ValueError(`quantile q must be between 0 and 1, got ${q}`);
  const { sorted, offsets } = sortedByGroup(st);
  const out = new Float64Array(st.ngroups);
  for (let g = 0; g < st.ngroups; g++) out[g] = interpolate(sorted, offsets[g], offsets[g + 1], q);
  applySkipna(out, st, opts);
  return out;
}

/**
 * The `quantile` aggregation (`opts.q`, default 0.5; linear interpolation).
 * @example
 * const st = quantile.init(1); quantile.update(st, fromValues([1, 2, 3, 4]), null, 1); quantile.value(st, { q: 0.25 }) // [1.75]
 */
export const quantile = {
  name: 'quantile',
  input: 'numeric' as const,
  init,
  update,
  merge,
  value(st: QuantileState, opts?: ValueOptions): Column {
    return floatResult(groupQuantiles(st, opts?.q ?? 0.5, opts));
  },
};
