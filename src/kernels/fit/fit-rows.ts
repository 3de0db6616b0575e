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
import { checkShapes, fitResult, fitRowsRange, type FitOutputs } from './fit-range.js';
import { checkParallel, type ParallelOption } from '../parallel.js';
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
  /**
   * Row blocks in the worker pool for the CPU fits (see kernels/parallel.ts): `false` (default for
   * `device: 'cpu'`; synchronous), `'auto'` (default for `device: 'gpu' | 'auto'`: the pool when
   * more than one worker is configured and the rows pay for the hand-off) or `true` (always the
   * pool). Any value but `false` returns a Promise. Results are bit-identical to the calling
   * thread's. Only built-in models run in workers: a user model (JS functions, which cannot be
   * sent to a worker) runs on the calling thread under `'auto'` and is refused under `true`.
   */
  parallel?: ParallelOption;
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
 * Fits every row of a row-major (rows x m) matrix on the calling thread.
 * @example
 * fitRowsMatrix(Y, rows, 10, x, MODELS.powerlaw, { p0: [100, -1] }).params.s
 */
export function fitRowsMatrix(Y: Float64Array, rows: number, m: number, x: Float64Array, model: RowModel, opts: FitRowsOptions, starts?: RowStarts): FitRowsResult {
  checkShapes(model, opts, x, m);
  const out: FitOutputs = { params: model.params.map(() => new Float64Array(rows)), rss: new Float64Array(rows), converged: new Uint8Array(rows) };
  const failed = fitRowsRange(Y, 0, rows, m, x, model, opts, out, starts);
  return fitResult(model, out, rows, failed, starts ? 'gpu' : 'cpu');
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
 * configure({ workers: 2 });
 * const inPool = await fitRows(Y, 'powerlaw', { p0: [100, -1], parallel: 'auto' }); // 2 workers when large
 */
export function fitRows(df: DataFrame, model: BuiltinModel | UserModel, opts?: FitRowsOptions & { device?: 'cpu'; parallel?: false }): DataFrame;
export function fitRows(Y: MatrixInput, model: BuiltinModel | UserModel, opts?: FitRowsOptions & { device?: 'cpu'; parallel?: false }): FitRowsResult;
export function fitRows(df: DataFrame, model: BuiltinModel | UserModel, opts: FitRowsOptions & ({ device: 'gpu' | 'auto' } | { parallel: true | 'auto' })): Promise<DataFrame>;
export function fitRows(Y: MatrixInput, model: BuiltinModel | UserModel, opts: FitRowsOptions & ({ device: 'gpu' | 'auto' } | { parallel: true | 'auto' })): Promise<FitRowsResult>;
export function fitRows(Y: MatrixInput | DataFrame, model: BuiltinModel | UserModel, opts: FitRowsOptions = {}): FitRowsResult | DataFrame | Promise<FitRowsResult | DataFrame> {
  const device = opts.device ?? 'cpu';
  if (device !== 'cpu' && device !== 'gpu' && device !== 'auto') throw new ValueError(`fitRows: device must be 'cpu', 'gpu' or 'auto', got '${String(device)}'`);
  const parallel = checkParallel(opts.parallel ?? (device === 'cpu' ? false : 'auto'), 'fitRows');
  const frame = isFrameLike(Y) ? Y : null;
  const M = toMat(Y as MatrixInput, 'fitRows input');
  if (M.cols === 0) throw new ValueError('fitRows: the input has no columns to fit');
  const rm = resolveModel(model, opts.p0?.length);
  const x = opts.x ? Float64Array.from(opts.x) : defaultX(frame ? frame.columns : null, M.cols);
  const wrap = (res: FitRowsResult): FitRowsResult | DataFrame => (frame ? toFrame(frame, res) : res);
  const cpu = async (starts?: RowStarts): Promise<FitRowsResult | DataFrame> => {
    if (parallel === false) return wrap(fitRowsMatrix(M.data, M.rows, M.cols, x, rm, opts, starts));
    const { fitRowsPooled } = await import('./fit-pooled.js');
    return wrap(await fitRowsPooled(M.data, M.rows, M.cols, x, model, rm, opts, parallel, starts));
  };
  if (device === 'cpu') return parallel === false ? wrap(fitRowsMatrix(M.data, M.rows, M.cols, x, rm, opts)) : cpu();
  const gpuModel = model === 'powerlaw' || model === 'exponential';
  return (async () => {
    if (device === 'gpu' && !gpuModel) throw new ValueError(`fitRows on the GPU fits 'powerlaw' and 'exponential'; use device 'cpu' (or 'auto') for ${typeof model === 'string' ? `'${model}'` : 'a user model'}`);
    const { gpuInfo } = await import('../gpu/device.js');
    const info = gpuModel ? await gpuInfo() : null;
    const useGpu = info !== null && info.available && (device === 'gpu' || (!info.software && M.rows >= 100_000));
    if (device === 'gpu' && !useGpu) throw new ValueError(`fitRows: device 'gpu' was asked for but ${info?.reason ?? 'no WebGPU adapter was found'}`);
    if (!useGpu) return cpu();
    const p0 = opts.p0 ?? [1, 1];
    const t = model === 'powerlaw' ? Float64Array.from(x, Math.log) : x;
    const { fitExpRowsGpu } = await import('../gpu/fit-gpu.js');
    const starts = await fitExpRowsGpu(M.data, M.rows, M.cols, t, p0);
    return cpu(starts);
  })();
}

function toFrame(frame: FrameLike, res: FitRowsResult): DataFrame {
  const ctor = (frame as { constructor: unknown }).constructor as Partial<FrameFactory>;
  if (typeof ctor.fromColumns !== 'function') throw new ValueError('fitRows: cannot build a result frame from this input');
  const cols: Column[] = res.names.map((nm) => fromFloat64(res.params[nm]));
  cols.push(fromFloat64(res.rss), fromBoolBytes(res.converged), fromStrings(res.message));
  return ctor.fromColumns([...res.names, 'rss', 'converged', 'message'], cols, frame.index) as unknown as DataFrame;
}
