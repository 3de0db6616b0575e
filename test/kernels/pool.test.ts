/**
 * cdist and fitRows in row blocks in the worker pool (kernels/parallel.ts) with 2 workers: the
 * results must be bit-identical to the single-thread kernels (whose values distance.test.ts and
 * fit.test.ts check against scipy), written into one shared output buffer. `parallel: true` forces
 * the pool on these small inputs (301 rows: blocks of 150 and 151 rows).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cdist, fitRows, type Metric } from '../../src/kernels/index.js';
import { configure, poolInfo, shutdown } from '../../src/parallel/pool.js';
import { TaskDefinitionError } from '../../src/parallel/errors.js';
import { ValueError } from '../../src/errors.js';
import { DataFrame } from '../../src/frame/dataframe.js';

/** A deterministic pseudo-random matrix (LCG), row-major. */
function mat(rows: number, cols: number, seed: number): { data: Float64Array; shape: number[] } {
  let s = seed >>> 0;
  const data = Float64Array.from({ length: rows * cols }, () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32) * 4 - 2);
  return { data, shape: [rows, cols] };
}

/** Same bits (NaN payloads, signed zeros included); a loop, as toEqual on big arrays is slow. */
function expectSameBits(got: ArrayBufferView, want: ArrayBufferView): void {
  expect(got.byteLength).toBe(want.byteLength);
  const a = new Uint8Array(got.buffer, got.byteOffset, got.byteLength);
  const b = new Uint8Array(want.buffer, want.byteOffset, want.byteLength);
  let first = -1;
  for (let i = 0; i < a.length && first < 0; i++) if (a[i] !== b[i]) first = i;
  expect(first, 'first differing byte').toBe(-1);
}

describe('cdist in the pool', () => {
  beforeAll(() => configure({ workers: 2 }));
  afterAll(() => shutdown());

  const X = mat(301, 3, 1);
  const Y = mat(57, 3, 2);
  X.data[5 * 3 + 1] = NaN; // a NaN row propagates as in scipy, in either thread
  const cases: [Metric, number, number][] = [
    ['euclidean', 2, 3], ['sqeuclidean', 2, 3], ['cityblock', 2, 3], ['cosine', 2, 3], ['chebyshev', 2, 3], ['minkowski', 3, 3],
    ['euclidean', 2, 20], // Gram form (d >= 16): each block recomputes the row norms
  ];
  for (const [metric, p, d] of cases) {
    it(`${metric} (p=${p}, d=${d}): bit-identical to the calling thread, output on shared memory`, async () => {
      const A = d === 3 ? X : mat(301, d, 3);
      const B = d === 3 ? Y : mat(57, d, 4);
      const want = cdist(A, B, { metric, p });
      const got = await cdist(A, B, { metric, p, parallel: true });
      expect(got.shape).toEqual([301, 57]);
      expect(got.device).toBe('cpu');
      expect(got.data.buffer).toBeInstanceOf(SharedArrayBuffer);
      expectSameBits(got.data, want.data);
      expect(poolInfo().threads).toBeGreaterThan(0); // the blocks ran in workers
    });
  }

  it('X === Y and a hand-computed value: rows 0 and 1 of [[0,0,0],[3,4,0],...] are 5 apart', async () => {
    const Z = mat(300, 3, 5);
    Z.data.set([0, 0, 0, 3, 4, 0], 0);
    const got = await cdist(Z, Z, { parallel: true });
    expect(got.get(0, 1)).toBe(5);
    expect(got.get(299, 299)).toBe(0);
    expectSameBits(got.data, cdist(Z, Z).data);
  });

  it("device 'auto' choosing the CPU (small work) goes through the pool too", async () => {
    const got = await cdist(X, Y, { device: 'auto', parallel: true });
    expect(got.device).toBe('cpu');
    expect(got.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expectSameBits(got.data, cdist(X, Y).data);
  });

  it('writes into a shared out without a copy; refuses a non-shared out with parallel: true', async () => {
    const out = new Float64Array(new SharedArrayBuffer(301 * 57 * 8));
    const got = await cdist(X, Y, { parallel: true, out });
    expect(got.data).toBe(out);
    expectSameBits(out, cdist(X, Y).data);
    await expect(cdist(X, Y, { parallel: true, out: new Float64Array(301 * 57) })).rejects.toThrow(/SharedArrayBuffer/);
    // 'auto' with a non-shared out stays on the calling thread and fills it
    const plain = new Float64Array(301 * 57);
    expect((await cdist(X, Y, { parallel: 'auto', out: plain })).data).toBe(plain);
    expectSameBits(plain, cdist(X, Y).data);
  });

  it("'auto' keeps small inputs on the calling thread (no worker started) and checks the option", async () => {
    await shutdown();
    const small = await cdist(mat(20, 3, 6), mat(10, 3, 7), { parallel: 'auto' });
    expect(small.shape).toEqual([20, 10]);
    expect(poolInfo().threads).toBe(0);
    expect(() => cdist(X, Y, { parallel: 'yes' as unknown as 'auto' })).toThrow(ValueError);
  });

  it("'auto' on a cold pool: a mid-size call stays on the calling thread and starts the workers for the next", async () => {
    await shutdown();
    // 1500 x 900 pairs, d = 3: estimated ~8 ms single-threaded, over WARM_MIN_MS, under the cold threshold
    const A = mat(1500, 3, 8), B = mat(900, 3, 9);
    const got = await cdist(A, B, { parallel: 'auto' });
    expectSameBits(got.data, cdist(A, B).data);
    await vi.waitFor(() => expect(poolInfo().threads).toBeGreaterThan(0)); // warming in the background
    // one worker configured: 'auto' never uses the pool
    configure({ workers: 1 });
    await cdist(A, B, { parallel: 'auto' });
    expect(poolInfo().threads).toBe(0);
    configure({ workers: 2 });
  });
});

describe('fitRows in the pool', () => {
  beforeAll(() => configure({ workers: 2 }));
  afterAll(() => shutdown());

  // 301 noisy power-law rows over x = 1..10, plus a row with a NaN and an all-zero row
  const rows = 301, m = 10;
  const noise = mat(rows, m, 9).data;
  const Y = new Float64Array(rows * m);
  for (let r = 0; r < rows; r++) for (let i = 0; i < m; i++) Y[r * m + i] = (50 + r) * (i + 1) ** (-0.5 - r / rows) * (1 + 0.02 * noise[r * m + i]);
  Y[7 * m + 4] = NaN;
  Y.fill(0, 200 * m, 201 * m);
  const input = { data: Y, shape: [rows, m] };

  for (const [model, p0] of [['powerlaw', [100, -1]], ['gaussian', [100, 1, 3]]] as const) {
    it(`${model}: params, rss, converged and messages bit-identical to the calling thread`, async () => {
      const want = fitRows(input, model, { p0: [...p0] });
      const got = await fitRows(input, model, { p0: [...p0], parallel: true });
      expect(got.names).toEqual(want.names);
      for (const nm of want.names) {
        expect(got.params[nm].buffer).toBeInstanceOf(SharedArrayBuffer);
        expectSameBits(got.params[nm], want.params[nm]);
      }
      expectSameBits(got.rss, want.rss);
      expectSameBits(got.converged, want.converged);
      expect(got.message).toEqual(want.message);
      expect(got.message[7]).toMatch(/missing or non-finite value at x=5/);
      expect(got.converged[7]).toBe(0);
    });
  }

  it('powerlaw recovers the exponent of a noise-free row (A = 100, s = -1.5)', async () => {
    const clean = Float64Array.from({ length: 2 * m }, (_, k) => 100 * ((k % m) + 1) ** -1.5);
    const got = await fitRows({ data: clean, shape: [2, m] }, 'powerlaw', { p0: [50, -1], parallel: true });
    expect(got.params.s[1]).toBeCloseTo(-1.5, 10);
    expect(got.params.A[0]).toBeCloseTo(100, 8);
  });

  it('a DataFrame in gives the same DataFrame out as on the calling thread', async () => {
    const cols: Record<string, number[]> = {};
    for (let i = 0; i < m; i++) cols[String(i + 1)] = Array.from({ length: 40 }, (_, r) => Y[r * m + i]);
    const df = new DataFrame(cols);
    const want = fitRows(df, 'powerlaw', { p0: [100, -1] });
    const got = await fitRows(df, 'powerlaw', { p0: [100, -1], parallel: true });
    expect(got.columns).toEqual(['A', 's', 'rss', 'converged', 'message']);
    expect(got.col('s').toArray()).toEqual(want.col('s').toArray());
    expect(got.col('message').toArray()).toEqual(want.col('message').toArray());
  });

  it('a user model is refused for workers under parallel: true and fitted on the calling thread under auto', async () => {
    const model = { f: (x: number, A: number, s: number): number => A * x ** s };
    await expect(fitRows(input, model, { p0: [100, -1], parallel: true })).rejects.toThrow(TaskDefinitionError);
    await expect(fitRows(input, model, { p0: [100, -1], parallel: true })).rejects.toThrow(/cannot be sent to a worker/);
    const got = await fitRows(input, model, { p0: [100, -1], parallel: 'auto' });
    expectSameBits(got.params.p1, fitRows(input, model, { p0: [100, -1] }).params.p1);
  });

  it("device 'auto' on the CPU (under 100,000 rows) uses the pool", async () => {
    const got = await fitRows(input, 'powerlaw', { p0: [100, -1], device: 'auto', parallel: true });
    expect(got.device).toBe('cpu');
    expectSameBits(got.params.s, fitRows(input, 'powerlaw', { p0: [100, -1] }).params.s);
  });

  it('bad p0 is reported on the calling thread with the usual error', async () => {
    await expect(fitRows(input, 'powerlaw', { p0: [1, 2, 3], parallel: true })).rejects.toThrow(ValueError);
  });
});
