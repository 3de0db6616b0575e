/**
 * curveFit and fitRows against scipy.optimize.curve_fit (scipy 1.10, Debian python3-scipy) with
 * tight tolerances (ftol = xtol = gtol = 1e-15). Data and scipy's results are in
 * fixtures/fit-ref.json, written by fixtures/make_refs.py (`/usr/bin/python3 test/kernels/fixtures/make_refs.py`).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { curveFit, fitRows } from '../../src/kernels/index.js';
import { readCsv } from '../../src/io/index.js';
import { DataFrame } from '../../src/frame/dataframe.js';
import { hasShared, repoRoot, shared } from '../helpers.js';

interface FitRef { x: number[]; y: number[]; sigma?: number[]; p0: number[]; lower?: number[]; upper?: number[]; params: number[]; cov?: number[][] }
const ref = JSON.parse(readFileSync(path.join(repoRoot, 'test/kernels/fixtures/fit-ref.json'), 'utf8')) as Record<string, FitRef> & {
  results_powerlaw: { book: string[]; A: number[]; s: number[] };
};
const tight = { ftol: 1e-15, xtol: 1e-15, maxfev: 10000 };
const gaussian = (x: number, A: number, mu: number, s: number): number => A * Math.exp(-0.5 * ((x - mu) / s) ** 2);
const expo = (x: number, A: number, k: number): number => A * Math.exp(k * x);

function expectRel(got: readonly number[], want: readonly number[], rel: number): void {
  got.forEach((g, i) => expect(Math.abs(g - want[i]), `${g} vs scipy ${want[i]}`).toBeLessThanOrEqual(rel * Math.abs(want[i])));
}

describe('curveFit matches scipy curve_fit', () => {
  it('gaussian: params and covariance (absolute_sigma=False)', () => {
    const r = ref.gaussian;
    const fit = curveFit(gaussian, r.x, r.y, { p0: r.p0, ...tight });
    expectRel(fit.params, r.params, 1e-9);
    // Forward-difference Jacobians (ours and MINPACK's) agree to ~1e-7 relative.
    fit.cov.forEach((row, a) => expectRel(row, r.cov?.[a] ?? [], 1e-5));
  });
  it('gaussian with sigma weights', () => {
    const r = ref.gaussian_sigma;
    const fit = curveFit(gaussian, r.x, r.y, { p0: r.p0, sigma: r.sigma, ...tight });
    expectRel(fit.params, r.params, 1e-9);
    fit.cov.forEach((row, a) => expectRel(row, r.cov?.[a] ?? [], 1e-5));
  });
  it('exponential, unbounded and with bounds (scipy trf)', () => {
    const r = ref.exponential;
    expectRel(curveFit(expo, r.x, r.y, { p0: r.p0, ...tight }).params, r.params, 1e-9);
    const b = ref.exponential_bounded;
    const fb = curveFit(expo, b.x, b.y, { p0: b.p0, bounds: [b.lower ?? [], b.upper ?? []], ...tight });
    expectRel(fb.params, b.params, 1e-8);
    fb.cov.forEach((row, a) => expectRel(row, b.cov?.[a] ?? [], 1e-5));
  });
  it('an active bound: the parameter sits on it, the other is re-optimised as trf does', () => {
    const b = ref.exponential_active_bound;
    const fb = curveFit(expo, b.x, b.y, { p0: b.p0, bounds: [b.lower ?? [], b.upper ?? []], ...tight });
    expect(fb.params[1]).toBe(-1.5);
    expectRel(fb.params, b.params, 1e-8);
  });
  it('explains bad input and failure', () => {
    expect(() => curveFit(expo, [1, 2], [1], { p0: [1, 1] })).toThrow(/xdata has 2 values but ydata has 1/);
    expect(() => curveFit(expo, [], [], { p0: [1, 1] })).toThrow(/empty/);
    expect(() => curveFit((x, a) => Math.log(a * x), [1, 2, 3], [1, 2, 3], { p0: [-1] })).toThrow(/model returned NaN at x=1/);
    expect(() => curveFit(expo, [1, 2, 3], [1, 2, 3], { p0: [1, 1], maxfev: 2 })).toThrow(/optimal parameters not found/);
    expect(() => curveFit(expo, [1, 2, 3], [1, 2, NaN], { p0: [1, 1] })).toThrow(/must be finite; position 2/);
    expect(() => curveFit(expo, [1, 2, 3], [1, 2, 3], { p0: [1, 1], bounds: [0, 0.5] })).toThrow(/p0\[0\] = 1 is outside the bounds/);
  });
});

describe('fitRows', () => {
  it.runIf(hasShared)('ENCCS results.csv: every exponent s within 1e-5 of scipy (x = 1..10, p0 = [100, -1])', async () => {
    const df = (await readCsv(shared('hpda-python/results.csv'))) as DataFrame;
    const words = df.iloc(null, { start: 1, stop: 11 }) as DataFrame;
    const fits = fitRows(words, 'powerlaw', { p0: [100, -1] });
    expect(fits.columns).toEqual(['A', 's', 'rss', 'converged', 'message']);
    const s = fits.column('s').toFloat64();
    const A = fits.column('A').toFloat64();
    const want = ref.results_powerlaw;
    expect(s.length).toBe(want.s.length);
    let worst = 0;
    for (let i = 0; i < s.length; i++) worst = Math.max(worst, Math.abs(s[i] - want.s[i]));
    expect(worst).toBeLessThan(1e-5);
    // With tight tolerances the whole fit agrees far closer.
    const t = fitRows(words, 'powerlaw', { p0: [100, -1], ...tight });
    const ts = t.column('s').toFloat64(), tA = t.column('A').toFloat64();
    for (let i = 0; i < s.length; i++) {
      expect(Math.abs(ts[i] - want.s[i])).toBeLessThan(1e-8);
      expect(Math.abs(tA[i] - want.A[i])).toBeLessThan(1e-7 * Math.abs(want.A[i]));
    }
    expect(Array.from(fits.column('converged').boolBytes()).every((v) => v === 1)).toBe(true);
    expect(A.every(Number.isFinite)).toBe(true);
  });
  it('fits the built-in models on exact data (numbers computed by hand)', () => {
    const x = [1, 2, 3, 4, 5];
    const row = (f: (v: number) => number): number[] => x.map(f);
    const res = fitRows([row((v) => 3 * v ** -0.5), row((v) => 10 * v ** 1.5)], 'powerlaw', { p0: [1, -1], x, ...tight });
    expectRel([res.params.A[0], res.params.s[0], res.params.A[1], res.params.s[1]], [3, -0.5, 10, 1.5], 1e-10);
    const ex = fitRows([row((v) => 2 * Math.exp(-0.3 * v))], 'exponential', { p0: [1, -0.1], x, ...tight });
    expectRel([ex.params.A[0], ex.params.k[0]], [2, -0.3], 1e-10);
    const ln = fitRows([row((v) => 4 * v - 1)], 'linear', { x });
    expectRel([ln.params.a[0], ln.params.b[0]], [4, -1], 1e-9);
    const xs = [0, 0.5, 1, 1.5, 2, 2.5, 3];
    const g = fitRows([xs.map((v) => gaussian(v, 2, 1.2, 0.7))], 'gaussian', { p0: [1, 1, 1], x: xs, ...tight });
    expectRel([g.params.A[0], g.params.mu[0], g.params.sigma[0]], [2, 1.2, 0.7], 1e-9);
  });
  it('agrees with curveFit for a user model, with and without an analytic jac', () => {
    const r = ref.gaussian;
    const user = { f: gaussian, params: ['A', 'mu', 'sigma'] };
    const a = fitRows([r.y], user, { p0: r.p0, x: r.x, ...tight });
    expectRel([a.params.A[0], a.params.mu[0], a.params.sigma[0]], r.params, 1e-9);
    const withJac = {
      f: (x: number, A: number, k: number) => A * Math.exp(k * x),
      jac: (x: number, A: number, k: number) => [Math.exp(k * x), A * x * Math.exp(k * x)],
    };
    const e = ref.exponential;
    const b = fitRows([e.y], withJac, { p0: e.p0, x: e.x, ...tight });
    expectRel([b.params.p0[0], b.params.p1[0]], e.params, 1e-9);
  });
  it('reports bad rows per row instead of throwing', () => {
    const x = [1, 2, 3];
    const res = fitRows([[1, 2, 3], [1, NaN, 3], [-1, -2, -3]], { f: (v: number, a: number) => Math.log(a) * v, params: ['a'] }, { p0: [-1], x });
    expect(Array.from(res.converged)).toEqual([0, 0, 0]);
    expect(res.message[0]).toMatch(/model returned NaN or Infinity at p0/);
    expect(res.message[1]).toMatch(/missing or non-finite value at x=2/);
    expect(res.params.a[1]).toBeNaN();
    const slow = fitRows([[5, 3, 1], [2, 4, 6]], 'exponential', { p0: [1, 1], x, maxfev: 2 });
    expect(slow.message[0]).toMatch(/did not converge within maxfev=2/);
    const ok = fitRows([[5, 3, 1], [2, 4, 6]], 'linear', { x });
    expect(Array.from(ok.converged)).toEqual([1, 1]);
  });
  it('takes x from numeric column labels of a frame and keeps its index', () => {
    const df = new DataFrame({ '1': [2, 3], '2': [4, 6], '4': [8, 12] }, { index: ['u', 'v'] });
    const fits = fitRows(df, 'linear');
    expect(fits.index.toArray()).toEqual(['u', 'v']);
    expectRel(Array.from(fits.column('a').toFloat64()), [2, 3], 1e-9);
  });
  it('explains bad input', () => {
    expect(() => fitRows([[1, 2]], 'powerlow' as 'powerlaw')).toThrow(/Unknown model 'powerlow'. Did you mean 'powerlaw'/);
    expect(() => fitRows([[1, 2]], 'powerlaw', { p0: [1, 2, 3] })).toThrow(/p0 has 3 values but the model has 2 parameters/);
    expect(() => fitRows([[1, 2]], 'powerlaw', { x: [1, 2, 3] })).toThrow(/x has 3 values but the rows have 2/);
    expect(() => fitRows(new DataFrame({ a: [1], b: ['x'] }), 'linear')).toThrow(/column 'b' has dtype string/);
  });
});
