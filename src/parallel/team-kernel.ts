/**
 * Kernel definitions for the synchronous thread team (team.ts). This module has no imports, so a
 * kernel module (and the team worker that loads it) stays light: kernel modules import
 * `defineKernel` from here, never from team.ts.
 * @module
 */

/** Typed arrays a kernel may receive (they must live on a SharedArrayBuffer to reach the workers). */
export type TeamTyped =
  | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
  | Float32Array | Float64Array | BigInt64Array | BigUint64Array;

/** One kernel argument: a number, a flag, a shared typed array, or a list of those. */
export type TeamValue = number | boolean | null | TeamTyped | readonly TeamValue[];

/** The arguments of one job: named values (a type alias, not an interface, so it fits the index signature). */
export type TeamArgs = { readonly [name: string]: TeamValue };

/**
 * A kernel: `run(args, part, parts)` does part `part` of `parts` of a job. Each part must write only
 * its own share of the outputs, and the same values whichever thread runs it (the team may run a part
 * again on the calling thread when a worker is late or dead).
 */
export interface TeamKernel<A extends TeamArgs = TeamArgs> {
  /** Unique name, e.g. 'gather.f64'; the workers look kernels up by it. */
  readonly id: string;
  readonly run: (args: A, part: number, parts: number) => void;
}

/**
 * Declares a kernel. Export it from a module listed in team-kernels.ts (or given to
 * `configureTeam({ modules })`) so the workers know it too.
 * @example
 * export const fill = defineKernel('demo.fill', (a: { out: Float64Array; x: number }, part, parts) => {
 *   const n = a.out.length;
 *   a.out.fill(a.x, Math.floor((n * part) / parts), Math.floor((n * (part + 1)) / parts));
 * });
 */
export function defineKernel<A extends TeamArgs>(id: string, run: (args: A, part: number, parts: number) => void): TeamKernel<A> {
  return { id, run };
}

/**
 * True for a kernel object (what the worker collects from a kernel module's exports).
 * @example
 * isKernel(fill) // true
 */
export function isKernel(x: unknown): x is TeamKernel {
  return typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string' && typeof (x as { run?: unknown }).run === 'function';
}

/**
 * The row range [start, end) of part `part` of `parts` over `n` rows (contiguous, nearly equal).
 * @example
 * partRange(10, 1, 3) // [3, 6]
 */
export function partRange(n: number, part: number, parts: number): [number, number] {
  return [Math.floor((n * part) / parts), Math.floor((n * (part + 1)) / parts)];
}
