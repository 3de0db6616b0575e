/**
 * Median over axes (NaN skipped by default), by quickselect on each reduced lane.
 * @module
 */
import { TypeError_ } from '../errors.js';
import { NDArray } from './ndarray.js';
import { normalizeAxes, type ReduceOptions } from './reduce.js';
import { sizeOf } from './strided.js';

function select(a: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { const t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * The median over `axes` (all when omitted); an all-NaN lane gives NaN.
 * @example
 * median(NDArray.from([[1, 3, NaN], [4, 2, 6]]), 1).toArray() // [2, 4]
 */
export function median(a: NDArray, axes?: number | readonly number[], opts: ReduceOptions = {}): NDArray {
  if (a.dtype === 'string') throw new TypeError_('Cannot compute the median of a string array');
  const red = normalizeAxes(axes, a.ndim);
  const kept = a.shape.map((_, i) => i).filter((i) => !red.includes(i));
  const moved = a.transpose([...kept, ...red]).toFloat64();
  const outShape = kept.map((i) => a.shape[i]);
  const m = sizeOf(outShape);
  const lane = sizeOf(red.map((i) => a.shape[i]));
  const out = new Float64Array(m);
  const skipna = opts.skipna ?? true;
  for (let g = 0; g < m; g++) {
    let n = 0;
    const base = g * lane;
    let sawNaN = false;
    for (let i = 0; i < lane; i++) {
      const v = moved[base + i];
      if (v === v) moved[base + n++] = v;
      else sawNaN = true;
    }
    if (n === 0 || (sawNaN && !skipna)) { out[g] = NaN; continue; }
    const hi = base + n - 1;
    const k = base + (n >> 1);
    const upper = select(moved, base, hi, k);
    if (n % 2 === 1) out[g] = upper;
    else {
      let lower = -Infinity;
      for (let i = base; i < k; i++) if (moved[i] > lower) lower = moved[i];
      out[g] = (lower + upper) / 2;
    }
  }
  return new NDArray(a.dtype === 'float32' ? new Float32Array(out) : out, outShape);
}
