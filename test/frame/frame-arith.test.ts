// Reference values: pandas 1.5.3 (/usr/bin/python3):
//   df = pd.DataFrame({'a': [1, 2, 3], 'b': [0.5, 1.5, 2.5]}, index=['x', 'y', 'z'])
//   df.add(pd.Series({'b': 10, 'a': 100, 'c': 1})); df.add(pd.DataFrame({'b': [1.0, 2.0], 'c': [5, 6]}, index=['z', 'w']))
import { describe, expect, it } from 'vitest';
import { DataFrame } from '../../src/frame/dataframe.js';
import { Series } from '../../src/frame/series.js';
import { TypeError_ } from '../../src/errors.js';

const df = () => new DataFrame({ a: [1, 2, 3], b: [0.5, 1.5, 2.5] }, { index: ['x', 'y', 'z'] });

describe('DataFrame arithmetic', () => {
  it('with a scalar: every column, dtypes as for Series', () => {
    const r = df().mul(2);
    expect(r.col('a').toArray()).toEqual([2, 4, 6]);
    expect(r.col('a').dtype).toBe('int64');
    expect(r.col('b').toArray()).toEqual([1, 3, 5]);
    expect(r.index.toArray()).toEqual(['x', 'y', 'z']);
    expect(df().div(2).col('a').toArray()).toEqual([0.5, 1, 1.5]);
  });

  it('with a Series: matched to columns by label, union of names sorted', () => {
    const r = df().add(new Series([10, 100, 1], { index: ['b', 'a', 'c'] }));
    expect(r.columns).toEqual(['a', 'b', 'c']);
    expect(r.col('a').toArray()).toEqual([101, 102, 103]);
    expect(r.col('b').toArray()).toEqual([10.5, 11.5, 12.5]);
    expect(r.col('c').toArray()).toEqual([null, null, null]);
  });

  it('with a DataFrame: both axes aligned', () => {
    const other = new DataFrame({ b: [1.0, 2.0], c: [5, 6] }, { index: ['z', 'w'] });
    const r = df().add(other);
    expect(r.index.toArray()).toEqual(['w', 'x', 'y', 'z']);
    expect(r.columns).toEqual(['a', 'b', 'c']);
    expect(r.col('b').toArray()).toEqual([null, null, null, 3.5]);
    expect(r.col('a').toArray()).toEqual([null, null, null, null]);
    expect(df().sub(df()).col('a').toArray()).toEqual([0, 0, 0]);
    expect(df().arith(df(), 'pow').col('b').toArray()).toEqual([0.5 ** 0.5, 1.5 ** 1.5, 2.5 ** 2.5]);
  });

  it('a column that cannot take the operator is a TypeError naming it', () => {
    const mixed = new DataFrame({ n: [1, 2], s: ['a', 'b'] });
    expect(() => mixed.mul(2)).toThrow(TypeError_);
    expect(() => mixed.mul(2)).toThrow(/'s'/);
  });
});
