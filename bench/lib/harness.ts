/**
 * The harness: runs contenders on workloads, each workload in a fresh process (full mode) or, for the
 * CI smoke test, JavaScript contenders in this process and pandas in one Python process.
 * @module
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { BENCH_DIR, REPO_ROOT, SIZES, dataDir, ncPaths, outDir, type ContenderId, type Mode, type WorkloadId } from './config.js';
import { measureInProcess, type Measurement, type Repeats } from './measure.js';

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

/** Output of a child process and whether it was killed by the time limit. */
interface ChildOut {
  stdout: string;
  stderr: string;
  timedOut: boolean;
  code: number | null;
}

function runChild(cmd: string, args: string[], timeoutS: number): Promise<ChildOut> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Runs one JavaScript contender on one workload in a fresh Node process. */
export async function measureInChild(id: Exclude<ContenderId, 'pandas'>, w: WorkloadId, mode: Mode, rep: Repeats, timeoutS: number): Promise<Measurement> {
  const args = ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', path.join(BENCH_DIR, 'child.ts'), id, w, mode, String(rep.warmup), String(rep.repeats), String(rep.budgetMs ?? 0)];
  const out = await runChild(process.execPath, args, timeoutS);
  if (out.timedOut) return { contender: id, workload: w, status: 'timeout', note: `skipped: over ${timeoutS} s` };
  const r = parseResults(out);
  if (r.length) return r[0];
  const note = lastError(out);
  return id === 'gridframe'
    ? { contender: id, workload: w, status: 'unavailable', note: `not available yet: ${note}` }
    : { contender: id, workload: w, status: 'error', note };
}

/** Runs pandas on several workloads in one Python process (one workload per process in full mode). */
export async function measurePython(ws: readonly WorkloadId[], mode: Mode, rep: Repeats, timeoutS: number): Promise<Measurement[]> {
  const cfg = { mode, sizes: SIZES[mode], data: dataDir(mode), out: outDir(mode), nc: ncPaths(mode), warmup: rep.warmup, repeats: rep.repeats, budgetMs: rep.budgetMs ?? 0, workloads: ws };
  const out = await runChild(PYTHON, [path.join(BENCH_DIR, 'runners', 'pandas_runner.py'), JSON.stringify(cfg)], timeoutS);
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
  /** Per-process time limit, seconds. */
  timeoutS: number;
  /** Called after each cell. */
  onResult?: (m: Measurement) => void;
}

/** Runs every contender on every workload; returns all cells (workload-major order). */
export async function runSuite(o: SuiteOptions): Promise<Measurement[]> {
  const results: Measurement[] = [];
  const push = (m: Measurement): void => { results.push(m); o.onResult?.(m); };
  const noPython = o.contenders.includes('pandas') ? pythonUnavailable() : null;
  if (o.isolate === 'inprocess' && o.contenders.includes('pandas') && !noPython) {
    for (const m of await measurePython(o.workloads, o.mode, o, o.timeoutS)) push(m);
  }
  for (const w of o.workloads) {
    for (const id of o.contenders) {
      if (id === 'pandas') {
        if (noPython) push({ contender: id, workload: w, status: 'skipped', note: noPython });
        else if (o.isolate === 'process') push((await measurePython([w], o.mode, o, o.timeoutS))[0]);
        continue;
      }
      push(o.isolate === 'process' ? await measureInChild(id, w, o.mode, o, o.timeoutS) : await measureInProcess(id, w, o.mode, o));
    }
  }
  return results;
}
