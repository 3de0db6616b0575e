/**
 * The WebGPU kernels against the float64 CPU kernels: float32 results within 1e-5 of the largest
 * distance. Runs on a real GPU, or on the CPU through Mesa (llvmpipe, OpenGL ES route) as in CI
 * (.ci/gpu-setup.sh installs it); skipped, with the reason printed, when no adapter can be had.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cdist, gpuInfo, releaseGpu, type Metric } from '../../src/kernels/index.js';

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
