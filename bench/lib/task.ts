/**
 * The shape of a contender module: per workload, a `prepare` that loads inputs (untimed) and returns a
 * Task whose `run` is timed and whose `answer` digests the result (untimed).
 * @module
 */
import type { Answer } from './answer.js';
import type { Mode, Sizes, WorkloadId } from './config.js';

/** What a prepare function receives. */
export interface Ctx {
  mode: Mode;
  sizes: Sizes;
  /** Generated inputs. */
  data: string;
  /** Scratch folder for written files. */
  out: string;
  /** NetCDF inputs. */
  nc: string[];
}

/** A prepared workload. */
export interface Task {
  run: () => unknown;
  answer: (out: unknown) => Answer | Promise<Answer>;
}

/** Builds a Task from a typed run/answer pair. */
export function task<T>(run: () => T | Promise<T>, answer: (out: T) => Answer | Promise<Answer>): Task {
  return { run, answer: (o: unknown) => answer(o as T) };
}

/** A contender: the workloads it can run, and notes for those it cannot. */
export interface Contender {
  prepare: Partial<Record<WorkloadId, (ctx: Ctx) => Task | Promise<Task>>>;
  /** Why a workload is not applicable (shown in the table). */
  notApplicable?: Partial<Record<WorkloadId, string>>;
  /** Version string for the report. */
  version: () => string | Promise<string>;
}
