/**
 * Float64 arithmetic kernels: one tight loop per operator and operand shape (column op column,
 * column op scalar, scalar op column), so each loop stays monomorphic. `mod` and `floordiv` follow
 * numpy's `divmod` (Python's sign convention: the remainder takes the divisor's sign).
 * @module
 */
import type { ArithOp } from '../types.js';

/**
 * Python/numpy remainder: the sign of the divisor; x % 0 is NaN.
 * @example
 * pyMod(-7, 2) // 1
 */
export function pyMod(a: number, b: number): number {
  const m = a % b;
  if (m === 0) return b < 0 ? -0 : 0;
  return (b < 0) !== (m < 0) ? m + b : m;
}

/**
 * Python/numpy floor division (numpy's `npy_divmod`): exact for integers, x // 0 is ±inf or NaN.
 * @example
 * pyFloorDiv(1, 0.1) // 9, as Python
 */
export function pyFloorDiv(a: number, b: number): number {
  if (b === 0) return a / b;
  let m = a % b;
  let d = (a - m) / b;
  if (m !== 0 && (b < 0) !== (m < 0)) {
    m += b;
    d -= 1;
  }
  if (d === 0) {
    const q = a / b; // numpy: copysign(0, a / b)
    return q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  let f = Math.floor(d);
  if (d - f > 0.5) f += 1;
  return f;
}

type VV = (a: Float64Array, b: Float64Array, o: Float64Array, n: number) => void;
type VS = (a: Float64Array, b: number, o: Float64Array, n: number) => void;

/** column op column. */
export const KERNEL_VV: Record<ArithOp, VV> = {
  add: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] + b[i]; },
  sub: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] - b[i]; },
  mul: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] * b[i]; },
  div: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] / b[i]; },
  pow: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] ** b[i]; },
  mod: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = pyMod(a[i], b[i]); },
  floordiv: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = pyFloorDiv(a[i], b[i]); },
};

/** column op scalar. */
export const KERNEL_VS: Record<ArithOp, VS> = {
  add: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] + b; },
  sub: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] - b; },
  mul: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] * b; },
  div: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] / b; },
  pow: (a, b, o, n) => {
    if (b === 2) for (let i = 0; i < n; i++) o[i] = a[i] * a[i];
    else for (let i = 0; i < n; i++) o[i] = a[i] ** b;
  },
  mod: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = pyMod(a[i], b); },
  floordiv: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = pyFloorDiv(a[i], b); },
};

/** scalar op column (for reflected operations such as `1 - s` on a frame). */
export const KERNEL_SV: Record<ArithOp, VS> = {
  add: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = b + a[i]; },
  sub: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = b - a[i]; },
  mul: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = b * a[i]; },
  div: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = b / a[i]; },
  pow: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = b ** a[i]; },
  mod: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = pyMod(b, a[i]); },
  floordiv: (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = pyFloorDiv(b, a[i]); },
};

/**
 * The same operators on BigInts, wrapping to 64 bits as numpy does (the exact path for huge int64).
 * @example
 * bigOp('add', 2n ** 63n - 1n, 1n) // -(2n ** 63n)
 */
export function bigOp(op: ArithOp, a: bigint, b: bigint): bigint {
  switch (op) {
    case 'add': return BigInt.asIntN(64, a + b);
    case 'sub': return BigInt.asIntN(64, a - b);
    case 'mul': return BigInt.asIntN(64, a * b);
    case 'pow': return BigInt.asIntN(64, a ** b);
    case 'mod': {
      const m = a % b;
      return m !== 0n && (m < 0n) !== (b < 0n) ? m + b : m;
    }
    case 'floordiv': {
      const q = a / b;
      return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
    }
    case 'div': throw new Error('bigOp: div is a float operation');
  }
}
