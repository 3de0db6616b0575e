/**
 * The row loop of `fitRows` over a range of rows, writing into given outputs: what the calling
 * thread runs for the whole matrix and what each worker block runs for its rows (rows-task.ts).
 * Imports only the solver and the models, so a worker does not load the frame layer.
 * @module
 */
import { ValueError } from '../../errors.js';
import type { Device } from '../array.js';
import { levenbergMarquardt, LMWork, type LMProblem } from './lm.js';
import type { RowModel } from './models.js';
import type { FitRowsOptions, FitRowsResult, RowStarts } from './fit-rows.js';

const SQRT_EPS = Math.sqrt(2.220446049250313e-16);

/** Per-row outputs of a fit, indexed by absolute row (shared buffers when blocks run in workers). */
export interface FitOutputs {
  /** One array per model parameter. */
  params: Float64Array[];
  rss: Float64Array;
  converged: Uint8Array;
}

/**
 * Fits rows [r0, r1) of a row-major (rows x m) matrix into `out` (absolute row indices); returns
 * the failed rows' messages as [row, message] pairs. The per-row arithmetic does not depend on
 * r0 or r1 (every row starts from p0 with freshly initialised solver state), so a worker block
 * gives exactly the values the single-threaded loop gives.
 * @example
 * fitRowsRange(Y, 0, rows, 10, x, MODELS.powerlaw, { p0: [100, -1] }, out) // [] when all converge
 */
export function fitRowsRange(
  Y: Float64Array, r0: number, r1: number, m: number, x: Float64Array, model: RowModel, opts: FitRowsOptions, out: FitOutputs, starts?: RowStarts,
): [number, string][] {
  const n = model.params.length;
  const p0 = checkShapes(model, opts, x, m);
  const { rss, converged } = out;
  const failed: [number, string][] = [];
  let yoff = 0;
  const grad = new Float64Array(n);
  const pj = new Float64Array(n);
  const rj = new Float64Array(m);
  const f = model.f;
  const jac = model.jac;
  const bound = model.bind ? model.bind(x) : null;
  const generic: LMProblem = {
    m,
    n,
    residuals(p, r) {
      for (let i = 0; i < m; i++) r[i] = f(x[i], p) - Y[yoff + i];
    },
    jacobian(p, r, J) {
      if (jac) {
        for (let i = 0; i < m; i++) {
          jac(x[i], p, grad);
          for (let a = 0; a < n; a++) J[i * n + a] = grad[a];
        }
        return;
      }
      pj.set(p);
      for (let a = 0; a < n; a++) {
        const h = SQRT_EPS * Math.abs(p[a]) || SQRT_EPS;
        pj[a] = p[a] + h;
        generic.residuals(pj, rj);
        for (let i = 0; i < m; i++) J[i * n + a] = (rj[i] - r[i]) / h;
        pj[a] = p[a];
      }
    },
  };
  const problem: LMProblem = bound
    ? { m, n, residuals: (p, r) => bound.residuals(p, Y, yoff, r), jacobian: (p, _r, J) => bound.jacobian(p, J) }
    : generic;
  const w = new LMWork(m, n);
  const p = new Float64Array(n);
  const lmOpts = { ftol: opts.ftol, xtol: opts.xtol, maxfev: opts.maxfev ?? 200 * (n + 1) };
  const polishOpts = { ...lmOpts, damping: 1e-3 };
  for (let row = r0; row < r1; row++) {
    yoff = row * m;
    let bad = -1;
    for (let i = 0; i < m; i++) {
      if (!Number.isFinite(Y[yoff + i])) {
        bad = i;
        break;
      }
    }
    p.set(p0);
    let polish = false;
    if (starts && starts.out[row * 3 + 2] === 1 && Number.isFinite(starts.out[row * 3]) && Number.isFinite(starts.out[row * 3 + 1])) {
      p[0] = starts.out[row * 3];
      p[1] = starts.out[row * 3 + 1];
      polish = true;
    }
    let msg: string | null = null;
    if (bad >= 0) msg = `row has a missing or non-finite value at x=${x[bad]}`;
    else {
      let res = levenbergMarquardt(problem, p, w, polish ? polishOpts : lmOpts);
      if (polish && !res.converged) {
        p.set(p0);
        res = levenbergMarquardt(problem, p, w, lmOpts);
      }
      rss[row] = res.rss;
      if (res.status === 'nan-start') msg = 'the model returned NaN or Infinity at p0';
      else if (res.status === 'maxfev') msg = `did not converge within maxfev=${lmOpts.maxfev} steps`;
      else if (!res.converged) msg = `did not converge (${res.status})`;
      else if (!p.every(Number.isFinite)) msg = 'the fit gave non-finite parameters';
    }
    if (msg === null) {
      converged[row] = 1;
      for (let a = 0; a < n; a++) out.params[a][row] = p[a];
    } else {
      failed.push([row, msg]);
      if (bad >= 0) rss[row] = NaN;
      for (let a = 0; a < n; a++) out.params[a][row] = NaN;
    }
  }
  return failed;
}

/**
 * Checks p0 and x against the model and the rows; returns p0 (default: ones).
 * @example
 * checkShapes(MODELS.powerlaw, { p0: [100, -1] }, x, x.length) // Float64Array [100, -1]
 */
export function checkShapes(model: RowModel, opts: FitRowsOptions, x: Float64Array, m: number): Float64Array {
  const n = model.params.length;
  const p0 = opts.p0 ? Float64Array.from(opts.p0) : new Float64Array(n).fill(1);
  if (p0.length !== n) throw new ValueError(`fitRows: p0 has ${p0.length} values but the model has ${n} parameters (${model.params.join(', ')})`);
  if (x.length !== m) throw new ValueError(`fitRows: x has ${x.length} values but the rows have ${m}`);
  return p0;
}

/**
 * Builds a FitRowsResult around filled outputs and the failed rows' messages.
 * @example
 * fitResult(MODELS.powerlaw, out, rows, failed, 'cpu').params.s
 */
export function fitResult(model: RowModel, out: FitOutputs, rows: number, failed: readonly (readonly [number, string])[], device: Device): FitRowsResult {
  const message: (string | null)[] = new Array<string | null>(rows).fill(null);
  for (const [row, msg] of failed) message[row] = msg;
  const params: Record<string, Float64Array> = {};
  model.params.forEach((name, a) => {
    params[name] = out.params[a];
  });
  return { names: [...model.params], params, rss: out.rss, converged: out.converged, message, device };
}

