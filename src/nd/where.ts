/**
 * where(cond, x, y) with broadcasting.
 * @module
 */
import { NDArray, type Operand } from './ndarray.js';
import { broadcastShapes, broadcastView } from './view.js';
import { cStrides, forEachRow, sizeOf } from './strided.js';

function arr(x: Operand): NDArray {
  return typeof x === 'number' ? new NDArray(Float64Array.of(x), []) : x;
}

/**
 * Picks `x` where `cond` is true (non-zero) and `y` elsewhere (NaN when omitted), broadcasting all three.
 * @example
 * where(NDArray.from([true, false]), NDArray.from([1, 2]), 0).toArray() // [1, 0]
 */
export function where(cond: NDArray, x: Operand, y: Operand = NaN): NDArray {
  const c = cond;
  const a = arr(x);
  const b = arr(y);
  const shape = broadcastShapes(c.shape, a.shape, b.shape);
  const cv = broadcastView(c, shape);
  const av = broadcastView(a.dtype === 'float64' || a.dtype === 'float32' ? a : new NDArray(a.toFloat64(), a.shape), shape);
  const bv = broadcastView(b.dtype === 'float64' || b.dtype === 'float32' ? b : new NDArray(b.toFloat64(), b.shape), shape);
  const out = a.dtype === 'float32' && b.dtype === 'float32' ? new Float32Array(sizeOf(shape)) : new Float64Array(sizeOf(shape));
  const cd = cv.data as Float64Array;
  const ad = av.data as Float64Array;
  const bd = bv.data as Float64Array;
  forEachRow(shape, [cv.strides, av.strides, bv.strides, cStrides(shape)], [cv.offset, av.offset, bv.offset, 0], (o, n, s) => {
    let pc = o[0];
    let pa = o[1];
    let pb = o[2];
    let q = o[3];
    for (let i = 0; i < n; i++, pc += s[0], pa += s[1], pb += s[2], q++) out[q] = cd[pc] ? ad[pa] : bd[pb];
  });
  return new NDArray(out, shape);
}
