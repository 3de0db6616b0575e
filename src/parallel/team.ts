/**
 * A small persistent team of worker threads for SYNCHRONOUS parallel kernels (sort, gather, ...):
 * the calling thread splits a job into parts, the workers and the caller claim parts from a shared
 * control block, and the call returns when every part is done. Unlike the piscina pool (pool.ts),
 * nothing is awaited, so a sync API such as `df.sortValues` can use the other cores.
 *
 * How to add and call a kernel:
 * 1. In a kernel module (it must import only light modules, never team.ts), declare it with
 *    `defineKernel` from team-kernel.ts: `run(args, part, parts)` does one part, writing only its own
 *    share of the outputs, the same values whichever thread runs it.
 * 2. List the module in `BUILTIN_KERNEL_MODULES` (team-kernels.ts) so the workers load it.
 * 3. Call it: `if (n >= MY_THRESHOLD && teamThreads() > 1) runParts(kernel, args, parts)`, else run
 *    the serial loop (or `runParts` anyway: it runs every part on the caller when the team is off).
 *    Arguments are numbers, flags and typed arrays on SharedArrayBuffer (`alloc` in
 *    src/frame/alloc.ts gives shared memory from 64 KiB only: allocate small arrays with
 *    `new SharedArrayBuffer`); with any non-shared array the job runs on the calling thread only.
 *    `teamThreads({ whenIdle: true })` also answers 1 while the load average leaves no core free.
 *    Use more parts than threads (e.g. 4 per thread) when parts can be any size: a thread the OS
 *    holds back then leaves its parts to the others. A kernel must not call `runParts` (such a
 *    nested job runs on the calling thread).
 *
 * Team size: the pool's worker setting minus one (the caller is a thread too), so
 * `configure({ workers: 1 })` makes every kernel serial (a team already started sleeps until the
 * setting comes back); in a worker thread the team stays off. The team starts on the first
 * `teamThreads()` call, in the background (that call gets 1); workers are unref'd (they never keep
 * the process alive). A worker that is late, dead or whose kernel throws never blocks the caller:
 * after `timeoutMs` (plus a margin proportional to the caller's own part time) the caller runs the
 * missing parts itself and the team is restarted on a later call.
 * @module
 */
import { availableParallelism, loadavg } from 'node:os';
import { isMainThread, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { ValueError } from '../errors.js';
import { poolInfo } from './pool.js';
import type { TeamArgs, TeamKernel, TeamValue } from './team-kernel.js';
import { CLAIMED, CTRL_INTS, DONE, FAILED, FREE, MAX_PARTS, PARTS, READY, REMAINING, SEQ, STOP, tag, type JobMessage, type TeamWorkerData } from './team-protocol.js';

const fromSource = import.meta.url.endsWith('.ts');
const entry = new URL(fromSource ? './team-worker-dev.mjs' : './team-worker.js', import.meta.url);

/** Options of `configureTeam`. */
export interface TeamOptions {
  /** Base wait for the workers' parts, ms (default 2000); the caller then runs what is missing. */
  timeoutMs?: number;
  /** Extra kernel modules (file URLs) the workers load besides the built-in list. */
  modules?: string[];
  /**
   * Honour `teamThreads({ whenIdle: true })` (default true): such callers get 1 thread while the
   * machine's 1-minute load average leaves no core free. Tests that must see the team set false.
   */
  loadAware?: boolean;
}

interface Team {
  size: number;
  ctrl: Int32Array;
  workers: Worker[];
  ports: MessagePort[];
  dead: boolean;
}

let settings: Required<TeamOptions> = { timeoutMs: 2000, modules: [], loadAware: true };
let team: Team | null = null;
let seq = 0;
let failures = 0;
/** True while the calling thread runs a job (its kernels must not start another). */
let inJob = false;
const stats = { jobs: 0, workerParts: 0, timeouts: 0, waitMs: 0 };

/**
 * Counters since the process started: jobs handed to the team, parts the workers ran, jobs that
 * timed out, milliseconds the caller waited for workers after its own parts (for tests and diagnostics).
 * @example
 * teamStats() // { jobs: 12, workerParts: 11, timeouts: 0, waitMs: 3.5 }
 */
export function teamStats(): { jobs: number; workerParts: number; timeouts: number; waitMs: number } {
  return { ...stats };
}
/** After this many failures in a row (jobs timed out, workers that died starting) the team stays off. */
const MAX_FAILURES = 3;

/**
 * Changes the team's settings (and clears its failure count); a new module list stops the running
 * team (if any) and a new one starts on the next call.
 * @example
 * configureTeam({ timeoutMs: 500 });
 */
export function configureTeam(opts: TeamOptions): void {
  if (opts.timeoutMs !== undefined && !(opts.timeoutMs > 0)) throw new ValueError(`configureTeam(): timeoutMs must be positive, got ${String(opts.timeoutMs)}`);
  const modules = opts.modules ?? settings.modules;
  const restart = modules.join('\n') !== settings.modules.join('\n');
  settings = { timeoutMs: opts.timeoutMs ?? settings.timeoutMs, modules, loadAware: opts.loadAware ?? settings.loadAware };
  failures = 0;
  if (restart) void stopTeam();
}

function start(size: number): Team {
  const ctrl = new Int32Array(new SharedArrayBuffer(CTRL_INTS * 4));
  const t: Team = { size, ctrl, workers: [], ports: [], dead: false };
  for (let i = 0; i < size; i++) {
    const { port1, port2 } = new MessageChannel();
    const wd: TeamWorkerData = { ctrl: ctrl.buffer as SharedArrayBuffer, port: port2, modules: settings.modules };
    const w = new Worker(entry, { workerData: wd, transferList: [port2] });
    w.unref();
    port1.unref();
    // A worker that fails or exits makes the team unusable; a later call starts a new one. One that
    // dies before it is ready (a kernel module that does not load) counts as a failure: after a few,
    // the team stays off instead of being restarted on every call.
    const died = (): void => {
      if (!t.dead && Atomics.load(ctrl, READY) < size) failures++;
      t.dead = true;
    };
    w.on('error', died);
    w.on('exit', died);
    t.workers.push(w);
    t.ports.push(port1);
  }
  return t;
}

/** The team size the settings ask for: 0 when off (inside a worker the cores are the pool's already). */
function wantedSize(): number {
  return isMainThread && failures < MAX_FAILURES ? poolInfo().workers - 1 : 0;
}

let loadCheckedAt = -Infinity;
let loaded = false;

/** True while the 1-minute load average leaves no core free (checked at most once a second). */
function machineBusy(): boolean {
  const now = performance.now();
  if (now - loadCheckedAt > 1000) {
    loadCheckedAt = now;
    loaded = loadavg()[0] > availableParallelism() + 1;
  }
  return loaded;
}

/**
 * Threads a job started now would use: 1 (the caller) while the team is off, starting or broken;
 * 1 + the workers once they are all ready. The first call starts the team in the background.
 * `whenIdle`: also 1 while the machine is busier than its cores (the other threads would only
 * take turns with other programs on the same cores, and pay the parallel overheads for nothing).
 * @example
 * if (n >= 1 << 20 && teamThreads() > 1) runParts(kernel, args, 8);
 */
export function teamThreads(opts: { whenIdle?: boolean } = {}): number {
  const size = wantedSize();
  // Off: a team already started stays asleep (no CPU), ready if the setting comes back.
  if (size < 1) return 1;
  if (team && (team.dead || team.size !== size)) void stopTeam();
  if (!team) team = start(size);
  if (opts.whenIdle === true && settings.loadAware && machineBusy()) return 1;
  return Atomics.load(team.ctrl, READY) === team.size ? team.size + 1 : 1;
}

/**
 * Resolves once the team's workers are ready (starting it if needed); resolves 1 when the team is
 * off (`configure({ workers: 1 })`). For tests and warm-ups.
 * @example
 * await teamReady(); // then runParts uses the workers
 */
export async function teamReady(timeoutMs = 30_000): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const n = teamThreads();
    if (n > 1 || wantedSize() < 1) return n;
    if (Date.now() - t0 > timeoutMs) return 1;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Stops the workers (a later call starts new ones).
 * @example
 * await stopTeam();
 */
export async function stopTeam(): Promise<void> {
  const t = team;
  team = null;
  if (!t) return;
  t.dead = true;
  Atomics.store(t.ctrl, STOP, 1);
  Atomics.add(t.ctrl, SEQ, 1);
  Atomics.notify(t.ctrl, SEQ);
  for (const p of t.ports) p.close();
  await Promise.all(t.workers.map((w) => w.terminate()));
}

/** The team's worker threads (for tests that stop one to check the fallback). */
export function teamWorkersForTest(): readonly Worker[] {
  return team ? team.workers : [];
}

function allShared(v: TeamValue): boolean {
  if (ArrayBuffer.isView(v)) return v.buffer instanceof SharedArrayBuffer;
  if (Array.isArray(v)) return (v as readonly TeamValue[]).every(allShared);
  return true;
}

/**
 * Runs parts 0..parts-1 of `kernel` and returns when all are done: on the team's workers and the
 * calling thread together when the team is ready and every typed array in `args` is shared,
 * otherwise on the calling thread alone. Never waits forever: a part a worker has not finished
 * after the wait limit is run by the caller. An error thrown by a part is thrown here.
 * `alongside` (optional) is other work of the caller, run first while the workers take parts.
 * @example
 * runParts(fill, { out: alloc(Float64Array, 1 << 20), x: 1 }, 4);
 */
export function runParts<A extends TeamArgs>(kernel: TeamKernel<A>, args: A, parts: number, alongside?: () => void): void {
  if (!Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS) throw new ValueError(`runParts(): parts must be an integer in 1..${MAX_PARTS}, got ${parts}`);
  const t = team;
  // A kernel that calls runParts (a nested job) runs it on its own thread: the control block holds one job.
  if (inJob || parts === 1 || t === null || t.dead || t.size !== wantedSize() || Atomics.load(t.ctrl, READY) !== t.size || !Object.values(args).every(allShared)) {
    alongside?.();
    for (let p = 0; p < parts; p++) kernel.run(args, p, parts);
    return;
  }
  inJob = true;
  try {
    runJob(t, kernel, args, parts, alongside);
  } finally {
    inJob = false;
  }
}

function runJob<A extends TeamArgs>(t: Team, kernel: TeamKernel<A>, args: A, parts: number, alongside: (() => void) | undefined): void {
  const ctrl = t.ctrl;
  seq = (seq + 1) & 0x1fffffff;
  const s = seq;
  const tg = tag(s);
  for (let p = 0; p < parts; p++) Atomics.store(ctrl, PARTS + p, tg | FREE);
  Atomics.store(ctrl, REMAINING, parts);
  const msg: JobMessage = { seq: s, id: kernel.id, args, parts };
  for (const port of t.ports) port.postMessage(msg);
  Atomics.store(ctrl, SEQ, s);
  Atomics.notify(ctrl, SEQ);
  stats.jobs++;
  // Work of the caller's own that the job's parts need not wait for: the workers start meanwhile.
  alongside?.();
  const t0 = performance.now();
  let mine = 0;
  for (let p = 0; p < parts; p++) {
    if (Atomics.compareExchange(ctrl, PARTS + p, tg | FREE, tg | CLAIMED) !== (tg | FREE)) continue;
    kernel.run(args, p, parts);
    Atomics.store(ctrl, PARTS + p, tg | DONE);
    Atomics.sub(ctrl, REMAINING, 1);
    mine++;
  }
  const t1 = performance.now();
  const own = t1 - t0;
  const deadline = t1 + settings.timeoutMs + 4 * own;
  let timedOut = false;
  for (;;) {
    const left = Atomics.load(ctrl, REMAINING);
    if (left <= 0) break;
    const wait = deadline - performance.now();
    if (wait <= 0 || t.dead) {
      timedOut = true;
      break;
    }
    Atomics.wait(ctrl, REMAINING, left, wait);
  }
  // Parts a worker failed, or did not finish in time: run them here (a kernel error is thrown here).
  for (let p = 0; p < parts; p++) {
    const st = Atomics.load(ctrl, PARTS + p);
    if (st === (tg | DONE)) continue;
    if (st === (tg | FAILED) || timedOut) {
      Atomics.store(ctrl, PARTS + p, tg | CLAIMED);
      mine++;
      kernel.run(args, p, parts);
    }
  }
  stats.workerParts += parts - mine;
  stats.waitMs += performance.now() - t1;
  if (timedOut) {
    stats.timeouts++;
    failures++;
    void stopTeam();
  } else {
    failures = 0;
  }
}
