/**
 * The grouped-sum kernels (src/frame/aggs/scatter-kernels.ts) and the blocked sum that switches
 * between them (kahan.ts): rows of code -1 and NaN values are skipped whichever kernel runs, also when
 * the first NaN appears after several clean blocks. Values are small integers, so every sum is exact
 * in float64 and the expected numbers come from a plain loop written out in the test.
 */
import { describe, expect, it } from 'vitest';
import { anyNaNSum, deviationsChecked, deviationsFast, scatterChecked, scatterDense, scatterFast } from '../../src/frame/aggs/scatter-kernels.js';
import { kahanScatter } from '../../src/frame/aggs/kahan.js';
import { aggregateColumn } from '../../src/frame/aggs/registry.js';
import { fromTyped } from '../../src/frame/column-build.js';

describe('scatter kernels', () => {
  it('fast: every value summed, code -1 into the spare slot', () => {
    const part = new Float64Array(6);
    scatterFast(Float64Array.of(1, 2, 4, 8, 16), Int32Array.of(0, -1, 1, 0, 1), part, 2, 0, 5);
    expect(Array.from(part)).toEqual([9, 2, 20, 2, 2, 1]);
    const nan = new Float64Array(4);
    scatterFast(Float64Array.of(1, NaN, 2, 3, 4), Int32Array.of(0, 0, 0, 0, 0), nan, 1, 0, 5);
    expect(anyNaNSum(nan, 1)).toBe(true);
  });

  it('dense: codes known >= 0, every value summed (unrolled body and tail)', () => {
    const part = new Float64Array(4);
    scatterDense(Float64Array.of(1, 2, 4, 8, 16), Int32Array.of(0, 1, 0, 1, 1), part, 0, 5);
    expect(Array.from(part)).toEqual([5, 2, 26, 3]);
  });

  it('checked: NaN values and code -1 skipped, in the unrolled body and the tail', () => {
    const part = new Float64Array(6);
    // 9 rows: two unrolled iterations of 4 and a tail of 1
    scatterChecked(Float64Array.of(1, NaN, 2, 4, NaN, 8, 16, 32, 64), Int32Array.of(0, 0, -1, 1, 1, 0, 1, -1, 0), part, 2, 0, 9);
    expect(Array.from(part.subarray(0, 4))).toEqual([73, 3, 20, 2]);
    expect(anyNaNSum(part, 2)).toBe(false);
  });
});

describe('squared deviations from group means (var/std second pass)', () => {
  it('fast and checked kernels agree where both apply; checked skips NaN and code -1', () => {
    // groups 0 and 1 with means 2 and 10; rows (value, group): deviations² 1, 1, 4, 0, 16, 9 (7 rows: unrolled body + tail)
    const x = Float64Array.of(1, 3, 8, 2, 14, 5, 7);
    const codes = Int32Array.of(0, 0, 1, 0, 1, 0, 1);
    const a = Float64Array.of(2, 0, 10, 0);
    deviationsFast(x, codes, a, 0, 7);
    // group 0: (1-2)² + (3-2)² + 0 + (5-2)² = 11; group 1: 4 + 16 + 9 = 29
    expect([a[1], a[3]]).toEqual([11, 29]);
    const b = Float64Array.of(2, 0, 10, 0, 0, 0);
    deviationsChecked(x, codes, b, 2, 0, 7);
    expect([b[1], b[3]]).toEqual([11, 29]);
    const c = Float64Array.of(2, 0, 10, 0, 0, 0);
    deviationsChecked(Float64Array.of(1, NaN, 8, 2, 14, 5, NaN), Int32Array.of(0, 0, 1, -1, 1, 0, 1), c, 2, 0, 7);
    expect([c[1], c[3]]).toEqual([10, 20]);
  });
});

describe('blocked sums over many blocks', () => {
  const n = 5000; // 3 groups: blocks of 1,024 rows, so five blocks
  const x = new Float64Array(n);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = (i % 7) - 3;
    codes[i] = i % 11 === 0 ? -1 : i % 3;
  }
  x[3001] = NaN; // group 1, fourth block (the first three are clean)
  x[3005] = NaN; // group 2
  x[4003] = Infinity; // group 1
  x[1500] = Infinity; // group 0 ...
  x[2502] = -Infinity; // ... and its opposite: group 0's sum is NaN, as pandas' sum([inf, -inf])
  codes[4000] = -1;
  x[4000] = NaN; // a dropped row with a NaN value changes nothing

  /** The plain loop: skip dropped rows and NaN values. */
  function reference(): { sum: number[]; count: number[] } {
    const sum = [0, 0, 0];
    const count = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      const g = codes[i];
      if (g < 0 || Number.isNaN(x[i])) continue;
      sum[g] += x[i];
      count[g]++;
    }
    return { sum, count };
  }

  it('sums and counts agree with the plain loop', () => {
    const want = reference();
    expect(Number.isNaN(want.sum[0])).toBe(true);
    expect(want.sum[1]).toBe(Infinity);
    const acc = new Float64Array(12);
    kahanScatter(x, codes, acc, 4, true);
    for (let g = 0; g < 3; g++) {
      expect(Object.is(acc[4 * g], want.sum[g]) || acc[4 * g] === want.sum[g]).toBe(true);
      expect(acc[4 * g + 2]).toBe(want.count[g]);
    }
  });

  it('codes known >= 0 (the dense first kernel), NaN after clean blocks', () => {
    const dense = Int32Array.from(codes, (c, i) => (c < 0 ? i % 3 : c));
    const sum = [0, 0, 0];
    const count = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(x[i])) continue;
      sum[dense[i]] += x[i];
      count[dense[i]]++;
    }
    const acc = new Float64Array(12);
    kahanScatter(x, dense, acc, 4, true, true);
    for (let g = 0; g < 3; g++) {
      expect(Object.is(acc[4 * g], sum[g]) || acc[4 * g] === sum[g]).toBe(true);
      expect(acc[4 * g + 2]).toBe(count[g]);
    }
  });

  it('without the infinities: finite sums and means through the registry', () => {
    const y = Float64Array.from(x, (v) => (Number.isFinite(v) || Number.isNaN(v) ? v : 0));
    const sum = [0, 0, 0];
    const count = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      if (codes[i] < 0 || Number.isNaN(y[i])) continue;
      sum[codes[i]] += y[i];
      count[codes[i]]++;
    }
    const col = fromTyped(y, null, 'float64');
    expect(aggregateColumn('sum', col, codes, 3).toArray()).toEqual(sum);
    expect(aggregateColumn('count', col, codes, 3).toArray()).toEqual(count);
    expect(aggregateColumn('mean', col, codes, 3).toArray()).toEqual(sum.map((s, g) => s / count[g]));
  });
});
