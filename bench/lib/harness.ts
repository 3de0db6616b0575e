/**
 * The harness: runs contenders on workloads, each workload in a fresh process (full mode) or, for the
 * CI smoke test, JavaScript contenders in this process and pandas in one Python process.
 * @module
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { BENCH_DIR, REPO_ROOT, SIZES, WORKLOAD_SETTINGS, dataDir, ncPaths, outDir, type ContenderId, type Mode, type WorkloadId } from './config.js';
import { measureInProcess, type Measurement, type Repeats } from './measure.js';
import { childEntry } from './compiled.js';

/** The Python interpreter with pandas, scipy and xarray (Debian packages); GRIDFRAME_BENCH_PYTHON overrides. */
export const PYTHON = process.env.GRIDFRAME_BENCH_PYTHON ?? '/usr/bin/python3';

/** Why the Python contender cannot run here, or null when it can. */
export function pythonUnavailable(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import pandas, numpy, scipy, xarray'], { encoding: 'utf8' });
  if (r.error) return `${PYTHON} not found`;
  if (r.status !== 0) {
    const why = (r.stderr || '').trim().split('\n').pop();
    return `${PYTHON} lacks pandas/numpy/scipy/xarray${why ? ` (${why})` : ''}`;
  }
  return null;
}

/** The glibc tunable that makes malloc madvise transparent huge pages on its mmapped chunks (glibc >= 2.35). */
export const HUGEPAGES_TUNABLE = 'glibc.malloc.hugetlb=1';

/**
 * The environment of every cell process (Node children and the Python runner alike): with `hugepages`,
 * GLIBC_TUNABLES gains glibc.malloc.hugetlb=1 (appended with ':' to a value already set), so large
 * typed arrays are backed by 2 MiB pages as numpy's own madvise gives pandas; otherwise this process's
 * environment unchanged.
 */
export function cellEnv(hugepages: boolean, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (!hugepages) return base;
  const cur = base.GLIBC_TUNABLES;
  if (cur?.split(':').includes(HUGEPAGES_TUNABLE)) return base;
  return { ...base, GLIBC_TUNABLES: cur ? `${cur}:${HUGEPAGES_TUNABLE}` : HUGEPAGES_TUNABLE };
}

/**
 * The Node flags of a cell process: the harness's defaults, then the workload's `nodeArgs`
 * (WORKLOAD_SETTINGS); a workload flag replaces a default flag of the same name.
 */
export function nodeFlags(w: WorkloadId): string[] {
  const extra = WORKLOAD_SETTINGS[w]?.nodeArgs ?? [];
  const name = (a: string): string => a.split('=')[0];
  const overridden = new Set(extra.map(name));
  return [...['--expose-gc', '--max-old-space-size=16384'].filter((a) => !overridden.has(name(a))), ...extra];
}

/** The time limit of one cell: --timeout, or the workload's own when larger. */
export function cellTimeout(w: WorkloadId, timeoutS: number): number {
  return Math.max(timeoutS, WORKLOAD_SETTINGS[w]?.timeoutS ?? 0);
}

/** Output of a child process and whether it was killed by the time limit. */
interface ChildOut {
  stdout: string;
  stderr: string;
  timedOut: boolean;
  code: number | null;
}

function runChild(cmd: string, args: string[], timeoutS: number, env: NodeJS.ProcessEnv): Promise<ChildOut> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    p.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    p.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    const timer = setTimeout(() => { timedOut = true; p.kill('SIGKILL'); }, timeoutS * 1000);
    p.on('close', (code) => { clearTimeout(timer); resolve({ stdout, stderr, timedOut, code }); });
  });
}

function parseResults(out: ChildOut): Measurement[] {
  const res: Measurement[] = [];
  for (const line of out.stdout.split('\n')) if (line.startsWith('@@RESULT ')) res.push(JSON.parse(line.slice(9)) as Measurement);
  return res;
}

function lastError(out: ChildOut): string {
  const lines = out.stderr.split('\n').map((l) => l.trim()).filter((l) => l && !l.includes('nodedir'));
  return (lines.pop() ?? `exit code ${out.code}`).slice(0, 200);
}

/** Runs one JavaScript contender on one workload in a fresh Node process (flags: nodeFlags(w)). */
export async function measureInChild(id: Exclude<ContenderId, 'pandas'>, w: WorkloadId, mode: Mode, rep: Repeats, timeoutS: number, hugepages = true, entry = path.join(BENCH_DIR, 'child.ts')): Promise<Measurement> {
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const args = [...nodeFlags(w), ...loader, entry, id, w, mode, String(rep.warmup), String(rep.repeats), String(rep.budgetMs ?? 0)];
  const out = await runChild(process.execPath, args, timeoutS, cellEnv(hugepages));
  if (out.timedOut) return { contender: id, workload: w, status: 'timeout', note: `skipped: over ${timeoutS} s` };
  const r = parseResults(out);
  if (r.length) return r[0];
  const note = lastError(out);
  return id === 'gridframe'
    ? { contender: id, workload: w, status: 'unavailable', note: `not available yet: ${note}` }
    : { contender: id, workload: w, status: 'error', note };
}

/** Runs pandas on several workloads in one Python process (one workload per process in full mode). */
export async function measurePython(ws: readonly WorkloadId[], mode: Mode, rep: Repeats, timeoutS: number, hugepages = true): Promise<Measurement[]> {
  const cfg = { mode, sizes: SIZES[mode], data: dataDir(mode), out: outDir(mode), nc: ncPaths(mode), warmup: rep.warmup, repeats: rep.repeats, budgetMs: rep.budgetMs ?? 0, workloads: ws };
  const out = await runChild(PYTHON, [path.join(BENCH_DIR, 'runners', 'pandas_runner.py'), JSON.stringify(cfg)], timeoutS, cellEnv(hugepages));
  const got = parseResults(out);
  return ws.map((w) => got.find((m) => m.workload === w) ?? {
    contender: 'pandas', workload: w,
    status: out.timedOut ? 'timeout' : 'error',
    note: out.timedOut ? `skipped: over ${timeoutS} s` : lastError(out),
  });
}

/** Options of a suite run. */
export interface SuiteOptions extends Repeats {
  mode: Mode;
  contenders: readonly ContenderId[];
  workloads: readonly WorkloadId[];
  /** 'process': every cell in a fresh process (the real benchmark); 'inprocess': fast smoke mode. */
  isolate: 'process' | 'inprocess';
  /** Per-process time limit, seconds (a workload's WorkloadSettings.timeoutS may raise it). */
  timeoutS: number;
  /** Cell processes get GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (transparent huge pages); default true. */
  hugepages?: boolean;
  /** Process cells run the tsc output of src/ and bench/ (bench/.build, see compiled.ts) instead of the sources through tsx; default true. */
  compiled?: boolean;
  /** Called after each cell. */
  onResult?: (m: Measurement) => void;
}

/** Runs every contender on every workload; returns all cells (workload-major order). */
export async function runSuite(o: SuiteOptions): Promise<Measurement[]> {
  const results: Measurement[] = [];
  const push = (m: Measurement): void => { results.push(m); o.onResult?.(m); };
  const noPython = o.contenders.includes('pandas') ? pythonUnavailable() : null;
  const huge = o.hugepages ?? true;
  const entry = o.isolate === 'process' && o.contenders.some((c) => c !== 'pandas') ? childEntry(o.compiled ?? true) : undefined;
  if (o.isolate === 'inprocess' && o.contenders.includes('pandas') && !noPython) {
    for (const m of await measurePython(o.workloads, o.mode, o, o.timeoutS, huge)) push(m);
  }
  for (const w of o.workloads) {
    for (const id of o.contenders) {
      if (id === 'pandas') {
        if (noPython) push({ contender: id, workload: w, status: 'skipped', note: noPython });
        else if (o.isolate === 'process') push((await measurePython([w], o.mode, o, cellTimeout(w, o.timeoutS), huge))[0]);
        continue;
      }
      push(o.isolate === 'process' ? await measureInChild(id, w, o.mode, o, cellTimeout(w, o.timeoutS), huge, entry) : await measureInProcess(id, w, o.mode, o));
    }
  }
  return results;
}
