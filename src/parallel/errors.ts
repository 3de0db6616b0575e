/**
 * Errors raised by parallel execution: a task that threw in a worker, a worker that died under a
 * task, a computation that was aborted, and a task that cannot be sent to a worker.
 * @module
 */
import { GridframeError } from '../errors.js';

/**
 * A task threw inside a worker (or on the calling thread under the 'sync' scheduler). `message`
 * names the task and carries the task's own message; `stack` ends with the worker's stack;
 * `remoteName` is the original error class name (e.g. 'KeyError').
 */
export class TaskError extends GridframeError {
  override name = 'TaskError';
  /** The name of the error class thrown by the task. */
  readonly remoteName: string;
  /** The stack trace recorded in the worker. */
  readonly remoteStack: string;
  constructor(task: string, remote: { name: string; message: string; stack?: string }) {
    super(`Task ${task} failed: ${remote.name}: ${remote.message}`);
    this.remoteName = remote.name;
    this.remoteStack = remote.stack ?? '';
    this.stack = `${this.name}: ${this.message}\n    --- in the worker ---\n${this.remoteStack}`;
  }
}

/**
 * The worker running a task died before answering: the task called `process.exit()`, or ran out of
 * memory (`resourceLimits`), or crashed otherwise. Only that task fails; the pool starts a new worker.
 */
export class WorkerCrashError extends GridframeError {
  override name = 'WorkerCrashError';
}

/** A task that cannot run where it was sent (a closure for a worker, an unknown module or export). */
export class TaskDefinitionError extends GridframeError {
  override name = 'TaskDefinitionError';
}

/** A computation stopped by its AbortSignal; tasks not yet finished were cancelled. */
export class AbortError extends GridframeError {
  override name = 'AbortError';
}
