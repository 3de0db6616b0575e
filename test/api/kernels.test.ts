/**
 * Public API contract, section "Numeric kernels" of /work/shared/API.md (cdist, pdist, squareform,
 * curveFit, fitRows, correlate, gpuInfo), through the package root. Distances are worked out by hand
 * (beside each); curveFit and correlate references are from /usr/bin/python3 scipy 1.10.1 / numpy 1.24.2 (the calls are quoted).
 */
import { describe, expect, it } from 'vitest';
import * as gf from '../../src/index.js';

const near = (got: ArrayLike<number>, want: readonly number[], tol = 1e-12): void => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(tol);
};

const X = [[1, 0], [1, 1]];
const Y = [[3, 4], [0, 2]];

describe('API.md Numeric kernels', () => {
  it("cdist(X, Y, { metric: 'euclidean' | 'sqeuclidean' | 'cityblock' | 'cosine' | 'chebyshev' | 'minkowski', p })", () => {
    // Differences: (1,0)-(3,4) = (-2,-4); (1,0)-(0,2) = (1,-2); (1,1)-(3,4) = (-2,-3); (1,1)-(0,2) = (1,-1).
    near(gf.cdist(X, Y, { metric: 'sqeuclidean' }).data, [20, 5, 13, 2]);
    near(gf.cdist(X, Y, { metric: 'euclidean' }).data, [Math.sqrt(20), Math.sqrt(5), Math.sqrt(13), Math.SQRT2]);
    near(gf.cdist(X, Y, { metric: 'cityblock' }).data, [6, 3, 5, 2]);
    near(gf.cdist(X, Y, { metric: 'chebyshev' }).data, [4, 2, 3, 1]);
    near(gf.cdist(X, Y, { metric: 'minkowski', p: 3 }).data, [Math.cbrt(72), Math.cbrt(9), Math.cbrt(35), Math.cbrt(2)]);
    // 1 - u.v / (|u||v|): 1 - 3/5, 1 - 0, 1 - 7/(5 sqrt 2), 1 - 1/sqrt 2 (scipy cdist(X, Y, 'cosine')).
    near(gf.cdist(X, Y, { metric: 'cosine' }).data, [0.4, 1, 1 - 7 / (5 * Math.SQRT2), 1 - Math.SQRT1_2]);
    const d = gf.cdist(X, Y);
    expect(d.shape).toEqual([2, 2]);
    expect(d.device).toBe('cpu');
    // X, Y as DataFrames of numeric columns or typed 2-D arrays give the same matrix.
    const fx = new gf.DataFrame({ a: [1, 1], b: [0, 1] });
    const fy = new gf.DataFrame({ a: [3, 0], b: [4, 2] });
    near(gf.cdist(fx, fy, { metric: 'cityblock' }).data, [6, 3, 5, 2]);
  });

  it("cdist(X, Y, { device: 'auto' | 'cpu' | 'gpu' }) and gpuInfo() -> { available, adapter, backend }", async () => {
    const info = await gf.gpuInfo();
    expect(typeof info.available).toBe('boolean');
    if (info.available) {
      expect(typeof info.adapter).toBe('string');
      expect(['default', 'opengles']).toContain(info.backend);
    } else {
      expect(info.adapter).toBeNull();
      expect(info.backend).toBeNull();
    }
    const auto = await gf.cdist(X, Y, { metric: 'sqeuclidean', device: 'auto' });
    expect(['cpu', 'gpu']).toContain(auto.device); // which device ran is visible
    near(auto.data, [20, 5, 13, 2], 1e-4);
    if (info.available) {
      const gpu = await gf.cdist(X, Y, { metric: 'sqeuclidean', device: 'gpu' });
      expect(gpu.device).toBe('gpu');
      near(gpu.data, [20, 5, 13, 2], 1e-4); // float32 on the GPU
    } else {
      await expect(gf.cdist(X, Y, { device: 'gpu' })).rejects.toThrow();
    }
  });

  it('pdist(X, { metric }), squareform(d)', () => {
    // (0,0), (3,4), (6,8): pairwise euclidean 5, 10, 5 in condensed order (0,1), (0,2), (1,2).
    const pts = [[0, 0], [3, 4], [6, 8]];
    const d = gf.pdist(pts, { metric: 'euclidean' });
    near(d.data, [5, 10, 5]);
    expect(gf.squareform(d).toArray()).toEqual([[0, 5, 10], [5, 0, 5], [10, 5, 0]]);
    near(gf.squareform([[0, 5, 10], [5, 0, 5], [10, 5, 0]]).data, [5, 10, 5]);
    near(gf.pdist(pts, { metric: 'cityblock' }).data, [7, 14, 7]);
  });

  it('curveFit(f, xdata, ydata, { p0, bounds, sigma }) -> { params, cov }', () => {
    const f = (x: number, a: number, b: number): number => a * x + b;
    const xs = [0, 1, 2, 3];
    const ys = [1, 3, 2, 5];
    // scipy curve_fit(lambda x, a, b: a*x + b, [0,1,2,3], [1,3,2,5], p0=[1, 1]):
    // params [1.1, 1.1], cov [[0.27, -0.405], [-0.405, 0.945]] (= 2.7/2 * inv([[14, 6], [6, 4]])).
    const r = gf.curveFit(f, xs, ys, { p0: [1, 1] });
    near(r.params, [1.1, 1.1], 1e-5); // LM stops at ftol 1.49e-8 on the residual sum, as scipy
    near(r.cov.flat(), [0.27, -0.405, -0.405, 0.945], 1e-5);
    // Same call with sigma=[2]*4 and bounds=([0, 0], [10, 10]): same params and cov (sigma is relative).
    const rb = gf.curveFit(f, xs, ys, { p0: [1, 1], bounds: [[0, 0], [10, 10]], sigma: [2, 2, 2, 2] });
    near(rb.params, [1.1, 1.1], 1e-5);
    near(rb.cov.flat(), [0.27, -0.405, -0.405, 0.945], 1e-5);
    // An active bound: b >= 1.5 pins b = 1.5, then a = (sum x*y - 1.5 sum x) / sum x^2 = (22 - 9) / 14 = 13/14
    // (scipy curve_fit(..., p0=[1, 2], bounds=([0, 1.5], [10, 10])) gives [0.92857143, 1.5]).
    near(gf.curveFit(f, xs, ys, { p0: [1, 2], bounds: [[0, 1.5], [10, 10]] }).params, [13 / 14, 1.5], 1e-6);
  });

  it("fitRows(df, 'powerlaw' | 'exponential' | 'linear' | 'gaussian' | model, { p0 }) -> DataFrame of params", async () => {
    // Columns labelled 1, 2, 3 give x = 1, 2, 3. Row 0: y = 2x + 1 (3, 5, 7); row 1: y = 3 - x (2, 1, 0).
    const df = new gf.DataFrame({ 1: [3, 2], 2: [5, 1], 3: [7, 0] }, { index: ['r0', 'r1'] });
    const lin = gf.fitRows(df, 'linear', { p0: [1, 1] });
    expect(lin.columns).toEqual(['a', 'b', 'rss', 'converged', 'message']);
    expect(lin.index.toArray()).toEqual(['r0', 'r1']);
    near(lin.col('a').toFloat64(), [2, -1], 1e-8);
    near(lin.col('b').toFloat64(), [1, 3], 1e-8);
    expect(lin.col('converged').toArray()).toEqual([true, true]);
    // y = 3 x^2 exactly: powerlaw A x^s -> A = 3, s = 2.
    const pw = gf.fitRows(new gf.DataFrame({ 1: [3], 2: [12], 3: [27] }), 'powerlaw', { p0: [1, 1] });
    near([pw.col('A').iat(0) as number, pw.col('s').iat(0) as number], [3, 2], 1e-7);
    // y = 2 e^(0.5 x): exponential A e^(k x).
    const ex = gf.fitRows(new gf.DataFrame({ 1: [2 * Math.exp(0.5)], 2: [2 * Math.exp(1)], 3: [2 * Math.exp(1.5)] }), 'exponential', { p0: [1, 0.1] });
    near([ex.col('A').iat(0) as number, ex.col('k').iat(0) as number], [2, 0.5], 1e-7);
    // Gaussian A e^(-(x - mu)^2 / (2 sigma^2)) with A = 4, mu = 3, sigma = 1 sampled at x = 1..5.
    const g = [1, 2, 3, 4, 5].map((x) => 4 * Math.exp(-((x - 3) ** 2) / 2));
    const gs = gf.fitRows(new gf.DataFrame({ 1: [g[0]], 2: [g[1]], 3: [g[2]], 4: [g[3]], 5: [g[4]] }), 'gaussian', { p0: [3, 2.5, 1.5] });
    near([gs.col('A').iat(0) as number, gs.col('mu').iat(0) as number, Math.abs(gs.col('sigma').iat(0) as number)], [4, 3, 1], 1e-6);
    // device: 'auto' returns a Promise of the same frame (the CPU below 100,000 rows).
    const auto = await gf.fitRows(new gf.DataFrame({ 1: [3], 2: [12], 3: [27] }), 'powerlaw', { p0: [1, 1], device: 'auto' });
    near([auto.col('A').iat(0) as number, auto.col('s').iat(0) as number], [3, 2], 1e-6);
    // A user model: y = c * x^2 (row 0: c = 3).
    const user = gf.fitRows(new gf.DataFrame({ 1: [3], 2: [12], 3: [27] }), { f: (x, c) => c * x * x, params: ['c'] }, { p0: [1] });
    near([user.col('c').iat(0) as number], [3], 1e-8);
  });

  it("correlate(a, v, { mode: 'full' | 'same' | 'valid' })", () => {
    // numpy.correlate([1, 2, 3], [0, 1, 0.5], mode) for each mode.
    near(gf.correlate([1, 2, 3], [0, 1, 0.5], { mode: 'full' }), [0.5, 2, 3.5, 3, 0]);
    near(gf.correlate([1, 2, 3], [0, 1, 0.5], { mode: 'same' }), [2, 3.5, 3]);
    near(gf.correlate([1, 2, 3], [0, 1, 0.5], { mode: 'valid' }), [3.5]);
  });
});
