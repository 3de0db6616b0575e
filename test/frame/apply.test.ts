import { describe, expect, it } from 'vitest';
import { DataFrame } from '../../src/frame/dataframe.js';
import { Series } from '../../src/frame/series.js';
import type { Scalar } from '../../src/frame/dtypes.js';

// Reference values from pandas 1.5.3 (/usr/bin/python3): df = pd.DataFrame({'a':[1,2,None,4], 'c':[1.5,2.5,3.5,10.0]})
const df = new DataFrame({ a: [1, 2, null, 4], c: [1.5, 2.5, 3.5, 10.0] });

describe('apply', () => {
  it('axis 0: a scalar per column gives a Series indexed by column names', () => {
    const r = df.apply((s) => {
      const x = s as Series;
      return (x.max() as number) - (x.min() as number);
    }) as Series;
    expect(r.index.toArray()).toEqual(['a', 'c']);
    expect(r.toArray()).toEqual([3, 8.5]); // pandas {'a': 3.0, 'c': 8.5}
  });
  it('axis 0 raw: plain arrays, missing numbers as NaN', () => {
    const r = df.apply((v) => (v as number[]).filter((x) => !Number.isNaN(x)).length, { raw: true }) as Series;
    expect(r.toArray()).toEqual([3, 4]);
  });
  it('axis 0: Series results make a DataFrame', () => {
    const r = df.apply((s) => (s as Series).mul(2)) as DataFrame;
    expect(r.columns).toEqual(['a', 'c']);
    expect(r.toRecords().map((x) => [x.a, x.c])).toEqual([[2, 3], [4, 5], [null, 7], [8, 20]]); // pandas nan where a is missing
  });
  it('axis 1: a row object per row; missing numbers are NaN as in pandas', () => {
    const r = df.apply((row) => {
      const x = row as Record<string, number>;
      return x.a + x.c;
    }, { axis: 1 }) as Series;
    expect(r.toArray()).toEqual([2.5, 4.5, NaN, 14]); // pandas [2.5, 4.5, nan, 14.0]
    expect(r.index.toArray()).toEqual([0, 1, 2, 3]);
    const raw = df.apply((v) => (v as Scalar[]).length, { axis: 1, raw: true }) as Series;
    expect(raw.toArray()).toEqual([2, 2, 2, 2]);
  });
  it('axis 1: Series results become the rows of a DataFrame', () => {
    const r = df.apply((row) => {
      const x = row as Record<string, number>;
      return new Series([x.c * 2, x.a], { index: ['twice', 'a'] });
    }, { axis: 1 }) as DataFrame;
    expect(r.columns).toEqual(['twice', 'a']);
    expect(r.col('twice').toArray()).toEqual([3, 5, 7, 20]);
    expect(r.col('a').toArray()).toEqual([1, 2, NaN, 4]);
  });
  it('mixing scalars and Series is an error', () => {
    let k = 0;
    expect(() => df.apply((s) => (k++ === 0 ? 1 : (s as Series)))).toThrow(/not a mix/);
    expect(() => df.apply(() => 1, { axis: 2 as 0 })).toThrow(/axis must be 0 or 1/);
  });
});
