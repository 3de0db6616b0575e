import { describe, expect, it } from 'vitest';
import { DataFrame, MultiIndex } from '../../src/frame/dataframe.js';
import { Series } from '../../src/frame/series.js';
import { KeyError } from '../../src/errors.js';

// Reference values from pandas 1.5.3 (/usr/bin/python3):
// df = pd.DataFrame({'x':[1.5,2.5,3.5,4.5], 'n':[1,2,3,4], 's':['p','q','r','s']}, index=['a','b','c','d'])
const df = new DataFrame({ x: [1.5, 2.5, 3.5, 4.5], n: [1, 2, 3, 4], s: ['p', 'q', 'r', 's'] }, { index: ['a', 'b', 'c', 'd'] });

describe('loc', () => {
  it('a label and a column give a scalar', () => {
    expect(df.loc('b', 'x')).toBe(2.5); // pandas 2.5
    expect(df.at('c', 's')).toBe('r');
  });
  it('lists of labels and columns give a frame in the asked order', () => {
    const r = df.loc(['d', 'a'], ['s']) as DataFrame;
    expect(r.index.toArray()).toEqual(['d', 'a']);
    expect(r.col('s').toArray()).toEqual(['s', 'p']); // pandas [['s'], ['p']]
  });
  it('a label slice includes both ends', () => {
    expect((df.loc({ start: 'b', stop: 'c' }) as DataFrame).index.toArray()).toEqual(['b', 'c']);
    expect((df.loc({ stop: 'b' }) as DataFrame).index.toArray()).toEqual(['a', 'b']);
  });
  it('a slice on a sorted integer index may name missing bounds', () => {
    // pandas: d2 = DataFrame({'v':[10,20,30,40]}, index=[3,1,2,5]).sort_index(); d2.loc[2:4] -> [2, 3]; d2.loc[:2] -> [1, 2]
    const d2 = new DataFrame({ v: [10, 20, 30, 40] }, { index: [3, 1, 2, 5] }).sortIndex();
    expect((d2.loc({ start: 2, stop: 4 }) as DataFrame).index.toArray()).toEqual([2, 3]);
    expect((d2.loc({ stop: 2 }) as DataFrame).col('v').toArray()).toEqual([20, 30]);
    // Unsorted index and a bound that is not there: KeyError.
    const d3 = new DataFrame({ v: [10, 20, 30] }, { index: [3, 1, 2] });
    expect(() => d3.loc({ start: 4 })).toThrow(KeyError);
  });
  it('a single column gives a Series; a single row label gives a row Series', () => {
    const col = df.loc(['a', 'b'], 'n') as Series;
    expect(col).toBeInstanceOf(Series);
    expect(col.toArray()).toEqual([1, 2]);
    expect(col.name).toBe('n');
    const row = df.loc('b', ['x', 'n']) as Series;
    expect(row.toArray()).toEqual([2.5, 2]); // pandas [2.5, 2] (object there; float64 here: all numeric)
    expect(row.dtype).toBe('float64');
    expect(row.index.toArray()).toEqual(['x', 'n']);
    expect(row.name).toBe('b');
    expect((df.loc('c', ['n']) as Series).dtype).toBe('int64');
  });
  it('a single row over mixed dtypes stays a one-row frame (no object dtype)', () => {
    const r = df.loc('b') as DataFrame;
    expect(r).toBeInstanceOf(DataFrame);
    expect(r.shape).toEqual([1, 3]);
    expect(r.toRecords()).toEqual([{ x: 2.5, n: 2, s: 'q' }]);
  });
  it('a boolean Series is aligned on the labels', () => {
    expect((df.loc(df.col('x').gt(2)) as DataFrame).index.toArray()).toEqual(['b', 'c', 'd']);
    const m = new Series([true, false, true, true], { index: ['d', 'c', 'b', 'a'] });
    expect((df.loc(m) as DataFrame).index.toArray()).toEqual(['a', 'b', 'd']); // pandas ['a', 'b', 'd']
    expect(df.filter(m).col('s').toArray()).toEqual(['p', 'q', 's']);
    expect(df.filter([false, true, false, false]).index.toArray()).toEqual(['b']);
  });
  it('missing labels and columns are KeyErrors naming them', () => {
    expect(() => df.loc('z')).toThrow(/z.*not in the index/);
    expect(() => df.loc(['a', 'zz', 'yy'])).toThrow(/\["zz","yy"\] not in the index/);
    expect(() => df.loc('a', 'X')).toThrow(/Unknown column 'X'. Did you mean 'x'/);
  });
  it('a MultiIndex: first-level scalar drops the level; a full tuple gives a scalar', () => {
    // pandas: mi.loc['b'].index -> [1, 2], values [3.0, 4.0]; mi.loc[('a', 2), 'v'] -> 2.0
    const mi = new DataFrame({ k: ['a', 'a', 'b', 'b'], j: [1, 2, 1, 2], v: [1, 2, 3, 4.5] }).setIndex(['k', 'j']);
    expect(mi.index).toBeInstanceOf(MultiIndex);
    const b = mi.loc('b') as DataFrame;
    expect(b.index.toArray()).toEqual([1, 2]);
    expect(b.col('v').toArray()).toEqual([3, 4.5]);
    expect(mi.loc(['a', 2], 'v')).toBe(2);
    expect((mi.loc([['a', 1], ['b', 2]]) as DataFrame).col('v').toArray()).toEqual([1, 4.5]);
  });
});

describe('iloc', () => {
  it('positions, negatives and exclusive slices', () => {
    expect(df.iloc(-1, 0)).toBe(4.5); // pandas 4.5
    const r = df.iloc({ start: 1, stop: 3 }, [0, 2]) as DataFrame;
    expect(r.toRecords()).toEqual([{ x: 2.5, s: 'q' }, { x: 3.5, s: 'r' }]); // pandas [[2.5,'q'],[3.5,'r']]
    expect((df.iloc([0, -1]) as DataFrame).index.toArray()).toEqual(['a', 'd']);
    expect((df.iloc({ start: -2 }) as DataFrame).index.toArray()).toEqual(['c', 'd']);
    expect((df.iloc(null, 1) as Series).toArray()).toEqual([1, 2, 3, 4]);
    expect((df.iloc({ start: 2, stop: 100 }) as DataFrame).length).toBe(2);
  });
  it('out of range positions are errors', () => {
    expect(() => df.iloc(4)).toThrow(/Row position 4 is out of bounds for 4 rows/);
    expect(() => df.iloc(0, 3)).toThrow(/Column position 3 is out of bounds/);
  });
});
