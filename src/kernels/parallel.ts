/**
 * Row blocks of the CPU kernels (cdist, fitRows) in the worker pool of src/parallel.
 *
 * The `parallel` option of `cdist` and `fitRows`:
 * - `false` (the default of `device: 'cpu'`): the calling thread, synchronous.
 * - `'auto'` (the default of `device: 'auto'`): the pool when more than one worker is configured
 *   (`configure({ workers })`) and the work is big enough to pay for the hand-off, else the
 *   calling thread. "Big enough" is an estimate of the single-thread time: at least
 *   `WARM_MIN_MS` when the pool already has live workers, at least `COLD_MIN_MS` when it has none
 *   (starting workers costs a few hundred ms from the compiled package on a loaded machine, and
 *   more from the TypeScript sources under tsx/vitest, where each worker registers tsx first, so
 *   `COLD_MIN_MS_SOURCE` applies there). A call between the two runs on the calling thread and
 *   starts the workers in the background, so the next one finds them warm (they stay for the
 *   pool's idle timeout, 10 s by default).
 * - `true`: always the pool (any size, even one worker), e.g. for tests and benchmarks.
 * Any value other than `false` makes the call return a Promise.
 *
 * Rows are split into one contiguous block per worker; each block writes its rows of ONE output
 * buffer on a SharedArrayBuffer that the result then wraps (no copy of the output). Each row is
 * computed by the same code, in the same order, as on the calling thread, so the results are
 * bit-identical. Inputs that are not on a SharedArrayBuffer are copied once into one.
 * @module
 */
import { ValueError } from '../errors.js';

/** Values of the `parallel` option of `cdist` and `fitRows`. */
export type ParallelOption = boolean | 'auto';

/**
 * 'auto' uses warm workers from this estimated single-thread time (ms) on (a warm round trip of a
 * block costs ~0.3-1.5 ms here, plus one copy of inputs that are not already shared).
 */
export const WARM_MIN_MS = 8;
/**
 * 'auto' starts workers itself from this estimated single-thread time (ms) on: starting 2 workers
 * of the compiled package took ~240 ms on the loaded 2-core development machine, so a call pays for
 * it only from about twice that.
 */
export const COLD_MIN_MS = 500;
/** The same when running from the TypeScript sources (each worker registers tsx first). */
export const COLD_MIN_MS_SOURCE = 4000;

/**
 * Rough single-thread costs (ms of CPU time per unit of work), measured with the compiled package
 * (process CPU time, as the shared machine's wall times vary 2-3x with load): cdist 5000 x 5000,
 * d = 3: ~143 ms; fitRows powerlaw 100,000 x 10: ~420 ms.
 */
export const COST_MS = {
  /** cdist: per pair and (feature + 1). */
  cdist: 1.5e-6,
  /** fitRows: per row, point and parameter with a built-in model. */
  fitRows: 0.21e-3,
} as const;

/**
 * Checks a `parallel` option value.
 * @example
 * checkParallel('auto') // 'auto'
 */
export function checkParallel(v: unknown, where: string): ParallelOption {
  if (v === undefined) return false;
  if (v === true || v === false || v === 'auto') return v;
  throw new ValueError(`${where}: parallel must be true, false or 'auto', got ${typeof v === 'string' ? `'${v}'` : String(v)}`);
}

/**
 * Whether a kernel call with `parallel` and an estimated single-thread time `estMs` goes to the pool.
 * @example
 * await usePool('auto', 500) // true with configure({ workers: 2 })
 */
export async function usePool(parallel: ParallelOption, estMs: number): Promise<boolean> {
  if (parallel === false) return false;
  if (parallel === true) return true;
  const { poolInfo } = await import('../parallel/pool.js');
  const info = poolInfo();
  if (info.workers < 2) return false;
  if (info.threads > 0) return estMs >= WARM_MIN_MS;
  if (estMs >= (info.fromSource ? COLD_MIN_MS_SOURCE : COLD_MIN_MS)) return true;
  // Worth it once the workers run, but not worth waiting for them: this call stays on the calling
  // thread while the workers start in the background, for the next call.
  if (estMs >= WARM_MIN_MS) warmPool(info.workers);
  return false;
}

let warming: Promise<unknown> | null = null;

/** Starts `n` workers in the background (one trivial task each); errors are ignored. */
function warmPool(n: number): void {
  if (warming) return;
  warming = (async () => {
    const [{ runInWorker }, { resolveTask }] = await Promise.all([import('../parallel/pool.js'), import('../parallel/task.js')]);
    const echo = resolveTask({ builtin: 'echo' }, 'warm-up');
    await Promise.all(Array.from({ length: n }, () => runInWorker(echo, [0])));
  })()
    .catch(() => undefined)
    .finally(() => {
      warming = null;
    });
}

/**
 * Runs `name` of the block module `module` (a path relative to this file) over `rows` rows.
 * @example
 * await runKernelBlocks('./distance/rows-task.js', 'cdistBlock', { X, Y, out }, m, params);
 */
export async function runKernelBlocks(module: string, name: string, inputs: Record<string, unknown>, rows: number, params: unknown): Promise<unknown[]> {
  const { runBlocks } = await import('../parallel/blocks.js');
  return runBlocks({ module: new URL(module, import.meta.url).href, name }, inputs, rows, { params });
}

/**
 * A zeroed typed array on a SharedArrayBuffer, for outputs the blocks write.
 * @example
 * sharedZeros(Float64Array, 10).buffer instanceof SharedArrayBuffer // true
 */
export function sharedZeros<T>(ctor: { new (b: ArrayBufferLike, o: number, n: number): T; BYTES_PER_ELEMENT: number }, n: number): T {
  return new ctor(new SharedArrayBuffer(n * ctor.BYTES_PER_ELEMENT), 0, n);
}
