import { describe, expect, it } from 'vitest';
import { DataFrame } from '../../src/frame/dataframe.js';
import { percentileLabel } from '../../src/frame/ops/describe.js';
import { closeTo } from '../helpers.js';

// Reference values from pandas 1.5.3 (/usr/bin/python3):
// df = pd.DataFrame({'a':[1,2,None,4], 'b':['x','y','x',None], 'c':[1.5,2.5,3.5,10.0]})
const df = new DataFrame({ a: [1, 2, null, 4], b: ['x', 'y', 'x', null], c: [1.5, 2.5, 3.5, 10.0] });

describe('describe', () => {
  it('numeric columns, pandas layout and values', () => {
    const d = df.describe();
    expect(d.index.toArray()).toEqual(['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max']);
    expect(d.columns).toEqual(['a', 'c']);
    const a = d.col('a').toArray() as number[];
    const c = d.col('c').toArray() as number[];
    const pa = [3.0, 2.3333333333333335, 1.5275252316519465, 1.0, 1.5, 2.0, 3.0, 4.0];
    const pc = [4.0, 4.375, 3.8378596465564847, 1.5, 2.25, 3.0, 5.125, 10.0];
    pa.forEach((v, i) => expect(closeTo(a[i], v)).toBe(true));
    pc.forEach((v, i) => expect(closeTo(c[i], v)).toBe(true));
  });
  it('percentile labels as pandas formats them', () => {
    // pandas: describe(percentiles=[0.1, 0.333]).index -> [..., '10%', '33.3%', '50%', 'max']
    expect(df.describe({ percentiles: [0.1, 0.333] }).index.toArray()).toEqual(['count', 'mean', 'std', 'min', '10%', '33.3%', '50%', 'max']);
    expect(percentileLabel(0.025)).toBe('2.5%');
    expect(() => df.describe({ percentiles: [1.5] })).toThrow(/between 0 and 1/);
  });
  it('string columns: count, unique, top, freq (as text)', () => {
    // pandas: df[['b']].describe() -> count 3, unique 2, top 'x', freq 2
    const d = df.select(['b']).describe();
    expect(d.index.toArray()).toEqual(['count', 'unique', 'top', 'freq']);
    expect(d.col('b').toArray()).toEqual(['3', '2', 'x', '2']);
    const all = df.describe({ include: 'all' });
    expect(all.columns).toEqual(['a', 'b', 'c']);
    expect(all.index.toArray().slice(0, 5)).toEqual(['count', 'unique', 'top', 'freq', 'mean']);
    expect(all.col('a').toArray().slice(0, 4)).toEqual([3, null, null, null]);
  });
});

describe('info', () => {
  it('has the pandas layout (header spacing from pandas 1.5.3 info.py)', () => {
    const lines = df.info().split('\n');
    expect(lines.slice(0, 9)).toEqual([
      "<class 'gridframe.DataFrame'>",
      'RangeIndex: 4 entries, 0 to 3',
      'Data columns (total 3 columns):',
      ' #   Column  Non-Null Count  Dtype  ',
      '---  ------  --------------  -----  ',
      ' 0   a       3 non-null      int64  ',
      ' 1   b       3 non-null      string ',
      ' 2   c       4 non-null      float64',
      'dtypes: float64(1), int64(1), string(1)',
    ]);
    // Arrow buffers, by hand: a 32 B values + 8 B validity; b (utf8) 3 B data + 20 B offsets + 8 B validity; c 32 B.
    expect(lines[9]).toBe('memory usage: 103.0 bytes');
  });
  it('names a label index and an empty frame', () => {
    expect(new DataFrame({ v: [1, 2] }, { index: ['p', 'q'] }).info().split('\n')[1]).toBe('Index: 2 entries, p to q');
    expect(new DataFrame({}).info()).toBe("<class 'gridframe.DataFrame'>\nRangeIndex: 0 entries\nEmpty DataFrame\n");
  });
});
