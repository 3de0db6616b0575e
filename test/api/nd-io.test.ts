/**
 * Public API contract, the file lines of section "Labelled N-d arrays" of /work/shared/API.md:
 * openDataset, loadDataset, openMfDataset, ds.toNetcdf, openHdf5 and CF decoding on read, through
 * the package root. Files are written to a temporary directory by the library itself; expected values
 * are worked out by hand (stated beside each) from the CF rules xarray applies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as gf from '../../src/index.js';
import { hasShared, shared } from '../helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'gf-api-nd-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await gf.shutdown();
});

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** One small dataset with a datetime coordinate, a packed variable and non-standard calendars. */
function sample(year: number): gf.Dataset {
  return new gf.Dataset(
    {
      tas: [['time', 'lat'], [[280, 281], [282, 283]], { units: 'K' }],
      // CF packing: value = raw * scale_factor + add_offset; raw == _FillValue is missing.
      packed: [['time'], Int16Array.of(10, -999), { scale_factor: 0.5, add_offset: 100, _FillValue: -999 }],
      noleap: [['t2'], Float64Array.of(0, 59), { units: 'days since 2000-01-01', calendar: 'noleap' }],
      d360: [['t2'], Float64Array.of(0, 59), { units: 'days since 2000-01-01', calendar: '360_day' }],
      greg: [['t2'], Float64Array.of(0, 59), { units: 'days since 2000-01-01', calendar: 'proleptic_gregorian' }],
    },
    { coords: { time: [utc(year, 1, 1), utc(year, 1, 2)], lat: [1, 2] }, attrs: { title: `y${year}` } },
  );
}

const dates = (v: { values: gf.NDArray }, cal: gf.Calendar): string[] => Array.from(v.values.toFloat64(), (ms) => gf.formatCalendarTime(ms, cal));

describe('API.md N-d file I/O', () => {
  it("await ds.toNetcdf(path, { format: 'NETCDF4' | 'NETCDF3_64BIT' }), await openDataset(path), await loadDataset(path)", async () => {
    for (const format of ['NETCDF4', 'NETCDF3_64BIT'] as const) {
      const p = path.join(dir, `one-${format}.nc`);
      await sample(2000).toNetcdf(p, { format });
      const ds = await gf.openDataset(p);
      expect(ds.names).toEqual(['tas', 'packed', 'noleap', 'd360', 'greg']);
      expect(ds.attrs.title).toBe('y2000');
      const loaded = await gf.loadDataset(p);
      expect(loaded.get('tas').values.toArray()).toEqual([[280, 281], [282, 283]]);
      expect(loaded.get('tas').attrs.units).toBe('K');
      expect(dates(loaded.coords.time, 'standard')).toEqual(['2000-01-01', '2000-01-02']);
      ds.close();
    }
  });

  it('CF decoding on read: days since (standard, proleptic_gregorian, noleap, 360_day), _FillValue, scale_factor/add_offset', async () => {
    const p = path.join(dir, 'cf.nc');
    await sample(2000).toNetcdf(p);
    const ds = await gf.loadDataset(p);
    // 10 * 0.5 + 100 = 105; the fill value -999 becomes NaN.
    expect(ds.get('packed').values.toArray()).toEqual([105, NaN]);
    // Day 59 after 2000-01-01: Gregorian (leap year) -> Feb 29; noleap -> Mar 1; 360_day (30-day months) -> Feb 30.
    expect(dates(ds.get('greg'), 'proleptic_gregorian')).toEqual(['2000-01-01', '2000-02-29']);
    expect(dates(ds.get('noleap'), 'noleap')).toEqual(['2000-01-01', '2000-03-01']);
    expect(dates(ds.get('d360'), '360_day')).toEqual(['2000-01-01', '2000-02-30']);
    expect(ds.get('noleap').variable.encoding.calendar).toBe('noleap');
  });

  it("await openMfDataset(paths | 'dir/tas*.nc') concatenates along time", async () => {
    await sample(2001).toNetcdf(path.join(dir, 'tas2001.nc'));
    await sample(2002).toNetcdf(path.join(dir, 'tas2002.nc'));
    const mf = await gf.openMfDataset(path.join(dir, 'tas*.nc'));
    expect(mf.sizes.time).toBe(4);
    expect(mf.get('tas').load().values.toArray()).toEqual([[280, 281], [282, 283], [280, 281], [282, 283]]);
    expect(dates(mf.get('tas').coords.time, 'standard')).toEqual(['2001-01-01', '2001-01-02', '2002-01-01', '2002-01-02']);
    const listed = await gf.openMfDataset([path.join(dir, 'tas2002.nc'), path.join(dir, 'tas2001.nc')]);
    expect(listed.sizes.time).toBe(4);
  });

  it('await openHdf5(path) lists groups and datasets of a NETCDF4 (HDF5) file', async () => {
    const p = path.join(dir, 'h5.nc');
    await sample(2000).toNetcdf(p, { format: 'NETCDF4' });
    const root = await gf.openHdf5(p);
    expect(root).toBeInstanceOf(gf.Hdf5Group);
    expect(root.keys()).toEqual(expect.arrayContaining(['tas', 'packed', 'time', 'lat']));
    const tas = root.get('tas');
    expect(tas).toBeInstanceOf(gf.Hdf5Dataset);
    if (!(tas instanceof gf.Hdf5Dataset)) return;
    expect(tas.shape).toEqual([2, 2]);
    expect(tas.value.toArray()).toEqual([[280, 281], [282, 283]]);
    expect(tas.attrs.units).toBe('K');
  });

  it('await openDataset(path, { chunks }) reduces chunk by chunk to the eager values', async () => {
    const p = path.join(dir, 'chunks.nc');
    await sample(2003).toNetcdf(p);
    const ds = await gf.openDataset(p, { chunks: { time: 1 } });
    const tas = ds.get('tas');
    expect(tas.variable.chunks).toEqual({ time: 1 });
    // tas = [[280, 281], [282, 283]] (time x lat): time means 281 and 282, by hand
    expect(tas.mean('time').values.toArray()).toEqual([281, 282]);
    expect(tas.variable.isLazy).toBe(true);
  });
});

// The API.md walk-through on the shared CMIP6 files (tas1840.nc ... tas1849.nc: monthly, 160 x 320,
// float32 K, days since 0850-01-01, proleptic_gregorian). References from python3-netCDF4 + numpy:
// nearest grid point to (59.33, 18.07) is lat[132] = 58.8780442215827, lon[16] = 18.0; its first values
// 266.89959717, 268.42977905, 270.76141357; its 1840-1849 mean 279.52637583414713; yearly means
// 277.47240702 (1840) ... 280.5904719 (1849); the time mean at [lat 0, lon 0] is 233.39501571655273.
describe.runIf(hasShared)('API.md N-d walk-through on shared CMIP6 tas files', () => {
  it("openMfDataset('dir/tas*.nc'), sel nearest, groupby('time.year'), chunk({ time: 12 }) + await mean('time').compute()", async () => {
    gf.configure({ workers: 1 });
    const ds = await gf.openMfDataset(shared('hpda-python/tas184*.nc'));
    const da = ds.get('tas');
    expect(da.dims).toEqual(['time', 'lat', 'lon']);
    expect(da.shape).toEqual([120, 160, 320]);
    expect(da.attrs.units).toBe('K');
    expect(dates(ds.coords.time, 'proleptic_gregorian').slice(0, 2)).toEqual(['1840-01-16T12:00:00', '1840-02-15T12:00:00']);
    const point = da.sel({ lat: 59.33, lon: 18.07 }, { method: 'nearest' }).load();
    expect(point.coords.lat.values.toArray()).toEqual(58.8780442215827);
    expect(point.coords.lon.values.toArray()).toEqual(18);
    const first = point.values.toFloat64().subarray(0, 3);
    [266.89959717, 268.42977905, 270.76141357].forEach((v, i) => expect(first[i]).toBeCloseTo(v, 6));
    // float32 data reduce to float32 (as xarray/numpy): equal to the float64 reference within float32 rounding.
    expect(point.mean('time').values.toArray()).toBeCloseTo(279.52637583414713, 4);
    const yearly = point.groupby('time.year').mean().values.toFloat64();
    expect(yearly.length).toBe(10);
    expect(yearly[0]).toBeCloseTo(277.47240702, 4);
    expect(yearly[9]).toBeCloseTo(280.5904719, 4);
    const m = await da.chunk({ time: 12 }).mean('time').compute();
    expect(m.dims).toEqual(['lat', 'lon']);
    expect(m.values.get(132, 16)).toBeCloseTo(279.52637583414713, 4);
    expect(m.values.get(0, 0)).toBeCloseTo(233.39501571655273, 4);
    ds.close();
  });
});
