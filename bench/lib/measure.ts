/**
 * Measuring one contender on one workload inside the current process: prepare (untimed), warm-up runs,
 * timed runs (median), answer digest (untimed), peak RSS.
 * @module
 */
import { mkdirSync } from 'node:fs';
import { SIZES, dataDir, ncPaths, outDir, type ContenderId, type Mode, type WorkloadId } from './config.js';
import type { Answer } from './answer.js';
import type { Contender, Ctx } from './task.js';

/** Outcome of one cell. */
export type Status = 'ok' | 'na' | 'unavailable' | 'error' | 'timeout' | 'skipped';

/** One contender × workload measurement. */
export interface Measurement {
  contender: ContenderId;
  workload: WorkloadId;
  status: Status;
  /** Why it is not ok (not applicable, not available yet, error message, timeout). */
  note?: string;
  /** Timed runs in ms (after the warm-ups). */
  times?: number[];
  /** Median of `times`. */
  median?: number;
  /** RSS high-water of the process, MB (includes loading the inputs). */
  peakRssMB?: number;
  /** RSS after loading the inputs, before the first run, MB. */
  loadedRssMB?: number;
  answer?: Answer;
  /** Library version. */
  version?: string;
}

/** Warm-up and timed repeat counts. */
export interface Repeats {
  warmup: number;
  repeats: number;
  /** Time budget of the timed runs, ms: when the warm-up shows they would exceed it, fewer run (at least 1). */
  budgetMs?: number;
}

/** How many timed runs fit the budget, given the last warm-up's time. */
export function runsWithin(rep: Repeats, warmMs: number): number {
  if (!rep.budgetMs || warmMs <= 0) return rep.repeats;
  return Math.max(1, Math.min(rep.repeats, Math.floor(rep.budgetMs / warmMs)));
}

/** The median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Static import thunks (bundlers such as vitest's need literal specifiers). */
const RUNNERS: Record<Exclude<ContenderId, 'pandas'>, () => Promise<unknown>> = {
  gridframe: () => import('../runners/gridframe.js'),
  loop: () => import('../runners/loop.js'),
  polars: () => import('../runners/polars.js'),
  duckdb: () => import('../runners/duckdb.js'),
  arquero: () => import('../runners/arquero.js'),
};

/** A runner module of a JavaScript contender (imported lazily so a broken one fails only its own cells). */
export async function loadContender(id: Exclude<ContenderId, 'pandas'>): Promise<Contender> {
  const mod: unknown = await RUNNERS[id]();
  if (typeof mod !== 'object' || mod === null || !('contender' in mod)) throw new Error(`bench/runners/${id}.ts exports no contender`);
  return mod.contender as Contender;
}

/** The context given to prepare functions. */
export function makeCtx(mode: Mode): Ctx {
  const out = outDir(mode);
  mkdirSync(out, { recursive: true });
  return { mode, sizes: SIZES[mode], data: dataDir(mode), out, nc: ncPaths(mode) };
}

function message(e: unknown): string {
  const s = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return s.split('\n')[0].slice(0, 200);
}

const gc = (): void => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
};

const MB = 1024 * 1024;

/** Runs one JavaScript contender on one workload in this process. */
export async function measureInProcess(id: Exclude<ContenderId, 'pandas'>, workload: WorkloadId, mode: Mode, rep: Repeats): Promise<Measurement> {
  const base: Measurement = { contender: id, workload, status: 'ok' };
  const failed = (e: unknown): Measurement =>
    id === 'gridframe' ? { ...base, status: 'unavailable', note: `not available yet: ${message(e)}` } : { ...base, status: 'error', note: message(e) };
  let c: Contender;
  try {
    c = await loadContender(id);
  } catch (e) {
    return failed(e);
  }
  const prep = c.prepare[workload];
  if (!prep) return { ...base, status: 'na', note: c.notApplicable?.[workload] ?? 'not applicable' };
  try {
    base.version = await c.version();
    const t = await prep(makeCtx(mode));
    gc();
    const loadedRssMB = process.memoryUsage().rss / MB;
    const times: number[] = [];
    let out: unknown;
    let runs = rep.repeats;
    for (let i = 0; i < rep.warmup + runs; i++) {
      out = undefined;
      gc();
      const t0 = performance.now();
      out = await t.run();
      const dt = performance.now() - t0;
      if (i >= rep.warmup) times.push(dt);
      else if (i === rep.warmup - 1) runs = runsWithin(rep, dt);
    }
    const answer = await t.answer(out);
    const note = runs < rep.repeats ? `${runs} timed run${runs > 1 ? 's' : ''} instead of ${rep.repeats} (time budget)` : undefined;
    return { ...base, times, median: median(times), answer, loadedRssMB, peakRssMB: process.resourceUsage().maxRSS / 1024, ...(note ? { note } : {}) };
  } catch (e) {
    return failed(e);
  }
}
