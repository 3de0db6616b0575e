/**
 * pivot / pivotTable / stack / unstack / melt against pandas 1.5.3 (/usr/bin/python3). The stack
 * frame is the pandas reshaping-docs frame with deterministic values:
 *   index = MultiIndex.from_tuples(zip(['bar','bar','baz','baz'], ['one','two','one','two']), names=['first','second'])
 *   df2 = DataFrame(np.arange(1, 9).reshape(4, 2) * 1.5, index=index, columns=['A', 'B'])
 * Expected layouts are pandas' printed `index.tolist()`, `columns.tolist()` and `values.tolist()`.
 */
import { describe, expect, it } from 'vitest';
import { DataFrame, MultiIndex, Series, ValueError, melt, pivotTable, stack, unstack } from '../../src/index.js';

const rowsOf = (d: DataFrame): unknown[][] => Array.from({ length: d.length }, (_, i) => d.columnList.map((c) => c.get(i)));

describe('pivot', () => {
  const p = new DataFrame({ foo: ['one', 'one', 'one', 'two', 'two', 'two'], bar: ['A', 'B', 'C', 'A', 'B', 'C'], baz: [1, 2, 3, 4, 5, 6], zoo: ['x', 'y', 'z', 'q', 'w', 't'] });

  it('the pandas docs foo/bar/baz example', () => {
    const r = p.pivot({ index: 'foo', columns: 'bar', values: 'baz' });
    expect(r.index.toArray()).toEqual(['one', 'two']);
    expect(r.index.name).toBe('foo');
    expect(r.columns).toEqual(['A', 'B', 'C']);
    expect(r.columnIndex.name).toBe('bar');
    expect(rowsOf(r)).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('several values give MultiIndex columns (value, label)', () => {
    const r = p.pivot({ index: 'foo', columns: 'bar' });
    expect(r.columnIndex).toBeInstanceOf(MultiIndex);
    expect(r.columnIndex.toArray()).toEqual([['baz', 'A'], ['baz', 'B'], ['baz', 'C'], ['zoo', 'A'], ['zoo', 'B'], ['zoo', 'C']]);
    expect(rowsOf(r)).toEqual([[1, 2, 3, 'x', 'y', 'z'], [4, 5, 6, 'q', 'w', 't']]);
  });

  it('duplicate (index, columns) pairs raise naming the first duplicate', () => {
    const d = new DataFrame({ foo: ['one', 'one', 'two', 'two'], bar: ['A', 'A', 'B', 'C'], baz: [1, 2, 3, 4] });
    expect(() => d.pivot({ index: 'foo', columns: 'bar', values: 'baz' })).toThrow(ValueError);
    expect(() => d.pivot({ index: 'foo', columns: 'bar', values: 'baz' })).toThrow(/foo=one, bar=A\) appears in rows 0 and 1/);
    expect(() => d.pivot({ index: 'foo', columns: 'nope', values: 'baz' })).toThrow(/Unknown column 'nope'/);
  });
});

describe('pivotTable', () => {
  const pt = new DataFrame({
    A: ['foo', 'foo', 'foo', 'foo', 'foo', 'bar', 'bar', 'bar', 'bar'],
    B: ['one', 'one', 'one', 'two', 'two', 'one', 'one', 'two', 'two'],
    C: ['small', 'large', 'large', 'small', 'small', 'large', 'small', 'small', 'large'],
    D: [1, 2, 2, 3, 3, 4, 5, 6, 7],
    E: [2, 4, 5, 5, 6, 6, 8, 9, 9],
  });

  it('sum with and without fillValue (pandas docs example)', () => {
    // pandas: pivot_table(values='D', index=['A','B'], columns=['C'], aggfunc=np.sum)
    //   large {(bar,one): 4, (bar,two): 7, (foo,one): 4, (foo,two): nan}; small {5, 6, 1, 6}
    const r = pivotTable(pt, { values: 'D', index: ['A', 'B'], columns: ['C'], aggfunc: 'sum' });
    expect(r.index.toArray()).toEqual([['bar', 'one'], ['bar', 'two'], ['foo', 'one'], ['foo', 'two']]);
    expect(r.columns).toEqual(['large', 'small']);
    expect(r.col('large').toArray()).toEqual([4, 7, 4, null]);
    expect(r.col('small').toArray()).toEqual([5, 6, 1, 6]);
    const f = pt.pivotTable({ values: 'D', index: ['A', 'B'], columns: ['C'], aggfunc: 'sum', fillValue: 0 });
    expect(f.col('large').toArray()).toEqual([4, 7, 4, 0]);
  });

  it('several aggfuncs or several values give MultiIndex columns', () => {
    // pandas: pivot_table(pt, values='D', index='A', columns='C', aggfunc=['sum','max'])
    //   columns [(sum,large),(sum,small),(max,large),(max,small)], values [[11,11,7,6],[4,7,2,3]]
    const a = pt.pivotTable({ values: 'D', index: 'A', columns: 'C', aggfunc: ['sum', 'max'] });
    expect(a.columnIndex.toArray()).toEqual([['sum', 'large'], ['sum', 'small'], ['max', 'large'], ['max', 'small']]);
    expect(rowsOf(a)).toEqual([[11, 11, 7, 6], [4, 7, 2, 3]]);
    // pandas: pivot_table(pt, values=['D','E'], index='A', columns='C', aggfunc='sum')
    //   columns [(D,large),(D,small),(E,large),(E,small)], values [[11,11,15,17],[4,7,9,13]]
    const b = pt.pivotTable({ values: ['D', 'E'], index: 'A', columns: 'C', aggfunc: 'sum' });
    expect(b.columnIndex.toArray()).toEqual([['D', 'large'], ['D', 'small'], ['E', 'large'], ['E', 'small']]);
    expect(rowsOf(b)).toEqual([[11, 11, 15, 17], [4, 7, 9, 13]]);
    expect(() => pt.pivotTable({ values: 'D', index: 'A', columns: 'C', aggfunc: 'avg' })).toThrow(/mean/);
  });

  it('mean of several values without columns', () => {
    // pandas: pivot_table(values=['D','E'], index=['A','C'], aggfunc=np.mean)
    const r = pt.pivotTable({ values: ['D', 'E'], index: ['A', 'C'], aggfunc: 'mean' });
    expect(r.columns).toEqual(['D', 'E']);
    expect(r.index.toArray()).toEqual([['bar', 'large'], ['bar', 'small'], ['foo', 'large'], ['foo', 'small']]);
    expect(r.col('D').toArray()).toEqual([5.5, 5.5, 2.0, 2.3333333333333335]);
    expect(r.col('E').toArray()).toEqual([7.5, 8.5, 4.5, 4.333333333333333]);
  });
});

describe('stack and unstack (pandas reshaping docs)', () => {
  const index = MultiIndex.fromTuples([['bar', 'one'], ['bar', 'two'], ['baz', 'one'], ['baz', 'two']], { names: ['first', 'second'] });
  const df2 = new DataFrame({ A: [1.5, 4.5, 7.5, 10.5], B: [3.0, 6.0, 9.0, 12.0] }, { index });

  it('stack() gives a Series with a third level', () => {
    const s = df2.stack() as Series;
    expect(s).toBeInstanceOf(Series);
    expect(s.index.names).toEqual(['first', 'second', null]);
    expect(s.index.toArray()).toEqual([
      ['bar', 'one', 'A'], ['bar', 'one', 'B'], ['bar', 'two', 'A'], ['bar', 'two', 'B'],
      ['baz', 'one', 'A'], ['baz', 'one', 'B'], ['baz', 'two', 'A'], ['baz', 'two', 'B'],
    ]);
    expect(s.toArray()).toEqual([1.5, 3.0, 4.5, 6.0, 7.5, 9.0, 10.5, 12.0]);
  });

  it('unstack(), unstack(1), unstack(0)', () => {
    const s = stack(df2) as Series;
    const u = unstack(s);
    expect(u.index.toArray()).toEqual([['bar', 'one'], ['bar', 'two'], ['baz', 'one'], ['baz', 'two']]);
    expect(u.columns).toEqual(['A', 'B']);
    expect(rowsOf(u)).toEqual([[1.5, 3.0], [4.5, 6.0], [7.5, 9.0], [10.5, 12.0]]);

    const u1 = unstack(s, 1);
    expect(u1.index.toArray()).toEqual([['bar', 'A'], ['bar', 'B'], ['baz', 'A'], ['baz', 'B']]);
    expect(u1.columns).toEqual(['one', 'two']);
    expect(u1.columnIndex.name).toBe('second');
    expect(rowsOf(u1)).toEqual([[1.5, 4.5], [3.0, 6.0], [7.5, 10.5], [9.0, 12.0]]);

    const u0 = unstack(s, 0);
    expect(u0.index.toArray()).toEqual([['one', 'A'], ['one', 'B'], ['two', 'A'], ['two', 'B']]);
    expect(u0.columns).toEqual(['bar', 'baz']);
    expect(u0.columnIndex.name).toBe('first');
    expect(rowsOf(u0)).toEqual([[1.5, 7.5], [3.0, 9.0], [4.5, 10.5], [6.0, 12.0]]);
  });

  it('unstack of a frame gives (column, level value) columns', () => {
    // pandas: df2.unstack().columns -> [(A,one), (A,two), (B,one), (B,two)], values [[1.5,4.5,3,6],[7.5,10.5,9,12]]
    const u = df2.unstack();
    expect(u.columnIndex.toArray()).toEqual([['A', 'one'], ['A', 'two'], ['B', 'one'], ['B', 'two']]);
    expect(rowsOf(u)).toEqual([[1.5, 4.5, 3.0, 6.0], [7.5, 10.5, 9.0, 12.0]]);
  });

  it('stack of MultiIndex columns, by the last level and by name', () => {
    const cols = MultiIndex.fromArrays([['A', 'B', 'B', 'A'], ['cat', 'dog', 'cat', 'dog']], { names: ['exp', 'animal'] });
    const withIndex = new DataFrame({ A_cat: [1, 5], B_dog: [2, 6], B_cat: [3, 7], A_dog: [4, 8] }, { index: ['x', 'y'], columnIndex: cols });
    // pandas: d3.stack() -> index [(x,cat),(x,dog),(y,cat),(y,dog)], columns [A, B], values [[1,3],[4,2],[5,7],[8,6]]
    const s = withIndex.stack() as DataFrame;
    expect(s.index.toArray()).toEqual([['x', 'cat'], ['x', 'dog'], ['y', 'cat'], ['y', 'dog']]);
    expect(s.columns).toEqual(['A', 'B']);
    expect(rowsOf(s)).toEqual([[1, 3], [4, 2], [5, 7], [8, 6]]);
    // pandas: d3.stack('exp') -> index [(x,A),(x,B),(y,A),(y,B)], columns [cat, dog], values [[1,4],[3,2],[5,8],[7,6]]
    const e = withIndex.stack('exp') as DataFrame;
    expect(e.index.toArray()).toEqual([['x', 'A'], ['x', 'B'], ['y', 'A'], ['y', 'B']]);
    expect(e.columns).toEqual(['cat', 'dog']);
    expect(rowsOf(e)).toEqual([[1, 4], [3, 2], [5, 8], [7, 6]]);
  });
});

describe('melt', () => {
  it('melt then pivot back round-trips', () => {
    const wide = new DataFrame({ id: ['a', 'b', 'c'], x: [1.5, 2.5, 3.5], y: [10, 20, 30] });
    const long = melt(wide, { idVars: 'id', valueVars: ['x', 'y'] });
    // pandas: pd.melt(wide, id_vars='id', value_vars=['x','y']) -> id a b c a b c, variable x x x y y y
    expect(long.columns).toEqual(['id', 'variable', 'value']);
    expect(long.col('id').toArray()).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    expect(long.col('variable').toArray()).toEqual(['x', 'x', 'x', 'y', 'y', 'y']);
    expect(long.col('value').toArray()).toEqual([1.5, 2.5, 3.5, 10, 20, 30]);
    const back = long.pivot({ index: 'id', columns: 'variable', values: 'value' });
    expect(back.index.toArray()).toEqual(['a', 'b', 'c']);
    expect(back.columns).toEqual(['x', 'y']);
    expect(back.col('x').toArray()).toEqual([1.5, 2.5, 3.5]);
    expect(back.col('y').toArray()).toEqual([10, 20, 30]);
    expect(() => melt(wide, { idVars: 'ID' })).toThrow(/'id'/);
  });
});
