/**
 * `cdist`: pairwise distances between the rows of two matrices, scipy.spatial.distance.cdist's
 * metrics and results. The CPU path runs float64 kernels (kernels.ts picks direct or Gram form);
 * `device: 'gpu' | 'auto'` may run WGSL shaders through WebGPU and returns a Promise.
 * @module
 */
import { KernelArray, toMat, type Mat, type MatrixInput } from '../array.js';
import { ValueError } from '../../errors.js';
import { kernelFor, checkMetric } from './kernels.js';
import { METRICS, type Metric } from './types.js';
import { runParts, teamThreads } from '../../parallel/team.js';
import { MAX_PARTS } from '../../parallel/team-protocol.js';
import { cdistTeam } from './team-task.js';
import { alloc } from '../../frame/alloc.js';
import { checkParallel, COST_MS, runKernelBlocks, sharedZeros, usePool, type ParallelOption } from '../parallel.js';

/** Options of `cdist` / `pdist`. */
export interface CdistOptions {
  /** scipy's metric name; default 'euclidean'. */
  metric?: Metric;
  /** Order of the Minkowski distance (default 2). */
  p?: number;
  /** 'cpu' (default, synchronous), 'gpu' (WebGPU, float32) or 'auto' (GPU for large problems on a hardware adapter). */
  device?: 'cpu' | 'gpu' | 'auto';
  /**
   * A Float64Array of m·n values to write into (scipy's `out=`; CPU only). Reusing one across calls
   * skips the page faults of a fresh m·n buffer, which cost as much as the kernel itself for
   * low-dimensional inputs (numpy madvises huge pages for its buffers; Node gets them only when
   * glibc is told to, `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`). A synchronous call splits large
   * problems over the thread team only when `out` is on a SharedArrayBuffer (or not given).
   */
  out?: Float64Array;
  /**
   * Row blocks in the worker pool for the CPU path (see kernels/parallel.ts): `false` (default for
   * `device: 'cpu'`; synchronous: large problems still share their rows with the synchronous
   * thread team of src/parallel/team.ts, `configure({ workers: 1 })` keeps them on the calling
   * thread), `'auto'` (default for `device: 'auto'`: the pool when more than
   * one worker is configured and the work pays for the hand-off) or `true` (always the pool). Any
   * value but `false` returns a Promise. Results are bit-identical to the single-thread kernels.
   * An `out` given with the pool must be on a SharedArrayBuffer (`'auto'` otherwise stays on the
   * calling thread; `true` throws).
   */
  parallel?: ParallelOption;
}

/** Validated inputs of a distance computation. */
export interface DistanceProblem {
  X: Mat;
  Y: Mat;
  metric: Metric;
  p: number;
}

/**
 * Converts and checks X, Y and the options (shared by the CPU and GPU paths).
 * @example
 * const pr = prepare([[0, 0]], [[3, 4]], { metric: 'cityblock' }); // pr.X.cols === 2
 */
export function prepare(X: MatrixInput, Y: MatrixInput, opts: CdistOptions): DistanceProblem {
  const metric = checkMetric(opts.metric ?? 'euclidean');
  const p = opts.p ?? 2;
  if (metric === 'minkowski' && !(p > 0)) throw new ValueError(`minkowski p must be > 0, got ${p}`);
  const A = toMat(X, 'X');
  const B = toMat(Y, 'Y');
  if (A.rows === 0 || B.rows === 0) throw new ValueError(`cdist needs at least one row in X and Y; got X with ${A.rows} rows and Y with ${B.rows}`);
  if (A.cols === 0) throw new ValueError('cdist: X has no columns (features)');
  if (A.cols !== B.cols) throw new ValueError(`cdist: X has ${A.cols} features (columns) but Y has ${B.cols}; both need the same number`);
  return { X: A, Y: B, metric, p };
}

/**
 * From this much work (pairs x (features + 1)) a synchronous cdist splits its rows between the
 * calling thread and the thread team (about 0.5 ms on one thread with the SIMD kernels).
 */
export const TEAM_MIN_WORK = 1 << 20;
/** Parts per thread of a team job (small parts even out a busy or late thread)... */
const PARTS_PER_THREAD = 8;
/** ...but no part under this much work (a part costs a wake-up and the kernel's setup). */
const PART_MIN_WORK = 1 << 18;

/**
 * Runs a prepared problem on the CPU, synchronously, into `into` when given: for large problems
 * on the calling thread and the thread team together (src/parallel/team.ts: row ranges of one
 * shared output, each computed by the same kernel, so bit-identical to one thread), else on the
 * calling thread. `team: false` keeps it on the calling thread.
 * @example
 * cdistCpu(prepare(X, Y, {})).device // 'cpu'
 */
export function cdistCpu(pr: DistanceProblem, into?: Float64Array, team = true): KernelArray {
  const { X, Y } = pr;
  const m = X.rows, n = Y.rows, d = X.cols;
  if (into && into.length !== m * n) throw new ValueError(`cdist: out has ${into.length} values but the result has ${m} x ${n} = ${m * n}`);
  const out = into ?? alloc(Float64Array, m * n);
  const work = m * n * (d + 1);
  const threads = team && m > 1 && work >= TEAM_MIN_WORK && out.buffer instanceof SharedArrayBuffer ? teamThreads() : 1;
  if (threads > 1) {
    const Xs = shared(X.data);
    const args = { X: Xs, Y: X.data === Y.data ? Xs : shared(Y.data), out, m, n, d, metric: METRICS.indexOf(pr.metric), p: pr.p };
    const parts = Math.max(threads, Math.min(Math.ceil(work / PART_MIN_WORK), threads * PARTS_PER_THREAD));
    runParts(cdistTeam, args, Math.min(m, parts, MAX_PARTS));
  } else {
    kernelFor(pr.metric, pr.p, X, Y)(X.data, Y.data, d, n, out, 0, m);
  }
  return new KernelArray(out, [m, n], 'cpu');
}

/**
 * Runs a prepared problem on the CPU, in row blocks in the worker pool when `parallel` says so
 * (kernels/parallel.ts), writing one shared output.
 * @example
 * (await cdistPooled(prepare(X, Y, {}), true)).device // 'cpu'
 */
export async function cdistPooled(pr: DistanceProblem, parallel: ParallelOption, into?: Float64Array): Promise<KernelArray> {
  const { X, Y } = pr;
  const sharedInto = !into || into.buffer instanceof SharedArrayBuffer;
  if (parallel === true && !sharedInto) throw new ValueError('cdist: with parallel: true, out must be a Float64Array on a SharedArrayBuffer (the workers write into it)');
  const est = X.rows * Y.rows * (X.cols + 1) * COST_MS.cdist;
  if (!sharedInto || !(await usePool(parallel, est))) return cdistCpu(pr, into);
  if (into && into.length !== X.rows * Y.rows) throw new ValueError(`cdist: out has ${into.length} values but the result has ${X.rows} x ${Y.rows} = ${X.rows * Y.rows}`);
  const out = into ?? sharedZeros(Float64Array, X.rows * Y.rows);
  const params = { m: X.rows, n: Y.rows, d: X.cols, metric: pr.metric, p: pr.p };
  const Xs = shared(X.data);
  const inputs = { X: Xs, Y: X.data === Y.data ? Xs : shared(Y.data), out };
  await runKernelBlocks('./distance/rows-task.js', 'cdistBlock', inputs, X.rows, params);
  return new KernelArray(out, [X.rows, Y.rows], 'cpu');
}

/** A view on a SharedArrayBuffer: itself, or one copy (so X === Y stays one buffer in the workers). */
function shared(a: Float64Array): Float64Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const s = sharedZeros(Float64Array, a.length);
  s.set(a);
  return s;
}

/**
 * Distances between each row of X and each row of Y (scipy `cdist`): a float64 [m, n] result with
 * `device` telling where it ran. Inputs: a DataFrame of numeric columns, `number[][]`, or a 2-D
 * array with a shape. NaN propagates as in scipy.
 * @example
 * const d = cdist([[0, 0], [1, 1]], [[3, 4]], { metric: 'euclidean' });
 * d.toArray(); // [[5], [3.605551275463989]]
 * const g = await cdist(X, Y, { device: 'gpu' }); // g.device === 'gpu' when an adapter exists
 * configure({ workers: 2 });
 * const big = await cdist(X, Y, { parallel: 'auto' }); // row blocks in 2 workers when large
 */
export function cdist(X: MatrixInput, Y: MatrixInput, opts?: CdistOptions & { device?: 'cpu'; parallel?: false }): KernelArray;
export function cdist(X: MatrixInput, Y: MatrixInput, opts: CdistOptions & ({ device: 'gpu' | 'auto' } | { parallel: true | 'auto' })): Promise<KernelArray>;
export function cdist(X: MatrixInput, Y: MatrixInput, opts: CdistOptions = {}): KernelArray | Promise<KernelArray> {
  const device = opts.device ?? 'cpu';
  if (device !== 'cpu' && device !== 'gpu' && device !== 'auto') throw new ValueError(`device must be 'cpu', 'gpu' or 'auto', got '${String(device)}'`);
  const parallel = checkParallel(opts.parallel ?? (device === 'auto' ? 'auto' : false), 'cdist');
  const pr = prepare(X, Y, opts);
  if (device === 'cpu') return parallel === false ? cdistCpu(pr, opts.out) : cdistPooled(pr, parallel, opts.out);
  if (opts.out) throw new ValueError("cdist: 'out' is only supported with device 'cpu'");
  return import('../gpu/cdist-gpu.js').then((m) => m.cdistDevice(pr, device, (q) => (parallel === false ? cdistCpu(q) : cdistPooled(q, parallel))));
}
