/**
 * The WebGPU kernels against the float64 CPU kernels: float32 results within 1e-5 of the largest
 * distance. Runs on a real GPU, or on the CPU through Mesa (llvmpipe, OpenGL ES route) as in CI
 * (.ci/gpu-setup.sh installs it); skipped, with the reason printed, when no adapter can be had.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cdist, fitRows, gpuInfo, releaseGpu, type Metric } from '../../src/kernels/index.js';
import { hasShared, repoRoot, shared } from '../helpers.js';

const info = await gpuInfo();
if (!info.available) console.warn(`[gpu tests skipped] ${info.reason ?? 'no adapter'}`);

/** Deterministic pseudo-random matrix (offset so float32 centring matters). */
function matrix(m: number, d: number, seed: number, offset = 0): number[][] {
  let s = seed;
  const next = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: m }, () => Array.from({ length: d }, () => offset + next() * 10));
}

describe.runIf(info.available)(`cdist on WebGPU (${info.adapter ?? 'none'})`, () => {
  afterAll(async () => {
    await releaseGpu();
  });
  const METRICS: Metric[] = ['euclidean', 'sqeuclidean', 'cityblock', 'cosine', 'chebyshev', 'minkowski'];
  for (const metric of METRICS) {
    it(`${metric} matches the float64 CPU kernel to 1e-5 of the largest distance`, async () => {
      const X = matrix(70, 19, 1, metric === 'cosine' ? 0 : 1000), Y = matrix(45, 19, 2, metric === 'cosine' ? 0 : 1000);
      const cpu = cdist(X, Y, { metric, p: 3 });
      const gpu = await cdist(X, Y, { metric, p: 3, device: 'gpu' });
      expect(gpu.device).toBe('gpu');
      expect(gpu.adapter).toBe(info.adapter);
      expect(gpu.shape).toEqual([70, 45]);
      let max = 0, err = 0;
      for (let i = 0; i < cpu.data.length; i++) {
        max = Math.max(max, cpu.data[i]);
        err = Math.max(err, Math.abs(cpu.data[i] - gpu.data[i]));
      }
      expect(err / max).toBeLessThan(1e-5);
    });
  }
  it("'auto' keeps small problems (and software adapters) on the float64 CPU kernels", async () => {
    const r = await cdist([[0, 0]], [[3, 4]], { device: 'auto' });
    expect(r.device).toBe('cpu');
    expect(r.get(0, 0)).toBe(5);
  });
});

describe.runIf(info.available)('fitRows on WebGPU (float32 LM, float64 polish)', () => {
  it.runIf(hasShared)('results.csv power laws match scipy (fixtures/fit-ref.json) with tight tolerances', async () => {
    const ref = JSON.parse(readFileSync(path.join(repoRoot, 'test/kernels/fixtures/fit-ref.json'), 'utf8')) as { results_powerlaw: { s: number[] } };
    const rows = readFileSync(shared('hpda-python/results.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number));
    const r = await fitRows(rows, 'powerlaw', { p0: [100, -1], device: 'gpu', ftol: 1e-15, xtol: 1e-15 });
    expect(r.device).toBe('gpu');
    let worst = 0;
    rows.forEach((_, i) => (worst = Math.max(worst, Math.abs(r.params.s[i] - ref.results_powerlaw.s[i]))));
    expect(worst).toBeLessThan(1e-8);
  });
  it('exponential rows agree with the CPU path; other models are refused on the GPU, kept on the CPU by auto', async () => {
    const x = [0, 0.5, 1, 1.5, 2];
    const Y = [1, 2, 3].map((a) => x.map((v) => a * Math.exp(-0.7 * v) + 0.01 * Math.sin(7 * v + a)));
    const cpu = fitRows(Y, 'exponential', { p0: [1, -1], x, ftol: 1e-15, xtol: 1e-15 });
    const gpu = await fitRows(Y, 'exponential', { p0: [1, -1], x, ftol: 1e-15, xtol: 1e-15, device: 'gpu' });
    for (let i = 0; i < 3; i++) expect(Math.abs(gpu.params.k[i] - cpu.params.k[i])).toBeLessThan(1e-9);
    await expect(fitRows(Y, 'gaussian', { p0: [1, 1, 1], x, device: 'gpu' })).rejects.toThrow(/fits 'powerlaw' and 'exponential'/);
    const auto = await fitRows(Y, 'exponential', { p0: [1, -1], x, device: 'auto' });
    expect(auto.device).toBe('cpu');
  });
});

describe('gpuInfo', () => {
  it('reports availability, adapter and route consistently', async () => {
    const again = await gpuInfo();
    expect(again.available).toBe(info.available);
    if (again.available) {
      expect(typeof again.adapter).toBe('string');
      expect(['default', 'opengles']).toContain(again.backend);
    } else expect(again.reason).toMatch(/adapter|webgpu/);
  });
});
