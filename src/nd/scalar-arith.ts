/**
 * Fast path of `array <op> scalar` (and `scalar <op> array`) for contiguous float32/float64 arrays:
 * one tight loop per array type and operator, no broadcasting or per-element index arithmetic.
 * @module
 */
import { NDArray } from './ndarray.js';

/** The operators with a fast path. */
export type ScalarOp = 'add' | 'sub' | 'mul' | 'div';

// one function per array type so V8 keeps each loop monomorphic; `rev` means scalar on the left
function loop32(op: ScalarOp, x: Float32Array, y: number, rev: boolean, o: Float32Array): void {
  const n = x.length;
  if (op === 'add') for (let i = 0; i < n; i++) o[i] = x[i] + y;
  else if (op === 'mul') for (let i = 0; i < n; i++) o[i] = x[i] * y;
  else if (op === 'sub') {
    if (rev) for (let i = 0; i < n; i++) o[i] = y - x[i];
    else for (let i = 0; i < n; i++) o[i] = x[i] - y;
  } else if (rev) for (let i = 0; i < n; i++) o[i] = y / x[i];
  else for (let i = 0; i < n; i++) o[i] = x[i] / y;
}

function loop64(op: ScalarOp, x: Float64Array, y: number, rev: boolean, o: Float64Array): void {
  const n = x.length;
  if (op === 'add') for (let i = 0; i < n; i++) o[i] = x[i] + y;
  else if (op === 'mul') for (let i = 0; i < n; i++) o[i] = x[i] * y;
  else if (op === 'sub') {
    if (rev) for (let i = 0; i < n; i++) o[i] = y - x[i];
    else for (let i = 0; i < n; i++) o[i] = x[i] - y;
  } else if (rev) for (let i = 0; i < n; i++) o[i] = y / x[i];
  else for (let i = 0; i < n; i++) o[i] = x[i] / y;
}

/**
 * `a <op> y` (or `y <op> a` when `rev`) for a contiguous float32/float64 array `a`, keeping its dtype;
 * null when the fast path does not apply. For float32 the scalar is rounded to float32 first and each
 * result rounded back, which is what numpy computes for a float32 array and a Python float.
 * @example
 * scalarArith('sub', NDArray.from([1, 2]), 1, false)?.toArray() // [0, 1]
 */
export function scalarArith(op: ScalarOp, a: NDArray, y: number, rev: boolean): NDArray | null {
  if (!a.isContiguous || a.offset !== 0 || a.data.length !== a.size) return null;
  const d = a.data;
  if (a.dtype === 'float32' && d instanceof Float32Array) {
    const o = new Float32Array(d.length);
    loop32(op, d, Math.fround(y), rev, o);
    return new NDArray(o, a.shape, { dtype: 'float32' });
  }
  if (a.dtype === 'float64' && d instanceof Float64Array) {
    const o = new Float64Array(d.length);
    loop64(op, d, y, rev, o);
    return new NDArray(o, a.shape);
  }
  return null;
}
