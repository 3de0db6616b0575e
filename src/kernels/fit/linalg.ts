/**
 * Tiny dense linear algebra for least squares with a few parameters: normal equations, Cholesky
 * solve and inverse on n x n row-major Float64Arrays (n is the number of fit parameters).
 * @module
 */

/**
 * A = JᵀJ (n x n) and g = Jᵀr for J (m x n, row-major) and residuals r.
 * @example
 * normalEquations(J, r, m, n, A, g)
 */
export function normalEquations(J: Float64Array, r: Float64Array, m: number, n: number, A: Float64Array, g: Float64Array): void {
  A.fill(0, 0, n * n);
  g.fill(0, 0, n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    const ri = r[i];
    for (let a = 0; a < n; a++) {
      const ja = J[row + a];
      g[a] += ja * ri;
      for (let b = 0; b <= a; b++) A[a * n + b] += ja * J[row + b];
    }
  }
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) A[b * n + a] = A[a * n + b];
}

/**
 * In-place Cholesky factorisation of a symmetric positive-definite n x n matrix (lower triangle
 * holds L). Returns false when the matrix is not positive definite (or has NaN).
 * @example
 * const A = new Float64Array([4, 2, 2, 3]);
 * cholesky(A, 2); // true; A's lower triangle is L
 */
export function cholesky(A: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let s = A[j * n + j];
    for (let k = 0; k < j; k++) s -= A[j * n + k] * A[j * n + k];
    if (!(s > 0)) return false;
    const l = Math.sqrt(s);
    A[j * n + j] = l;
    for (let i = j + 1; i < n; i++) {
      let t = A[i * n + j];
      for (let k = 0; k < j; k++) t -= A[i * n + k] * A[j * n + k];
      A[i * n + j] = t / l;
    }
  }
  return true;
}

/**
 * Solves L Lᵀ x = b in place (b becomes x), L from `cholesky`.
 * @example
 * if (cholesky(A, n)) cholSolve(A, n, b);
 */
export function cholSolve(L: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * b[k];
    b[i] = s / L[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * b[k];
    b[i] = s / L[i * n + i];
  }
}

/**
 * Inverse of a symmetric positive-definite matrix through Cholesky, or null when it is singular.
 * @example
 * invSpd(new Float64Array([2, 0, 0, 4]), 2); // Float64Array [0.5, 0, 0, 0.25]
 */
export function invSpd(A: Float64Array, n: number): Float64Array | null {
  const L = Float64Array.from(A);
  if (!cholesky(L, n)) return null;
  const out = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    e.fill(0);
    e[c] = 1;
    cholSolve(L, n, e);
    for (let r = 0; r < n; r++) out[r * n + c] = e[r];
  }
  return out;
}
