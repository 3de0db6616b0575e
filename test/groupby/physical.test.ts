/**
 * Physical integer groups (src/groupby/physical.ts, physical-ints.ts): keys grouped by value with
 * the group order worked out lazily, against pandas 1.5.3 (/usr/bin/python3). Each expected value is
 * the printed result of the pandas call in the comment above it, e.g.
 *   df = pd.DataFrame({'k': np.array([3, 1, 3, 0, 1, 3, 5], dtype=np.int32), 'v': [1.5, 2, nan, 4, 10, -3, 7]})
 *   df.groupby('k').agg({'v': ['mean', 'sum', 'count']})
 */
import { describe, expect, it } from 'vitest';
import { DataFrame, fromCodes, fromTyped, fromValues } from '../../src/index.js';
import { factorizeKeys } from '../../src/groupby/factorize.js';
import { PhysicalGroups } from '../../src/groupby/physical.js';
import { physicalInts } from '../../src/groupby/physical-ints.js';
import { closeTo } from '../helpers.js';

const nums = (xs: readonly unknown[]): number[] => xs.map((x) => Number(x));
const expectClose = (got: readonly unknown[], want: readonly number[]): void => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(closeTo(Number(g), want[i]), `at ${i}: ${String(g)} vs ${want[i]}`).toBe(true));
};

const keys = Int32Array.of(3, 1, 3, 0, 1, 3, 5);
const df = DataFrame.fromColumns(['k', 'v'], [fromTyped(keys, null, 'int32'), fromValues([1.5, 2, NaN, 4, 10, -3, 7])]);

describe('int32 keys >= 0: the values are the codes', () => {
  it('factorizes with one OR pass, no copy; the order is found lazily', () => {
    const g = factorizeKeys([fromTyped(keys, null, 'int32')], { physical: true });
    expect(g).toBeInstanceOf(PhysicalGroups);
    expect(g.codes).toBe(keys);
    expect(g.nphys).toBe(8); // 3 | 1 | 0 | 5 = 7: physical ids 0..7
    expect((g as PhysicalGroups).presenceUnknown).toBe(true);
    expect((g as PhysicalGroups).nonNegative).toBe(true);
    expect(Array.from(g.order ?? [])).toEqual([0, 1, 3, 5]);
    expect(g.ngroups).toBe(4);
    expect(g.uniques[0].toArray()).toEqual([0, 1, 3, 5]);
    expect(g.uniques[0].dtype).toBe('int32');
    expect(Array.from(g.keyCodes[0])).toEqual([0, 1, 2, 3]);
  });

  it('mean, sum, count in one pass (a NaN value: presence from a pass over the codes)', () => {
    const r = df.groupby('k').agg({ v: ['mean', 'sum', 'count'] });
    // pandas: index [0, 1, 3, 5]; mean [4.0, 6.0, -0.75, 7.0], sum [4.0, 12.0, -1.5, 7.0], count [1, 2, 2, 1]
    expect(r.index.toArray()).toEqual([0, 1, 3, 5]);
    expect(r.col('v_mean').toArray()).toEqual([4, 6, -0.75, 7]);
    expect(r.col('v_sum').toArray()).toEqual([4, 12, -1.5, 7]);
    expect(r.col('v_count').toArray()).toEqual([1, 2, 2, 1]);
  });

  it('presence from the counts of the aggregation when no value is missing', () => {
    const full = DataFrame.fromColumns(['k', 'v'], [fromTyped(keys, null, 'int32'), fromValues([1.5, 2, 0.5, 4, 10, -3, 7])]);
    const gb = full.groupby('k');
    expect((gb.groups as PhysicalGroups).presenceUnknown).toBe(true);
    const s = gb.col('v').sum();
    // counts add up to the 7 rows, so the aggregation pass told which groups occur
    expect((gb.groups as PhysicalGroups).presenceUnknown).toBe(false);
    // pandas: full.groupby('k')['v'].sum() -> [4.0, 12.0, -1.0, 7.0] at [0, 1, 3, 5]
    expect(s.index.toArray()).toEqual([0, 1, 3, 5]);
    expect(s.toArray()).toEqual([4, 12, -1, 7]);
  });

  it('std, var (two passes over the cached sums) and transform', () => {
    const gb = df.groupby('k');
    // pandas: df.groupby('k')['v'].std() -> [nan, 5.656854249492381, 3.181980515339464, nan], var [nan, 32.0, 10.125, nan]
    expectClose(gb.col('v').std().toArray(), [NaN, 5.656854249492381, 3.181980515339464, NaN]);
    expectClose(gb.col('v').var().toArray(), [NaN, 32, 10.125, NaN]);
    const g = gb.col('v');
    const z = df.col('v').sub(g.transform('mean')).div(g.transform('std'));
    // pandas: ((df.v - g.transform('mean')) / g.transform('std')).tolist()
    expectClose(z.toArray(), [0.7071067811865476, -0.7071067811865475, NaN, NaN, 0.7071067811865475, -0.7071067811865476, NaN]);
  });

  it('sort: false numbers groups by first appearance', () => {
    const s = df.groupby('k', { sort: false }).col('v').sum();
    // pandas: df.groupby('k', sort=False)['v'].sum() -> 3: -1.5, 1: 12.0, 0: 4.0, 5: 7.0
    expect(s.index.toArray()).toEqual([3, 1, 0, 5]);
    expect(s.toArray()).toEqual([-1.5, 12, 4, 7]);
  });

  it('verbs that need the rows of each group agree (size, getGroup, cumcount)', () => {
    const gb = df.groupby('k');
    expect(gb.size().toArray()).toEqual([1, 2, 3, 1]);
    expect(gb.size().dtype).toBe('int64');
    expect(gb.getGroup(3).col('v').toArray()).toEqual([1.5, NaN, -3]);
    expect(gb.cumcount().toArray()).toEqual([0, 0, 1, 0, 1, 2, 0]);
  });
});

describe('other integer keys', () => {
  it('negative int32 keys: min/max pass, codes = value - min', () => {
    const k = fromTyped(Int32Array.of(-5, 2, -5, 0, 2), null, 'int32');
    const g = physicalInts(k, true);
    expect(g).not.toBeNull();
    expect(Array.from(g?.codes ?? [])).toEqual([0, 7, 0, 5, 7]);
    const d = DataFrame.fromColumns(['k', 'v'], [k, fromValues([1, 2, 3, 4, 5.5])]);
    const r = d.groupby('k').col('v').agg(['mean', 'sum', 'count', 'std']);
    // pandas: df2.groupby('k')['v'].agg(['mean','sum','count','std']) at [-5, 0, 2]:
    // mean [2.0, 4.0, 3.75], sum [4.0, 4.0, 7.5], count [2, 1, 2], std [1.4142135623730951, nan, 2.4748737341529163]
    expect(r.index.toArray()).toEqual([-5, 0, 2]);
    expect(r.col('mean').toArray()).toEqual([2, 4, 3.75]);
    expect(r.col('sum').toArray()).toEqual([4, 4, 7.5]);
    expect(r.col('count').toArray()).toEqual([2, 1, 2]);
    expectClose(r.col('std').toArray(), [1.4142135623730951, NaN, 2.4748737341529163]);
  });

  it('a range wider than the direct limit goes to the compacting/hash paths', () => {
    const k = fromTyped(Int32Array.of(2_000_000_000, -7, 2_000_000_000, 5), null, 'int32');
    expect(physicalInts(k, true)).toBeNull();
    const s = DataFrame.fromColumns(['k', 'v'], [k, fromValues([1, 2, 3, 4])]).groupby('k').col('v').sum();
    // pandas: df3.groupby('k')['v'].sum() -> -7: 2.0, 5: 4.0, 2000000000: 4.0
    expect(s.index.toArray()).toEqual([-7, 5, 2_000_000_000]);
    expect(s.toArray()).toEqual([2, 4, 4]);
  });

  it('int64 keys that fit in 32 bits (negative too) are grouped physically', () => {
    const k = fromTyped(BigInt64Array.of(-3n, 4n, -3n, 0n), null, 'int64');
    const g = physicalInts(k, true);
    expect(Array.from(g?.codes ?? [])).toEqual([0, 7, 0, 3]);
    expect(g?.uniques[0].toArray()).toEqual([-3, 0, 4]);
    expect(g?.uniques[0].dtype).toBe('int64');
    const s = DataFrame.fromColumns(['k', 'v'], [k, fromValues([1, 2, 3, 4])]).groupby('k').col('v').mean();
    expect(s.index.toArray()).toEqual([-3, 0, 4]);
    expect(s.toArray()).toEqual([2, 4, 2]);
  });

  it('int64 beyond 2^53 keeps exact keys (hash path)', () => {
    const big = 2n ** 53n + 1n;
    const k = fromTyped(BigInt64Array.of(big, 3n, big, -(2n ** 62n)), null, 'int64');
    expect(physicalInts(k, true)).toBeNull();
    const s = DataFrame.fromColumns(['k', 'v'], [k, fromValues([1, 2, 3, 4])]).groupby('k').col('v').mean();
    // pandas: df4.groupby('k')['v'].mean() -> -4611686018427387904: 4.0, 3: 2.0, 9007199254740993: 2.0
    expect(s.index.toArray()).toEqual([-(2n ** 62n), 3, big]);
    expect(s.toArray()).toEqual([4, 2, 2]);
  });

  it('null keys: dropped (dropna) or a group of their own, last', () => {
    const k = fromValues([4, null, 4, -1, null]);
    expect(physicalInts(k, true)).toBeNull();
    const d = DataFrame.fromColumns(['k', 'v'], [k, fromValues([1, 2, 3, 4, 5])]);
    // pandas (Int64 key): df5.groupby('k')['v'].sum() -> -1: 4.0, 4: 4.0; dropna=False adds <NA>: 7.0
    const s = d.groupby('k').col('v').sum();
    expect(s.index.toArray()).toEqual([-1, 4]);
    expect(nums(s.toArray())).toEqual([4, 4]);
    const t = d.groupby('k', { dropna: false }).col('v').sum();
    expect(t.index.toArray()).toEqual([-1, 4, null]);
    expect(nums(t.toArray())).toEqual([4, 4, 7]);
  });

  it('an empty frame gives an empty result', () => {
    const d = DataFrame.fromColumns(['k', 'v'], [fromTyped(new Int32Array(0), null, 'int32'), fromTyped(new Float64Array(0), null, 'float64')]);
    const r = d.groupby('k').agg({ v: ['mean', 'sum', 'count'] });
    // pandas: df6.groupby('k')['v'].agg(['mean','sum','count']) -> Empty DataFrame, columns [mean, sum, count]
    expect(r.length).toBe(0);
    expect(r.columns).toEqual(['v_mean', 'v_sum', 'v_count']);
  });
});

describe('physical paths agree with the compacting paths on larger random inputs', () => {
  it('int32 and dictionary-string keys, with and without missing values', () => {
    const n = 5000;
    let seed = 7;
    const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const k = new Int32Array(n);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      k[i] = Math.floor(rnd() * 300) * 3; // sparse: 2 of 3 physical ids never occur
      v[i] = rnd() < 0.05 ? NaN : rnd() * 100 - 50;
    }
    const dict = Array.from({ length: 400 }, (_, j) => `s${(j * 37) % 400}`);
    const sc = Int32Array.from(k, (x, i) => (i % 11 === 0 ? -1 : x % 400));
    const d = DataFrame.fromColumns(['k', 's', 'v'], [fromTyped(k, null, 'int32'), fromCodes(sc, dict), fromTyped(v, null, 'float64')]);
    for (const key of ['k', 's']) {
      const phys = d.groupby(key).agg({ v: ['mean', 'sum', 'count', 'std', 'max'] });
      // The same key as floats (hash path) or plain strings (ranked through a dictionary): the reference.
      const plainKey = fromValues(d.col(key).toArray(), key === 'k' ? 'float64' : 'string');
      const plain = DataFrame.fromColumns(['key', 'v'], [plainKey, d.column('v')]).groupby('key').agg({ v: ['mean', 'sum', 'count', 'std', 'max'] });
      expect(phys.index.toArray()).toEqual(plain.index.toArray());
      for (const c of ['v_mean', 'v_sum', 'v_count', 'v_std', 'v_max']) expectClose(phys.col(c).toArray(), nums(plain.col(c).toArray()));
    }
  });
});
