/**
 * Cache-blocked product G = A Bᵀ for row-major A (rows of length d) and B (n rows of length d):
 * G[i, j] = dot(A_i, B_j). The micro-kernel computes a 2 x 4 tile with eight independent
 * accumulators (each loaded value feeds several products); Y rows are walked in blocks that stay
 * in L1/L2 while a strip of A rows passes over them. Writes rows [r0, r1) of G (n columns).
 * @module
 */

/** Rows of B per cache block (BJ * d * 8 bytes should sit in L2). */
const BJ = 64;

/**
 * Fills G[i*n + j] = dot(A_i, B_j) for i in [r0, r1), j in [0, n).
 * @example
 * const g = new Float64Array(1);
 * gemmABt(new Float64Array([1, 2]), new Float64Array([3, 4]), 2, 1, g, 0, 1); // g[0] === 11
 */
export function gemmABt(A: Float64Array, B: Float64Array, d: number, n: number, G: Float64Array, r0: number, r1: number): void {
  for (let j0 = 0; j0 < n; j0 += BJ) {
    const j1 = Math.min(n, j0 + BJ);
    let i = r0;
    for (; i + 1 < r1; i += 2) {
      const a = i * d, b = a + d;
      const ga = i * n, gb = ga + n;
      let j = j0;
      for (; j + 3 < j1; j += 4) {
        const p = j * d, q = p + d, r = q + d, s = r + d;
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        for (let k = 0; k < d; k++) {
          const x0 = A[a + k], x1 = A[b + k];
          const y0 = B[p + k], y1 = B[q + k], y2 = B[r + k], y3 = B[s + k];
          c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
          c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        }
        G[ga + j] = c00; G[ga + j + 1] = c01; G[ga + j + 2] = c02; G[ga + j + 3] = c03;
        G[gb + j] = c10; G[gb + j + 1] = c11; G[gb + j + 2] = c12; G[gb + j + 3] = c13;
      }
      for (; j < j1; j++) {
        const p = j * d;
        let c0 = 0, c1 = 0;
        for (let k = 0; k < d; k++) {
          const y = B[p + k];
          c0 += A[a + k] * y;
          c1 += A[b + k] * y;
        }
        G[ga + j] = c0;
        G[gb + j] = c1;
      }
    }
    for (; i < r1; i++) {
      const a = i * d, ga = i * n;
      for (let j = j0; j < j1; j++) {
        const p = j * d;
        let c0 = 0, c1 = 0;
        let k = 0;
        for (; k + 1 < d; k += 2) {
          c0 += A[a + k] * B[p + k];
          c1 += A[a + k + 1] * B[p + k + 1];
        }
        if (k < d) c0 += A[a + k] * B[p + k];
        G[ga + j] = c0 + c1;
      }
    }
  }
}
