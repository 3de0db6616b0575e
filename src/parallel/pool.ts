/**
 * The shared worker pool: one piscina pool, started on first use, sized to the cores
 * (`os.availableParallelism()`) unless `configure({ workers })` says otherwise. Idle workers are
 * unref'd by piscina, so they never keep the process alive, and are stopped after `idleTimeoutMs`.
 *
 * Worker entry: `worker.js` next to this file when running the compiled package (dist/), or
 * `worker-dev.mjs` when running from the TypeScript sources (vitest, tsx), which registers tsx in
 * the worker and then loads `worker.ts`. No build step beyond `tsc` is needed.
 * @module
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ResourceLimits } from 'node:worker_threads';
import { KeyError, ParseError, TypeError_, ValueError } from '../errors.js';
import { AbortError, TaskError, WorkerCrashError } from './errors.js';
import { decode, encode } from './codec.js';
import type { ResolvedTask } from './task.js';
import type { RemoteError, WorkerRequest, WorkerResponse } from './protocol.js';

/** Options of `configure`. */
export interface PoolOptions {
  /** Number of worker threads (default: the available cores). */
  workers?: number;
  /** Milliseconds an idle worker lives before it is stopped (default 10000). */
  idleTimeoutMs?: number;
  /** V8 heap limits of each worker (a worker over them fails its task with a WorkerCrashError). */
  resourceLimits?: ResourceLimits;
}

const fromSource = import.meta.url.endsWith('.ts');
const entry = new URL(fromSource ? './worker-dev.mjs' : './worker.js', import.meta.url).href;

let options: Required<Omit<PoolOptions, 'resourceLimits'>> & { resourceLimits?: ResourceLimits } = {
  workers: availableParallelism(),
  idleTimeoutMs: 10_000,
};
let pool: Piscina | null = null;

/**
 * Sets the pool size and limits. Takes effect for the next task; tasks already running on the
 * previous pool finish there.
 * @example
 * configure({ workers: 2 });
 */
export function configure(opts: PoolOptions = {}): void {
  if (opts.workers !== undefined && (!Number.isInteger(opts.workers) || opts.workers < 1)) {
    throw new ValueError(`configure(): workers must be a positive integer, got ${String(opts.workers)}`);
  }
  options = {
    workers: opts.workers ?? options.workers,
    idleTimeoutMs: opts.idleTimeoutMs ?? options.idleTimeoutMs,
    resourceLimits: 'resourceLimits' in opts ? opts.resourceLimits : options.resourceLimits,
  };
  const old = pool;
  pool = null;
  if (old) void old.close().catch(() => undefined);
}

/**
 * The current settings and the number of live workers.
 * @example
 * poolInfo() // { workers: 2, threads: 0, queued: 0, fromSource: false }
 */
export function poolInfo(): { workers: number; threads: number; queued: number; fromSource: boolean } {
  return { workers: options.workers, threads: pool ? pool.threads.length : 0, queued: pool ? pool.queueSize : 0, fromSource };
}

/**
 * Stops every worker now (tasks still queued or running are rejected). A later task starts a new pool.
 * @example
 * await shutdown();
 */
export async function shutdown(): Promise<void> {
  const old = pool;
  pool = null;
  if (old) await old.destroy();
}

function getPool(): Piscina {
  if (!pool) {
    const p = new Piscina({
      filename: entry,
      minThreads: 0,
      maxThreads: options.workers,
      idleTimeout: options.idleTimeoutMs,
      resourceLimits: options.resourceLimits,
    });
    // A worker that dies with no task assigned is only replaced; nothing to report.
    p.on('error', () => undefined);
    pool = p;
  }
  return pool;
}

/** Options of one task run. */
export interface RunOptions {
  signal?: AbortSignal;
}

/**
 * Runs one task in a worker: encodes the arguments (zero-copy for shared buffers), maps worker
 * faults to TaskError / WorkerCrashError / AbortError, decodes the result.
 * @example
 * await runInWorker(resolveTask({ module: '/abs/tasks.mjs', name: 'inc' }, 'run'), [1]) // 2
 */
export async function runInWorker(task: ResolvedTask, args: readonly unknown[], opts: RunOptions = {}): Promise<unknown> {
  if (opts.signal?.aborted) throw abortError(task.label);
  const enc = await encode(args, 'main');
  const req: WorkerRequest =
    task.kind === 'module' ? { kind: 'module', url: task.url, name: task.name, args: enc.value as unknown[] } : { kind: 'builtin', op: task.op, args: enc.value as unknown[] };
  let res: WorkerResponse;
  try {
    res = (await getPool().run(req, { signal: opts.signal ?? null, transferList: enc.transfer })) as WorkerResponse;
  } catch (e) {
    throw mapPoolError(e, task.label, opts.signal);
  }
  if (!res.ok) throw task.kind === 'builtin' ? builtinError(task.label, res.error) : new TaskError(task.label, res.error);
  return decode(res.value);
}

const INPUT_ERRORS: Record<string, new (m: string) => Error> = { KeyError, ValueError, TypeError: TypeError_, ParseError };

/**
 * A built-in operation (partition, aggregate, chunk) that failed on bad input raises the same error
 * class as the single-threaded operation would (KeyError for an unknown column, ...), with the
 * worker's stack appended; anything else is a TaskError.
 */
function builtinError(label: string, remote: RemoteError): Error {
  const Ctor = INPUT_ERRORS[remote.name];
  if (!Ctor) return new TaskError(label, remote);
  const e = new Ctor(remote.message);
  e.stack = `${e.name}: ${e.message}\n    --- in the worker ---\n${remote.stack ?? ''}`;
  return e;
}

function abortError(label: string): AbortError {
  return new AbortError(`Task ${label} was cancelled: the computation was aborted`);
}

function mapPoolError(e: unknown, label: string, signal: AbortSignal | undefined): Error {
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  if (err.name === 'AbortError' || signal?.aborted) return abortError(label);
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const lim = options.resourceLimits?.maxOldGenerationSizeMb;
    return new WorkerCrashError(
      `Task ${label} ran its worker out of memory${lim ? ` (resourceLimits.maxOldGenerationSizeMb = ${lim})` : ''}; ` +
        `the task failed and the worker was replaced. Process the data in smaller partitions or raise the limit with configure({ resourceLimits }).`,
      { cause: err },
    );
  }
  const exit = /worker exited with code: (-?\d+)/.exec(err.message);
  if (exit) {
    return new WorkerCrashError(
      `Task ${label} stopped its worker (exit code ${exit[1]}) before returning a result, e.g. by calling process.exit(); ` +
        `the task failed and the worker was replaced. A task must return (or throw), never exit.`,
      { cause: err },
    );
  }
  return new WorkerCrashError(`Task ${label} failed in the pool: ${err.message}`, { cause: err });
}
