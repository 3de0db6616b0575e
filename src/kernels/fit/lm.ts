/**
 * Levenberg–Marquardt for small least-squares problems (a few parameters), on preallocated
 * Float64Arrays so fitting many rows allocates nothing per row. Marquardt's diagonal scaling
 * (the largest diag(JᵀJ) seen, as MINPACK), Nielsen's damping update, MINPACK-style ftol / xtol
 * tests, and box bounds by a projected active-set method: a parameter on a bound whose gradient
 * points outward is held fixed for the step, the others take the damped Gauss–Newton step, and
 * each trial point is clipped into [lower, upper] (the solution is a KKT point of the bounded problem).
 * @module
 */
import { cholesky, cholSolve, normalEquations } from './linalg.js';

/** A least-squares problem: m residuals in n parameters. */
export interface LMProblem {
  m: number;
  n: number;
  /** Fills r (length m) with the residuals at p. */
  residuals(p: Float64Array, r: Float64Array): void;
  /** Fills J (m x n, row-major) with dr/dp at p; r holds the residuals at p. */
  jacobian(p: Float64Array, r: Float64Array, J: Float64Array): void;
}

/** Options of the solver (scipy's names and defaults). */
export interface LMOptions {
  /** Relative reduction of the sum of squares below which it stops (default 1.49012e-8). */
  ftol?: number;
  /** Relative step size below which it stops (default 1.49012e-8). */
  xtol?: number;
  /** Most residual evaluations (default 200 (n + 1), as scipy's leastsq with an analytic Jacobian ×2). */
  maxfev?: number;
  /**
   * Initial damping relative to diag(JᵀJ) (default 1: a cautious first step; with 1e-3 two rows of
   * the ENCCS results.csv power-law fits from p0 = [100, -1] jumped onto the s -> -inf plateau).
   */
  damping?: number;
  /** Box bounds per parameter (-Infinity / Infinity for none). */
  lower?: Float64Array;
  upper?: Float64Array;
}

/** Why the solver stopped. */
export type LMStatus = 'ftol' | 'xtol' | 'both' | 'zero-residual' | 'gtol' | 'maxfev' | 'nan-start' | 'stalled';

/** The outcome: parameters are updated in place in `p`. */
export interface LMResult {
  status: LMStatus;
  converged: boolean;
  /** Sum of squared residuals at the solution. */
  rss: number;
  nfev: number;
}

/** Scratch buffers for one problem size, reused across calls. */
export class LMWork {
  readonly r: Float64Array;
  readonly rn: Float64Array;
  readonly J: Float64Array;
  readonly A: Float64Array;
  readonly M: Float64Array;
  readonly g: Float64Array;
  readonly delta: Float64Array;
  readonly pn: Float64Array;
  readonly D: Float64Array;
  readonly free: Uint8Array;
  constructor(readonly m: number, readonly n: number) {
    this.r = new Float64Array(m);
    this.rn = new Float64Array(m);
    this.J = new Float64Array(m * n);
    this.A = new Float64Array(n * n);
    this.M = new Float64Array(n * n);
    this.g = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.pn = new Float64Array(n);
    this.D = new Float64Array(n);
    this.free = new Uint8Array(n);
  }
}

function sumSq(r: Float64Array, m: number): number {
  let s = 0;
  for (let i = 0; i < m; i++) s += r[i] * r[i];
  return s;
}

/**
 * Minimises the sum of squared residuals from the start point in `p` (updated in place).
 * @example
 * const res = levenbergMarquardt(problem, p, new LMWork(problem.m, problem.n), { ftol: 1e-12 });
 * res.converged; // true
 */
export function levenbergMarquardt(pr: LMProblem, p: Float64Array, w: LMWork, opts: LMOptions = {}): LMResult {
  const { m, n } = pr;
  const ftol = opts.ftol ?? 1.49012e-8;
  const xtol = opts.xtol ?? 1.49012e-8;
  const maxfev = opts.maxfev ?? 200 * (n + 1);
  const lo = opts.lower, hi = opts.upper;
  const { r, J, A, M, g, delta, pn, D, free } = w;
  let rn = w.rn;
  let rr = r;
  if (lo && hi) for (let a = 0; a < n; a++) p[a] = Math.min(hi[a], Math.max(lo[a], p[a]));
  pr.residuals(p, rr);
  let nfev = 1;
  let S = sumSq(rr, m);
  if (!Number.isFinite(S)) return { status: 'nan-start', converged: false, rss: S, nfev };
  pr.jacobian(p, rr, J);
  normalEquations(J, rr, m, n, A, g);
  D.fill(0);
  let maxDiag = 0;
  for (let a = 0; a < n; a++) {
    D[a] = Math.max(D[a], A[a * n + a]);
    maxDiag = Math.max(maxDiag, A[a * n + a]);
  }
  let mu = opts.damping ?? 1;
  let nu = 2;
  let status: LMStatus = 'maxfev';
  while (nfev < maxfev) {
    if (S === 0) {
      status = 'zero-residual';
      break;
    }
    let gmax = 0;
    for (let a = 0; a < n; a++) {
      free[a] = lo && hi && ((p[a] <= lo[a] && g[a] > 0) || (p[a] >= hi[a] && g[a] < 0)) ? 0 : 1;
      if (free[a]) gmax = Math.max(gmax, Math.abs(g[a]));
    }
    if (gmax === 0) {
      status = 'gtol';
      break;
    }
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) M[a * n + b] = free[a] && free[b] ? A[a * n + b] : a === b ? 1 : 0;
      if (free[a]) M[a * n + a] += mu * (D[a] > 0 ? D[a] : maxDiag > 0 ? maxDiag : 1);
      delta[a] = free[a] ? -g[a] : 0;
    }
    if (!cholesky(M, n)) {
      mu *= nu;
      nu *= 2;
      if (!Number.isFinite(mu)) {
        status = 'stalled';
        break;
      }
      continue;
    }
    cholSolve(M, n, delta);
    let pnorm = 0, dnorm = 0;
    for (let a = 0; a < n; a++) {
      let v = p[a] + delta[a];
      if (lo && hi) v = Math.min(hi[a], Math.max(lo[a], v));
      pn[a] = v;
      delta[a] = v - p[a];
      const s = Math.sqrt(D[a]) || 1;
      pnorm += (s * p[a]) ** 2;
      dnorm += (s * delta[a]) ** 2;
    }
    pnorm = Math.sqrt(pnorm);
    dnorm = Math.sqrt(dnorm);
    pr.residuals(pn, rn);
    nfev++;
    const Sn = sumSq(rn, m);
    // Predicted reduction of the linear model: -gᵀδ·2 - δᵀAδ (for the projected step, evaluated directly).
    let gd = 0, dAd = 0;
    for (let a = 0; a < n; a++) {
      gd += g[a] * delta[a];
      let t = 0;
      for (let b = 0; b < n; b++) t += A[a * n + b] * delta[b];
      dAd += delta[a] * t;
    }
    const pred = -2 * gd - dAd;
    const actual = S - Sn;
    const rho = Number.isFinite(Sn) && pred > 0 ? actual / pred : -1;
    const xsmall = dnorm <= xtol * pnorm;
    if (rho > 1e-4 || (Number.isFinite(Sn) && actual >= 0 && xsmall)) {
      const fsmall = Math.abs(actual) <= ftol * S && pred <= ftol * S;
      for (let a = 0; a < n; a++) p[a] = pn[a];
      const t = rr;
      rr = rn;
      rn = t;
      S = Sn;
      if (fsmall || xsmall) {
        status = fsmall && xsmall ? 'both' : fsmall ? 'ftol' : 'xtol';
        break;
      }
      pr.jacobian(p, rr, J);
      normalEquations(J, rr, m, n, A, g);
      for (let a = 0; a < n; a++) D[a] = Math.max(D[a], A[a * n + a]);
      mu *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
      nu = 2;
    } else {
      if (xsmall) {
        status = 'xtol';
        break;
      }
      mu *= nu;
      nu *= 2;
      if (!Number.isFinite(mu) || mu > 1e30) {
        status = 'stalled';
        break;
      }
    }
  }
  if (rr !== r) r.set(rr);
  const converged = status !== 'maxfev' && status !== 'stalled';
  return { status, converged, rss: S, nfev };
}
