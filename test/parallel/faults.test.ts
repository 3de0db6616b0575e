import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compute } from '../../src/parallel/compute.js';
import { delayed } from '../../src/parallel/delayed.js';
import { configure, shutdown } from '../../src/parallel/pool.js';
import { AbortError, TaskError, WorkerCrashError } from '../../src/parallel/errors.js';
import { repoRoot } from '../helpers.js';
import { t } from './helpers.js';

const double = delayed<number>(t('double'));

describe('faults in workers', () => {
  beforeAll(() => configure({ workers: 2 }));
  afterAll(() => shutdown());

  it('surfaces a throwing task with its message and the worker stack', async () => {
    const err = await compute(delayed(t('failing'))('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TaskError);
    const e = err as TaskError;
    expect(e.message).toBe('Task failing (tasks.ts) failed: RangeError: bad input: x');
    expect(e.remoteName).toBe('RangeError');
    expect(e.remoteStack).toMatch(/at failing \(.*test\/parallel\/fixtures\/tasks\.ts:\d+:\d+\)/);
    expect(e.stack).toContain('--- in the worker ---');
  });

  it('fails only the task of a worker that calls process.exit, and recovers', async () => {
    const started = performance.now();
    const [ok, crash] = await Promise.allSettled([compute(delayed(t('slow'))(200)), compute(delayed(t('exitNow'))())]);
    expect(ok).toEqual({ status: 'fulfilled', value: [200] });
    expect(crash.status).toBe('rejected');
    const e = (crash as PromiseRejectedResult).reason as Error;
    expect(e).toBeInstanceOf(WorkerCrashError);
    expect(e.message).toMatch(/exitNow \(tasks\.ts\) stopped its worker \(exit code 7\).*worker was replaced/);
    expect(await compute(double(21))).toEqual([42]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('fails only the task that runs its worker out of memory, and recovers', async () => {
    configure({ workers: 1, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    try {
      const err = await compute(delayed(t('exhaustMemory'))()).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(WorkerCrashError);
      expect((err as Error).message).toMatch(/ran its worker out of memory \(resourceLimits\.maxOldGenerationSizeMb = 64\)/);
      expect(await compute(double(5))).toEqual([10]);
    } finally {
      configure({ workers: 2, resourceLimits: undefined });
    }
  });

  it('stops the remaining tasks when aborted', async () => {
    const slow = delayed(t('slow'));
    const ctl = new AbortController();
    let done = 0;
    const t0 = performance.now();
    setTimeout(() => ctl.abort(), 300);
    // 6 tasks of 1 s on 2 workers would take 3 s
    const err = await compute([1, 2, 3, 4, 5, 6].map(() => slow(1000)), { signal: ctl.signal, onProgress: () => done++ }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(done).toBe(0);
    expect(performance.now() - t0).toBeLessThan(900);
    expect(await compute(double(2))).toEqual([4]);
    // an already-aborted signal runs nothing
    await expect(compute(slow(10), { signal: AbortSignal.abort() })).rejects.toThrow(AbortError);
  });

  it('never keeps the process alive when the pool is idle', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gf-exit-'));
    const script = path.join(dir, 'exit.mts');
    const src = pathToFileURL(path.join(repoRoot, 'src/parallel')).href;
    writeFileSync(
      script,
      `import { compute } from '${src}/compute.ts';\nimport { delayed } from '${src}/delayed.ts';\n` +
        `const [r] = await compute(delayed({ module: ${JSON.stringify(t('double').module)}, name: 'double' })(4));\n` +
        `console.log(r, Date.now());\n`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
    const end = Date.now();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [value, printedAt] = r.stdout.trim().split(' ').map(Number);
    expect(value).toBe(8);
    // The pool's idle timeout is 10 s: exiting well before proves idle workers do not hold the process.
    expect(end - printedAt).toBeLessThan(2000);
  });
});
