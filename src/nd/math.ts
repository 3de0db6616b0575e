/**
 * Elementwise math functions.
 * @module
 */
import { TypeError_ } from '../errors.js';
import { NDArray } from './ndarray.js';

/** Elementwise math functions. */
export type MathFn = 'abs' | 'exp' | 'log' | 'log10' | 'log2' | 'sqrt' | 'neg' | 'floor' | 'ceil' | 'round' | 'sin' | 'cos' | 'tan';

const FNS: Record<MathFn, (x: number) => number> = {
  abs: Math.abs, exp: Math.exp, log: Math.log, log10: Math.log10, log2: Math.log2, sqrt: Math.sqrt,
  neg: (x) => -x, floor: Math.floor, ceil: Math.ceil, round: Math.round, sin: Math.sin, cos: Math.cos, tan: Math.tan,
};

/**
 * Applies a math function to every element (result float64, or float32 for float32 input).
 * @example
 * unary('sqrt', NDArray.from([4, 9])).toArray() // [2, 3]
 */
export function unary(fn: MathFn, a: NDArray): NDArray {
  const f = FNS[fn];
  if (!f) throw new TypeError_(`Unknown math function '${fn}'; expected one of ${Object.keys(FNS).join(', ')}`);
  const x = a.toFloat64();
  const out = a.dtype === 'float32' ? new Float32Array(x.length) : x;
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
  return new NDArray(out, a.shape);
}
