/**
 * `fitRows`: fits one model to every row of a frame (x = the column labels when they are numbers,
 * else 1..ncols as the ENCCS lesson's np.arange(n) + 1; or `x` given), with analytic Jacobians for
 * the built-in models and the Levenberg–Marquardt of lm.ts on reused Float64Array buffers. A row
 * that cannot be fitted (missing values, a model giving NaN at p0, no convergence) gets NaN
 * parameters, converged = false and a message; it never aborts the whole frame.
 * @module
 */
import type { DataFrame } from '../../frame/dataframe.js';
import type { Column } from '../../frame/column.js';
import type { Index } from '../../frame/label-index.js';
import { fromBoolBytes, fromFloat64, fromStrings } from '../../frame/column-build.js';
import { suggest, ValueError } from '../../errors.js';
import { isFrameLike, toMat, type Device, type FrameLike, type MatrixInput } from '../array.js';
import { levenbergMarquardt, LMWork, type LMProblem } from './lm.js';
import { fromUserModel, MODELS, type BuiltinModel, type RowModel, type UserModel } from './models.js';

/** Options of `fitRows`. */
export interface FitRowsOptions {
  /** Start parameters, the same for every row (default: ones). */
  p0?: readonly number[];
  /** The x values of the columns (default: numeric column labels, else 1, 2, ..., ncols). */
  x?: ArrayLike<number>;
  ftol?: number;
  xtol?: number;
  maxfev?: number;
  /**
   * 'cpu' (default, synchronous); 'gpu' (powerlaw and exponential: float32 LM per row on WebGPU,
   * then a float64 polish of every row on the CPU; returns a Promise); 'auto' (the GPU for a
   * hardware adapter and at least 100,000 rows, else the CPU; returns a Promise).
   */
  device?: 'cpu' | 'gpu' | 'auto';
}

/** fitRows on a matrix input: one Float64Array per parameter plus per-row status. */
export interface FitRowsResult {
  /** Parameter names in order. */
  names: string[];
  /** Fitted values per parameter (NaN where the row failed). */
  params: Record<string, Float64Array>;
  /** Sum of squared residuals per row. */
  rss: Float64Array;
  /** 1 where the fit converged. */
  converged: Uint8Array;
  /** null where the fit converged, else why not. */
  message: (string | null)[];
  /** Where the fits ran ('gpu': the GPU found them, the CPU polished them in float64). */
  device: Device;
}

/** Per-row starting points from a first pass (the GPU): [A, k, status] per row, status 1 = usable. */
export interface RowStarts {
  out: Float32Array;
}

const SQRT_EPS = Math.sqrt(2.220446049250313e-16);

function resolveModel(model: BuiltinModel | UserModel, n0: number | undefined): RowModel {
  if (typeof model === 'string') {
    const m = (MODELS as Record<string, RowModel | undefined>)[model];
    if (!m) {
      const names = Object.keys(MODELS);
      const near = suggest(model, names);
      throw new ValueError(`Unknown model '${model}'.${near.length ? ` Did you mean '${near[0]}'?` : ''} Built-in models: ${names.join(', ')}, or pass { f, jac? }`);
    }
    return m;
  }
  if (typeof model !== 'object' || model === null || typeof model.f !== 'function') throw new ValueError("fitRows: model must be a built-in name or { f: (x, ...params) => number, jac? }");
  const n = n0 ?? model.params?.length ?? model.f.length - 1;
  if (!(n >= 1)) throw new ValueError('fitRows: cannot tell the number of parameters of the model; pass p0');
  return fromUserModel(model, n);
}

function defaultX(labels: readonly string[] | null, ncols: number): Float64Array {
  if (labels && labels.length > 0 && labels.every((l) => l.trim() !== '' && Number.isFinite(Number(l)))) return Float64Array.from(labels, Number);
  return Float64Array.from({ length: ncols }, (_, i) => i + 1);
}

/**
 * Fits every row of a row-major (rows x m) matrix (a pure function of its inputs, for workers too).
 * @example
 * fitRowsMatrix(Y, rows, 10, x, MODELS.powerlaw, { p0: [100, -1] }).params.s
 */
export function fitRowsMatrix(Y: Float64Array, rows: number, m: number, x: Float64Array, model: RowModel, opts: FitRowsOptions, starts?: RowStarts): FitRowsResult {
  const n = model.params.length;
  const p0 = opts.p0 ? Float64Array.from(opts.p0) : new Float64Array(n).fill(1);
  if (p0.length !== n) throw new ValueError(`fitRows: p0 has ${p0.length} values but the model has ${n} parameters (${model.params.join(', ')})`);
  if (x.length !== m) throw new ValueError(`fitRows: x has ${x.length} values but the rows have ${m}`);
  const out = model.params.map(() => new Float64Array(rows));
  const rss = new Float64Array(rows);
  const converged = new Uint8Array(rows);
  const message: (string | null)[] = new Array<string | null>(rows).fill(null);
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
  for (let row = 0; row < rows; row++) {
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
      for (let a = 0; a < n; a++) out[a][row] = p[a];
    } else {
      message[row] = msg;
      if (bad >= 0) rss[row] = NaN;
      for (let a = 0; a < n; a++) out[a][row] = NaN;
    }
  }
  const params: Record<string, Float64Array> = {};
  model.params.forEach((name, a) => {
    params[name] = out[a];
  });
  return { names: [...model.params], params, rss, converged, message, device: starts ? 'gpu' : 'cpu' };
}

interface FrameFactory {
  fromColumns(names: readonly string[], cols: readonly Column[], index?: Index): FrameLike;
}

/**
 * Fits a model to every row: a DataFrame in gives a DataFrame out (same index) with one column per
 * parameter plus `rss`, `converged` and `message`; a matrix in gives a FitRowsResult. With
 * `device: 'gpu' | 'auto'` it returns a Promise.
 * @example
 * const fits = fitRows(results.iloc(null, { start: 1, stop: 11 }), 'powerlaw', { p0: [100, -1] });
 * fits.col('s'); // the exponent of every row (x = 1..10, as the ENCCS lesson)
 * const onGpu = await fitRows(Y, 'powerlaw', { p0: [100, -1], device: 'gpu' }); // onGpu.device === 'gpu'
 */
export function fitRows(df: DataFrame, model: BuiltinModel | UserModel, opts?: FitRowsOptions & { device?: 'cpu' }): DataFrame;
export function fitRows(Y: MatrixInput, model: BuiltinModel | UserModel, opts?: FitRowsOptions & { device?: 'cpu' }): FitRowsResult;
export function fitRows(df: DataFrame, model: BuiltinModel | UserModel, opts: FitRowsOptions & { device: 'gpu' | 'auto' }): Promise<DataFrame>;
export function fitRows(Y: MatrixInput, model: BuiltinModel | UserModel, opts: FitRowsOptions & { device: 'gpu' | 'auto' }): Promise<FitRowsResult>;
export function fitRows(Y: MatrixInput | DataFrame, model: BuiltinModel | UserModel, opts: FitRowsOptions = {}): FitRowsResult | DataFrame | Promise<FitRowsResult | DataFrame> {
  const device = opts.device ?? 'cpu';
  if (device !== 'cpu' && device !== 'gpu' && device !== 'auto') throw new ValueError(`fitRows: device must be 'cpu', 'gpu' or 'auto', got '${String(device)}'`);
  const frame = isFrameLike(Y) ? Y : null;
  const M = toMat(Y as MatrixInput, 'fitRows input');
  if (M.cols === 0) throw new ValueError('fitRows: the input has no columns to fit');
  const rm = resolveModel(model, opts.p0?.length);
  const x = opts.x ? Float64Array.from(opts.x) : defaultX(frame ? frame.columns : null, M.cols);
  const wrap = (res: FitRowsResult): FitRowsResult | DataFrame => (frame ? toFrame(frame, res) : res);
  if (device === 'cpu') return wrap(fitRowsMatrix(M.data, M.rows, M.cols, x, rm, opts));
  const gpuModel = model === 'powerlaw' || model === 'exponential';
  return (async () => {
    if (device === 'gpu' && !gpuModel) throw new ValueError(`fitRows on the GPU fits 'powerlaw' and 'exponential'; use device 'cpu' (or 'auto') for ${typeof model === 'string' ? `'${model}'` : 'a user model'}`);
    const { gpuInfo } = await import('../gpu/device.js');
    const info = gpuModel ? await gpuInfo() : null;
    const useGpu = info !== null && info.available && (device === 'gpu' || (!info.software && M.rows >= 100_000));
    if (device === 'gpu' && !useGpu) throw new ValueError(`fitRows: device 'gpu' was asked for but ${info?.reason ?? 'no WebGPU adapter was found'}`);
    if (!useGpu) return wrap(fitRowsMatrix(M.data, M.rows, M.cols, x, rm, opts));
    const p0 = opts.p0 ?? [1, 1];
    const t = model === 'powerlaw' ? Float64Array.from(x, Math.log) : x;
    const { fitExpRowsGpu } = await import('../gpu/fit-gpu.js');
    const starts = await fitExpRowsGpu(M.data, M.rows, M.cols, t, p0);
    return wrap(fitRowsMatrix(M.data, M.rows, M.cols, x, rm, opts, starts));
  })();
}

function toFrame(frame: FrameLike, res: FitRowsResult): DataFrame {
  const ctor = (frame as { constructor: unknown }).constructor as Partial<FrameFactory>;
  if (typeof ctor.fromColumns !== 'function') throw new ValueError('fitRows: cannot build a result frame from this input');
  const cols: Column[] = res.names.map((nm) => fromFloat64(res.params[nm]));
  cols.push(fromFloat64(res.rss), fromBoolBytes(res.converged), fromStrings(res.message));
  return ctor.fromColumns([...res.names, 'rss', 'converged', 'message'], cols, frame.index) as unknown as DataFrame;
}
