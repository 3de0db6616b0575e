/**
 * Public API contract, section "Labelled N-d arrays" of /work/shared/API.md (in-memory part; file
 * I/O is in nd-io.test.ts), through the package root. Expected values are worked out by hand (stated
 * beside each) and follow xarray's documented semantics (std ddof 0, inclusive label slices, inner join on coords).
 */
import { describe, expect, it } from 'vitest';
import * as gf from '../../src/index.js';

/** x: 10 20, y: a b c; values [[1, 2, 3], [4, 5, 6]]. */
const xy = (): gf.DataArray =>
  new gf.DataArray([[1, 2, 3], [4, 5, 6]], { dims: ['x', 'y'], coords: { x: [10, 20], y: ['a', 'b', 'c'] }, attrs: { units: 'K' }, name: 'v' });

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

describe('API.md Labelled N-d arrays', () => {
  it('new DataArray(data, { dims, coords, attrs, name, shape }) from nested arrays, an NDArray, a flat typed array', () => {
    const da = xy();
    expect(da.name).toBe('v');
    const nd = new gf.DataArray(gf.NDArray.from([[1, 2], [3, 4]]), { dims: ['x', 'y'] });
    expect(nd.shape).toEqual([2, 2]);
    expect(nd.values.toArray()).toEqual([[1, 2], [3, 4]]);
    const flat = new gf.DataArray(Float64Array.of(1, 2, 3, 4, 5, 6), { dims: ['x', 'y'], shape: [3, 2] });
    expect(flat.values.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
    // No shape: taken from the coords of the dims (x has 2 labels, y has 3).
    const fromCoords = new gf.DataArray(Float64Array.of(1, 2, 3, 4, 5, 6), { dims: ['x', 'y'], coords: { x: [0, 1], y: [0, 1, 2] } });
    expect(fromCoords.shape).toEqual([2, 3]);
  });

  it('new Dataset({ a: [dims, data], b: [dims, data2], c: someDataArray }, { coords, attrs })', () => {
    const c = new gf.DataArray([7, 8], { dims: ['x'] });
    const ds = new gf.Dataset(
      { a: [['x', 'y'], [[1, 2, 3], [4, 5, 6]]], b: [['z', 'x'], [[1, 2]]], c },
      { coords: { x: [10, 20], y: ['p', 'q', 'r'] }, attrs: { title: 't' } },
    );
    expect(Object.keys(ds.dataVars)).toEqual(['a', 'b', 'c']);
    expect(ds.attrs).toEqual({ title: 't' });
    expect(ds.sizes).toEqual({ x: 2, y: 3, z: 1 });
    expect(ds.get('c').values.toArray()).toEqual([7, 8]);
    expect(ds.get('a').coords.y.values.toArray()).toEqual(['p', 'q', 'r']);
    expect(() => ds.get('tas')).toThrow(gf.KeyError);
  });

  it('da.dims, da.shape, da.coords, da.attrs, da.values (strided typed array), ds.dataVars, ds.get(name)', () => {
    const da = xy();
    expect(da.dims).toEqual(['x', 'y']);
    expect(da.shape).toEqual([2, 3]);
    expect(Object.keys(da.coords).sort()).toEqual(['x', 'y']);
    expect(da.coords.x.values.toArray()).toEqual([10, 20]);
    expect(da.attrs).toEqual({ units: 'K' });
    expect(da.values).toBeInstanceOf(gf.NDArray);
    expect(da.values.data).toBeInstanceOf(Float64Array);
    expect(da.values.strides).toEqual([3, 1]);
    // A transposed view shares the buffer with swapped strides.
    expect(da.transpose('y', 'x').values.strides).toEqual([1, 3]);
  });

  it("da.isel({ x: 0 }), da.sel({ lat, lon }, { method: 'nearest' }), da.sel({ time: { start, stop } })", () => {
    const da = xy();
    const row = da.isel({ x: 0 });
    expect(row.dims).toEqual(['y']);
    expect(row.values.toArray()).toEqual([1, 2, 3]);
    const grid = new gf.DataArray([[1, 2], [3, 4]], { dims: ['lat', 'lon'], coords: { lat: [59, 60], lon: [18, 18.5] } });
    // Nearest to 59.33 is 59; nearest to 18.07 is 18 -> the value at [0, 0].
    expect(grid.sel({ lat: 59.33, lon: 18.07 }, { method: 'nearest' }).values.toArray()).toEqual(1);
    expect(grid.sel({ lat: [59.9, 59.1] }, { method: 'nearest' }).values.toArray()).toEqual([[3, 4], [1, 2]]);
    expect(() => grid.sel({ lat: 59.5 })).toThrow(gf.KeyError); // exact match by default, as xarray
    const ts = new gf.DataArray([1, 2, 3, 4], { dims: ['time'], coords: { time: [utc(2000, 1, 1), utc(2000, 1, 2), utc(2000, 1, 3), utc(2000, 1, 4)] } });
    // Label slices include both ends, as xarray/pandas.
    expect(ts.sel({ time: { start: utc(2000, 1, 2), stop: utc(2000, 1, 3) } }).values.toArray()).toEqual([2, 3]);
    // ISO date strings work as bounds too, as in xarray's ts.sel(time=slice('2000-01-02', '2000-01-03')).
    expect(ts.sel({ time: { start: '2000-01-02', stop: '2000-01-03' } }).values.toArray()).toEqual([2, 3]);
    expect(ts.sel({ time: { start: '2000-01-03' } }).values.toArray()).toEqual([3, 4]);
  });

  it('da.sub(273.15), da.add(other) broadcast by dim name', () => {
    const k = new gf.DataArray([273.15, 283.15], { dims: ['t'] });
    const c = k.sub(273.15).values.toArray();
    expect(c).toEqual([0, 283.15 - 273.15]);
    const other = new gf.DataArray([100, 200, 300], { dims: ['y'] });
    // y-only operand broadcast over x: each row gets [100, 200, 300] added.
    const s = xy().add(other);
    expect(s.dims).toEqual(['x', 'y']);
    expect(s.values.toArray()).toEqual([[101, 202, 303], [104, 205, 306]]);
    // Dim order does not matter: a (y, x) operand lines up by name.
    expect(xy().add(xy().transpose('y', 'x')).values.toArray()).toEqual([[2, 4, 6], [8, 10, 12]]);
  });

  it("da.mean('time'), da.sum(['lat', 'lon']), da.std('time'), min/max/median, skipna", () => {
    const da = xy();
    expect(da.mean('x').values.toArray()).toEqual([2.5, 3.5, 4.5]);
    expect(da.sum(['x', 'y']).values.toArray()).toEqual(21);
    // xarray's std defaults to ddof 0: row [1, 2, 3] -> sqrt(2/3).
    const sd = da.std('y').values.toArray();
    expect(sd).toEqual([Math.sqrt(2 / 3), Math.sqrt(2 / 3)]);
    expect(da.min('y').values.toArray()).toEqual([1, 4]);
    expect(da.max('x').values.toArray()).toEqual([4, 5, 6]);
    expect(da.median('y').values.toArray()).toEqual([2, 5]);
    const withNaN = new gf.DataArray([1, NaN, 3], { dims: ['t'] });
    expect(withNaN.mean('t').values.toArray()).toEqual(2); // skipna default true
    expect(withNaN.mean('t', { skipna: false }).values.toArray()).toEqual(NaN);
  });

  it("da.groupby('time.year').mean(), da.groupby('time.month'), da.resample({ time: '1Y' }).mean()", () => {
    const time = [utc(2000, 1, 15), utc(2000, 2, 15), utc(2001, 1, 15), utc(2001, 2, 15), utc(2001, 3, 15)];
    const ts = new gf.DataArray([1, 2, 3, 4, 8], { dims: ['time'], coords: { time } });
    const yearly = ts.groupby('time.year').mean();
    expect(yearly.dims).toEqual(['year']);
    expect(yearly.coords.year.values.toArray()).toEqual([2000, 2001]);
    expect(yearly.values.toArray()).toEqual([1.5, 5]); // (1+2)/2, (3+4+8)/3
    const monthly = ts.groupby('time.month');
    expect(monthly.ngroups).toBe(3);
    expect(monthly.sum().values.toArray()).toEqual([4, 6, 8]); // Jan 1+3, Feb 2+4, Mar 8
    const rs = ts.resample({ time: '1Y' }).mean();
    expect(rs.values.toArray()).toEqual([1.5, 5]);
    // Year-end labels, as xarray's 'YE' (and the older '1Y').
    expect(Array.from(rs.coords.time.values.toFloat64(), (v) => gf.formatCalendarTime(v, 'standard'))).toEqual(['2000-12-31', '2001-12-31']);
  });

  it('da.toDataFrame(), da.toSeries(), DataArray.fromSeries(s)', () => {
    const da = xy();
    const s = da.toSeries();
    expect(s.index).toBeInstanceOf(gf.MultiIndex);
    expect(s.index.names).toEqual(['x', 'y']);
    expect(s.index.toArray()[4]).toEqual([20, 'b']);
    expect(s.toArray()).toEqual([1, 2, 3, 4, 5, 6]);
    const df = da.toDataFrame();
    expect(df.columns).toEqual(['v']);
    expect(df.col('v').toArray()).toEqual([1, 2, 3, 4, 5, 6]);
    const back = gf.DataArray.fromSeries(s);
    expect(back.dims).toEqual(['x', 'y']);
    expect(back.values.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(back.coords.y.values.toArray()).toEqual(['a', 'b', 'c']);
  });
});
