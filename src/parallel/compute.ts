/**
 * `compute(...nodes, opts)`: runs task graphs. The 'threads' scheduler sends every module task whose
 * inputs are ready to the worker pool at once (independent tasks run in parallel, up to the pool
 * size) and computes a node shared by several others once; plain-function tasks run on the calling
 * thread as soon as their inputs are ready. 'sync' runs everything in order on the calling thread
 * (for debugging: plain stack traces, breakpoints).
 * @module
 */
import { Delayed, collectNodes, substitute, topoOrder, type LocalFn } from './delayed.js';
import { AbortError, TaskDefinitionError } from './errors.js';
import { isBuiltinTask, resolveTask } from './task.js';
import { runInWorker } from './pool.js';
import { callModule } from './call-module.js';
import { runBuiltin } from './builtins.js';

/** Progress of a computation. */
export interface Progress {
  /** Tasks finished so far. */
  done: number;
  /** Tasks in the graph. */
  total: number;
  /** The key of the task that just finished. */
  key: string;
}

/** Options of `compute`. */
export interface ComputeOptions {
  /** 'threads' (default): the worker pool; 'sync': one by one on the calling thread. */
  scheduler?: 'threads' | 'sync';
  /** Aborting it cancels the tasks not yet finished and rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called after each finished task. */
  onProgress?: (p: Progress) => void;
}

function isOptions(v: unknown): v is ComputeOptions {
  return typeof v === 'object' && v !== null && !(v instanceof Delayed) && Object.getPrototypeOf(v) === Object.prototype &&
    Object.keys(v).every((k) => k === 'scheduler' || k === 'signal' || k === 'onProgress');
}

/**
 * Computes nodes (values that are not nodes are returned as they are). The last argument may be
 * the options.
 * @example
 * const [a, b] = await compute(x, y, { scheduler: 'threads', onProgress: (p) => console.log(p.done, p.total) });
 */
export function compute(...items: [...unknown[], ComputeOptions]): Promise<unknown[]>;
export function compute(...items: unknown[]): Promise<unknown[]>;
export async function compute(...items: unknown[]): Promise<unknown[]> {
  const opts: ComputeOptions = items.length && isOptions(items[items.length - 1]) ? (items.pop() as ComputeOptions) : {};
  const scheduler = opts.scheduler ?? 'threads';
  if (scheduler !== 'threads' && scheduler !== 'sync') {
    throw new TaskDefinitionError(`compute(): scheduler must be 'threads' or 'sync', got '${String(scheduler)}'`);
  }
  const roots: Delayed[] = [];
  // Nodes nested in arrays and plain objects are found, as dask.compute traverses lists and dicts.
  for (const it of items) collectNodes(it, roots, 0);
  const order = topoOrder(roots);
  const results = new Map<Delayed, unknown>();
  if (scheduler === 'sync') await runSync(order, results, opts);
  else await runThreads(order, roots, results, opts);
  return items.map((it) => substitute(it, results));
}


function checkAbort(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new AbortError(`The computation was aborted before ${what}`);
}

async function runSync(order: readonly Delayed[], results: Map<Delayed, unknown>, opts: ComputeOptions): Promise<void> {
  let done = 0;
  for (const node of order) {
    checkAbort(opts.signal, `task ${node.key}`);
    const args = node.args.map((a) => substitute(a, results));
    const t = node.task;
    let r: unknown;
    if (typeof t === 'function') r = await (t as (...a: unknown[]) => unknown)(...args);
    else if (isBuiltinTask(t)) r = await runBuiltin(t.builtin, args);
    else {
      const rt = resolveTask(t, `delayed task ${node.key}`);
      if (rt.kind !== 'module') throw new TaskDefinitionError(`Unexpected task ${rt.label}`);
      r = await callModule(rt.url, rt.name, args);
    }
    results.set(node, r);
    done++;
    opts.onProgress?.({ done, total: order.length, key: node.key });
  }
}

async function runThreads(order: readonly Delayed[], roots: readonly Delayed[], results: Map<Delayed, unknown>, opts: ComputeOptions): Promise<void> {
  // Check every task before running any.
  const resolved = new Map<Delayed, ReturnType<typeof resolveTask> | LocalFn>();
  for (const n of order) {
    if (typeof n.task === 'function') {
      resolved.set(n, n.task);
    } else resolved.set(n, resolveTask(n.task, `delayed task ${n.key}`));
  }
  checkAbort(opts.signal, 'it started');
  const waiting = new Map<Delayed, number>();
  const dependents = new Map<Delayed, Delayed[]>();
  const users = new Map<Delayed, number>();
  for (const n of order) {
    const deps = [...new Set(n.dependencies())];
    waiting.set(n, deps.length);
    for (const d of deps) {
      (dependents.get(d) ?? dependents.set(d, []).get(d) as Delayed[]).push(n);
      users.set(d, (users.get(d) ?? 0) + 1);
    }
  }
  const keep = new Set(roots);
  const inner = new AbortController();
  const onAbort = (): void => inner.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  let done = 0;
  let failed: unknown = null;
  const total = order.length;
  try {
    await new Promise<void>((resolve, reject) => {
      if (total === 0) return resolve();
      const fail = (e: unknown): void => {
        if (failed !== null) return;
        failed = opts.signal?.aborted ? new AbortError(`The computation was aborted after ${done} of ${total} tasks`, { cause: e }) : e;
        inner.abort();
        reject(failed);
      };
      const start = (n: Delayed): void => {
        const args = n.args.map((a) => substitute(a, results));
        const r = resolved.get(n);
        const p = typeof r === 'function' ? Promise.resolve().then(() => (r as (...a: unknown[]) => unknown)(...args)) : runInWorker(r as ReturnType<typeof resolveTask>, args, { signal: inner.signal });
        p.then((value) => {
          if (failed !== null) return;
          results.set(n, value);
          done++;
          opts.onProgress?.({ done, total, key: n.key });
          for (const d of new Set(n.dependencies())) {
            const left = (users.get(d) ?? 1) - 1;
            users.set(d, left);
            if (left === 0 && !keep.has(d)) results.delete(d); // free intermediate results early
          }
          for (const m of dependents.get(n) ?? []) {
            const w = (waiting.get(m) ?? 1) - 1;
            waiting.set(m, w);
            if (w === 0) start(m);
          }
          if (done === total) resolve();
        }, fail);
      };
      if (opts.signal) opts.signal.addEventListener('abort', () => fail(new AbortError('aborted')), { once: true });
      for (const n of order) if (waiting.get(n) === 0) start(n);
    });
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
