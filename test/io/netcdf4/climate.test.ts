/**
 * The ENCCS HPDA climate exercise on ../shared/datasets/hpda-python/tas1840.nc … tas1850.nc.
 *
 * Reference numbers were produced ONCE with Debian's python3-xarray (numpy 1.24.2) by /tmp/xref.py:
 *   ds = xr.open_mfdataset('.../hpda-python/tas18*.nc'); tc = ds.tas.load() - 273.15
 *   m = tc.mean('time').values; ann = tc.groupby('time.year').mean().values
 *   st = tc.sel(lat=59.33, lon=18.07, method='nearest')
 *   print(float(m.astype('f8').sum()), m[0,0], m[80,160], m[159,319])
 *   print(ann[0,0,0], ann[5,80,160], ann[10,159,319], float(ann.astype('f8').sum()))
 *   print(float(st.lat), float(st.lon), st.values[:3], st.values[-1], float(st.mean()))
 *   print(st.groupby('time.year').mean().values); print(tc.resample(time='1Y').mean().time.values[:2])
 *   mo = tc.groupby('time.month').mean(); print(mo.values[0,80,160], mo.values[6,159,0], float(mo.values.astype('f8').sum()))
 *   print(tc.std('time').values[80,160], float(tc.median('time').values[80,160]), float(tc.max()), float(tc.min()))
 * xarray accumulates float32 means in float32 (pairwise); we accumulate in float64, so values agree to ~1e-6.
 */
import { describe, expect, it } from 'vitest';
import { openMfDataset, openDataset, formatCalendarTime, type DataArray } from '../../../src/nd/index.js';
import { KeyError } from '../../../src/errors.js';
import { shared, hasShared } from '../../helpers.js';

const REL = 2e-6;
function close(a: number, b: number, rel = REL): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(a), Math.abs(b)));
}
function total(da: DataArray): number {
  let s = 0;
  for (const v of da.values.toFloat64()) s += v;
  return s;
}

describe.skipIf(!hasShared)('climate exercise (tas 1840-1850, needs ../shared/datasets)', () => {
  const glob = shared('hpda-python/tas18*.nc');

  it('openMfDataset concatenates 11 files lazily with decoded times', async () => {
    const ds = await openMfDataset(glob);
    const tas = ds.get('tas');
    expect(tas.dims).toEqual(['time', 'lat', 'lon']);
    expect(tas.shape).toEqual([132, 160, 320]);
    expect(tas.variable.isLazy).toBe(true);
    expect(tas.dtype).toBe('float32');
    const t = ds.coords.time.values.toFloat64();
    expect(formatCalendarTime(t[0], 'proleptic_gregorian')).toBe('1840-01-16T12:00:00');
    expect(formatCalendarTime(t[131], 'proleptic_gregorian')).toBe('1850-12-16T12:00:00');
    expect(ds.coords.time.encoding.units).toBe('days since 0850-01-01 00:00:00');
    expect(tas.attrs.units).toBe('K');
    expect('_FillValue' in tas.attrs).toBe(false);
    expect(Object.keys(ds.coords).sort()).toEqual(['height', 'lat', 'lon', 'time']);
    // global attributes are the first file's (xarray: len(ds.attrs) == 48, ds.attrs['tracking_id'] as below)
    expect(Object.keys(ds.attrs).length).toBe(48);
    expect(ds.attrs.tracking_id).toBe('hdl:21.14100/a11b63b9-39bf-40d8-b503-d18fe1aaa41c');
    ds.close();
  });

  it('K -> °C, time mean, annual means and the Stockholm series match xarray', async () => {
    const ds = await openMfDataset(glob);
    const tc = ds.get('tas').load().sub(273.15);
    expect(tc.dtype).toBe('float32');
    const m = tc.mean('time');
    expect(m.dims).toEqual(['lat', 'lon']);
    close(total(m), 302092.4264939525, 1e-5);
    close(m.values.get(0, 0) as number, -40.073776);
    close(m.values.get(80, 160) as number, 26.559193);
    close(m.values.get(159, 319) as number, -17.766737);

    const ann = tc.groupby('time.year').mean();
    expect(ann.dims).toEqual(['year', 'lat', 'lon']);
    expect(ann.shape).toEqual([11, 160, 320]);
    expect(ann.coords.year.values.toArray()).toEqual([1840, 1841, 1842, 1843, 1844, 1845, 1846, 1847, 1848, 1849, 1850]);
    close(ann.values.get(0, 0, 0) as number, -39.919567);
    close(ann.values.get(5, 80, 160) as number, 26.363554);
    close(ann.values.get(10, 159, 319) as number, -19.586233);
    close(total(ann), 3323016.6795901945, 1e-5);

    const st = tc.sel({ lat: 59.33, lon: 18.07 }, { method: 'nearest' });
    expect(st.dims).toEqual(['time']);
    expect(st.coords.lat.values.toArray()).toBe(58.8780442215827);
    expect(st.coords.lon.values.toArray()).toBe(18);
    const sv = st.values.toFloat64();
    close(sv[0], -6.250396728515625);
    close(sv[1], -4.72021484375);
    close(sv[2], -2.388580322265625);
    close(sv[131], -2.9699707);
    close(st.mean().values.toArray() as number, 6.261688232421875);
    const stAnn = st.groupby('time.year').mean().values.toFloat64();
    const ref = [4.322412967681885, 6.04688024520874, 7.3358893394470215, 5.408195495605469, 5.985361576080322, 6.012420654296875,
      7.001790523529053, 7.010889530181885, 7.199501037597656, 7.4404778480529785, 5.11475133895874];
    ref.forEach((r, i) => close(stAnn[i], r));

    const mo = tc.groupby('time.month').mean();
    expect(mo.shape).toEqual([12, 160, 320]);
    close(mo.values.get(0, 80, 160) as number, 26.572723);
    close(mo.values.get(6, 159, 0) as number, -0.4099038);
    close(total(mo), 3625109.105647409, 1e-5);
    close(tc.std('time').values.get(80, 160) as number, 0.79718286);
    close(tc.median('time').values.get(80, 160) as number, 26.62506103515625);
    close(tc.max().values.toArray() as number, 42.025299072265625);
    close(tc.min().values.toArray() as number, -77.1708068847656);

    const yr = tc.resample({ time: '1Y' }).mean();
    expect(yr.shape).toEqual([11, 160, 320]);
    const labels = yr.coords.time.values.toFloat64();
    expect(formatCalendarTime(labels[0], 'proleptic_gregorian')).toBe('1840-12-31');
    expect(formatCalendarTime(labels[1], 'proleptic_gregorian')).toBe('1841-12-31');
    close(yr.values.get(5, 80, 160) as number, 26.363554);
    ds.close();
  });

  it('reads only the selected hyperslab and selects time by partial date strings', async () => {
    const ds = await openDataset(shared('hpda-python/tas1845.nc'));
    const tas = ds.get('tas');
    const one = tas.isel({ time: 0, lat: { start: 80, stop: 82 } });
    expect(one.variable.isLazy).toBe(true);
    expect(one.shape).toEqual([2, 320]);
    const full = tas.load();
    expect(one.values.toArray()).toEqual(full.isel({ time: 0, lat: { start: 80, stop: 82 } }).values.toArray());
    const summer = tas.sel({ time: { start: '1845-06', stop: '1845-08' } });
    expect(summer.shape[0]).toBe(3);
    const rev = tas.isel({ lon: { start: 10, stop: 0, step: -3 } }).isel({ time: 2, lat: 5 });
    expect(rev.values.toArray()).toEqual(full.isel({ time: 2, lat: 5, lon: [10, 7, 4, 1] }).values.toArray());
    expect(() => tas.sel({ lat: 59.33 })).toThrow(KeyError);
    expect(() => ds.get('tass')).toThrow(/Unknown variable 'tass'.*tas/s);
    expect(() => tas.mean('times')).toThrow(/dimension 'times'/);
    ds.close();
  });
});
