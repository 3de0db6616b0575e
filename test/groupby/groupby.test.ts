/**
 * GroupBy against pandas 1.5.3 (/usr/bin/python3). The small frame is
 *   df = pd.DataFrame({'k': ['b','a','b','a','c',None], 'j': [1,1,2,1,1,2], 'v': [1,2,3,4,5,6],
 *                      'w': [1.5,None,2.5,3,4,7]})
 * and each expected value is the printed result of the pandas call named in the test.
 */
import { describe, expect, it } from 'vitest';
import { DataFrame, MultiIndex, Series, readCsv } from '../../src/index.js';
import { KeyError, TypeError_ } from '../../src/errors.js';
import { closeTo, hasShared, shared } from '../helpers.js';

const df = new DataFrame({ k: ['b', 'a', 'b', 'a', 'c', null], j: [1, 1, 2, 1, 1, 2], v: [1, 2, 3, 4, 5, 6], w: [1.5, null, 2.5, 3, 4, 7] });

describe('lesson examples', () => {
  it.skipIf(!hasShared)('titanic: groupby([Sex, Child]).col(Survived).mean()', async () => {
    const t = await readCsv(shared('pandas-doc-data/titanic.csv'));
    // Child = Age < 12; a missing age compares false, so it is not a child (as pandas).
    const d = t.assign({ Child: t.col('Age').lt(12) });
    const s = d.groupby(['Sex', 'Child']).col('Survived').mean();
    expect(s.index).toBeInstanceOf(MultiIndex);
    expect(s.index.names).toEqual(['Sex', 'Child']);
    expect(s.index.toArray()).toEqual([['female', false], ['female', true], ['male', false], ['male', true]]);
    // pandas: 0.758865, 0.593750, 0.164510, 0.555556 (printed to 6 places)
    const want = [0.758865, 0.59375, 0.16451, 0.555556];
    (s.toArray() as number[]).forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(5e-7));
  });

  it.skipIf(!hasShared)('air quality: monthly climatology and transform(standardize)', async () => {
    const aq = await readCsv(shared('pandas-doc-data/air_quality_no2.csv'), { parseDates: ['datetime'], indexCol: 'datetime' });
    const clim = aq.groupby(aq.index.dt.month).agg({ station_antwerp: 'mean', station_paris: 'max', station_london: 'min' });
    // pandas: aq.groupby(aq.index.month).agg({...}) -> index [5, 6],
    // antwerp [24.344155844155843, 31.916666666666668], paris [97.0, 84.7], london [0.0, 0.0]
    expect(clim.index.toArray()).toEqual([5, 6]);
    expect(closeTo(clim.at(5, 'station_antwerp') as number, 24.344155844155843)).toBe(true);
    expect(closeTo(clim.at(6, 'station_antwerp') as number, 31.916666666666668)).toBe(true);
    expect(clim.col('station_paris').toArray()).toEqual([97.0, 84.7]);
    expect(clim.col('station_london').toArray()).toEqual([0, 0]);

    const z = aq.groupby(aq.index.dt.month).transform((s) => s.sub(s.mean()).div(s.std()));
    // pandas: z.iloc[[0,1,2,100,1000,-1]] of aq.groupby(aq.index.month).transform(lambda s: (s - s.mean()) / s.std())
    expect(z.length).toBe(aq.length);
    const rows = [0, 1, 2, 100, 1000, aq.length - 1];
    const pick = (c: string) => rows.map((r) => z.column(c).toFloat64()[r]);
    const wantParis = [NaN, -0.18382163204589252, -0.0032977063636861126, NaN, -1.004227519553499, -0.49031338146433046];
    const wantLondon = [-0.5172400377520805, -0.9180369463441058, -0.9180369463441058, 0.6851506880239956, NaN, NaN];
    pick('station_paris').forEach((v, i) => expect(closeTo(v, wantParis[i], 1e-9), `paris ${i}`).toBe(true));
    pick('station_london').forEach((v, i) => expect(closeTo(v, wantLondon[i], 1e-9), `london ${i}`).toBe(true));
    expect(closeTo(pick('station_antwerp')[1], 2.1589283126177574, 1e-9)).toBe(true);
    // pandas: z.isna().sum() -> [940, 31, 66]
    expect(z.columns.map((c) => z.column(c).toFloat64().filter((x) => Number.isNaN(x)).length)).toEqual([940, 31, 66]);
  });
});

describe('aggregations', () => {
  it('agg with a per-column spec gives MultiIndex columns', () => {
    const r = df.groupby('k').agg({ v: ['min', 'max'], w: 'max' });
    expect(r.columnIndex).toBeInstanceOf(MultiIndex);
    expect(r.columnIndex.toArray()).toEqual([['v', 'min'], ['v', 'max'], ['w', 'max']]);
    expect(r.index.toArray()).toEqual(['a', 'b', 'c']);
    // pandas: df.groupby('k').agg(['min','max']) -> v min {a:2,b:1,c:5}, v max {a:4,b:3,c:5}, w max {a:3,b:2.5,c:4}
    expect(r.columnList.map((c) => c.toArray())).toEqual([[2, 1, 5], [4, 3, 5], [3, 2.5, 4]]);
  });

  it('mean, sum and count of one column in one call', () => {
    const r = df.groupby('k').agg({ w: ['mean', 'sum', 'count'] });
    // pandas: w mean {a:3, b:2, c:4}; sum {a:3, b:4, c:4}; count {a:1, b:2, c:1}
    expect(r.columnList.map((c) => c.toArray())).toEqual([[3, 2, 4], [3, 4, 4], [1, 2, 1]]);
  });

  it('size over two keys; user function in agg', () => {
    // pandas: df.groupby(['k','j']).size() -> {(a,1): 2, (b,1): 1, (b,2): 1, (c,1): 1}
    const s = df.groupby(['k', 'j']).size();
    expect(s.index.toArray()).toEqual([['a', 1], ['b', 1], ['b', 2], ['c', 1]]);
    expect(s.toArray()).toEqual([2, 1, 1, 1]);
    const spread = df.groupby('k').col('v').agg((x: Series) => (x.max() as number) - (x.min() as number));
    expect(spread.toArray()).toEqual([2, 2, 0]);
  });

  it('quantile with several q adds an inner index level', () => {
    // pandas: df.groupby('k')['v'].quantile([0.25, 0.75]) -> index [(a,.25),(a,.75),(b,.25),(b,.75),(c,.25),(c,.75)],
    // values [2.5, 3.5, 1.5, 2.5, 5.0, 5.0]
    const q = df.groupby('k').col('v').quantile([0.25, 0.75]);
    expect(q.index.toArray()).toEqual([['a', 0.25], ['a', 0.75], ['b', 0.25], ['b', 0.75], ['c', 0.25], ['c', 0.75]]);
    expect(q.toArray()).toEqual([2.5, 3.5, 1.5, 2.5, 5, 5]);
    expect(q.index.names).toEqual(['k', null]);
  });

  it('dropna: false keeps the missing key as the last group; sort: false keeps first appearance', () => {
    // pandas: groupby('k', dropna=False)['v'].sum() -> {a: 6, b: 4, c: 5, nan: 6}
    const a = df.groupby('k', { dropna: false }).col('v').sum();
    expect(a.index.toArray()).toEqual(['a', 'b', 'c', null]);
    expect(a.toArray()).toEqual([6, 4, 5, 6]);
    // pandas: groupby('k', sort=False)['v'].sum() -> {b: 4, a: 6, c: 5}
    const b = df.groupby('k', { sort: false }).col('v').sum();
    expect(b.index.toArray()).toEqual(['b', 'a', 'c']);
    expect(b.toArray()).toEqual([4, 6, 5]);
  });

  it('keys: MultiIndex levels by number or name', () => {
    // pandas: df2.groupby(level='first').sum() -> A {bar: 6.0, baz: 18.0}; groupby(level=1).sum() -> {one: 9.0, two: 15.0}
    const index = MultiIndex.fromTuples([['bar', 'one'], ['bar', 'two'], ['baz', 'one'], ['baz', 'two']], { names: ['first', 'second'] });
    const df2 = new DataFrame({ A: [1.5, 4.5, 7.5, 10.5] }, { index });
    expect(df2.groupby({ level: 'first' }).sum().col('A').toArray()).toEqual([6, 18]);
    expect(df2.groupby('second').sum().col('A').toArray()).toEqual([9, 15]);
    expect(df2.groupby({ level: 1 }).sum().index.toArray()).toEqual(['one', 'two']);
    expect(() => df2.groupby({ level: 'third' })).toThrow(/third/);
  });

  it('keys: a Series, a function of the label, an index level; asIndex false', () => {
    const bySeries = df.groupby(df.col('j')).col('v').sum();
    expect(bySeries.toArray()).toEqual([12, 9]);
    const byFn = df.groupby((label) => (label as number) % 2).col('v').sum();
    expect(byFn.toArray()).toEqual([9, 12]);
    const indexed = df.setIndex('k');
    expect(indexed.groupby({ level: 0 }).col('v').sum().toArray()).toEqual([6, 4, 5]);
    const flat = df.groupby('k', { asIndex: false }).col('v');
    expect(flat.sum().toArray()).toEqual([6, 4, 5]);
    const f = df.groupby('k', { asIndex: false }).sum();
    expect(f.columns).toEqual(['k', 'j', 'v', 'w']);
    expect(f.col('k').toArray()).toEqual(['a', 'b', 'c']);
  });
});

describe('transform, apply, filter, cumulative', () => {
  it('transform by name broadcasts; rows with a dropped key are missing', () => {
    // pandas: df.groupby('k')['w'].transform('mean') -> [2.0, 3.0, 2.0, 3.0, 4.0, nan]
    const t = df.groupby('k').col('w').transform('mean').toArray();
    expect(t.slice(0, 5)).toEqual([2, 3, 2, 3, 4]);
    expect(t[5] === null || Number.isNaN(t[5] as number)).toBe(true);
  });

  it('apply and filter', () => {
    // pandas: df.groupby('k').apply(lambda g: g['v'].max() - g['v'].min()) -> {a: 2, b: 2, c: 0}
    const r = df.groupby('k').apply((g) => (g.col('v').max() as number) - (g.col('v').min() as number)) as Series;
    expect(r.toArray()).toEqual([2, 2, 0]);
    // pandas: df.groupby('k').filter(lambda g: len(g) > 1).index -> [0, 1, 2, 3]
    expect(df.groupby('k').filter((g) => g.length > 1).index.toArray()).toEqual([0, 1, 2, 3]);
    const frames = df.groupby('k').apply((g) => g.head(1)) as DataFrame;
    expect(frames.index.toArray()).toEqual([['a', 1], ['b', 0], ['c', 4]]);
  });

  it('cumsum within groups', () => {
    // pandas: df.groupby('k').cumsum() -> v [1, 2, 4, 6, 5, nan], w [1.5, nan, 4.0, 3.0, 4.0, nan]
    const c = df.groupby('k').cumsum();
    expect(Array.from(c.column('v').toFloat64())).toEqual([1, 2, 4, 6, 5, NaN]);
    expect(Array.from(c.column('w').toFloat64())).toEqual([1.5, NaN, 4, 3, 4, NaN]);
    expect(df.groupby('j').cumcount().toArray()).toEqual([0, 1, 0, 2, 3, 1]);
  });
});

describe('errors', () => {
  it('an unknown key suggests near names', () => {
    expect(() => df.groupby('kk')).toThrow(KeyError);
    expect(() => df.groupby('V')).toThrow(/'v'/);
    expect(() => df.groupby('k').col('vv')).toThrow(KeyError);
    expect(() => df.groupby('k').agg({ ww: 'sum' })).toThrow(/'w'/);
  });
  it('a non-numeric column under a numeric aggregation names the column', () => {
    const d = df.assign({ name: ['p', 'q', 'r', 's', 't', 'u'] });
    expect(() => d.groupby('k').mean()).toThrow(TypeError_);
    expect(() => d.groupby('k').mean()).toThrow(/'name'/);
    expect(d.groupby('k').mean({ numericOnly: true }).columns).toEqual(['j', 'v', 'w']);
    expect(() => d.groupby('k').agg('bogus')).toThrow(KeyError);
  });
});
