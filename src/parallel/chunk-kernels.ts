/**
 * Loops of chunked N-d work, over typed arrays: gathering a strided chunk into a contiguous float64
 * block, elementwise operations, partial reductions (count, sum, Welford mean/M2, min, max per output
 * element) and their merge (Chan's formula for the variance).
 * @module
 */
import type { MathFn } from '../nd/math.js';
import { cStrides } from '../nd/strided.js';

/** An elementwise operation of a chunked chain. */
export type ChunkOp = { op: 'arith'; fn: 'add' | 'sub' | 'mul' | 'div' | 'pow'; value: number } | { op: 'math'; fn: MathFn };

/** A reduction of a chunked array. */
export type ChunkReduceOp = 'sum' | 'mean' | 'count' | 'min' | 'max' | 'var' | 'std';

/** Partial reduction of one chunk over its output block (C order). */
export interface Partial {
  count: Float64Array;
  /** sum (sum/mean), mean (var/std) or best value (min/max). */
  a: Float64Array;
  /** M2 for var/std, else empty. */
  m2: Float64Array;
}

type Indexed = { readonly length: number; [i: number]: number | bigint };

/**
 * Reads a strided N-d block into a contiguous float64 array (C order).
 * @example
 * gather(data, [2, 3], [3, 1], 0) // the first 6 values
 */
export function gather(data: Indexed, shape: readonly number[], strides: readonly number[], offset: number): Float64Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Float64Array(n);
  if (n === 0) return out;
  const nd = shape.length;
  if (nd === 0) {
    out[0] = Number(data[offset]);
    return out;
  }
  const inner = shape[nd - 1];
  const step = strides[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  const big = typeof data[offset] === 'bigint';
  const f = data as unknown as Float64Array;
  let o = 0;
  let base = offset;
  for (;;) {
    if (big) for (let j = 0, p = base; j < inner; j++, p += step) out[o++] = Number(data[p]);
    else for (let j = 0, p = base; j < inner; j++, p += step) out[o++] = f[p];
    let d = nd - 2;
    while (d >= 0) {
      idx[d]++;
      base += strides[d];
      if (idx[d] < shape[d]) break;
      base -= strides[d] * shape[d];
      idx[d] = 0;
      d--;
    }
    if (d < 0) return out;
  }
}

const MATH: Record<MathFn, (x: number) => number> = {
  abs: Math.abs, exp: Math.exp, log: Math.log, log10: Math.log10, log2: Math.log2, sqrt: Math.sqrt,
  neg: (x) => -x, floor: Math.floor, ceil: Math.ceil, round: Math.round, sin: Math.sin, cos: Math.cos, tan: Math.tan,
};

/**
 * Applies the elementwise chain in place.
 * @example
 * applyOps(x, [{ op: 'arith', fn: 'sub', value: 273.15 }, { op: 'math', fn: 'abs' }])
 */
export function applyOps(x: Float64Array, ops: readonly ChunkOp[]): void {
  const n = x.length;
  for (const o of ops) {
    if (o.op === 'math') {
      const f = MATH[o.fn];
      for (let i = 0; i < n; i++) x[i] = f(x[i]);
      continue;
    }
    const c = o.value;
    switch (o.fn) {
      case 'add': for (let i = 0; i < n; i++) x[i] += c; break;
      case 'sub': for (let i = 0; i < n; i++) x[i] -= c; break;
      case 'mul': for (let i = 0; i < n; i++) x[i] *= c; break;
      case 'div': for (let i = 0; i < n; i++) x[i] /= c; break;
      case 'pow': for (let i = 0; i < n; i++) x[i] = x[i] ** c; break;
    }
  }
}

/**
 * Partial reduction of a contiguous block of `shape` over the axes where `reduce[d]` is true,
 * skipping NaN. The output block has the kept axes, in order.
 * @example
 * partialReduce(x, [4, 3], [true, false], 'mean') // count/sum over the first axis, 3 outputs
 */
export function partialReduce(x: Float64Array, shape: readonly number[], reduce: readonly boolean[], op: ChunkReduceOp): Partial {
  const kept = shape.filter((_, d) => !reduce[d]);
  const m = kept.reduce((a, b) => a * b, 1);
  const ks = cStrides(kept);
  const outStride: number[] = [];
  let k = 0;
  for (let d = 0; d < shape.length; d++) outStride.push(reduce[d] ? 0 : ks[k++]);
  const count = new Float64Array(m);
  const a = new Float64Array(m);
  const welford = op === 'var' || op === 'std';
  const m2 = new Float64Array(welford ? m : 0);
  const isMin = op === 'min';
  if (op === 'min' || op === 'max') a.fill(isMin ? Infinity : -Infinity);
  const nd = shape.length;
  const n = x.length;
  const idx = new Array<number>(nd).fill(0);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v === v) {
      const c = ++count[o];
      if (welford) {
        const delta = v - a[o];
        a[o] += delta / c;
        m2[o] += delta * (v - a[o]);
      } else if (op === 'min') {
        if (v < a[o]) a[o] = v;
      } else if (op === 'max') {
        if (v > a[o]) a[o] = v;
      } else a[o] += v;
    }
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      o += outStride[d];
      if (idx[d] < shape[d]) break;
      o -= outStride[d] * shape[d];
      idx[d] = 0;
    }
  }
  return { count, a, m2 };
}

/**
 * Folds a chunk's partial (over an output sub-block at `offset` with `strides` in the total) into
 * the total partial.
 * @example
 * mergePartial(total, part, [3, 4], [4, 1], 0, 'mean')
 */
export function mergePartial(total: Partial, part: Partial, blockShape: readonly number[], totalStrides: readonly number[], offset: number, op: ChunkReduceOp): void {
  const m = part.count.length;
  const nd = blockShape.length;
  const idx = new Array<number>(nd).fill(0);
  let t = offset;
  const welford = op === 'var' || op === 'std';
  for (let i = 0; i < m; i++) {
    const nb = part.count[i];
    if (nb > 0) {
      const na = total.count[t];
      const n = na + nb;
      if (welford) {
        const delta = part.a[i] - total.a[t];
        total.a[t] += (delta * nb) / n;
        total.m2[t] += part.m2[i] + (delta * delta * na * nb) / n;
      } else if (op === 'min') {
        if (na === 0 || part.a[i] < total.a[t]) total.a[t] = part.a[i];
      } else if (op === 'max') {
        if (na === 0 || part.a[i] > total.a[t]) total.a[t] = part.a[i];
      } else total.a[t] += part.a[i];
      total.count[t] = n;
    }
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      t += totalStrides[d];
      if (idx[d] < blockShape[d]) break;
      t -= totalStrides[d] * blockShape[d];
      idx[d] = 0;
    }
  }
}

/**
 * The final values of a merged partial (xarray semantics: NaN skipped; empty sum 0, empty mean NaN).
 * @example
 * finish(total, 'std', 0) // per output element
 */
export function finish(p: Partial, op: ChunkReduceOp, ddof: number): Float64Array {
  const m = p.count.length;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const c = p.count[i];
    switch (op) {
      case 'count': out[i] = c; break;
      case 'sum': out[i] = p.a[i]; break;
      case 'mean': out[i] = c > 0 ? p.a[i] / c : NaN; break;
      case 'min': case 'max': out[i] = c > 0 ? p.a[i] : NaN; break;
      case 'var': out[i] = c - ddof > 0 ? p.m2[i] / (c - ddof) : NaN; break;
      case 'std': out[i] = c - ddof > 0 ? Math.sqrt(p.m2[i] / (c - ddof)) : NaN; break;
    }
  }
  return out;
}
