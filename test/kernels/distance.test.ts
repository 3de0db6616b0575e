/**
 * cdist / pdist / squareform against scipy 1.10 (Debian python3-scipy). The inputs and scipy's
 * outputs are in fixtures/distance-ref.json, written by fixtures/make_refs.py
 * (`/usr/bin/python3 test/kernels/fixtures/make_refs.py`); NaN is stored as null.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cdist, pdist, squareform, KernelArray, type Metric } from '../../src/kernels/index.js';
import { repoRoot } from '../helpers.js';
import { NDArray } from '../../src/nd/ndarray.js';
import { DataFrame } from '../../src/frame/dataframe.js';

interface Case {
  name: string;
  X: (number | null)[][];
  Y: (number | null)[][];
  cdist: Record<Metric, (number | null)[]>;
  pdist: Record<Metric, (number | null)[]>;
}
const ref = JSON.parse(readFileSync(path.join(repoRoot, 'test/kernels/fixtures/distance-ref.json'), 'utf8')) as { cases: Case[] };
const nanRows = (a: (number | null)[][]): number[][] => a.map((r) => r.map((v) => (v === null ? NaN : v)));
const METRICS: Metric[] = ['euclidean', 'sqeuclidean', 'cityblock', 'cosine', 'chebyshev', 'minkowski'];

/** Same NaN positions and values within `rel` of scipy's, relative to each value. */
function expectClose(got: Float64Array, want: (number | null)[], rel: number): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    if (w === null) expect(got[i], `position ${i}`).toBeNaN();
    else expect(Math.abs(got[i] - w), `position ${i}: ${got[i]} vs scipy ${w}`).toBeLessThanOrEqual(rel * Math.abs(w));
  }
}

describe('cdist matches scipy', () => {
  for (const c of ref.cases) {
    for (const metric of METRICS) {
      it(`${c.name} ${metric}`, () => {
        const d = cdist(nanRows(c.X), nanRows(c.Y), { metric, p: 3 });
        expect(d.shape).toEqual([c.X.length, c.Y.length]);
        expect(d.device).toBe('cpu');
        expectClose(d.data, c.cdist[metric], 1e-12);
      });
    }
  }
  it('gives exactly 0 for a duplicate point in the Gram form (d = 20)', () => {
    const c = ref.cases.find((k) => k.name === 'gram-d20');
    if (!c) throw new Error('fixture missing');
    const d = cdist(nanRows(c.X), nanRows(c.Y));
    expect(d.get(3, 2)).toBe(0);
  });
  it('propagates NaN like scipy: NaN for euclidean, skipped by chebyshev', () => {
    expect(cdist([[NaN, 0]], [[1, 2]]).get(0, 0)).toBeNaN();
    // scipy: cdist([[nan, 0]], [[1, 9]], 'chebyshev') -> [[9.]]
    expect(cdist([[NaN, 0]], [[1, 9]], { metric: 'chebyshev' }).get(0, 0)).toBe(9);
    // scipy: cosine distance to a zero vector -> nan
    expect(cdist([[0, 0]], [[1, 2]], { metric: 'cosine' }).get(0, 0)).toBeNaN();
  });
  it('gives scipy\'s Infinity / NaN for infinite inputs in the Gram form too (d = 16)', () => {
    // scipy: X = zeros((1, 16)); X[0, 0] = inf; Y = ones((2, 16)); Y[1, 0] = inf; cdist(X, Y) -> [[inf, nan]]
    const X = [Array.from({ length: 16 }, (_, k) => (k === 0 ? Infinity : 0))];
    const Y = [Array.from({ length: 16 }, () => 1), Array.from({ length: 16 }, (_, k) => (k === 0 ? Infinity : 1))];
    for (const metric of ['euclidean', 'sqeuclidean'] as const) {
      const d = cdist(X, Y, { metric });
      expect(d.get(0, 0)).toBe(Infinity);
      expect(d.get(0, 1)).toBeNaN();
    }
  });
  it('accepts an array with a shape (strided) and gives the same result', () => {
    const data = new Float64Array([0, 0, 3, 4]);
    const a = cdist({ data, shape: [2, 2] }, [[0, 0]]);
    expect(Array.from(a.data)).toEqual([0, 5]);
    const t = cdist({ data: new Float64Array([0, 3, 0, 4]), shape: [2, 2], strides: [1, 2] }, [[0, 0]]);
    expect(Array.from(t.data)).toEqual([0, 5]);
  });
  it('runs the same as the direct form on a larger Gram problem (d = 64)', () => {
    const rnd = (m: number, d: number): number[][] => Array.from({ length: m }, (_, i) => Array.from({ length: d }, (_, k) => Math.sin(i * 7.1 + k * 1.3) * 5));
    const X = rnd(37, 64), Y = rnd(29, 64).map((r) => r.map((v) => v + 0.5));
    const g = cdist(X, Y);
    let worst = 0;
    for (let i = 0; i < 37; i++) {
      for (let j = 0; j < 29; j++) {
        let s = 0;
        for (let k = 0; k < 64; k++) s += (X[i][k] - Y[j][k]) ** 2;
        worst = Math.max(worst, Math.abs(g.get(i, j) - Math.sqrt(s)) / Math.sqrt(s));
      }
    }
    expect(worst).toBeLessThanOrEqual(1e-12);
  });
});

describe('cdist bad input', () => {
  it('names mismatched feature dimensions', () => {
    expect(() => cdist([[1, 2, 3]], [[1, 2]])).toThrow(/X has 3 features \(columns\) but Y has 2/);
  });
  it('refuses empty inputs', () => {
    expect(() => cdist([], [[1, 2]])).toThrow(/at least one row/);
    expect(() => pdist([])).toThrow(/at least one row/);
  });
  it('refuses ragged rows, strings and unknown metrics', () => {
    expect(() => cdist([[1, 2], [3]], [[1, 2]])).toThrow(/row 1 has 1 values but row 0 has 2/);
    expect(() => cdist([[1, 'a' as unknown as number]], [[1, 2]])).toThrow(/value at \[0\]\[1\] is string/);
    expect(() => cdist([[1]], [[2]], { metric: 'euclidian' as Metric })).toThrow(/Unknown metric 'euclidian'. Did you mean 'euclidean'/);
    expect(() => cdist([[1]], [[2]], { metric: 'minkowski', p: 0 })).toThrow(/p must be > 0/);
  });
});

describe('pdist / squareform', () => {
  for (const c of ref.cases) {
    for (const metric of METRICS) {
      it(`pdist ${c.name} ${metric} in scipy's condensed order`, () => {
        expectClose(pdist(nanRows(c.X), { metric, p: 3 }).data, c.pdist[metric], 1e-12);
      });
    }
  }
  it('handles more rows than one block (70 rows, Gram form)', () => {
    const X = Array.from({ length: 70 }, (_, i) => Array.from({ length: 17 }, (_, k) => Math.cos(i * 0.37 + k)));
    const full = cdist(X, X);
    const cond = pdist(X);
    expect(cond.shape).toEqual([(70 * 69) / 2]);
    const back = squareform(cond);
    let worst = 0, diag = 0;
    for (let i = 0; i < 70; i++) {
      for (let j = 0; j < 70; j++) {
        if (i === j) diag = Math.max(diag, Math.abs(back.get(i, j)));
        else worst = Math.max(worst, Math.abs(back.get(i, j) - full.get(i, j)) / full.get(i, j));
      }
    }
    expect(diag).toBe(0);
    expect(worst).toBeLessThanOrEqual(1e-12);
  });
  it('squareform converts both ways and checks its input', () => {
    // scipy: squareform([5, 10, 5]) -> [[0, 5, 10], [5, 0, 5], [10, 5, 0]]
    const sq = squareform([5, 10, 5]);
    expect(sq.toArray()).toEqual([[0, 5, 10], [5, 0, 5], [10, 5, 0]]);
    expect(Array.from(squareform(sq).data)).toEqual([5, 10, 5]);
    expect(squareform([[0, 5], [5, 0]]).toArray()).toEqual([5]);
    expect(() => squareform([1, 2])).toThrow(/not a condensed distance vector/);
    expect(() => squareform([[0, 1], [2, 0]])).toThrow(/symmetric/);
    expect(() => squareform([[0, 1, 2], [1, 0, 3]])).toThrow(/square/);
  });
  it('KernelArray checks its shape and indices', () => {
    expect(() => new KernelArray(new Float64Array(3), [2, 2])).toThrow(/needs 4 values/);
    expect(() => cdist([[0]], [[1]]).get(1, 0)).toThrow(/out of bounds/);
  });
});

describe('inputs and outputs are NDArrays and DataFrames', () => {
  it('returns an NDArray with a device, and takes NDArrays of any numeric dtype (strided too)', () => {
    const X = new NDArray(new Int32Array([0, 0, 6, 8]), [2, 2]);
    const d = cdist(X, NDArray.from([[3, 4]]));
    expect(d).toBeInstanceOf(NDArray);
    expect(d.device).toBe('cpu');
    expect(d.toArray()).toEqual([[5], [5]]);
    expect(d.sum().toFloat64()[0]).toBe(10);
    const T = X.transpose(); // columns as rows: (0, 6) and (0, 8)
    expect(cdist(T, [[0, 0]]).toArray()).toEqual([[6], [8]]);
    expect(() => cdist(NDArray.from([['a', 'b']]), [[1, 2]])).toThrow(/must hold numbers/);
  });
  it('reads a DataFrame of numeric columns and names a non-numeric one', () => {
    const df = new DataFrame({ x: [0, 6], y: [0, 8], name: ['a', 'b'] });
    expect(cdist(df.select(['x', 'y']), [[3, 4]]).toArray()).toEqual([[5], [5]]);
    expect(() => cdist(df, [[1, 2, 3]])).toThrow(/column 'name' has dtype string/);
    expect(pdist(df.select(['x', 'y'])).toArray()).toEqual([10]);
  });
});
