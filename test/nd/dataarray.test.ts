/**
 * DataArray and Dataset semantics. Expected values are computed by hand; where noted they match what
 * xarray prints for the same construction (python3-xarray, e.g. `(a + b)` aligning on `x` by inner join).
 */
import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { DataArray, Dataset, NDArray, formatCalendarTime } from '../../src/nd/index.js';
import { KeyError, ValueError } from '../../src/errors.js';
import { Series } from '../../src/frame/series.js';
import { MultiIndex } from '../../src/frame/multi-index.js';

const da = new DataArray([[1, 2, 3], [4, 5, 6]], {
  dims: ['x', 'y'], coords: { x: [10, 20], y: ['a', 'b', 'c'] }, name: 'v', attrs: { units: 'K' },
});

describe('DataArray', () => {
  it('holds dims, shape, coords, attrs and name', () => {
    expect(da.dims).toEqual(['x', 'y']);
    expect(da.shape).toEqual([2, 3]);
    expect(da.sizes).toEqual({ x: 2, y: 3 });
    expect(da.coords.y.values.toArray()).toEqual(['a', 'b', 'c']);
    expect(da.attrs.units).toBe('K');
    expect(da.values).toBeInstanceOf(NDArray);
    const flat = new DataArray(new Float64Array([1, 2, 3, 4, 5, 6]), { dims: ['x', 'y'], coords: { x: [0, 1], y: [0, 1, 2] } });
    expect(flat.shape).toEqual([2, 3]);
  });

  it('isel and sel (exact, nearest, pad/backfill, lists, inclusive label slices)', () => {
    expect(da.isel({ x: 1 }).values.toArray()).toEqual([4, 5, 6]);
    expect(da.isel({ y: [2, 0] }).values.toArray()).toEqual([[3, 1], [6, 4]]);
    expect(da.isel({ y: [2, 0] }).coords.y.values.toArray()).toEqual(['c', 'a']);
    expect(da.sel({ y: 'b' }).values.toArray()).toEqual([2, 5]);
    expect(da.sel({ x: 14 }, { method: 'nearest' }).values.toArray()).toEqual([1, 2, 3]);
    expect(da.sel({ x: 16 }, { method: 'nearest' }).values.toArray()).toEqual([4, 5, 6]);
    expect(da.sel({ x: 19 }, { method: 'pad' }).coords.x.values.toArray()).toBe(10);
    expect(da.sel({ x: 11 }, { method: 'backfill' }).coords.x.values.toArray()).toBe(20);
    expect(() => da.sel({ x: 100 }, { method: 'nearest', tolerance: 5 })).toThrow(KeyError);
    expect(da.sel({ y: { start: 'b', stop: 'c' } }).values.toArray()).toEqual([[2, 3], [5, 6]]);
    expect(da.sel({ x: { start: 5, stop: 10 } }).shape).toEqual([1, 3]);
    expect(() => da.sel({ y: 'z' })).toThrow(/"z" is not a label of 'y'/);
    expect(() => da.isel({ q: 0 })).toThrow(/Unknown dimension 'q'/);
    expect(() => da.isel({ x: 5 })).toThrow(/out of bounds/);
  });

  it('broadcasts by dimension name and aligns coordinates (inner join, as xarray)', () => {
    const b = new DataArray([100, 200], { dims: ['x'], coords: { x: [20, 30] } });
    const s = da.add(b);
    expect(s.dims).toEqual(['x', 'y']);
    expect(s.coords.x.values.toArray()).toEqual([20]);
    expect(s.values.toArray()).toEqual([[104, 105, 106]]);
    const col = new DataArray([1, 2, 3], { dims: ['y'], coords: { y: ['a', 'b', 'c'] } });
    expect(da.mul(col).values.toArray()).toEqual([[1, 4, 9], [4, 10, 18]]);
    const z = new DataArray([1, -1], { dims: ['z'] });
    const outer = da.sub(z);
    expect(outer.dims).toEqual(['x', 'y', 'z']);
    expect(outer.values.get(1, 2, 1)).toBe(7);
    expect(da.sub(1).attrs).toEqual({});
    expect(da.compare('gt', 3).values.toArray()).toEqual([[false, false, false], [true, true, true]]);
    expect(() => da.add(new DataArray([1, 2], { dims: ['y'] }))).toThrow(ValueError);
  });

  it('reduces by dimension name', () => {
    expect(da.sum('x').values.toArray()).toEqual([5, 7, 9]);
    expect(da.sum('x').coords.y.values.toArray()).toEqual(['a', 'b', 'c']);
    expect('x' in da.sum('x').coords).toBe(false);
    expect(da.mean(['x', 'y']).values.toArray()).toBe(3.5);
    expect(da.max('y').values.toArray()).toEqual([3, 6]);
    expect(da.median('y').values.toArray()).toEqual([2, 5]);
    expect(da.std('y').values.toFloat64()[0]).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(da.where(da.compare('ge', 3)).sum().values.toArray()).toBe(18);
  });

  it('groups by a coordinate and by time components; resamples monthly', () => {
    const g = new DataArray([1, 2, 3, 4], { dims: ['t'], coords: { t: [0, 1, 2, 3], kind: [['t'], ['b', 'a', 'b', 'a']] } });
    const byKind = g.groupby('kind').mean();
    expect(byKind.dims).toEqual(['kind']);
    expect(byKind.coords.kind.values.toArray()).toEqual(['a', 'b']);
    expect(byKind.values.toArray()).toEqual([3, 2]);
    // 2-D, groups interleaved along the middle axis, with NaN (hand-computed)
    const g2 = new DataArray([[[1, 2], [3, NaN], [5, 6]], [[7, 8], [9, 10], [11, 12]]], { dims: ['a', 't', 'b'], coords: { kind: [['t'], ['p', 'q', 'p']] } });
    const m2 = g2.groupby('kind').mean();
    expect(m2.dims).toEqual(['a', 'kind', 'b']);
    expect(m2.values.toArray()).toEqual([[[3, 4], [3, NaN]], [[9, 10], [9, 10]]]);
    expect(g2.groupby('kind').var().values.toArray()).toEqual([[[4, 4], [0, NaN]], [[4, 4], [0, 0]]]);
    expect(g2.groupby('kind').max({ skipna: false }).values.toArray()).toEqual([[[5, 6], [3, NaN]], [[11, 12], [9, 10]]]);
    expect(g2.groupby('kind').median().values.toArray()).toEqual([[[3, 4], [3, NaN]], [[9, 10], [9, 10]]]);
    const days = Array.from({ length: 70 }, (_, i) => new Date(Date.UTC(2001, 0, 1 + i)));
    const ts = new DataArray(days.map((_, i) => i), { dims: ['time'], coords: { time: days } });
    // Jan: 0..30 (mean 15), Feb: 31..58 (mean 44.5), Mar 1..11: 59..69 (mean 64)
    expect(ts.groupby('time.month').mean().values.toArray()).toEqual([15, 44.5, 64]);
    const ms = ts.resample({ time: 'MS' }).sum();
    expect(Array.from(ms.coords.time.values.toFloat64(), (v) => formatCalendarTime(v, 'standard'))).toEqual(['2001-01-01', '2001-02-01', '2001-03-01']);
    expect(ms.values.toArray()).toEqual([465, 1246, 704]);
    const me = ts.resample({ time: '1M' }).count();
    expect(Array.from(me.coords.time.values.toFloat64(), (v) => formatCalendarTime(v, 'standard'))).toEqual(['2001-01-31', '2001-02-28', '2001-03-31']);
    expect(me.values.toArray()).toEqual([31, 28, 11]);
    expect(() => ts.groupby('time.week')).toThrow(/Unknown time component/);
    expect(() => ts.resample({ time: '2W' })).toThrow(/Unsupported resample rule/);
  });

  it('converts to a Series with a MultiIndex and back', () => {
    const s = da.toSeries();
    expect(s.index).toBeInstanceOf(MultiIndex);
    expect(Array.from(s.values as Float64Array)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((s.index as MultiIndex).names).toEqual(['x', 'y']);
    const back = DataArray.fromSeries(s);
    expect(back.dims).toEqual(['x', 'y']);
    expect(back.values.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(back.coords.y.values.toArray()).toEqual(['a', 'b', 'c']);
    const sparse = new Series([1, 2], { index: MultiIndex.fromTuples([['a', 1], ['b', 2]], { names: ['k', 'n'] }), name: 's' });
    expect(DataArray.fromSeries(sparse).values.toArray()).toEqual([[1, NaN], [NaN, 2]]);
    const df = da.toDataFrame();
    expect(df.columns).toEqual(['v']);
    expect(df.shape).toEqual([6, 1]);
  });

  it('prints like xarray', () => {
    const text = inspect(da);
    expect(text).toContain("<gridframe.DataArray 'v' (x: 2, y: 3)>");
    expect(text).toContain('  * x      (x) float64 10 20');
    expect(text).toContain("  * y      (y) object 'a' 'b' 'c'");
    expect(text).toContain('    units: K');
  });
});

describe('Dataset', () => {
  const ds = new Dataset(
    { a: [['x', 'y'], [[1, 2], [3, 4], [5, 6], [7, 8]]], b: [['z', 'x'], Array.from({ length: 6 }, (_, i) => [i, i, i, i])] },
    { coords: { x: [0, 1, 2, 3], y: [-2, -1], z: [-3, -2, -1, 0, 1, 2] }, attrs: { title: 't' } },
  );

  it('exposes dims, dataVars and get', () => {
    expect(ds.sizes).toEqual({ x: 4, y: 2, z: 6 });
    expect(Object.keys(ds.dataVars)).toEqual(['a', 'b']);
    expect(ds.get('a').coords.y.values.toArray()).toEqual([-2, -1]);
    expect(() => ds.get('c')).toThrow(KeyError);
  });

  it('selects, reduces and maps over every variable', () => {
    const s = ds.sel({ x: 2 });
    expect(s.get('a').values.toArray()).toEqual([5, 6]);
    expect(s.get('b').dims).toEqual(['z']);
    const m = ds.mean('x');
    expect(m.get('a').values.toArray()).toEqual([4, 5]);
    expect(m.get('b').values.toArray()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ds.sub(1).get('a').values.get(0, 0)).toBe(0);
    expect(() => ds.mean('w')).toThrow(/Unknown dimension 'w'/);
    expect(inspect(ds)).toContain('Dimensions:  (x: 4, y: 2, z: 6)');
    expect(ds.toDataFrame().columns).toEqual(['a', 'b']);
    expect(ds.toDataFrame().shape).toEqual([48, 2]);
  });

  it('rejects inconsistent dimension sizes', () => {
    expect(() => new Dataset({ a: [['x'], [1, 2]], b: [['x'], [1, 2, 3]] })).toThrow(/conflicting sizes for dimension 'x'/);
  });
});
