/**
 * Built-in operations a worker can run without a user module. Each is loaded on first use, so a
 * worker that only runs user tasks stays light.
 * @module
 */
import { TaskDefinitionError } from './errors.js';

type Op = (...args: unknown[]) => unknown;

const OPS: Record<string, () => Promise<Op>> = {
  /** Returns its argument (round-trip measurements, tests). */
  echo: async () => (x: unknown) => x,
  /** Runs a partition pipeline (filter / assign / map / apply) and optionally a partial groupby. */
  partition: async () => (await import('./partition-worker.js')).runPartition as Op,
  /** Runs an elementwise chain and/or a partial reduction over one chunk of an N-d array. */
  chunk: async () => (await import('./chunk-worker.js')).runChunk as Op,
  /** Folds a partition into aggregation states over the global groups (phase 2 of a groupby). */
  aggregate: async () => (await import('./partition-worker.js')).aggregatePartition as Op,
};

/** Names of the built-in operations. */
export const BUILTIN_OPS: readonly string[] = Object.keys(OPS);

/**
 * Runs the built-in operation `op`.
 * @example
 * await runBuiltin('echo', [42]) // 42
 */
export async function runBuiltin(op: string, args: readonly unknown[]): Promise<unknown> {
  const load = OPS[op];
  if (!load) throw new TaskDefinitionError(`Unknown built-in operation '${op}' (known: ${BUILTIN_OPS.join(', ')})`);
  const fn = await load();
  return fn(...args);
}
