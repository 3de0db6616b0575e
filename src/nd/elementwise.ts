/**
 * Elementwise binary arithmetic and comparisons with numpy broadcasting.
 * @module
 */
import { TypeError_ } from '../errors.js';
import { NDArray, type Operand } from './ndarray.js';
import { ctorOf, isBig, resultType } from './dtype.js';
import { broadcastShapes, broadcastView } from './view.js';
import { cStrides, forEachRow, sizeOf } from './strided.js';
import { scalarArith } from './scalar-arith.js';

/** Binary arithmetic operators. */
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'mod' | 'floordiv' | 'minimum' | 'maximum';
/** Comparison operators. */
export type CompareOp = 'gt' | 'ge' | 'lt' | 'le' | 'eq' | 'ne';

type Num = Float64Array;

function asArray(x: Operand): NDArray {
  if (typeof x === 'number') return new NDArray(Float64Array.of(x), []);
  if (x.dtype === 'string') throw new TypeError_('Arithmetic is not defined for string arrays');
  if (isBig(x.dtype)) return new NDArray(x.toFloat64(), x.shape);
  return x;
}

type Kernel = (a: Num, b: Num, o: Num, pa: number, pb: number, po: number, n: number, sa: number, sb: number) => void;

/** A kernel for `+ - * /` with fast paths for contiguous-with-scalar and contiguous-with-contiguous rows. */
function arithKernel(f: (x: number, y: number) => number, tag: 'add' | 'sub' | 'mul' | 'div'): Kernel {
  // written out per operator so V8 inlines the arithmetic in each loop
  switch (tag) {
    case 'add': return (a, b, o, pa, pb, po, n, sa, sb) => {
      if (sa === 1 && sb === 0) { const y = b[pb]; for (let i = 0; i < n; i++) o[po + i] = a[pa + i] + y; }
      else if (sa === 1 && sb === 1) for (let i = 0; i < n; i++) o[po + i] = a[pa + i] + b[pb + i];
      else for (let i = 0; i < n; i++, pa += sa, pb += sb) o[po + i] = a[pa] + b[pb];
    };
    case 'sub': return (a, b, o, pa, pb, po, n, sa, sb) => {
      if (sa === 1 && sb === 0) { const y = b[pb]; for (let i = 0; i < n; i++) o[po + i] = a[pa + i] - y; }
      else if (sa === 1 && sb === 1) for (let i = 0; i < n; i++) o[po + i] = a[pa + i] - b[pb + i];
      else for (let i = 0; i < n; i++, pa += sa, pb += sb) o[po + i] = a[pa] - b[pb];
    };
    case 'mul': return (a, b, o, pa, pb, po, n, sa, sb) => {
      if (sa === 1 && sb === 0) { const y = b[pb]; for (let i = 0; i < n; i++) o[po + i] = a[pa + i] * y; }
      else if (sa === 1 && sb === 1) for (let i = 0; i < n; i++) o[po + i] = a[pa + i] * b[pb + i];
      else for (let i = 0; i < n; i++, pa += sa, pb += sb) o[po + i] = a[pa] * b[pb];
    };
    default: return (a, b, o, pa, pb, po, n, sa, sb) => {
      if (sa === 1 && sb === 0) { const y = b[pb]; for (let i = 0; i < n; i++) o[po + i] = a[pa + i] / y; }
      else if (sa === 1 && sb === 1) for (let i = 0; i < n; i++) o[po + i] = a[pa + i] / b[pb + i];
      else for (let i = 0; i < n; i++, pa += sa, pb += sb) o[po + i] = f(a[pa], b[pb]);
    };
  }
}

const K: Record<BinaryOp | CompareOp, Kernel> = {
  add: arithKernel((x, y) => x + y, 'add'),
  sub: arithKernel((x, y) => x - y, 'sub'),
  mul: arithKernel((x, y) => x * y, 'mul'),
  div: arithKernel((x, y) => x / y, 'div'),
  pow: (a, b, o, pa, pb, po, n, sa, sb) => { for (let i = 0; i < n; i++, pa += sa, pb += sb) o[po + i] = a[pa] ** b[pb]; },
  mod: (a, b, o, pa, pb, po, n, sa, sb) => {
    for (let i = 0; i < n; i++, pa += sa, pb += sb) { const y = b[pb]; const r = a[pa] % y; o[po + i] = r !== 0 && (r < 0) !== (y < 0) ? r + y : r; }
  },
  floordiv: (a, b, o, pa, pb, po, n, sa, sb) => { for (let i = 0; i < n; i++, pa += sa, pb += sb) o[po + i] = Math.floor(a[pa] / b[pb]); },
  minimum: (a, b, o, pa, pb, po, n, sa, sb) => { for (let i = 0; i < n; i++, pa += sa, pb += sb) { const x = a[pa]; const y = b[pb]; o[po + i] = x !== x || y !== y ? NaN : x < y ? x : y; } },
  maximum: (a, b, o, pa, pb, po, n, sa, sb) => { for (let i = 0; i < n; i++, pa += sa, pb += sb) { const x = a[pa]; const y = b[pb]; o[po + i] = x !== x || y !== y ? NaN : x > y ? x : y; } },
  gt: (a, b, o, pa, pb, po, n, sa, sb) => { for (let i = 0; i < n; i++, pa += sa, pb += sb) o[po + i] = a[pa] > b[pb] ? 1 : 0; },
  ge: (a, b, o, pa, pb, po, n, sa, sb) => { for (let i = 0; i < n; i++, pa += sa, pb += sb) o[po + i] = a[pa] >= b[pb] ? 1 : 0; },
  lt: (a, b, o, pa, pb, po, n, sa, sb) => { for (let i = 0; i < n; i++, pa += sa, pb += sb) o[po + i] = a[pa] < b[pb] ? 1 : 0; },
  le: (a, b, o, pa, pb, po, n, sa, sb) => { for (let i = 0; i < n; i++, pa += sa, pb += sb) o[po + i] = a[pa] <= b[pb] ? 1 : 0; },
  eq: (a, b, o, pa, pb, po, n, sa, sb) => { for (let i = 0; i < n; i++, pa += sa, pb += sb) o[po + i] = a[pa] === b[pb] ? 1 : 0; },
  ne: (a, b, o, pa, pb, po, n, sa, sb) => { for (let i = 0; i < n; i++, pa += sa, pb += sb) o[po + i] = a[pa] !== b[pb] ? 1 : 0; },
};

function run(op: BinaryOp | CompareOp, x0: Operand, y0: Operand, outType: 'arith' | 'bool'): NDArray {
  // numpy casts a Python scalar to a float32 array's dtype before operating: do the same
  const x = typeof x0 === 'number' && typeof y0 !== 'number' && y0.dtype === 'float32' ? Math.fround(x0) : x0;
  const y = typeof y0 === 'number' && typeof x0 !== 'number' && x0.dtype === 'float32' ? Math.fround(y0) : y0;
  const a = asArray(x);
  const b = asArray(y);
  const shape = broadcastShapes(a.shape, b.shape);
  const av = broadcastView(a, shape);
  const bv = broadcastView(b, shape);
  // a JS number does not widen a float32 array (numpy's rule for Python scalars)
  const ta = typeof x === 'number' && b.dtype === 'float32' ? 'float32' : a.dtype;
  const tb = typeof y === 'number' && a.dtype === 'float32' ? 'float32' : b.dtype;
  const dtype = outType === 'bool' ? 'bool' : resultType(ta, tb);
  const out = new (ctorOf(dtype))(sizeOf(shape)) as unknown as Num;
  const kern = K[op];
  const ad = av.data as unknown as Num;
  const bd = bv.data as unknown as Num;
  forEachRow(shape, [av.strides, bv.strides, cStrides(shape)], [av.offset, bv.offset, 0], (o, n, s) => {
    kern(ad, bd, out, o[0], o[1], o[2], n, s[0], s[1]);
  });
  return new NDArray(out as unknown as Float64Array, shape, { dtype });
}

/**
 * Elementwise arithmetic with broadcasting (float32 with float32 stays float32, else float64).
 * @example
 * binary('sub', NDArray.from([[1, 2], [3, 4]]), 1).toArray() // [[0, 1], [2, 3]]
 */
export function binary(op: BinaryOp, a: Operand, b: Operand): NDArray {
  if (!(op in K)) throw new TypeError_(`Unknown operator '${op}'`);
  if (op === 'add' || op === 'sub' || op === 'mul' || op === 'div') {
    const fast = typeof b === 'number' && typeof a !== 'number' ? scalarArith(op, a, b, false)
      : typeof a === 'number' && typeof b !== 'number' ? scalarArith(op, b, a, true) : null;
    if (fast) return fast;
  }
  return run(op, a, b, 'arith');
}

/**
 * Elementwise comparison with broadcasting; a bool array (NaN compares false except `ne`).
 * @example
 * compare('gt', NDArray.from([1, 5]), 2).toArray() // [false, true]
 */
export function compare(op: CompareOp, a: Operand, b: Operand): NDArray {
  if (!(op in K)) throw new TypeError_(`Unknown comparison '${op}'`);
  return run(op, a, b, 'bool');
}
