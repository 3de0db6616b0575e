/**
 * The L1 / L∞ / Lp family: cityblock (Manhattan), chebyshev and minkowski distances, direct form
 * with independent accumulators. NaN in either row gives NaN for cityblock and minkowski, as scipy;
 * chebyshev follows scipy's C loop (`if (d > max) max = d` from 0), which skips NaN differences:
 * scipy gives cdist([[nan, 0]], [[1, 9]], 'chebyshev') = 9, and so do we.
 * @module
 */

/**
 * Cityblock (sum of absolute differences), rows [r0, r1) of X against the n rows of Y.
 * @example
 * const out = new Float64Array(1);
 * cityblockKernel(new Float64Array([0, 0]), new Float64Array([3, -4]), 2, 1, out, 0, 1); // out[0] === 7
 */
export function cityblockKernel(X: Float64Array, Y: Float64Array, d: number, n: number, out: Float64Array, r0: number, r1: number): void {
  if (d === 3) {
    let i = r0;
    for (; i + 1 < r1; i += 2) {
      const a0 = X[3 * i], a1 = X[3 * i + 1], a2 = X[3 * i + 2];
      const b0 = X[3 * i + 3], b1 = X[3 * i + 4], b2 = X[3 * i + 5];
      const oa = i * n, ob = oa + n;
      for (let j = 0, y = 0; j < n; j++, y += 3) {
        const y0 = Y[y], y1 = Y[y + 1], y2 = Y[y + 2];
        out[oa + j] = Math.abs(a0 - y0) + Math.abs(a1 - y1) + Math.abs(a2 - y2);
        out[ob + j] = Math.abs(b0 - y0) + Math.abs(b1 - y1) + Math.abs(b2 - y2);
      }
    }
    for (; i < r1; i++) {
      const a0 = X[3 * i], a1 = X[3 * i + 1], a2 = X[3 * i + 2];
      const oa = i * n;
      for (let j = 0, y = 0; j < n; j++, y += 3) out[oa + j] = Math.abs(a0 - Y[y]) + Math.abs(a1 - Y[y + 1]) + Math.abs(a2 - Y[y + 2]);
    }
    return;
  }
  for (let i = r0; i < r1; i++) {
    const xi = i * d, oi = i * n;
    for (let j = 0, yj = 0; j < n; j++, yj += d) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let k = 0;
      for (; k + 3 < d; k += 4) {
        s0 += Math.abs(X[xi + k] - Y[yj + k]);
        s1 += Math.abs(X[xi + k + 1] - Y[yj + k + 1]);
        s2 += Math.abs(X[xi + k + 2] - Y[yj + k + 2]);
        s3 += Math.abs(X[xi + k + 3] - Y[yj + k + 3]);
      }
      for (; k < d; k++) s0 += Math.abs(X[xi + k] - Y[yj + k]);
      out[oi + j] = s0 + s1 + (s2 + s3);
    }
  }
}

/**
 * Chebyshev (largest absolute difference).
 * @example
 * const out = new Float64Array(1);
 * chebyshevKernel(new Float64Array([0, 0]), new Float64Array([3, -4]), 2, 1, out, 0, 1); // out[0] === 4
 */
export function chebyshevKernel(X: Float64Array, Y: Float64Array, d: number, n: number, out: Float64Array, r0: number, r1: number): void {
  for (let i = r0; i < r1; i++) {
    const xi = i * d, oi = i * n;
    for (let j = 0, yj = 0; j < n; j++, yj += d) {
      let m0 = 0, m1 = 0;
      let k = 0;
      for (; k + 1 < d; k += 2) {
        const t0 = Math.abs(X[xi + k] - Y[yj + k]);
        const t1 = Math.abs(X[xi + k + 1] - Y[yj + k + 1]);
        if (t0 > m0) m0 = t0;
        if (t1 > m1) m1 = t1;
      }
      if (k < d) {
        const t = Math.abs(X[xi + k] - Y[yj + k]);
        if (t > m0) m0 = t;
      }
      out[oi + j] = m0 > m1 ? m0 : m1;
    }
  }
}

/**
 * A Minkowski kernel for order p (p >= 1; p = 1, 2 and Infinity use the specialised kernels).
 * @example
 * const out = new Float64Array(1);
 * minkowskiKernel(3)(new Float64Array([0, 0]), new Float64Array([1, 1]), 2, 1, out, 0, 1); // out[0] === 2 ** (1 / 3)
 */
export function minkowskiKernel(p: number): (X: Float64Array, Y: Float64Array, d: number, n: number, out: Float64Array, r0: number, r1: number) => void {
  const inv = 1 / p;
  return (X, Y, d, n, out, r0, r1) => {
    for (let i = r0; i < r1; i++) {
      const xi = i * d, oi = i * n;
      for (let j = 0, yj = 0; j < n; j++, yj += d) {
        let s0 = 0, s1 = 0;
        let k = 0;
        for (; k + 1 < d; k += 2) {
          s0 += Math.abs(X[xi + k] - Y[yj + k]) ** p;
          s1 += Math.abs(X[xi + k + 1] - Y[yj + k + 1]) ** p;
        }
        if (k < d) s0 += Math.abs(X[xi + k] - Y[yj + k]) ** p;
        out[oi + j] = (s0 + s1) ** inv;
      }
    }
  };
}
