/**
 * Messages between the main thread and a worker (plain, structured-cloneable data).
 * @module
 */

/** A task for a worker: a module export or a built-in operation, with encoded arguments. */
export type WorkerRequest =
  | { kind: 'module'; url: string; name: string; args: unknown[] }
  | { kind: 'builtin'; op: string; args: unknown[] };

/** A task's error as plain data (class name, message and the worker's stack). */
export interface RemoteError {
  name: string;
  message: string;
  stack?: string;
}

/** The answer of a worker: the encoded result, or the task's error. */
export type WorkerResponse = { ok: true; value: unknown } | { ok: false; error: RemoteError };

/**
 * A thrown value as a RemoteError.
 * @example
 * toRemoteError(new RangeError('bad')) // { name: 'RangeError', message: 'bad', stack: '...' }
 */
export function toRemoteError(e: unknown): RemoteError {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { name: 'Error', message: `a non-Error value was thrown: ${String(e)}` };
}
