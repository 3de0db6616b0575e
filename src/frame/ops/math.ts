/**
 * Elementwise math (`abs`, `exp`, `log`, `sqrt`, ...) and `round` (half to even, as numpy). Integer
 * columns keep an integer dtype for abs/neg/floor/ceil/round (int64 results; beyond ±2^53 computed
 * exactly with BigInt); the rest give float64 (log of a negative number is NaN, as numpy).
 * Nulls stay null.
 * @module
 */
import { Column } from '../column.js';
import { fromTyped } from '../column-build.js';
import { alloc } from '../alloc.js';
import { float64ToInt64, isFloatDtype, isIntegerDtype } from '../dtypes.js';
import { TypeError_ } from '../../errors.js';
import type { Series } from '../series.js';
import type { MathFn } from '../types.js';

const SAFE = 9007199254740991;

const FN: Record<MathFn, (x: number) => number> = {
  abs: Math.abs, exp: Math.exp, log: Math.log, log10: Math.log10, log2: Math.log2, sqrt: Math.sqrt,
  neg: (x) => -x, floor: Math.floor, ceil: Math.ceil, sin: Math.sin, cos: Math.cos, tan: Math.tan,
};

function numericInput(s: Series, what: string): Float64Array {
  const d = s.dtype;
  if (!(isIntegerDtype(d) || isFloatDtype(d) || d === 'bool')) throw new TypeError_(`${what} needs numbers; '${s.name ?? ''}' is ${d}`);
  return d === 'float64' && s.column.validity === null ? (s.column.values as Float64Array) : s.column.toFloat64();
}

/** Rebuilds the result column: int64 for integer inputs (when `keepInt`), float64 otherwise. */
function finish(s: Series, out: Float64Array, keepInt: boolean, exact: (v: bigint) => bigint): Column {
  const c = s.column;
  const n = out.length;
  if (keepInt && isIntegerDtype(c.dtype)) {
    const src = c.values;
    if ((src instanceof BigInt64Array || src instanceof BigUint64Array) && anyUnsafe(out)) {
      const big = alloc(BigInt64Array, n);
      for (let i = 0; i < n; i++) big[i] = BigInt.asIntN(64, exact(BigInt.asIntN(64, src[i])));
      return fromTyped(big, c.validity, 'int64');
    }
    return fromTyped(float64ToInt64(out, alloc(BigInt64Array, n)), c.validity, 'int64');
  }
  if (c.dtype === 'float32') {
    const o = alloc(Float32Array, n);
    o.set(out);
    return fromTyped(o, c.validity, 'float32');
  }
  return fromTyped(out, c.validity, 'float64');
}

function anyUnsafe(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] > SAFE || x[i] < -SAFE) return true;
  return false;
}

/**
 * An elementwise math function.
 * @example
 * mathFn(new Series([-1, 4]), 'abs').toArray() // [1, 4]
 */
export function mathFn(s: Series, fn: MathFn): Series {
  const x = numericInput(s, fn);
  const n = x.length;
  const out = alloc(Float64Array, n);
  switch (fn) {
    case 'abs': for (let i = 0; i < n; i++) out[i] = Math.abs(x[i]); break;
    case 'neg': for (let i = 0; i < n; i++) out[i] = -x[i]; break;
    case 'sqrt': for (let i = 0; i < n; i++) out[i] = Math.sqrt(x[i]); break;
    case 'exp': for (let i = 0; i < n; i++) out[i] = Math.exp(x[i]); break;
    case 'log': for (let i = 0; i < n; i++) out[i] = Math.log(x[i]); break;
    default: {
      const f = FN[fn];
      for (let i = 0; i < n; i++) out[i] = f(x[i]);
    }
  }
  const keepInt = fn === 'abs' || fn === 'neg' || fn === 'floor' || fn === 'ceil';
  const exact = fn === 'abs' ? (v: bigint) => (v < 0n ? -v : v) : fn === 'neg' ? (v: bigint) => -v : (v: bigint) => v;
  return s.withColumn(finish(s, out, keepInt && s.dtype !== 'bool', exact));
}

/**
 * Round half to even (numpy's `rint`).
 * @example
 * rint(2.5) // 2
 */
export function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Rounds to `decimals` places, half to even, as numpy/pandas (`round(2.675, 2)` is 2.67 because
 * 2.675 is stored as 2.67499...); negative `decimals` round to tens, hundreds, ...
 * @example
 * roundSeries(new Series([0.5, 1.5, 2.5, 0.125]), 0).toArray() // [0, 2, 2, 0]
 */
export function roundSeries(s: Series, decimals = 0): Series {
  if (!Number.isInteger(decimals)) throw new TypeError_(`round: decimals must be an integer, got ${decimals}`);
  const x = numericInput(s, 'round');
  const n = x.length;
  const intIn = isIntegerDtype(s.dtype) || s.dtype === 'bool';
  if (intIn && decimals >= 0) return s;
  const out = alloc(Float64Array, n);
  if (decimals >= 0) {
    const f = 10 ** decimals;
    for (let i = 0; i < n; i++) {
      const y = rint(x[i] * f) / f;
      out[i] = Number.isFinite(y) ? y : x[i];
    }
  } else {
    const f = 10 ** -decimals;
    for (let i = 0; i < n; i++) out[i] = rint(x[i] / f) * f;
  }
  return s.withColumn(finish(s, out, true, (v) => {
    const f = 10n ** BigInt(-decimals);
    const q = v / f;
    const r = v - q * f;
    const twice = 2n * (r < 0n ? -r : r);
    const away = twice > f || (twice === f && q % 2n !== 0n);
    return away ? (v < 0n ? q - 1n : q + 1n) * f : q * f;
  }));
}
