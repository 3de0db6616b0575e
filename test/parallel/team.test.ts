import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { configure } from '../../src/parallel/pool.js';
import { configureTeam, runParts, stopTeam, teamReady, teamStats, teamThreads, teamWorkersForTest } from '../../src/parallel/team.js';
import { defineKernel } from '../../src/parallel/team-kernel.js';
import { repoRoot } from '../helpers.js';
import { exitKernel, fillKernel, hangKernel, throwKernel, type FillArgs } from './fixtures/team-kernels.js';

const fixture = pathToFileURL(path.join(repoRoot, 'test/parallel/fixtures/team-kernels.ts')).href;
const PARTS = 48;

function args(n: number, sleepMs = 4, sharedMem = true): FillArgs {
  const buf = (bytes: number): ArrayBufferLike => (sharedMem ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return { out: new Float64Array(buf(8 * n)), who: new Int32Array(buf(4 * PARTS)), caller: threadId, sleepMs };
}

/** Every element i of out is 2i + 1 (the kernel's formula), i.e. every part ran exactly as serially. */
function complete(a: FillArgs): boolean {
  return a.out.every((x, i) => x === 2 * i + 1);
}

describe('thread team', () => {
  beforeAll(() => configureTeam({ timeoutMs: 300, modules: [fixture] }));
  beforeEach(async () => {
    configure({ workers: 2 });
    expect(await teamReady()).toBe(2);
  });
  afterAll(async () => {
    configure({ workers: 2 });
    configureTeam({ timeoutMs: 2000, modules: [] });
    await stopTeam();
  });

  it('runs parts on the workers and the caller, with the serial result', () => {
    const a = args(100_000);
    const before = teamStats();
    runParts(fillKernel, a, PARTS);
    expect(complete(a)).toBe(true);
    const after = teamStats();
    expect(after.jobs).toBe(before.jobs + 1);
    expect(after.timeouts).toBe(before.timeouts);
    expect(after.workerParts - before.workerParts).toBe(a.who.filter((t) => t !== threadId).length);
    const threads = new Set(a.who);
    // 48 parts of >= 4 ms each: the two workers wake within that time and take some.
    expect(threads.has(threadId)).toBe(true);
    expect(threads.size).toBeGreaterThan(1);
  });

  it('runs the caller\'s alongside work once, while the workers take parts', () => {
    const a = args(100_000);
    let calls = 0;
    runParts(fillKernel, a, PARTS, () => {
      calls++;
      // 100 ms here: the workers take parts meanwhile.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    });
    expect(calls).toBe(1);
    expect(complete(a)).toBe(true);
    expect(a.who.some((t) => t !== threadId)).toBe(true);
    const plain = args(100, 0, false);
    runParts(fillKernel, plain, 4, () => calls++);
    expect(calls).toBe(2);
    expect(complete(plain)).toBe(true);
  });

  it('runs serially with configure({ workers: 1 }) or non-shared arguments', async () => {
    const plain = args(1000, 0, false);
    runParts(fillKernel, plain, PARTS);
    expect(complete(plain)).toBe(true);
    expect(new Set(plain.who)).toEqual(new Set([threadId]));
    configure({ workers: 1 });
    expect(teamThreads()).toBe(1);
    expect(await teamReady()).toBe(1);
    const a = args(1000, 1);
    runParts(fillKernel, a, PARTS);
    expect(complete(a)).toBe(true);
    expect(new Set(a.who)).toEqual(new Set([threadId]));
  });

  it('finishes the job when a worker exits in the middle of a part', () => {
    const t0 = performance.now();
    const a = args(100_000, 1);
    runParts(exitKernel, a, PARTS);
    expect(complete(a)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('finishes the job when a worker never returns', () => {
    const t0 = performance.now();
    const a = args(100_000, 1);
    const before = teamStats().timeouts;
    runParts(hangKernel, a, PARTS);
    expect(complete(a)).toBe(true);
    expect(teamStats().timeouts).toBe(before + 1);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('finishes the job when a worker was terminated', async () => {
    await teamWorkersForTest()[0].terminate();
    const a = args(100_000, 1);
    runParts(fillKernel, a, PARTS);
    expect(complete(a)).toBe(true);
    // The dead worker is noticed: the next call restarts the team and runs serially meanwhile.
    expect(teamThreads()).toBe(1);
    expect(await teamReady()).toBe(2);
  });

  it('runs a job started from inside a kernel on the calling thread, and finishes the outer job', () => {
    // A kernel the workers do not know (not in a module they load): every part runs here.
    const inner = args(1000, 0);
    const outer = defineKernel('test.nested', (a: { done: Int32Array }, part: number) => {
      runParts(fillKernel, inner, 4);
      a.done[part] = 1;
    });
    const done = new Int32Array(new SharedArrayBuffer(4 * 8));
    runParts(outer, { done }, 8);
    expect(Array.from(done)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(complete(inner)).toBe(true);
  });

  it('stays off after workers fail to start (a kernel module that does not load), and runs serially', async () => {
    const t0 = performance.now();
    configureTeam({ modules: [pathToFileURL(path.join(repoRoot, 'test/parallel/fixtures/no-such-kernels.ts')).href] });
    expect(await teamReady()).toBe(1);
    expect(teamThreads()).toBe(1);
    const a = args(1000, 0);
    runParts(fillKernel, a, 8);
    expect(complete(a)).toBe(true);
    expect(new Set(a.who)).toEqual(new Set([threadId]));
    expect(performance.now() - t0).toBeLessThan(8000);
    // Configuring the team again clears the failures.
    configureTeam({ modules: [fixture] });
    expect(await teamReady()).toBe(2);
  });

  it('throws a kernel error on the calling thread', () => {
    expect(() => runParts(throwKernel, args(10, 2), PARTS)).toThrow(/^part \d+ failed$/);
    expect(() => runParts(fillKernel, args(10), 0)).toThrow(/parts must be an integer/);
  });

  it('never keeps the process alive', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gf-team-'));
    const script = path.join(dir, 'exit.mts');
    const src = pathToFileURL(path.join(repoRoot, 'src/parallel/team.ts')).href;
    writeFileSync(
      script,
      `import { threadId } from 'node:worker_threads';\nimport { configureTeam, runParts, teamReady } from '${src}';\n` +
        `import { fillKernel } from '${fixture}';\nconfigureTeam({ modules: [${JSON.stringify(fixture)}] });\n` +
        `const n = await teamReady();\nconst out = new Float64Array(new SharedArrayBuffer(800));\n` +
        `runParts(fillKernel, { out, who: new Int32Array(new SharedArrayBuffer(16)), caller: threadId, sleepMs: 1 }, 4);\n` +
        `console.log(n, out[99], Date.now());\n`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
    const end = Date.now();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [n, last, printedAt] = r.stdout.trim().split(' ').map(Number);
    expect(n).toBeGreaterThanOrEqual(1);
    expect(last).toBe(199);
    expect(end - printedAt).toBeLessThan(2000);
  });
});
