import { describe, expect, it } from 'vitest';
import { DataFrame } from '../../src/frame/dataframe.js';
import { Series } from '../../src/frame/series.js';
import { concat } from '../../src/frame/ops/concat.js';
import { RangeIndex } from '../../src/frame/label-index.js';

// Reference values from pandas 1.5.3 (/usr/bin/python3):
// a = pd.DataFrame({'x':[1,2]}, index=['b','a']); b = pd.DataFrame({'y':[3,4]}, index=['c','a'])
// pd.concat([a, b], axis=1) -> index ['b','a','c'], x [1, 2, nan], y [nan, 4, 3]
describe('concat', () => {
  const a = new DataFrame({ x: [1, 2] }, { index: ['b', 'a'] });
  const b = new DataFrame({ y: [3, 4] }, { index: ['c', 'a'] });
  it('axis 1 aligns on the union of labels in order of appearance', () => {
    const c = concat([a, b], { axis: 1 }) as DataFrame;
    expect(c.index.toArray()).toEqual(['b', 'a', 'c']);
    expect(c.col('x').toArray()).toEqual([1, 2, null]);
    expect(c.col('y').toArray()).toEqual([null, 4, 3]);
  });
  it('axis 0 unions columns, missing cells null, labels kept', () => {
    const c = concat([a, b]) as DataFrame;
    expect(c.columns).toEqual(['x', 'y']);
    expect(c.index.toArray()).toEqual(['b', 'a', 'c', 'a']);
    expect(c.col('x').toArray()).toEqual([1, 2, null, null]);
    expect(c.col('y').toArray()).toEqual([null, null, 3, 4]);
    expect((concat([a, b], { ignoreIndex: true }) as DataFrame).index).toBeInstanceOf(RangeIndex);
  });
  it('promotes int + float to float64 and continues RangeIndexes', () => {
    const p = new DataFrame({ v: [1, 2] });
    const q = new DataFrame({ v: [0.5] });
    const c = concat([p, q]) as DataFrame;
    expect(c.dtypes.v).toBe('float64');
    expect(c.col('v').toArray()).toEqual([1, 2, 0.5]);
    expect(c.index.toArray()).toEqual([0, 1, 0]);
    const r = concat([p, p.iloc({ start: 0 }) as DataFrame, new DataFrame({ v: [9] }, { index: new RangeIndex(1, { start: 2 }) })]) as DataFrame;
    expect(r.index.toArray()).toEqual([0, 1, 0, 1, 2]);
  });
  it('Series: axis 0 stacks, axis 1 makes columns', () => {
    const s1 = new Series([1, 2], { name: 's' });
    const s2 = new Series([3], { name: 's' });
    const s = concat([s1, s2]) as Series;
    expect(s.toArray()).toEqual([1, 2, 3]);
    expect(s.name).toBe('s');
    // An unnamed Series is named after its position (pandas: the integer 0).
    const f = concat([new Series(['u', 'v']), new Series([1, 2], { name: 'p' })], { axis: 1 }) as DataFrame;
    expect(f.columns).toEqual(['0', 'p']);
    expect(f.toRecords()).toEqual([{ 0: 'u', p: 1 }, { 0: 'v', p: 2 }]);
  });
  it('errors: no common dtype, repeated columns on axis 1, nothing to concatenate', () => {
    expect(() => concat([new DataFrame({ v: [1] }), new DataFrame({ v: ['a'] })])).toThrow(/column 'v': its dtypes int64, string have no common dtype/);
    expect(() => concat([a, a], { axis: 1 })).toThrow(/column 'x' appears in more than one input/);
    expect(() => concat([])).toThrow(/at least one/);
  });
});
