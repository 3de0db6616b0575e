/**
 * Reductions over axes in one strided pass: sum, mean, count, min, max, var, std, with NaN skipping.
 * Accumulation is in float64 (Welford for var/std); float32 input gives float32 results, as numpy.
 * @module
 */
import { TypeError_, ValueError } from '../errors.js';
import { NDArray } from './ndarray.js';
import { isBig } from './dtype.js';
import { cStrides, forEachRow, sizeOf } from './strided.js';
import { groupReduceAxis } from './group-reduce.js';

/** Reductions computed in one pass. */
export type ReduceOp = 'sum' | 'mean' | 'count' | 'min' | 'max' | 'var' | 'std';

/** Options of reductions: `skipna` (default true) skips NaN; `ddof` (default 0, as numpy/xarray) for var/std. */
export interface ReduceOptions {
  skipna?: boolean;
  ddof?: number;
}

/**
 * Normalises `axes` (a number, a list, or undefined for all) against `ndim`.
 * @example
 * normalizeAxes(-1, 3) // [2]
 */
export function normalizeAxes(axes: number | readonly number[] | undefined, ndim: number): number[] {
  if (axes === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axes === 'number' ? [axes] : [...axes];
  const out = list.map((ax) => {
    const a = ax < 0 ? ax + ndim : ax;
    if (!(Number.isInteger(a) && a >= 0 && a < ndim)) throw new ValueError(`axis ${ax} is out of bounds for an array of ${ndim} dimensions`);
    return a;
  });
  if (new Set(out).size !== out.length) throw new ValueError(`duplicate axis in [${list.join(', ')}]`);
  return out;
}

/** Adds one row into the sum/count accumulators (a top-level function so V8 keeps everything in registers). */
function sumRow(x: Float64Array, acc: Float64Array, cnt: Float64Array, fullRows: Int32Array, p: number, q: number, n: number, sa: number, so: number, skipna: boolean): void {
  if (skipna && sa === 1 && so === 1) {
    // a row without NaN adds 1 to every count it covers: record that once (diff array) instead of per element
    let clean = true;
    for (let i = 0; i < n; i++) { const v = x[p + i]; if (v !== v) { clean = false; break; } }
    if (clean) {
      for (let i = 0; i < n; i++) acc[q + i] += x[p + i];
      fullRows[q]++;
      fullRows[q + n]--;
    } else for (let i = 0; i < n; i++) { const v = x[p + i]; if (v === v) { acc[q + i] += v; cnt[q + i]++; } }
  } else if (skipna && so === 0) {
    let s0 = 0;
    let c0 = 0;
    for (let i = 0; i < n; i++, p += sa) { const v = x[p]; if (v === v) { s0 += v; c0++; } }
    acc[q] += s0;
    cnt[q] += c0;
  } else if (skipna) for (let i = 0; i < n; i++, p += sa, q += so) { const v = x[p]; if (v === v) { acc[q] += v; cnt[q]++; } }
  else for (let i = 0; i < n; i++, p += sa, q += so) { acc[q] += x[p]; cnt[q]++; }
}

/**
 * Reduces `a` over `axes` (all axes when omitted). `out64` keeps float32 input's result in float64
 * (the accumulator, not rounded: chunked reductions merge these partial results).
 * @example
 * reduce('mean', NDArray.from([[1, NaN], [3, 4]]), 0).toArray() // [2, 4]
 */
export function reduce(op: ReduceOp, a0: NDArray, axes?: number | readonly number[], opts: ReduceOptions = {}, out64 = false): NDArray {
  if (a0.dtype === 'string') throw new TypeError_(`Cannot compute ${op} of a string array`);
  const a = isBig(a0.dtype) ? new NDArray(a0.toFloat64(), a0.shape) : a0;
  const skipna = opts.skipna ?? true;
  const ddof = opts.ddof ?? 0;
  const red = new Set(normalizeAxes(axes, a.ndim));
  const outShape = a.shape.filter((_, i) => !red.has(i));
  if (red.size === 1 && a.ndim > 1 && a.isContiguous) {
    // one axis of a contiguous array: the single-group case of the grouped kernel (one tight pass)
    const ax = [...red][0];
    const r = groupReduceAxis(a, ax, new Int32Array(a.shape[ax]), 1, op, opts, out64);
    return new NDArray(r.data, outShape, { dtype: r.dtype });
  }
  const keptStrides = cStrides(outShape);
  const outStrides: number[] = [];
  let k = 0;
  for (let d = 0; d < a.ndim; d++) outStrides.push(red.has(d) ? 0 : keptStrides[k++]);
  const m = sizeOf(outShape);
  const acc = new Float64Array(m);
  const cnt = new Float64Array(m);
  const x = a.data as Float64Array;
  const strides = [a.strides, outStrides];
  const offs = [a.offset, 0];
  if (op === 'sum' || op === 'mean' || op === 'count') {
    const fullRows = new Int32Array(m + 1);
    forEachRow(a.shape, strides, offs, (o, n, s) => sumRow(x, acc, cnt, fullRows, o[0], o[1], n, s[0], s[1], skipna));
    let run = 0;
    for (let i = 0; i < m; i++) { run += fullRows[i]; cnt[i] += run; }
    if (op === 'mean') for (let i = 0; i < m; i++) acc[i] = cnt[i] > 0 ? acc[i] / cnt[i] : NaN;
    if (op === 'count') return new NDArray(cnt, outShape);
  } else if (op === 'min' || op === 'max') {
    const nan = new Uint8Array(m);
    acc.fill(op === 'min' ? Infinity : -Infinity);
    const isMin = op === 'min';
    forEachRow(a.shape, strides, offs, (o, n, s) => {
      const sa = s[0];
      const so = s[1];
      let p = o[0];
      let q = o[1];
      for (let i = 0; i < n; i++, p += sa, q += so) {
        const v = x[p];
        if (v !== v) { nan[q] = 1; continue; }
        cnt[q]++;
        if (isMin ? v < acc[q] : v > acc[q]) acc[q] = v;
      }
    });
    for (let i = 0; i < m; i++) if (cnt[i] === 0 || (!skipna && nan[i])) acc[i] = NaN;
  } else if (op === 'var' || op === 'std') {
    const mean = new Float64Array(m);
    const nan = new Uint8Array(m);
    forEachRow(a.shape, strides, offs, (o, n, s) => {
      const sa = s[0];
      const so = s[1];
      let p = o[0];
      let q = o[1];
      for (let i = 0; i < n; i++, p += sa, q += so) {
        const v = x[p];
        if (v !== v) { nan[q] = 1; continue; }
        const c = ++cnt[q];
        const d = v - mean[q];
        mean[q] += d / c;
        acc[q] += d * (v - mean[q]);
      }
    });
    for (let i = 0; i < m; i++) {
      const v = cnt[i] - ddof > 0 && (skipna || !nan[i]) ? acc[i] / (cnt[i] - ddof) : NaN;
      acc[i] = op === 'std' ? Math.sqrt(v) : v;
    }
  } else {
    throw new TypeError_(`Unknown reduction '${String(op)}'`);
  }
  const keep = a.dtype === 'datetime' && (op === 'min' || op === 'max' || op === 'mean') ? 'datetime' : a.dtype === 'float32' ? 'float32' : 'float64';
  if (keep === 'float32' && !out64) return new NDArray(new Float32Array(acc), outShape);
  return new NDArray(acc, outShape, { dtype: keep === 'float32' ? 'float64' : keep });
}
