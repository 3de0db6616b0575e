/**
 * Public API contract, the Series lines of section "Frames" of /work/shared/API.md (element-wise
 * arithmetic, comparisons, logic, math, aggregations, missing values, .str, .dt, astype), through the
 * package root. Expected values are worked out by hand (stated beside each) and follow pandas semantics (spot-checked with /usr/bin/python3, pandas 1.5.3).
 */
import { describe, expect, it } from 'vitest';
import * as gf from '../../src/index.js';

const close = (got: number, want: number): void => {
  expect(Math.abs(got - want)).toBeLessThan(1e-12 * Math.max(1, Math.abs(want)));
};

describe('API.md Frames: Series element-wise', () => {
  const s = (): gf.Series => new gf.Series([1, 2, 3, 4]);

  it('s.add/sub/mul/div/pow/mod(other | scalar)', () => {
    expect(s().add(10).toArray()).toEqual([11, 12, 13, 14]);
    expect(s().sub(s()).toArray()).toEqual([0, 0, 0, 0]);
    expect(s().mul(2).toArray()).toEqual([2, 4, 6, 8]);
    expect(s().div(2).toArray()).toEqual([0.5, 1, 1.5, 2]); // true division gives float64
    expect(s().div(2).dtype).toBe('float64');
    expect(s().pow(2).toArray()).toEqual([1, 4, 9, 16]);
    expect(new gf.Series([-7, 7]).mod(3).toArray()).toEqual([2, 1]); // Python sign convention: -7 % 3 == 2
  });

  it('binary operations align on index labels', () => {
    const x = new gf.Series([1, 2], { index: ['a', 'b'] });
    const y = new gf.Series([10, 20], { index: ['b', 'c'] });
    const z = x.add(y);
    // pandas: union of labels, sorted; b = 2 + 10, a and c missing.
    expect(z.index.toArray()).toEqual(['a', 'b', 'c']);
    expect(z.isna().toArray()).toEqual([true, false, true]);
    expect(z.at('b')).toBe(12);
  });

  it('s.gt/ge/lt/le/eq/ne', () => {
    expect(s().gt(2).toArray()).toEqual([false, false, true, true]);
    expect(s().ge(2).toArray()).toEqual([false, true, true, true]);
    expect(s().lt(2).toArray()).toEqual([true, false, false, false]);
    expect(s().le(2).toArray()).toEqual([true, true, false, false]);
    expect(s().eq(2).toArray()).toEqual([false, true, false, false]);
    expect(s().ne(2).toArray()).toEqual([true, false, true, true]);
  });

  it('s.and/or/not', () => {
    const p = new gf.Series([true, true, false, false]);
    const q = new gf.Series([true, false, true, false]);
    expect(p.and(q).toArray()).toEqual([true, false, false, false]);
    expect(p.or(q).toArray()).toEqual([true, true, true, false]);
    expect(p.not().toArray()).toEqual([false, false, true, true]);
  });

  it('s.abs/exp/log/sqrt/round', () => {
    expect(new gf.Series([-1.5, 2]).abs().toArray()).toEqual([1.5, 2]);
    expect(new gf.Series([0, 1]).exp().toArray()).toEqual([1, Math.E]);
    expect(new gf.Series([1, Math.E]).log().toArray()).toEqual([0, 1]);
    expect(new gf.Series([4, 9]).sqrt().toArray()).toEqual([2, 3]);
    // Half to even, as numpy/pandas: 0.5 -> 0, 1.5 -> 2, 2.5 -> 2; round(1) of 1.25 -> 1.2.
    expect(new gf.Series([0.5, 1.5, 2.5]).round().toArray()).toEqual([0, 2, 2]);
    expect(new gf.Series([1.25]).round(1).toArray()).toEqual([1.2]);
  });
});

describe('API.md Frames: Series aggregations and missing values', () => {
  // 2 4 4 4 5 5 7 9 plus one null: n = 8, sum 40, mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32.
  const v = (): gf.Series => new gf.Series([2, 4, 4, null, 4, 5, 5, 7, 9]);

  it('s.sum/mean/min/max/std/var/median/quantile(q)/count (skipna)', () => {
    expect(v().sum()).toBe(40);
    expect(v().mean()).toBe(5);
    expect(v().min()).toBe(2);
    expect(v().max()).toBe(9);
    close(v().var(), 32 / 7); // sample variance, ddof 1
    close(v().std(), Math.sqrt(32 / 7));
    expect(v().median()).toBe(4.5); // middle pair 4, 5
    // Linear interpolation on the sorted 8 values: q=0.9 -> position 6.3 -> 7 + 0.3 * (9 - 7) = 7.6.
    close(v().quantile(0.9), 7.6);
    expect(v().quantile(0.25)).toBe(4); // position 1.75 between 4 and 4
    expect(v().count()).toBe(8);
  });

  it('s.cumsum/cumprod/diff/shift', () => {
    const c = new gf.Series([1, null, 2, 3]);
    expect(c.cumsum().toArray()).toEqual([1, null, 3, 6]); // missing stays missing, sum continues
    expect(c.cumprod().toArray()).toEqual([1, null, 2, 6]);
    const d = new gf.Series([1, 4, 9, 16]).diff();
    expect(d.isna().toArray()).toEqual([true, false, false, false]);
    expect(d.toArray().slice(1)).toEqual([3, 5, 7]);
    const sh = new gf.Series([1, 2, 3]).shift();
    expect(sh.isna().toArray()).toEqual([true, false, false]);
    expect(sh.toArray().slice(1)).toEqual([1, 2]);
  });

  it('s.isna/notna/fillna/dropna (null and NaN both missing)', () => {
    const m = new gf.Series([1.5, NaN, null, 4]);
    expect(m.isna().toArray()).toEqual([false, true, true, false]);
    expect(m.notna().toArray()).toEqual([true, false, false, true]);
    expect(m.fillna(0).toArray()).toEqual([1.5, 0, 0, 4]);
    const dn = m.dropna();
    expect(dn.toArray()).toEqual([1.5, 4]);
    expect(dn.index.toArray()).toEqual([0, 3]);
  });
});

describe('API.md Frames: .str, .dt, astype', () => {
  it('s.str.contains/lower/upper/strip/len/split', () => {
    const t = new gf.Series(['  Ab c ', 'xyz', null]);
    expect(t.str.contains('b').toArray()).toEqual([true, false, null]); // missing stays missing (pandas NaN)
    expect(t.str.lower().toArray()).toEqual(['  ab c ', 'xyz', null]);
    expect(t.str.upper().toArray()).toEqual(['  AB C ', 'XYZ', null]);
    expect(t.str.strip().toArray()).toEqual(['Ab c', 'xyz', null]);
    expect(t.str.len().toArray()).toEqual([7, 3, null]);
    // split always expands into a DataFrame with columns '0', '1', ... (TSDoc of StringAccessor.split:
    // a Series cannot hold lists), like pandas str.split(expand=True).
    const parts = new gf.Series(['a,b', 'c']).str.split(',');
    expect(parts.toColumns()).toEqual({ 0: ['a', 'c'], 1: ['b', null] });
  });

  it('s.dt.year/month/day/dayofyear/hour (UTC)', () => {
    const d = new gf.Series([new Date(Date.UTC(2024, 1, 29, 13, 5)), new Date(Date.UTC(2023, 11, 31, 0)), null]);
    expect(d.dt.year.toArray()).toEqual([2024, 2023, null]);
    expect(d.dt.month.toArray()).toEqual([2, 12, null]);
    expect(d.dt.day.toArray()).toEqual([29, 31, null]);
    // 29 Feb = 31 + 29 = day 60; 31 Dec 2023 (not a leap year) = day 365.
    expect(d.dt.dayofyear.toArray()).toEqual([60, 365, null]);
    expect(d.dt.hour.toArray()).toEqual([13, 0, null]);
  });

  it("s.astype('float32')", () => {
    const f = new gf.Series([1, 2, null]).astype('float32');
    expect(f.dtype).toBe('float32');
    expect(f.toArray()).toEqual([1, 2, null]);
    expect(new gf.Series(['1.5', '2']).astype('float64').toArray()).toEqual([1.5, 2]);
  });
});
