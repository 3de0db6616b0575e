/**
 * Cosine distance 1 - u·v / (|u| |v|) as scipy: norms computed once per row, dot products with
 * independent accumulators, the result clipped to [0, 2] as scipy does. A zero vector gives NaN
 * (0/0), as scipy's cdist.
 * @module
 */
import { rowSquaredNorms } from './euclidean.js';

/**
 * A cosine kernel over precomputed row norms of X and Y (so a row block in a worker reuses them).
 * @example
 * const X = new Float64Array([1, 0]), Y = new Float64Array([0, 1]);
 * const out = new Float64Array(1);
 * cosineKernel(rowNorms(X, 1, 2), rowNorms(Y, 1, 2))(X, Y, 2, 1, out, 0, 1); // out[0] === 1
 */
export function cosineKernel(nx: Float64Array, ny: Float64Array): (X: Float64Array, Y: Float64Array, d: number, n: number, out: Float64Array, r0: number, r1: number) => void {
  return (X, Y, d, n, out, r0, r1) => {
    for (let i = r0; i < r1; i++) {
      const xi = i * d, oi = i * n;
      const ni = nx[i];
      for (let j = 0, yj = 0; j < n; j++, yj += d) {
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        let k = 0;
        for (; k + 3 < d; k += 4) {
          s0 += X[xi + k] * Y[yj + k];
          s1 += X[xi + k + 1] * Y[yj + k + 1];
          s2 += X[xi + k + 2] * Y[yj + k + 2];
          s3 += X[xi + k + 3] * Y[yj + k + 3];
        }
        for (; k < d; k++) s0 += X[xi + k] * Y[yj + k];
        const c = 1 - (s0 + s1 + (s2 + s3)) / (ni * ny[j]);
        out[oi + j] = c < 0 ? 0 : c > 2 ? 2 : c;
      }
    }
  };
}

/**
 * Euclidean norm of every row.
 * @example
 * rowNorms(new Float64Array([3, 4]), 1, 2) // Float64Array [5]
 */
export function rowNorms(A: Float64Array, rows: number, d: number): Float64Array {
  const sq = rowSquaredNorms(A, rows, d);
  for (let i = 0; i < rows; i++) sq[i] = Math.sqrt(sq[i]);
  return sq;
}
