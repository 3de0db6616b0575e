/**
 * Grouped reductions along one axis in a single pass: every slab along the axis is scattered into the
 * accumulators of its group (count, sum / Welford mean and M2, min, max), as DESIGN.md's groupby does.
 * @module
 */
import { NDArray } from './ndarray.js';
import { isBig } from './dtype.js';
import type { ReduceOp, ReduceOptions } from './reduce.js';
import { slabSum } from './slab-sum.js';

/**
 * Reduces `a` along `axis` into `ngroups` groups given a group code per position (-1 skips it).
 * The result has the group axis where `axis` was; `out64` keeps float32 input's result in float64.
 * @example
 * groupReduceAxis(NDArray.from([[1, 2], [3, 4], [5, 6]]), 0, Int32Array.of(0, 1, 0), 2, 'sum').toArray() // [[6, 8], [3, 4]]
 */
export function groupReduceAxis(a0: NDArray, axis: number, codes: Int32Array, ngroups: number, op: ReduceOp, opts: ReduceOptions = {}, out64 = false): NDArray {
  const a = (isBig(a0.dtype) ? new NDArray(a0.toFloat64(), a0.shape) : a0).contiguous();
  if (op === 'sum' || op === 'mean' || op === 'count') {
    const fast = slabSum(a, axis, codes, ngroups, op, out64);
    if (fast) return fast;
  }
  const x = a.data as Float64Array;
  const shape = a.shape;
  const n = shape[axis];
  const outer = shape.slice(0, axis).reduce((p, q) => p * q, 1);
  const inner = shape.slice(axis + 1).reduce((p, q) => p * q, 1);
  const m = outer * ngroups * inner;
  const skipna = opts.skipna ?? true;
  const ddof = opts.ddof ?? 0;
  const cnt = new Float64Array(m);
  const acc = new Float64Array(m);
  const isMin = op === 'min';
  const minmax = op === 'min' || op === 'max';
  const welford = op === 'var' || op === 'std';
  const mean = welford ? new Float64Array(m) : acc;
  const nan = new Uint8Array(m);
  const full = new Float64Array(outer * ngroups);
  if (minmax) acc.fill(isMin ? Infinity : -Infinity);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < n; i++) {
      const g = codes[i];
      if (g < 0) continue;
      const pin = (o * n + i) * inner;
      const pout = (o * ngroups + g) * inner;
      if (op === 'sum' || op === 'mean' || op === 'count') {
        // a slab without NaN adds to the sums only, and once to its group's slab count
        let clean = true;
        for (let j = 0; j < inner; j++) if (x[pin + j] !== x[pin + j]) { clean = false; break; }
        if (clean) {
          for (let j = 0; j < inner; j++) acc[pout + j] += x[pin + j];
          full[o * ngroups + g]++;
        } else {
          for (let j = 0; j < inner; j++) {
            const v = x[pin + j];
            if (v === v) { acc[pout + j] += v; cnt[pout + j]++; } else nan[pout + j] = 1;
          }
        }
      } else if (minmax) {
        for (let j = 0; j < inner; j++) {
          const v = x[pin + j];
          const q = pout + j;
          if (v !== v) { nan[q] = 1; continue; }
          cnt[q]++;
          if (isMin ? v < acc[q] : v > acc[q]) acc[q] = v;
        }
      } else {
        for (let j = 0; j < inner; j++) {
          const v = x[pin + j];
          const q = pout + j;
          if (v !== v) { nan[q] = 1; continue; }
          const c = ++cnt[q];
          const d = v - mean[q];
          mean[q] += d / c;
          acc[q] += d * (v - mean[q]);
        }
      }
    }
  }
  for (let k = 0; k < outer * ngroups; k++) {
    const f = full[k];
    if (f) for (let j = k * inner, e = j + inner; j < e; j++) cnt[j] += f;
  }
  const out = new Float64Array(m);
  for (let q = 0; q < m; q++) {
    const bad = !skipna && nan[q] === 1;
    if (op === 'count') out[q] = cnt[q];
    else if (op === 'sum') out[q] = bad ? NaN : acc[q];
    else if (op === 'mean' || minmax) out[q] = bad || cnt[q] === 0 ? NaN : op === 'mean' ? acc[q] / cnt[q] : acc[q];
    else {
      const v = bad || cnt[q] - ddof <= 0 ? NaN : acc[q] / (cnt[q] - ddof);
      out[q] = op === 'std' ? Math.sqrt(v) : v;
    }
  }
  const outShape = [...shape.slice(0, axis), ngroups, ...shape.slice(axis + 1)];
  if (op !== 'count' && a.dtype === 'float32' && !out64) return new NDArray(new Float32Array(out), outShape);
  return new NDArray(out, outShape, { dtype: op !== 'count' && a.dtype === 'datetime' && (minmax || op === 'mean') ? 'datetime' : 'float64' });
}
