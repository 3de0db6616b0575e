/**
 * isnan / notnull masks.
 * @module
 */
import { NDArray } from './ndarray.js';
import { forEachRow, cStrides } from './strided.js';

/**
 * A bool array, true where the value is NaN (never for integer, bool or string arrays).
 * @example
 * isnan(NDArray.from([1, NaN])).toArray() // [false, true]
 */
export function isnan(a: NDArray): NDArray {
  const out = new Uint8Array(a.size);
  if (a.dtype === 'float64' || a.dtype === 'float32' || a.dtype === 'datetime') {
    const d = a.data as Float64Array;
    forEachRow(a.shape, [a.strides, cStrides(a.shape)], [a.offset, 0], (o, n, s) => {
      for (let i = 0, p = o[0], q = o[1]; i < n; i++, p += s[0], q++) out[q] = d[p] !== d[p] ? 1 : 0;
    });
  }
  return new NDArray(out, a.shape, { dtype: 'bool' });
}
