/**
 * `curveFit`: scipy.optimize.curve_fit for a scalar model f(x, ...params) with a forward-difference
 * Jacobian (MINPACK's step sqrt(eps)·|p|), Levenberg–Marquardt (lm.ts), box bounds by projection,
 * `sigma` weights, and the covariance scaled as scipy's absolute_sigma=False (inv(JᵀJ) · rss/(m-n)).
 * @module
 */
import { GridframeError, ValueError } from '../../errors.js';
import { invSpd, normalEquations } from './linalg.js';
import { levenbergMarquardt, LMWork, type LMProblem } from './lm.js';

/** A model: y = f(x, p0, p1, ...). */
export type ModelFn = (x: number, ...params: number[]) => number;

/** Options of `curveFit` (scipy's names). */
export interface CurveFitOptions {
  /** Start point; its length sets the number of parameters (default: ones, needs f.length - 1 params). */
  p0?: readonly number[];
  /** [lower, upper], each a number (all parameters) or one per parameter. */
  bounds?: readonly [number | readonly number[], number | readonly number[]];
  /** Standard deviations of ydata (residuals are divided by them). */
  sigma?: ArrayLike<number>;
  /** If true, the covariance is not scaled by the residual variance (default false, as scipy). */
  absoluteSigma?: boolean;
  /** Most LM steps (residual evaluations; Jacobian columns not counted). Default 200 (n + 1). */
  maxfev?: number;
  ftol?: number;
  xtol?: number;
}

/** Parameters and their covariance matrix (rows of number[]). */
export interface CurveFitResult {
  params: number[];
  cov: number[][];
  /** Sum of squared (weighted) residuals at the solution. */
  rss: number;
  nfev: number;
}

const SQRT_EPS = Math.sqrt(2.220446049250313e-16);

function boundArray(b: number | readonly number[], n: number, which: string): Float64Array {
  if (typeof b === 'number') return new Float64Array(n).fill(b);
  if (b.length !== n) throw new ValueError(`curveFit: ${which} bound has ${b.length} values but there are ${n} parameters`);
  return Float64Array.from(b);
}

/**
 * Fits f to (xdata, ydata) by least squares, as scipy's curve_fit.
 * @example
 * const { params, cov } = curveFit((x, a, b) => a * x + b, [0, 1, 2, 3], [1, 3, 5, 7.1], { p0: [1, 0] });
 * params; // ≈ [2.03, 0.97]
 */
export function curveFit(f: ModelFn, xdata: ArrayLike<number>, ydata: ArrayLike<number>, opts: CurveFitOptions = {}): CurveFitResult {
  const m = ydata.length;
  if (xdata.length !== m) throw new ValueError(`curveFit: xdata has ${xdata.length} values but ydata has ${m}`);
  if (m === 0) throw new ValueError('curveFit: xdata and ydata are empty');
  const n = opts.p0 ? opts.p0.length : f.length - 1;
  if (n < 1) throw new ValueError('curveFit: cannot tell the number of parameters; pass p0');
  const x = Float64Array.from(xdata);
  const y = Float64Array.from(ydata);
  for (let i = 0; i < m; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) throw new ValueError(`curveFit: xdata/ydata must be finite; position ${i} has x=${x[i]}, y=${y[i]}`);
  }
  const invSigma = new Float64Array(m).fill(1);
  if (opts.sigma) {
    if (opts.sigma.length !== m) throw new ValueError(`curveFit: sigma has ${opts.sigma.length} values but ydata has ${m}`);
    for (let i = 0; i < m; i++) {
      const s = opts.sigma[i];
      if (!(s > 0)) throw new ValueError(`curveFit: sigma must be positive; sigma[${i}] is ${s}`);
      invSigma[i] = 1 / s;
    }
  }
  const lower = opts.bounds ? boundArray(opts.bounds[0], n, 'lower') : undefined;
  const upper = opts.bounds ? boundArray(opts.bounds[1], n, 'upper') : undefined;
  const p = opts.p0 ? Float64Array.from(opts.p0) : new Float64Array(n).fill(1);
  if (lower && upper) {
    for (let a = 0; a < n; a++) {
      if (!(lower[a] < upper[a])) throw new ValueError(`curveFit: each lower bound must be below its upper bound; parameter ${a} has [${lower[a]}, ${upper[a]}]`);
      if (!(p[a] >= lower[a] && p[a] <= upper[a])) throw new ValueError(`curveFit: p0[${a}] = ${p[a]} is outside the bounds [${lower[a]}, ${upper[a]}]`);
    }
  }
  const args = new Array<number>(n);
  const evalModel = (q: Float64Array, r: Float64Array): void => {
    for (let a = 0; a < n; a++) args[a] = q[a];
    for (let i = 0; i < m; i++) r[i] = (f(x[i], ...args) - y[i]) * invSigma[i];
  };
  const pj = new Float64Array(n);
  const rj = new Float64Array(m);
  const problem: LMProblem = {
    m,
    n,
    residuals: evalModel,
    jacobian(q, r, J) {
      pj.set(q);
      for (let a = 0; a < n; a++) {
        let h = SQRT_EPS * Math.abs(q[a]);
        if (h === 0) h = SQRT_EPS;
        if (upper && q[a] + h > upper[a]) h = -h;
        pj[a] = q[a] + h;
        evalModel(pj, rj);
        for (let i = 0; i < m; i++) J[i * n + a] = (rj[i] - r[i]) / h;
        pj[a] = q[a];
      }
    },
  };
  const w = new LMWork(m, n);
  const first = new Float64Array(m);
  evalModel(p, first);
  for (let i = 0; i < m; i++) {
    if (!Number.isFinite(first[i])) throw new ValueError(`curveFit: the model returned ${f(x[i], ...Array.from(p))} at x=${x[i]} for the start parameters [${Array.from(p).join(', ')}]; choose another p0 or check f`);
  }
  const res = levenbergMarquardt(problem, p, w, { ftol: opts.ftol, xtol: opts.xtol, maxfev: opts.maxfev ?? 200 * (n + 1), lower, upper });
  if (!res.converged) {
    throw new GridframeError(`curveFit: optimal parameters not found (${res.status === 'maxfev' ? `the number of model evaluations reached maxfev` : `the search stalled (${res.status})`}) after ${res.nfev} evaluations; try another p0 or a larger maxfev`);
  }
  problem.jacobian(p, w.r, w.J);
  const A = new Float64Array(n * n);
  normalEquations(w.J, w.r, m, n, A, new Float64Array(n));
  const inv = invSpd(A, n);
  const cov: number[][] = [];
  const scale = opts.absoluteSigma ? 1 : m > n ? res.rss / (m - n) : Infinity;
  for (let a = 0; a < n; a++) {
    const row: number[] = [];
    for (let b = 0; b < n; b++) row.push(inv && Number.isFinite(scale) ? inv[a * n + b] * scale : Infinity);
    cov.push(row);
  }
  return { params: Array.from(p), cov, rss: res.rss, nfev: res.nfev };
}
