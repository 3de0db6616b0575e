import { describe, expect, it } from 'vitest';
import { DataFrame } from '../../src/frame/dataframe.js';
import { Series } from '../../src/frame/series.js';
import { KeyError, ValueError } from '../../src/errors.js';
import { closeTo } from '../helpers.js';

describe('DataFrame construction and lookup errors', () => {
  it('columns of different lengths name both columns', () => {
    expect(() => new DataFrame({ a: [1, 2, 3], b: [1, 2] })).toThrow(ValueError);
    expect(() => new DataFrame({ a: [1, 2, 3], b: [1, 2] })).toThrow("All columns must have the same length: 'a' has 3 rows but 'b' has 2");
    expect(() => new DataFrame({ a: [1, 2] }, { index: ['x'] })).toThrow(/Length of index \(1\) does not match number of rows \(2\)/);
  });
  it('an unknown column suggests near matches', () => {
    const df = new DataFrame({ Age: [22, 38], Fare: [7.25, 71.2833], Name: ['a', 'b'] });
    expect(() => df.col('age')).toThrow(KeyError);
    expect(() => df.col('age')).toThrow(/Unknown column 'age'. Did you mean 'Age'/);
    expect(() => df.select(['Fair'])).toThrow(/Did you mean 'Fare'/);
    expect(() => df.loc(null, ['Nme'])).toThrow(/Did you mean 'Name'/);
  });
  it('a label missing from the index is a KeyError naming it', () => {
    const df = new DataFrame({ v: [1, 2] }, { index: ['p', 'q'] });
    expect(() => df.loc('r')).toThrow(KeyError);
    expect(() => df.loc('r')).toThrow(/"r" is not in the index|\["r"\] not in the index/);
    expect(() => df.at('r', 'v')).toThrow(/r/);
  });
  it('a boolean mask of the wrong length or type is refused', () => {
    const df = new DataFrame({ v: [1, 2] });
    expect(() => df.filter([true])).toThrow(/1 values but the data has 2 rows/);
    expect(() => df.filter(new Series([1, 0]))).toThrow(/boolean mask is needed/);
  });
});

// Reference values from pandas 1.5.3 (/usr/bin/python3): df = pd.DataFrame({'a':[1,2,None,4], 'b':['x','y','x',None], 'c':[1.5,2.5,3.5,10.0]})
// df.sum(numeric_only=True) -> {'a': 7.0, 'c': 17.5}; std -> {'a': 1.5275252316519465, 'c': 3.8378596465564847};
// count -> {'a': 3, 'b': 3, 'c': 4}; nunique -> {'a': 3, 'b': 2, 'c': 4}
describe('column-wise reductions', () => {
  const df = new DataFrame({ a: [1, 2, null, 4], b: ['x', 'y', 'x', null], c: [1.5, 2.5, 3.5, 10.0] });
  it('numeric aggregations cover numeric columns only', () => {
    const s = df.sum();
    expect(s.index.toArray()).toEqual(['a', 'c']);
    expect(s.toArray()).toEqual([7, 17.5]);
    expect(df.mean().toArray()).toEqual([7 / 3, 4.375]);
    const sd = df.std().toArray() as number[];
    expect(closeTo(sd[0], 1.5275252316519465)).toBe(true);
    expect(closeTo(sd[1], 3.8378596465564847)).toBe(true);
    expect(df.max().toArray()).toEqual([4, 10]);
  });
  it('integer columns keep int64 for sum/min/max', () => {
    const ints = new DataFrame({ i: [1, 2, 3], j: [4, 5, 6] });
    expect(ints.sum().dtype).toBe('int64');
    expect(ints.sum().toArray()).toEqual([6, 15]);
    expect(ints.mean().dtype).toBe('float64');
  });
  it('count and nunique cover every column', () => {
    expect(df.count().toArray()).toEqual([3, 3, 4]);
    expect(df.count().index.toArray()).toEqual(['a', 'b', 'c']);
    expect(df.nunique().toArray()).toEqual([3, 2, 4]);
  });
});
