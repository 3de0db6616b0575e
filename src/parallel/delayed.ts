/**
 * `delayed(task)(...args)`: a lazy call, a node of a task graph. Arguments may be other nodes (also
 * inside arrays and plain objects); nothing runs until `compute()`.
 * @module
 */
import path from 'node:path';
import { isBuiltinTask, isModuleTask, type TaskSpec } from './task.js';
import { ValueError } from '../errors.js';
import type { ComputeOptions } from './compute.js';

/** A plain function task: it runs on the calling thread (its closure intact), never in a worker. */
export type LocalFn = (...args: never[]) => unknown;

/** Options of `delayed`. */
export interface DelayedOptions {
  /** The node's name in `visualize()` and errors (default: the export or function name). */
  name?: string;
}

let counter = 0;

/** One node of a task graph. */
export class Delayed<T = unknown> {
  /** Unique key (`name-n`). */
  readonly key: string;
  /** The task: a module task, a built-in, or a function. */
  readonly task: TaskSpec | LocalFn;
  /** The arguments (may hold other nodes). */
  readonly args: readonly unknown[];
  /** Display name. */
  readonly name: string;
  /** True for a plain function, which runs on the calling thread. */
  readonly local: boolean;
  /** Phantom field carrying the result type. */
  declare readonly __result?: T;

  constructor(task: TaskSpec | LocalFn, args: readonly unknown[], opts: DelayedOptions = {}) {
    this.task = task;
    this.args = args;
    this.name = opts.name ?? taskName(task);
    this.local = typeof task === 'function';
    this.key = `${this.name}-${++counter}`;
  }

  /** The nodes this one depends on directly. */
  dependencies(): Delayed[] {
    const out: Delayed[] = [];
    collectNodes(this.args, out, 0);
    return out;
  }

  /**
   * Computes this node alone.
   * @example
   * await delayed(inc)(1).compute() // 2
   */
  async compute(opts: ComputeOptions = {}): Promise<T> {
    const { compute } = await import('./compute.js');
    const [r] = await compute(this, opts);
    return r as T;
  }

  toString(): string {
    return `Delayed('${this.key}')`;
  }
}

function taskName(task: TaskSpec | LocalFn): string {
  if (typeof task === 'function') return task.name || 'lambda';
  if (isModuleTask(task)) return task.name;
  if (isBuiltinTask(task)) return task.builtin;
  return path.basename(String(task));
}

/**
 * Collects Delayed nodes found in a value (arrays and plain objects are searched).
 * @example
 * const deps: Delayed[] = []; collectNodes([a, { b }], deps, 0); // [a, b]
 */
export function collectNodes(v: unknown, out: Delayed[], depth: number): void {
  if (v instanceof Delayed) {
    out.push(v);
    return;
  }
  if (typeof v !== 'object' || v === null || depth > 32 || ArrayBuffer.isView(v)) return;
  if (Array.isArray(v)) for (const e of v) collectNodes(e, out, depth + 1);
  else if (Object.getPrototypeOf(v) === Object.prototype) for (const e of Object.values(v)) collectNodes(e, out, depth + 1);
}

/**
 * Replaces the nodes in a value by their results.
 * @example
 * substitute([a, 1], new Map([[a, 42]])) // [42, 1]
 */
export function substitute(v: unknown, results: ReadonlyMap<Delayed, unknown>, depth = 0): unknown {
  if (v instanceof Delayed) return results.get(v);
  if (typeof v !== 'object' || v === null || depth > 32 || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) return v.map((e) => substitute(e, results, depth + 1));
  if (Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v)) out[k] = substitute(e, results, depth + 1);
    return out;
  }
  return v;
}

/**
 * Wraps a task so that calling it builds a graph node instead of running it.
 * `task` is `{ module, name }` (runs in a worker thread), or a plain function, which runs on the
 * calling thread with its closure intact (a function is never sent to a worker: its captured
 * variables would be lost). Use functions for cheap glue; put heavy work in a module task.
 * @example
 * const inc = delayed({ module: new URL('./tasks.mjs', import.meta.url).href, name: 'inc' });
 * const total = delayed((...xs: number[]) => xs.reduce((a, b) => a + b, 0));
 * const [t] = await compute(total(inc(1), inc(2))); // 5
 */
export function delayed<R = unknown>(task: TaskSpec | LocalFn, opts: DelayedOptions = {}): (...args: unknown[]) => Delayed<R> {
  if (typeof task !== 'function' && !isModuleTask(task) && !isBuiltinTask(task)) {
    throw new ValueError(`delayed(): a task is { module, name } or a function, got ${typeof task === 'object' ? JSON.stringify(task) : String(task)}`);
  }
  return (...args: unknown[]) => new Delayed<R>(task, args, opts);
}

/**
 * All nodes reachable from `roots`, dependencies first (each node once).
 * @example
 * topoOrder([total]) // every node once, dependencies first
 */
export function topoOrder(roots: readonly Delayed[]): Delayed[] {
  const seen = new Set<Delayed>();
  const order: Delayed[] = [];
  const stack: Array<[Delayed, boolean]> = roots.map((r) => [r, false]);
  while (stack.length) {
    const [n, expanded] = stack.pop() as [Delayed, boolean];
    if (expanded) {
      order.push(n);
      continue;
    }
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push([n, true]);
    for (const d of n.dependencies()) if (!seen.has(d)) stack.push([d, false]);
  }
  return order;
}
