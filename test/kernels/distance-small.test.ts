/**
 * The WebAssembly SIMD kernels for few features (wasm-small.ts) against the JS kernels (bit for bit,
 * NaN and infinities included) and against scipy; and the synchronous cdist on the thread team
 * (team-task.ts) against the calling thread alone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { smallKernel, SMALL_MAX_FEATURES, type SmallMetric } from '../../src/kernels/distance/wasm-small.js';
import { euclideanDirect, sqeuclideanDirect } from '../../src/kernels/distance/euclidean.js';
import { chebyshevKernel, cityblockKernel } from '../../src/kernels/distance/minkowski.js';
import { cdistCpu, prepare, TEAM_MIN_WORK } from '../../src/kernels/distance/cdist.js';
import { cdist, pdist, type Metric } from '../../src/kernels/index.js';
import { configure } from '../../src/parallel/pool.js';
import { stopTeam, teamReady, teamStats } from '../../src/parallel/team.js';
import type { DistanceKernel } from '../../src/kernels/distance/types.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const JS: Record<SmallMetric, DistanceKernel> = { euclidean: euclideanDirect, sqeuclidean: sqeuclideanDirect, cityblock: cityblockKernel, chebyshev: chebyshevKernel };
const SMALL: SmallMetric[] = ['euclidean', 'sqeuclidean', 'cityblock', 'chebyshev'];

/** Deterministic values with NaN, ±Infinity, -0 and repeats sprinkled in. */
function values(len: number, seed: number): Float64Array {
  const a = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const h = (i * 2654435761 + seed * 40503) >>> 0;
    const r = h % 97;
    a[i] = r === 0 ? NaN : r === 1 ? Infinity : r === 2 ? -Infinity : r === 3 ? -0 : r === 4 ? 1 : Math.sin(seed + i * 0.917) * 7;
  }
  return a;
}

/** Position of the first difference (Object.is: NaN equals NaN, 0 differs from -0), or -1. */
function firstDiff(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

describe('SIMD kernels for d < 16', () => {
  it('exist for 1..15 features and not beyond', () => {
    expect(SMALL_MAX_FEATURES).toBe(15);
    for (const metric of SMALL) {
      expect(smallKernel(metric, 1)).not.toBeNull();
      expect(smallKernel(metric, 15)).not.toBeNull();
      expect(smallKernel(metric, 0)).toBeNull();
      expect(smallKernel(metric, 16)).toBeNull();
    }
  });

  for (const metric of SMALL) {
    it(`${metric}: the JS kernel's bits for d = 1..15, odd sizes, row ranges, NaN and infinities`, () => {
      for (let d = 1; d <= 15; d++) {
        const k = smallKernel(metric, d);
        if (!k) throw new Error('no SIMD kernel');
        for (const [m, n] of [[1, 1], [5, 7], [11, 13]]) {
          const X = values(m * d, d), Y = values(n * d, d + 100);
          const want = new Float64Array(m * n).fill(-1), got = new Float64Array(m * n).fill(-1);
          JS[metric](X, Y, d, n, want, 0, m);
          k(X, Y, d, n, got, 0, m);
          expect(firstDiff(got, want), `d = ${d}, ${m} x ${n}`).toBe(-1);
          // rows [1, m - 1) only: the others stay untouched
          const w2 = new Float64Array(m * n).fill(-1), g2 = new Float64Array(m * n).fill(-1);
          JS[metric](X, Y, d, n, w2, 1, m - 1);
          k(X, Y, d, n, g2, 1, m - 1);
          expect(firstDiff(g2, w2), `d = ${d}, ${m} x ${n}, rows 1..${m - 1}`).toBe(-1);
        }
      }
    });
  }

  it('covers several column tiles (8192 columns, fewer for larger d) and more rows than one block', () => {
    for (const metric of SMALL) {
      for (const d of [1, 3, 15]) {
        const m = 19, n = 8197;
        const X = values(m * d, 7), Y = values(n * d, 8);
        const want = new Float64Array(m * n), got = new Float64Array(m * n);
        JS[metric](X, Y, d, n, want, 0, m);
        smallKernel(metric, d)?.(X, Y, d, n, got, 0, m);
        expect(firstDiff(got, want), `${metric} d = ${d}`).toBe(-1);
      }
    }
  });

  // scipy 1.10: X, Y below; cdist(X, Y, metric).ravel() (NaN as null). X's last row holds a NaN.
  const X1 = [[0.5], [-2.0], [NaN]], Y1 = [[1.25], [3.0], [-0.75], [0.0]];
  const X2 = [[0.5, 1.0], [-2.0, 4.0], [1.0, NaN]], Y2 = [[1.25, -1.0], [3.0, 0.5], [-0.75, 2.0], [0.0, 0.0]];
  const X4 = [[0.5, 1.0, 2.0, -1.0], [-2.0, 4.0, 0.25, 3.0], [1.0, NaN, 0.0, 1.0]];
  const Y4 = [[1.25, -1.0, 0.5, 2.0], [3.0, 0.5, -2.0, 1.5], [-0.75, 2.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0]];
  const N4 = [null, null, null, null];
  const scipy: [number, number[][], number[][], Record<SmallMetric, (number | null)[]>][] = [
    [1, X1, Y1, {
      euclidean: [0.75, 2.5, 1.25, 0.5, 3.25, 5.0, 1.25, 2.0, ...N4],
      sqeuclidean: [0.5625, 6.25, 1.5625, 0.25, 10.5625, 25.0, 1.5625, 4.0, ...N4],
      cityblock: [0.75, 2.5, 1.25, 0.5, 3.25, 5.0, 1.25, 2.0, ...N4],
      chebyshev: [0.75, 2.5, 1.25, 0.5, 3.25, 5.0, 1.25, 2.0, 0.0, 0.0, 0.0, 0.0],
    }],
    [2, X2, Y2, {
      euclidean: [2.1360009363293826, 2.5495097567963922, 1.6007810593582121, 1.118033988749895, 5.963430220938282, 6.103277807866851, 2.358495283014151, 4.47213595499958, ...N4],
      sqeuclidean: [4.5625, 6.5, 2.5625, 1.25, 35.5625, 37.25, 5.5625, 20.0, ...N4],
      cityblock: [2.75, 3.0, 2.25, 1.5, 8.25, 8.5, 3.25, 6.0, ...N4],
      chebyshev: [2.0, 2.5, 1.25, 1.0, 5.0, 5.0, 2.0, 4.0, 0.25, 2.0, 1.75, 1.0],
    }],
    [4, X4, Y4, {
      euclidean: [3.9764934301467165, 5.361902647381804, 2.1360009363293826, 2.5, 6.051859218455102, 6.675514961409345, 3.8890872965260113, 5.390964663211956, ...N4],
      sqeuclidean: [15.8125, 28.75, 4.5625, 6.25, 36.625, 44.5625, 15.125, 29.0625, ...N4],
      cityblock: [7.25, 9.5, 4.25, 4.5, 9.5, 12.25, 7.0, 9.25, ...N4],
      chebyshev: [3.0, 4.0, 1.25, 2.0, 5.0, 5.0, 3.0, 4.0, 1.0, 2.0, 1.75, 1.0],
    }],
  ];
  for (const [d, X, Y, want] of scipy) {
    it(`matches scipy for d = ${d}, NaN rows included (NaN for the sums, skipped by chebyshev)`, () => {
      for (const metric of SMALL) {
        const got = cdist(X, Y, { metric }).data;
        want[metric].forEach((w, i) => {
          if (w === null) expect(got[i], `${metric} [${i}]`).toBeNaN();
          else expect(Math.abs(got[i] - w), `${metric} [${i}]: ${got[i]} vs ${w}`).toBeLessThanOrEqual(1e-15 * w);
        });
      }
      // minkowski p = 1, 2, Infinity take the same kernels
      expect(firstDiff(cdist(X, Y, { metric: 'minkowski', p: 1 }).data, cdist(X, Y, { metric: 'cityblock' }).data)).toBe(-1);
      expect(firstDiff(cdist(X, Y, { metric: 'minkowski', p: 2 }).data, cdist(X, Y, { metric: 'euclidean' }).data)).toBe(-1);
      expect(firstDiff(cdist(X, Y, { metric: 'minkowski', p: Infinity }).data, cdist(X, Y, { metric: 'chebyshev' }).data)).toBe(-1);
    });
  }

  it('one row against one row, and pdist through the SIMD kernels', () => {
    expect(cdist([[0, 0, 0]], [[1, 2, 2]]).toArray()).toEqual([[3]]);
    expect(cdist([[0, 0, 0]], [[1, 2, -2]], { metric: 'cityblock' }).toArray()).toEqual([[5]]);
    // scipy: pdist([[0, 0], [3, 4], [6, 8]], 'euclidean') -> [5, 10, 5]; 'cityblock' -> [7, 14, 7]
    expect(Array.from(pdist([[0, 0], [3, 4], [6, 8]]).data)).toEqual([5, 10, 5]);
    expect(Array.from(pdist([[0, 0], [3, 4], [6, 8]], { metric: 'cityblock' }).data)).toEqual([7, 14, 7]);
  });
});

describe('synchronous cdist on the thread team', () => {
  afterAll(async () => {
    configure({ workers: 2 });
    await stopTeam();
  });

  const cases: [Metric, number, number, number][] = [
    ['euclidean', 700, 601, 3], ['cityblock', 700, 601, 3], ['sqeuclidean', 513, 800, 2], ['chebyshev', 513, 800, 5],
    ['euclidean', 500, 430, 20], ['cosine', 500, 430, 7], ['minkowski', 500, 430, 4],
  ];
  it('splits large problems over the team, bit-identical to one thread (NaN and infinities included)', async () => {
    configure({ workers: 2 });
    expect(await teamReady()).toBe(2);
    for (const [metric, m, n, d] of cases) {
      expect(m * n * (d + 1)).toBeGreaterThanOrEqual(TEAM_MIN_WORK);
      const X = { data: values(m * d, 1), shape: [m, d] }, Y = { data: values(n * d, 2), shape: [n, d] };
      const before = teamStats().jobs;
      const team = cdist(X, Y, { metric, p: 3 });
      expect(teamStats().jobs, metric).toBe(before + 1);
      const serial = cdistCpu(prepare(X, Y, { metric, p: 3 }), undefined, false);
      expect(teamStats().jobs).toBe(before + 1);
      expect(firstDiff(team.data, serial.data), `${metric} d = ${d}`).toBe(-1);
    }
  });

  it('the team workers know the cdist kernel and take parts of a large job', async () => {
    configure({ workers: 2 });
    expect(await teamReady()).toBe(2);
    // 16 parts of ~2 ms or more each: a ready worker wakes and claims some (a few tries on a busy machine).
    const X = { data: values(2000 * 3, 5), shape: [2000, 3] };
    const before = teamStats();
    for (let t = 0; t < 10 && teamStats().workerParts === before.workerParts; t++) cdist(X, X, { metric: 'cityblock' });
    expect(teamStats().workerParts).toBeGreaterThan(before.workerParts);
    expect(teamStats().timeouts).toBe(before.timeouts);
  });

  it('does not keep outputs alive in the team workers (RSS stays flat over calls)', async () => {
    configure({ workers: 2 });
    expect(await teamReady()).toBe(2);
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
    const X = { data: values(2000 * 3, 6), shape: [2000, 3] }; // 32 MB per result
    const settle = async (): Promise<number> => {
      gc();
      await new Promise((r) => setTimeout(r, 100)); // the worker collects right after its parts
      gc();
      return process.memoryUsage().rss;
    };
    cdist(X, X);
    const before = await settle();
    const jobs = teamStats().jobs;
    for (let i = 0; i < 8; i++) expect(cdist(X, X).shape).toEqual([2000, 2000]);
    expect(teamStats().jobs).toBe(jobs + 8);
    // Kept alive, the 8 results would add 256 MB.
    expect((await settle()) - before).toBeLessThan(100 * 2 ** 20);
  });

  it('stays on the calling thread for small problems, a non-shared out, or one worker', async () => {
    configure({ workers: 2 });
    expect(await teamReady()).toBe(2);
    const X = { data: values(700 * 3, 3), shape: [700, 3] }, Y = { data: values(601 * 3, 4), shape: [601, 3] };
    const serial = cdistCpu(prepare(X, Y, {}), undefined, false);
    let jobs = teamStats().jobs;
    cdist({ data: values(30, 1), shape: [10, 3] }, { data: values(30, 2), shape: [10, 3] });
    expect(teamStats().jobs).toBe(jobs);
    const out = new Float64Array(700 * 601);
    cdist(X, Y, { out });
    expect(teamStats().jobs).toBe(jobs);
    expect(firstDiff(out, serial.data)).toBe(-1);
    const sharedOut = new Float64Array(new SharedArrayBuffer(700 * 601 * 8));
    cdist(X, Y, { out: sharedOut });
    expect(teamStats().jobs).toBe(++jobs);
    expect(firstDiff(sharedOut, serial.data)).toBe(-1);
    configure({ workers: 1 });
    expect(firstDiff(cdist(X, Y).data, serial.data)).toBe(-1);
    expect(teamStats().jobs).toBe(jobs);
  });
});
