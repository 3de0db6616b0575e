/**
 * Euclidean and squared-Euclidean distances, direct form: per pair, the sum of squared differences
 * with four independent accumulators (and unrolled code for d = 2 and 3, the common geometric case).
 * NaN in either row gives NaN, as scipy.
 * @module
 */

/** Sum of squared differences of X row (xi offset) and Y row (yj offset) over d features. */
function sqdiff(X: Float64Array, xi: number, Y: Float64Array, yj: number, d: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let k = 0;
  for (; k + 3 < d; k += 4) {
    const t0 = X[xi + k] - Y[yj + k];
    const t1 = X[xi + k + 1] - Y[yj + k + 1];
    const t2 = X[xi + k + 2] - Y[yj + k + 2];
    const t3 = X[xi + k + 3] - Y[yj + k + 3];
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; k < d; k++) {
    const t = X[xi + k] - Y[yj + k];
    s0 += t * t;
  }
  return s0 + s1 + (s2 + s3);
}

/** d = 3, two rows of X per pass over Y (each Y row is loaded once for two outputs). */
function sq3(X: Float64Array, Y: Float64Array, n: number, out: Float64Array, r0: number, r1: number, root: boolean): void {
  let i = r0;
  for (; i + 1 < r1; i += 2) {
    const a0 = X[3 * i], a1 = X[3 * i + 1], a2 = X[3 * i + 2];
    const b0 = X[3 * i + 3], b1 = X[3 * i + 4], b2 = X[3 * i + 5];
    const oa = i * n, ob = oa + n;
    for (let j = 0, y = 0; j < n; j++, y += 3) {
      const y0 = Y[y], y1 = Y[y + 1], y2 = Y[y + 2];
      const u0 = a0 - y0, u1 = a1 - y1, u2 = a2 - y2;
      const v0 = b0 - y0, v1 = b1 - y1, v2 = b2 - y2;
      const su = u0 * u0 + u1 * u1 + u2 * u2;
      const sv = v0 * v0 + v1 * v1 + v2 * v2;
      out[oa + j] = root ? Math.sqrt(su) : su;
      out[ob + j] = root ? Math.sqrt(sv) : sv;
    }
  }
  for (; i < r1; i++) {
    const a0 = X[3 * i], a1 = X[3 * i + 1], a2 = X[3 * i + 2];
    const oa = i * n;
    for (let j = 0, y = 0; j < n; j++, y += 3) {
      const u0 = a0 - Y[y], u1 = a1 - Y[y + 1], u2 = a2 - Y[y + 2];
      const su = u0 * u0 + u1 * u1 + u2 * u2;
      out[oa + j] = root ? Math.sqrt(su) : su;
    }
  }
}

/** d = 2, unrolled. */
function sq2(X: Float64Array, Y: Float64Array, n: number, out: Float64Array, r0: number, r1: number, root: boolean): void {
  for (let i = r0; i < r1; i++) {
    const a0 = X[2 * i], a1 = X[2 * i + 1];
    const oa = i * n;
    for (let j = 0, y = 0; j < n; j++, y += 2) {
      const u0 = a0 - Y[y], u1 = a1 - Y[y + 1];
      const su = u0 * u0 + u1 * u1;
      out[oa + j] = root ? Math.sqrt(su) : su;
    }
  }
}

function sqGeneral(X: Float64Array, Y: Float64Array, d: number, n: number, out: Float64Array, r0: number, r1: number, root: boolean): void {
  if (d === 3) return sq3(X, Y, n, out, r0, r1, root);
  if (d === 2) return sq2(X, Y, n, out, r0, r1, root);
  for (let i = r0; i < r1; i++) {
    const xi = i * d, oi = i * n;
    for (let j = 0, yj = 0; j < n; j++, yj += d) {
      const s = sqdiff(X, xi, Y, yj, d);
      out[oi + j] = root ? Math.sqrt(s) : s;
    }
  }
}

/**
 * Euclidean distances, direct form, rows [r0, r1) of X against all n rows of Y.
 * @example
 * const out = new Float64Array(1);
 * euclideanDirect(new Float64Array([0, 0]), new Float64Array([3, 4]), 2, 1, out, 0, 1); // out[0] === 5
 */
export function euclideanDirect(X: Float64Array, Y: Float64Array, d: number, n: number, out: Float64Array, r0: number, r1: number): void {
  sqGeneral(X, Y, d, n, out, r0, r1, true);
}

/**
 * Squared Euclidean distances, direct form.
 * @example
 * const out = new Float64Array(1);
 * sqeuclideanDirect(new Float64Array([0, 0]), new Float64Array([3, 4]), 2, 1, out, 0, 1); // out[0] === 25
 */
export function sqeuclideanDirect(X: Float64Array, Y: Float64Array, d: number, n: number, out: Float64Array, r0: number, r1: number): void {
  sqGeneral(X, Y, d, n, out, r0, r1, false);
}

/**
 * Squared norm of every row of an (rows x d) matrix.
 * @example
 * rowSquaredNorms(new Float64Array([3, 4]), 1, 2) // Float64Array [25]
 */
export function rowSquaredNorms(A: Float64Array, rows: number, d: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s0 = 0, s1 = 0;
    const a = i * d;
    let k = 0;
    for (; k + 1 < d; k += 2) {
      s0 += A[a + k] * A[a + k];
      s1 += A[a + k + 1] * A[a + k + 1];
    }
    if (k < d) s0 += A[a + k] * A[a + k];
    out[i] = s0 + s1;
  }
  return out;
}

export { sqdiff };
