/**
 * dtype conversion.
 * @module
 */
import { ValueError } from '../errors.js';
import { NDArray } from './ndarray.js';
import { ctorOf, type NDType } from './dtype.js';

/**
 * A converted contiguous copy. Floats to integers truncate toward zero; NaN to an integer dtype is a
 * ValueError (as numpy warns and pandas refuses); anything to bool is `x !== 0` (NaN -> true, as numpy).
 * @example
 * astype(NDArray.from([1.7, -1.7]), 'int32').toArray() // [1, -1]
 */
export function astype(a: NDArray, dtype: NDType): NDArray {
  if (dtype === a.dtype) {
    const c = a.contiguous();
    if (c !== a) return c;
    return new NDArray(Array.isArray(a.data) ? [...a.data] : a.data.slice(), a.shape, { dtype });
  }
  if (dtype === 'string') return new NDArray(Array.from(a.flat() as ArrayLike<unknown>, (v) => String(v)), a.shape, { dtype });
  if (a.dtype === 'string') {
    const src = a.flat() as string[];
    const x = new Float64Array(src.length);
    for (let i = 0; i < src.length; i++) {
      const v = Number(src[i]);
      if (Number.isNaN(v) && src[i].trim().toLowerCase() !== 'nan') throw new ValueError(`could not convert string '${src[i]}' to ${dtype}`);
      x[i] = v;
    }
    return astype(new NDArray(x, a.shape), dtype);
  }
  const x = a.toFloat64();
  const out = new (ctorOf(dtype))(x.length);
  if (out instanceof BigInt64Array || out instanceof BigUint64Array) {
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) throw new ValueError(`Cannot convert non-finite values (NaN or inf) to ${dtype}`);
      out[i] = BigInt(Math.trunc(x[i]));
    }
  } else if (dtype === 'bool') {
    for (let i = 0; i < x.length; i++) out[i] = x[i] !== 0 ? 1 : 0;
  } else if (dtype === 'float32' || dtype === 'float64' || dtype === 'datetime') {
    out.set(x);
  } else {
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) throw new ValueError(`Cannot convert non-finite values (NaN or inf) to ${dtype}`);
      out[i] = Math.trunc(x[i]);
    }
  }
  return new NDArray(out, a.shape, { dtype });
}

