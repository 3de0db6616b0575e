/**
 * Row blocks for kernels (cdist, fitRows, ...): run one exported block function over ranges of rows
 * in the pool. Inputs are shared once (SharedArrayBuffer), so every block reads the same memory;
 * a block writes its rows of an output allocated with `sharedArray`, which the caller then reads
 * without any copy.
 *
 * Block function contract (in a module, loaded by path in each worker):
 * `export function myBlock(inputs, block: { start, end, index, count }, params) { ...; return partial }`
 * where `inputs` are the same typed arrays (shared) and numbers given to `runBlocks`.
 * @module
 */
import { TaskDefinitionError } from './errors.js';
import { toShared } from './codec.js';
import { poolInfo, runInWorker } from './pool.js';
import { resolveTask, type ModuleTask } from './task.js';

/** One block of rows: [start, end), block `index` of `count`. */
export interface Block {
  start: number;
  end: number;
  index: number;
  count: number;
}

/** Options of `runBlocks`. */
export interface RunBlocksOptions {
  /** Number of blocks (default: the pool size). */
  blocks?: number;
  /** Fewer blocks when each would have fewer rows than this (default 1). */
  minRowsPerBlock?: number;
  /** Extra structured-cloneable data passed to every block. */
  params?: unknown;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number }) => void;
}

type SharedCtor<T> = { new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): T; BYTES_PER_ELEMENT: number };

/**
 * A zeroed typed array on a SharedArrayBuffer (whatever its size), for block outputs.
 * @example
 * const out = sharedArray(Float64Array, n * m);
 */
export function sharedArray<T>(ctor: SharedCtor<T>, n: number): T {
  return new ctor(new SharedArrayBuffer(n * ctor.BYTES_PER_ELEMENT), 0, n);
}

/**
 * Splits `rows` into `count` contiguous blocks of nearly equal size.
 * @example
 * blockRanges(10, 3) // [{start: 0, end: 3, ...}, {start: 3, end: 7, ...}, {start: 7, end: 10, ...}]
 */
export function blockRanges(rows: number, count: number): Block[] {
  const k = Math.max(1, Math.min(count, rows));
  const out: Block[] = [];
  for (let i = 0; i < k; i++) out.push({ start: Math.floor((rows * i) / k), end: Math.floor((rows * (i + 1)) / k), index: i, count: k });
  return out;
}

/**
 * Runs `task` once per block of `rows` rows, in parallel, and returns the blocks' results in order.
 * Non-shared typed arrays in `inputs` are copied once into shared memory first.
 * @example
 * const out = sharedArray(Float64Array, n * m);
 * await runBlocks({ module: blockModuleUrl, name: 'euclideanBlock' }, { X, Y, out, m, d }, n);
 */
export async function runBlocks(task: ModuleTask, inputs: Record<string, unknown>, rows: number, opts: RunBlocksOptions = {}): Promise<unknown[]> {
  if (typeof task === 'function') throw new TaskDefinitionError(`runBlocks() needs { module, name }: a function cannot be sent to a worker`);
  const rt = resolveTask(task, 'runBlocks()');
  if (!Number.isInteger(rows) || rows < 0) throw new TaskDefinitionError(`runBlocks(): rows must be a non-negative integer, got ${String(rows)}`);
  const shared: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(inputs)) shared[k] = ArrayBuffer.isView(v) && !(v instanceof DataView) ? toShared(v) : v;
  const minRows = Math.max(1, opts.minRowsPerBlock ?? 1);
  const want = opts.blocks ?? poolInfo().workers;
  const blocks = blockRanges(rows, Math.max(1, Math.min(want, Math.floor(rows / minRows) || 1)));
  let done = 0;
  const ctl = new AbortController();
  const onAbort = (): void => ctl.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.all(
      blocks.map(async (b) => {
        const r = await runInWorker(rt, [shared, b, opts.params ?? null], { signal: ctl.signal });
        done++;
        opts.onProgress?.({ done, total: blocks.length });
        return r;
      }),
    ).catch((e: unknown) => {
      ctl.abort();
      throw e;
    });
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
