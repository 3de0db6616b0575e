/**
 * The control block shared by the calling thread and the team workers (team.ts, team-worker.ts):
 * one Int32Array over a SharedArrayBuffer.
 *
 * - `SEQ`: job number; a worker sleeps in `Atomics.wait` on it and wakes when it changes.
 * - `READY`: number of workers that loaded their kernels and wait for jobs.
 * - `REMAINING`: parts of the current job not done yet; the caller sleeps on it.
 * - `PARTS + p`: state of part p, `(seq << 2) | state` (so a late worker cannot touch a later job).
 * - `STOP`: 1 tells the workers to leave their loop.
 * @module
 */

import type { MessagePort } from 'node:worker_threads';

export const SEQ = 0;
export const READY = 1;
export const REMAINING = 2;
export const STOP = 3;
export const PARTS = 8;
/** Most parts one job may have. */
export const MAX_PARTS = 256;
export const CTRL_INTS = PARTS + MAX_PARTS;

export const FREE = 0;
export const CLAIMED = 1;
export const DONE = 2;
export const FAILED = 3;

/** The tag of job `seq` in a part state word. */
export function tag(seq: number): number {
  return (seq & 0x1fffffff) << 2;
}

/** The message a worker receives on its port with each job (the control block says when). */
export interface JobMessage {
  seq: number;
  id: string;
  args: unknown;
  parts: number;
}

/** What a worker gets at start. */
export interface TeamWorkerData {
  ctrl: SharedArrayBuffer;
  port: MessagePort;
  /** Extra kernel modules (URLs) to load besides the built-in list. */
  modules: string[];
}
