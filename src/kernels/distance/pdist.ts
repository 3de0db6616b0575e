/**
 * `pdist` (condensed distances in scipy's order: (0,1), (0,2), ..., (0,m-1), (1,2), ...) and
 * `squareform` (condensed <-> square), as scipy.spatial.distance.
 * @module
 */
import { KernelArray, toMat, type MatrixInput } from '../array.js';
import { ValueError } from '../../errors.js';
import { checkMetric, makeKernel, normsFor } from './kernels.js';
import type { Metric } from './types.js';
import { alloc } from '../../frame/alloc.js';

/** Rows per block: each block runs the kernel against the rows after its first row. */
const BLOCK = 32;

/**
 * Pairwise distances between the rows of X, condensed (length m(m-1)/2) in scipy's order.
 * @example
 * pdist([[0, 0], [3, 4], [6, 8]]).toArray(); // [5, 10, 5]
 */
export function pdist(X: MatrixInput, opts: { metric?: Metric; p?: number } = {}): KernelArray {
  const metric = checkMetric(opts.metric ?? 'euclidean');
  const p = opts.p ?? 2;
  if (metric === 'minkowski' && !(p > 0)) throw new ValueError(`minkowski p must be > 0, got ${p}`);
  const A = toMat(X, 'X');
  const m = A.rows, d = A.cols;
  if (m === 0) throw new ValueError('pdist needs at least one row in X; got an empty input');
  if (d === 0) throw new ValueError('pdist: X has no columns (features)');
  const out = alloc(Float64Array, (m * (m - 1)) / 2);
  const norms = normsFor(metric, A);
  const tmp = new Float64Array(BLOCK * m);
  for (let i0 = 0; i0 < m - 1; i0 += BLOCK) {
    const i1 = Math.min(m - 1, i0 + BLOCK);
    const n = m - i0 - 1;
    const Y = A.data.subarray((i0 + 1) * d);
    // X rows [i0, i1) as block rows 0.. (the kernel writes tmp[(i - i0) * n + j]).
    const k = makeKernel(metric, p, d, norms && norms.subarray(i0), norms && norms.subarray(i0 + 1));
    k(A.data.subarray(i0 * d), Y, d, n, tmp, 0, i1 - i0);
    for (let i = i0; i < i1; i++) {
      const off = m * i - (i * (i + 1)) / 2;
      const r = (i - i0) * n;
      // Row i pairs with j = i+1..m-1, which is column j - i0 - 1 of the block.
      out.set(tmp.subarray(r + (i - i0), r + n), off);
    }
  }
  return new KernelArray(out, [out.length], 'cpu');
}

/** Condensed distances: a KernelArray, a typed array or numbers. */
export type CondensedInput = KernelArray | Float64Array | readonly number[];

/**
 * Converts condensed distances to a square symmetric matrix with a zero diagonal, or a square
 * matrix (shape [m, m], or number[][]) back to condensed form, as scipy's `squareform`.
 * @example
 * squareform([5, 10, 5]).toArray(); // [[0, 5, 10], [5, 0, 5], [10, 5, 0]]
 * squareform([[0, 5], [5, 0]]).toArray(); // [5]
 */
export function squareform(dm: CondensedInput | readonly (readonly number[])[]): KernelArray {
  const isSquare = (dm instanceof KernelArray && dm.ndim === 2) || (Array.isArray(dm) && dm.length > 0 && Array.isArray(dm[0]));
  if (isSquare) {
    const M = dm instanceof KernelArray ? { data: dm.data, rows: dm.shape[0], cols: dm.shape[1] } : toMat(dm as readonly (readonly number[])[], 'squareform input');
    const m = M.rows;
    if (M.cols !== m) throw new ValueError(`squareform: a distance matrix must be square; got shape [${M.rows}, ${M.cols}]`);
    const out = new Float64Array((m * (m - 1)) / 2);
    let q = 0;
    for (let i = 0; i < m; i++) {
      if (M.data[i * m + i] !== 0) throw new ValueError(`squareform: the diagonal must be zero; [${i}, ${i}] is ${M.data[i * m + i]}`);
      for (let j = i + 1; j < m; j++) {
        const a = M.data[i * m + j], b = M.data[j * m + i];
        if (a !== b && !(a !== a && b !== b)) throw new ValueError(`squareform: the matrix must be symmetric; [${i}, ${j}] is ${a} but [${j}, ${i}] is ${b}`);
        out[q++] = a;
      }
    }
    return new KernelArray(out, [out.length], dm instanceof KernelArray ? dm.device : 'cpu');
  }
  const v = dm instanceof KernelArray ? dm.data : Float64Array.from(dm as ArrayLike<number>);
  const k = v.length;
  const m = Math.round((1 + Math.sqrt(1 + 8 * k)) / 2);
  if ((m * (m - 1)) / 2 !== k) throw new ValueError(`squareform: ${k} values is not a condensed distance vector (m(m-1)/2 for some m)`);
  const out = new Float64Array(m * m);
  let q = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      out[i * m + j] = v[q];
      out[j * m + i] = v[q++];
    }
  }
  return new KernelArray(out, [m, m], dm instanceof KernelArray ? dm.device : 'cpu');
}
