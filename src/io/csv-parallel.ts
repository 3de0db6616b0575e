/**
 * The fast CSV reader: the data rows are cut into chunks at line ends, each chunk is parsed by the
 * fused parser (csv-parallel-chunk.ts) — on the calling thread, and for large inputs also in pool
 * workers that claim chunks from a shared counter — and the chunks are joined into columns
 * (csv-parallel-merge.ts) with the serial reader's inference rules, decided over the whole file.
 *
 * Correctness does not depend on where the cuts fall: a chunk is only used when it starts exactly where
 * the previous chunk's last row ended (a cut inside a quoted field that spans lines is detected and
 * the chunk re-parsed from the true row start). Whatever the fused parser does not handle (bad rows,
 * quote errors, values that do not fit a requested dtype, `nrows`, other dtypes) makes these
 * functions return null, and the caller reads the file with the serial reader, which reports errors
 * (with their line numbers) and skips or warns on bad lines exactly as before.
 * @module
 */
import { availableParallelism } from 'node:os';
import type { Column } from '../frame/column.js';
import type { DType } from '../frame/dtypes.js';
import { poolInfo, runInWorker } from '../parallel/pool.js';
import { resolveTask, type ResolvedTask } from '../parallel/task.js';
import { NaMatcher, type CsvConfig } from './csv-options.js';
import type { ColumnPlan } from './csv-infer.js';
import {
  BAIL_COLUMN, BAIL_NONE, M_BOOL, M_DATE, M_F64, M_I64, M_INFER, M_SKIP, M_STR, parseChunk, parseClaimed,
  type ChunkJob, type ChunkResult,
} from './csv-parallel-chunk.js';
import { chunkSlots } from './csv-parallel-slots.js';
import { evenBounds, loadMissing, readRange } from './csv-parallel-load.js';
import { joinChunks } from './csv-parallel-merge.js';

/**
 * Sizes that choose the path (tests lower them to drive small inputs through every path).
 * - fastMinBytes: inputs at least this large use the fused parser instead of tokenizer + builders;
 * - parallelMinBytes: inputs at least this large (read by the async `readCsv`) also use pool workers;
 * - chunkBytes: size of one chunk of the parallel path (0: about four chunks per parsing thread, each
 *   of 1 to 8 MiB: fewer, larger chunks pay less per-chunk setup; measured on the 41 MB bench file,
 *   2 threads: 2 MiB chunks ~105 ms, 4 MiB ~85-95 ms, 1 MiB ~120 ms);
 * - callerParses: the calling thread parses chunks while the pool's workers start (false: it only waits);
 * - headBytes: of a large file, the bytes read before parsing starts (header and sampled rows); the
 *   parsing threads read the rest.
 */
export const csvTuning = { fastMinBytes: 64 << 10, parallelMinBytes: 4 << 20, chunkBytes: 0, callerParses: true, headBytes: 1 << 20 };

/** Most chunks one read is cut into. */
export const MAX_CHUNKS = 256;

/** What the last fast read did (for tests and profiling): chunks, chunks parsed by workers, rounds. */
export const csvLastRead = { chunks: 0, inWorkers: 0, rounds: 0 };

const DTYPE_MODES: Partial<Record<DType, number>> = { float64: M_F64, int64: M_I64, string: M_STR, bool: M_BOOL, datetime: M_DATE };

/** Rounds of re-reading inferred columns as strings before handing over to the serial reader. */
const MAX_ROUNDS = 4;

/**
 * The fused parser's job for a file, or null when an option needs the serial reader.
 * @example
 * const job = fastJob(buf, cfg, head.names.length, head.pos, keep, plans);
 */
export function fastJob(buf: Uint8Array, cfg: CsvConfig, ncols: number, start: number, keep: readonly number[], plans: readonly ColumnPlan[]): ChunkJob | null {
  if (cfg.nrows !== 2147483647 || buf.length < csvTuning.fastMinBytes || buf.length > 0x7fffffff) return null;
  const modes = new Array<number>(ncols).fill(M_SKIP);
  for (let i = 0; i < keep.length; i++) {
    const p = plans[i];
    const m = p.dtype ? DTYPE_MODES[p.dtype] : p.date ? M_DATE : M_INFER;
    if (m === undefined) return null;
    modes[keep[i]] = m;
  }
  return {
    buf, sep: cfg.sep, naValues: cfg.naValues, modes, inferDates: plans.some((p) => p.inferDates),
    bounds: [start, buf.length], rowBytes: rowBytes(buf, start),
  };
}

/** Average bytes per line over the first 64 KiB of data. */
function rowBytes(buf: Uint8Array, start: number): number {
  const end = Math.min(buf.length, start + (64 << 10));
  let lines = 0;
  for (let p = buf.indexOf(10, start); p >= 0 && p < end; p = buf.indexOf(10, p + 1)) lines++;
  return lines ? (end - start) / lines : Math.max(1, end - start);
}

/**
 * Cuts [start, end) into about `count` chunks, each starting just after a line feed.
 * @example
 * chunkBounds(bytes, 4, bytes.length, 8) // [4, ..., bytes.length]
 */
export function chunkBounds(buf: Uint8Array, start: number, end: number, count: number): number[] {
  const bounds = [start];
  for (let i = 1; i < count; i++) {
    const at = start + Math.floor(((end - start) * i) / count);
    if (at <= bounds[bounds.length - 1]) continue;
    const lf = buf.indexOf(10, at);
    if (lf < 0 || lf + 1 >= end) break;
    if (lf + 1 > bounds[bounds.length - 1]) bounds.push(lf + 1);
  }
  bounds.push(end);
  return bounds;
}

/**
 * Puts chunk results in row order, re-parsing (here) any chunk that did not start where the previous
 * one ended. Stops at the first chunk that gave up.
 */
function align(job: ChunkJob, na: NaMatcher, results: readonly ChunkResult[]): ChunkResult[] {
  const byIndex = new Map<number, ChunkResult>();
  for (const r of results) byIndex.set(r.index, r);
  const out: ChunkResult[] = [];
  let at = job.bounds[0];
  for (let k = 0; k + 1 < job.bounds.length; k++) {
    if (at >= job.bounds[k + 1]) continue;
    let r = byIndex.get(k);
    if (r === undefined || r.start !== at) r = parseChunk(job, na, k, at);
    out.push(r);
    if (r.bail !== BAIL_NONE) break;
    at = r.stop;
  }
  return out;
}

/** Columns from aligned chunks, or the file columns to read as strings next round, or null (serial). */
function settle(job: ChunkJob, chunks: readonly ChunkResult[], keep: readonly number[]): Column[] | number[] | null {
  const failed = chunks.filter((c) => c.bail !== BAIL_NONE);
  if (failed.length) {
    const cols = failed.filter((c) => c.bail === BAIL_COLUMN).map((c) => c.bailCol);
    return cols.length === failed.length ? cols : null;
  }
  const j = joinChunks(job.buf, chunks, keep, job.modes, job.slots);
  return j.ok ? j.columns : j.asStrings;
}

/** Marks file columns to be read as strings; false when one of them was already. */
function asStrings(job: ChunkJob, cols: readonly number[]): boolean {
  for (const j of cols) {
    if (job.modes[j] !== M_INFER) return false;
    job.modes[j] = M_STR;
  }
  return true;
}

/**
 * Reads the rows with the fused parser on this thread (one chunk); null: use the serial reader.
 * @example
 * const cols = job && readFastSync(job, keep);
 */
export function readFastSync(job: ChunkJob, keep: readonly number[]): Column[] | null {
  const na = new NaMatcher(job.naValues);
  Object.assign(csvLastRead, { chunks: 1, inWorkers: 0, rounds: 0 });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    csvLastRead.rounds++;
    const res = settle(job, align(job, na, [parseChunk(job, na, 0)]), keep);
    if (res === null) return null;
    if (!isNumbers(res)) return res;
    if (!asStrings(job, res)) return null;
  }
  return null;
}

function isNumbers(v: Column[] | number[]): v is number[] {
  return v.length > 0 && typeof v[0] === 'number';
}

/**
 * How many pool workers parse (at most one per core). The calling thread parses too only while no
 * worker has started (a cold pool) or when there are more cores than workers: otherwise it leaves the
 * parsing to the workers (whose compiled code stays warm between calls) and joins the chunks.
 */
function helperCount(): number {
  return Math.max(0, Math.min(poolInfo().workers, availableParallelism()));
}

/**
 * Reads the rows with the fused parser on this thread and in pool workers (work stealing over
 * chunks); null: use the serial reader. `job.buf` should be shared memory (else it is copied once).
 * @example
 * const cols = await readFastParallel(job, keep);
 */
export async function readFastParallel(job: ChunkJob, keep: readonly number[]): Promise<Column[] | null> {
  const helpers = helperCount();
  const file = job.file;
  const start = job.bounds[0];
  const bytes = job.buf.length - start;
  const per = csvTuning.chunkBytes > 0 ? csvTuning.chunkBytes : Math.max(1 << 20, Math.min(8 << 20, Math.ceil(bytes / (4 * Math.max(1, helpers)))));
  const count = Math.max(2, Math.min(MAX_CHUNKS, Math.ceil(bytes / per)));
  if (helpers > 0 && job.buf.length >= csvTuning.parallelMinBytes) job.bounds = file ? evenBounds(start, job.buf.length, count) : chunkBounds(job.buf, start, job.buf.length, count);
  if (job.bounds.length < 3) {
    if (file) {
      readRange(file.fd, job.buf, file.head, job.buf.length);
      job.file = undefined;
    }
    return readFastSync({ ...job, bounds: [start, job.buf.length] }, keep);
  }
  const na = new NaMatcher(job.naValues);
  job.slots = chunkSlots(job, na);
  Object.assign(csvLastRead, { chunks: job.bounds.length - 1, inWorkers: 0, rounds: 0 });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    csvLastRead.rounds++;
    const parsed = await parseAll(job, na, helpers);
    if (file) {
      // Every byte in memory before any chunk is parsed again from another start (align) or by the serial reader.
      loadMissing(job);
      file.head = job.buf.length;
    }
    const res = settle(job, align(job, na, parsed), keep);
    if (res === null) return null;
    if (!isNumbers(res)) return res;
    if (!asStrings(job, res)) return null;
  }
  return null;
}

/**
 * Starts the pool's workers (and loads the chunk parser in them) ahead of a large read, so that they
 * are up while the file is read; the first large read of a process then already shares its chunks.
 * @example
 * prestartCsvWorkers(); // before reading a large file
 */
export function prestartCsvWorkers(): void {
  if (prestarted) return;
  prestarted = true;
  const none: ChunkJob = { buf: new Uint8Array(0), sep: 44, naValues: [], modes: [], inferDates: false, bounds: [0, 0], rowBytes: 1 };
  for (let i = 0; i < helperCount(); i++) void runInWorker(chunkTaskOf(), [none, new Int32Array(new SharedArrayBuffer(8))]).catch(() => undefined);
}

let prestarted = false;

function chunkTaskOf(): ResolvedTask {
  chunkTask ??= resolveTask({ module: new URL('./csv-parallel-chunk.js', import.meta.url).href, name: 'parseClaimedChunks' }, 'readCsv');
  return chunkTask;
}

let chunkTask: ResolvedTask | null = null;

/**
 * Every chunk parsed once, in `helpers` workers and here, in any order. This thread claims chunks one
 * at a time while the pool's workers are starting (until one has started) or when there are more
 * cores than workers; otherwise it leaves the chunks to them.
 */
async function parseAll(job: ChunkJob, na: NaMatcher, helpers: number): Promise<ChunkResult[]> {
  const counter = new Int32Array(new SharedArrayBuffer(8));
  const task = chunkTaskOf();
  const tasks = Array.from({ length: helpers }, () => runInWorker(task, [job, counter]) as Promise<ChunkResult[]>);
  for (const t of tasks) t.catch(() => undefined);
  // Let the pool post the tasks before this thread starts parsing.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const count = job.bounds.length - 1;
  const spare = helpers < availableParallelism();
  // Workers already running pick the tasks up within a moment: this thread parsing too would only
  // share the cores three ways (and the read waits for its chunk). It helps while they start.
  const cold = poolInfo().threads < helpers;
  const done: ChunkResult[] = [];
  while (csvTuning.callerParses && (spare || (cold && Atomics.load(counter, 1) === 0))) {
    const k = Atomics.add(counter, 0, 1);
    if (k >= count) break;
    done.push(parseClaimed(job, na, k));
    // Let the pool hand the tasks to workers that have just started (it does so on this thread).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  // A worker that had not started by now finds no chunk left: only wait when some chunk went to one.
  if (done.length < count) {
    for (const s of await Promise.allSettled(tasks)) {
      if (s.status !== 'fulfilled') continue;
      done.push(...s.value);
      csvLastRead.inWorkers += s.value.length;
    }
  }
  return done;
}
