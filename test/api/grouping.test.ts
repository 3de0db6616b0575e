/**
 * Public API contract, section "Grouping and reshaping" of /work/shared/API.md, through the package
 * root. Expected values are worked out by hand (stated beside each) and follow pandas semantics (spot-checked with /usr/bin/python3, pandas 1.5.3).
 */
import { describe, expect, it } from 'vitest';
import * as gf from '../../src/index.js';

// k: a b a b b; v: 1 2 3 4 9; w: 10 20 30 40 90.
// Groups: a -> v {1, 3}, w {10, 30}; b -> v {2, 4, 9}, w {20, 40, 90}.
const kv = (): gf.DataFrame => new gf.DataFrame({ k: ['a', 'b', 'a', 'b', 'b'], v: [1, 2, 3, 4, 9], w: [10, 20, 30, 40, 90] });

describe('API.md Grouping', () => {
  it("df.groupby(['Sex', 'Child']).col('Survived').mean() is a Series with a MultiIndex", () => {
    const df = new gf.DataFrame({ Sex: ['f', 'm', 'f', 'm', 'f'], Child: [true, false, false, false, true], Survived: [1, 0, 1, 1, 0] });
    const r = df.groupby(['Sex', 'Child']).col('Survived').mean();
    expect(r.index).toBeInstanceOf(gf.MultiIndex);
    expect(r.index.names).toEqual(['Sex', 'Child']);
    // (f,false): {1} -> 1; (f,true): {1, 0} -> 0.5; (m,false): {0, 1} -> 0.5. Keys sorted as pandas.
    expect(r.index.toArray()).toEqual([['f', false], ['f', true], ['m', false]]);
    expect(r.toArray()).toEqual([1, 0.5, 0.5]);
  });

  it("df.groupby('k').agg({ v: ['mean', 'sum', 'count'], w: 'max' })", () => {
    const r = kv().groupby('k').agg({ v: ['mean', 'sum', 'count'], w: 'max' });
    // Column labels form a MultiIndex (v, mean) ...; df.columns joins them with '_' (README design notes).
    expect(r.columns).toEqual(['v_mean', 'v_sum', 'v_count', 'w_max']);
    expect(r.index.toArray()).toEqual(['a', 'b']);
    expect(r.col('v_mean').toArray()).toEqual([2, 5]); // (1+3)/2, (2+4+9)/3
    expect(r.col('v_sum').toArray()).toEqual([4, 15]);
    expect(r.col('v_count').toArray()).toEqual([2, 3]);
    expect(r.col('w_max').toArray()).toEqual([30, 90]);
  });

  it('df.groupby(k).mean | sum | count | size | min | max | std | var | median | first | last | nunique | quantile(q)', () => {
    const g = kv().groupby('k');
    expect(g.mean().toColumns()).toEqual({ v: [2, 5], w: [20, 50] });
    expect(g.sum().toColumns()).toEqual({ v: [4, 15], w: [40, 150] });
    expect(g.count().toColumns()).toEqual({ v: [2, 3], w: [2, 3] });
    expect(g.size().toArray()).toEqual([2, 3]);
    expect(g.min().col('v').toArray()).toEqual([1, 2]);
    expect(g.max().col('v').toArray()).toEqual([3, 9]);
    // a: var of {1, 3} = 2; b: mean 5, squared deviations 9 + 1 + 16 = 26, var 13.
    expect(g.var().col('v').toArray()).toEqual([2, 13]);
    expect(g.std().col('v').toArray()).toEqual([Math.SQRT2, Math.sqrt(13)]);
    expect(g.median().col('v').toArray()).toEqual([2, 4]);
    expect(g.first().col('v').toArray()).toEqual([1, 2]);
    expect(g.last().col('v').toArray()).toEqual([3, 9]);
    expect(g.nunique().col('v').toArray()).toEqual([2, 3]);
    // b sorted {2, 4, 9}: q = 0.75 -> position 1.5 -> 4 + 0.5 * 5 = 6.5; a {1, 3}: position 0.75 -> 2.5.
    expect(g.quantile(0.75).col('v').toArray()).toEqual([2.5, 6.5]);
  });

  it("df.groupby('k').transform('mean' | fn), .apply(fn), .filter(fn), .cumsum()", () => {
    const g = kv().groupby('k');
    expect(g.transform('mean').col('v').toArray()).toEqual([2, 5, 2, 5, 5]);
    const centred = g.transform((s) => s.sub(s.mean()));
    expect(centred.col('v').toArray()).toEqual([-1, -3, 1, -1, 4]);
    const span = g.apply((grp) => Number(grp.col('v').max()) - Number(grp.col('v').min()));
    expect(span).toBeInstanceOf(gf.Series); // a scalar per group gives a Series, as pandas
    if (span instanceof gf.Series) expect(span.toArray()).toEqual([2, 7]);
    expect(g.filter((grp) => grp.length > 2).col('v').toArray()).toEqual([2, 4, 9]);
    expect(g.cumsum().col('v').toArray()).toEqual([1, 2, 4, 6, 15]); // a: 1, 4; b: 2, 6, 15
  });

  it('df.groupby(df.index.dt.year) / groupby(series) / groupby(fn of index label)', () => {
    const days = [Date.UTC(2020, 0, 1), Date.UTC(2020, 6, 1), Date.UTC(2021, 0, 1)].map((ms) => new Date(ms));
    const df = new gf.DataFrame({ v: [1, 2, 10] }, { index: new gf.Index(days) });
    const byYear = df.groupby(df.index.dt.year).sum();
    expect(byYear.index.toArray()).toEqual([2020, 2021]);
    expect(byYear.col('v').toArray()).toEqual([3, 10]);
    const bySeries = kv().groupby(new gf.Series(['x', 'x', 'y', 'y', 'y'])).col('v').sum();
    expect(bySeries.toArray()).toEqual([3, 16]); // x: 1 + 2; y: 3 + 4 + 9
    const byFn = kv().groupby((label) => (Number(label) % 2 === 0 ? 'even' : 'odd')).col('w').sum();
    expect(byFn.index.toArray()).toEqual(['even', 'odd']);
    expect(byFn.toArray()).toEqual([130, 60]); // rows 0, 2, 4: 10 + 30 + 90; rows 1, 3: 20 + 40
  });

  it("df.pivot({ index: 'foo', columns: 'bar', values: 'baz' }); duplicate pairs raise naming them", () => {
    const df = new gf.DataFrame({ foo: ['one', 'one', 'two', 'two'], bar: ['A', 'B', 'A', 'B'], baz: [1, 2, 3, 4] });
    const p = df.pivot({ index: 'foo', columns: 'bar', values: 'baz' });
    expect(p.index.toArray()).toEqual(['one', 'two']);
    expect(p.toColumns()).toEqual({ A: [1, 3], B: [2, 4] });
    const dup = new gf.DataFrame({ foo: ['one', 'one'], bar: ['A', 'A'], baz: [1, 2] });
    expect(() => dup.pivot({ index: 'foo', columns: 'bar', values: 'baz' })).toThrow(/one.*A/);
  });

  it("df.pivotTable({ index, columns, values, aggfunc: 'mean', fillValue })", () => {
    const df = new gf.DataFrame({ r: ['x', 'x', 'x', 'y'], c: ['p', 'p', 'q', 'p'], n: [1, 3, 5, 7] });
    const t = df.pivotTable({ index: 'r', columns: 'c', values: 'n', aggfunc: 'mean', fillValue: 0 });
    // (x,p): mean(1, 3) = 2; (x,q): 5; (y,p): 7; (y,q) empty -> fillValue 0.
    expect(t.index.toArray()).toEqual(['x', 'y']);
    expect(t.col('p').toArray()).toEqual([2, 7]);
    expect(t.col('q').toArray()).toEqual([5, 0]);
  });

  it('df.stack(level?), df.unstack(level?: number | string), df.melt({ idVars, valueVars, varName, valueName })', () => {
    const wide = new gf.DataFrame({ A: [1, 2], B: [3, 4] }, { index: ['r', 's'] });
    const st = wide.stack();
    expect(st).toBeInstanceOf(gf.Series);
    if (!(st instanceof gf.Series)) return;
    expect(st.index.toArray()).toEqual([['r', 'A'], ['r', 'B'], ['s', 'A'], ['s', 'B']]);
    expect(st.toArray()).toEqual([1, 3, 2, 4]);
    const long = new gf.DataFrame({ k1: ['r', 'r', 's'], k2: ['A', 'B', 'A'], v: [1, 3, 2] }).setIndex(['k1', 'k2']);
    const un = long.unstack('k2');
    expect(un.index.toArray()).toEqual(['r', 's']);
    expect(un.columns).toEqual(['v_A', 'v_B']); // (v, A), (v, B) joined with '_'
    expect(un.col('v_B').toArray()).toEqual([3, null]);
    expect(long.unstack(1).columns).toEqual(['v_A', 'v_B']);
    expect(long.unstack(0).index.toArray()).toEqual(['A', 'B']); // level 0 (k1) moves to the columns
    expect(long.unstack(0).columns).toEqual(['v_r', 'v_s']);
    // stack(level) on MultiIndex columns: the named level goes back to the rows; the all-missing (s, B)
    // row is dropped, as pandas' stack (dropna) does.
    const restacked = un.stack('k2');
    expect(restacked).toBeInstanceOf(gf.DataFrame);
    if (restacked instanceof gf.DataFrame) {
      expect(restacked.index.toArray()).toEqual([['r', 'A'], ['r', 'B'], ['s', 'A']]);
      expect(restacked.col('v').toArray()).toEqual([1, 3, 2]);
    }
    const byVar = un.stack(0);
    expect(byVar instanceof gf.DataFrame ? byVar.columns : null).toEqual(['A', 'B']);
    const m = wide.resetIndex().melt({ idVars: 'index', valueVars: ['A', 'B'], varName: 'col', valueName: 'val' });
    expect(m.toColumns()).toEqual({ index: ['r', 's', 'r', 's'], col: ['A', 'A', 'B', 'B'], val: [1, 2, 3, 4] });
  });

  it('MultiIndex.fromTuples(tuples, { names }), MultiIndex.fromProduct(levels, { names })', () => {
    const t = gf.MultiIndex.fromTuples([['a', 1], ['b', 2]], { names: ['L', 'N'] });
    expect(t.nlevels).toBe(2);
    expect(t.names).toEqual(['L', 'N']);
    expect(t.toArray()).toEqual([['a', 1], ['b', 2]]);
    const p = gf.MultiIndex.fromProduct([['a', 'b'], [1, 2]], { names: ['L', 'N'] });
    expect(p.length).toBe(4);
    expect(p.toArray()).toEqual([['a', 1], ['a', 2], ['b', 1], ['b', 2]]);
    expect(p.getLoc(['b', 1])).toEqual([2]);
  });
});
