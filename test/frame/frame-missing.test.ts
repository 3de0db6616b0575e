import { describe, expect, it } from 'vitest';
import { DataFrame } from '../../src/frame/dataframe.js';

// Reference values from pandas 1.5.3 (/usr/bin/python3):
// df = pd.DataFrame({'a':[1.0, nan, 3.0, nan], 'b':['x', None, None, 'w'], 'c':[nan, nan, 5.0, nan]})
// Here 'a' holds a NaN and a null: both are missing.
const df = new DataFrame({ a: [1.0, NaN, 3.0, null], b: ['x', null, null, 'w'], c: [NaN, NaN, 5.0, NaN] });
/** Missing cells (null or NaN) as null, for comparing with pandas' output. */
const rows = (d: DataFrame): unknown[][] => d.toRecords().map((r) => Object.values(r).map((v) => (typeof v === 'number' && Number.isNaN(v) ? null : v)));

describe('missing values in a frame', () => {
  it('isna / notna per cell', () => {
    const m = df.isna();
    expect(m.dtypes).toEqual({ a: 'bool', b: 'bool', c: 'bool' });
    expect(m.toRecords().map((r) => Object.values(r))).toEqual([[false, false, true], [true, true, true], [false, true, false], [true, false, true]]);
    expect(df.notna().toRecords()[2]).toEqual({ a: true, b: false, c: true });
  });
  it('dropna with how and subset', () => {
    expect(df.dropna().index.toArray()).toEqual([]);
    expect(df.dropna({ how: 'all' }).index.toArray()).toEqual([0, 2, 3]);
    expect(df.dropna({ subset: ['a'] }).index.toArray()).toEqual([0, 2]);
    expect(df.dropna({ how: 'all', subset: ['a', 'c'] }).index.toArray()).toEqual([0, 2]);
    expect(df.dropna({ subset: ['a'] }).col('b').toArray()).toEqual(['x', null]);
    expect(() => df.dropna({ subset: ['A'] })).toThrow(/Unknown column 'A'/);
  });
  it('ffill / bfill per column, with limit', () => {
    expect(rows(df.ffill())).toEqual([[1, 'x', null], [1, 'x', null], [3, 'x', 5], [3, 'w', 5]]);
    expect(rows(df.bfill())).toEqual([[1, 'x', 5], [3, 'w', 5], [3, 'w', 5], [null, 'w', null]]);
    expect(rows(df.ffill({ limit: 1 }))).toEqual([[1, 'x', null], [1, 'x', null], [3, null, 5], [3, 'w', 5]]);
    expect(() => df.ffill({ limit: 0 })).toThrow(/limit must be a positive integer/);
  });
  it('fillna per column and by scalar (only columns whose dtype holds it)', () => {
    expect(rows(df.fillna({ a: 0, b: 'z' }))).toEqual([[1, 'x', null], [0, 'z', null], [3, 'z', 5], [0, 'w', null]]);
    const all0 = df.fillna(0);
    expect(rows(all0)).toEqual([[1, 'x', 0], [0, null, 0], [3, null, 5], [0, 'w', 0]]);
    expect(() => df.fillna({ a: 'oops' })).toThrow(/Cannot fill float64 column 'a'/);
    // pandas: pd.DataFrame({'a':[1,None,3]}).fillna(1.5) -> [1.0, 1.5, 3.0], float64
    const ints = new DataFrame({ a: [1, null, 3] }).fillna(1.5);
    expect(ints.col('a').toArray()).toEqual([1, 1.5, 3]);
    expect(ints.dtypes.a).toBe('float64');
    expect(new DataFrame({ a: [1, null] }).fillna(7).dtypes.a).toBe('int64');
  });
});
