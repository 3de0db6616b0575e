/**
 * NetCDF-3 (CDF-1/2/5): files made by netCDF-C's `ncgen` (Debian netcdf-bin) read by our reader with CF
 * decoding; files we write read back by our reader, by `netcdfjs` (an independent oracle, CDF-1/2 only)
 * and by `ncdump`. Expected values are computed by hand from the CDL below (and agree with what
 * python3-xarray prints for the same file with use_cftime=True).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NetCDFReader } from 'netcdfjs';
import { Dataset, NDArray, loadDataset, calendarFields, formatCalendarTime } from '../../../src/nd/index.js';
import { ParseError, ValueError } from '../../../src/errors.js';

const hasNcgen = spawnSync('ncgen', ['-version'], { encoding: 'utf8' }).error === undefined;
const hasNcdump = spawnSync('ncdump', [], { encoding: 'utf8' }).error === undefined;

const CDL = `netcdf cf {
dimensions:
  time = UNLIMITED ;
  x = 3 ;
  nchar = 5 ;
variables:
  double time(time) ;
    time:units = "days since 2000-01-01" ;
    time:calendar = "noleap" ;
  short packed(time, x) ;
    packed:scale_factor = 0.01 ;
    packed:add_offset = 10. ;
    packed:_FillValue = -999s ;
  float masked(x) ;
    masked:missing_value = -1.f ;
  char station(x, nchar) ;
  int t360(time) ;
    t360:units = "hours since 1850-02-28" ;
    t360:calendar = "360_day" ;
  byte b(x) ;
  :title = "cf test" ;
data:
 time = 0, 58, 59, 365 ;
 packed = 100, 200, -999, 0, 1, 2, 3, 4, 5, -999, -999, 7 ;
 masked = 1.5, -1, 3 ;
 station = "abc", "de", "fghij" ;
 t360 = 0, 24, 48, 8640 ;
 b = -128, 0, 127 ;
}`;

function ds1(): Dataset {
  return new Dataset(
    { a: [['x', 'y'], [[0.5, -1], [2, 3.25], [NaN, 4], [5, 6]], { units: 'K' }], b: [['z', 'x'], Array.from({ length: 6 }, (_, i) => [i, i + 0.5, -i, 1e10 * i])] },
    { coords: { x: new NDArray(Int32Array.of(0, 1, 2, 3), [4]), y: [-2, -1], z: new NDArray(Int16Array.of(-3, -2, -1, 0, 1, 2), [6]) }, attrs: { title: 'ds1', version: 2 } },
  );
}

describe('NetCDF-3', () => {
  let dir = '';
  beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'gf-nc3-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasNcgen)('reads CDF-1/2/5 and NetCDF4 files written by netCDF-C with CF decoding (skipped without ncgen)', async () => {
    writeFileSync(path.join(dir, 'cf.cdl'), CDL);
    for (const kind of ['nc3', 'nc6', 'nc5', 'nc4']) {
      const p = path.join(dir, `cf_${kind}.nc`);
      execFileSync('ncgen', ['-k', kind, '-o', p, path.join(dir, 'cf.cdl')]);
      const ds = await loadDataset(p);
      expect(ds.sizes).toEqual({ time: 4, x: 3 });
      expect(ds.attrs.title).toBe('cf test');
      const t = ds.coords.time.values.toFloat64();
      // noleap: day 58 is Feb 28, day 59 is Mar 1, day 365 is 2001-01-01
      expect(Array.from(t, (v) => formatCalendarTime(v, 'noleap'))).toEqual(['2000-01-01', '2000-02-28', '2000-03-01', '2001-01-01']);
      const t360 = ds.variables.t360.values.toFloat64();
      expect(Array.from(t360, (v) => formatCalendarTime(v, '360_day'))).toEqual(['1850-02-28', '1850-02-29', '1850-02-30', '1851-02-28']);
      expect(calendarFields(t360[2], '360_day')).toMatchObject({ year: 1850, month: 2, day: 30 });
      const packed = ds.get('packed').values.toFloat64();
      const expected = [11, 12, NaN, 10, 10.01, 10.02, 10.03, 10.04, 10.05, NaN, NaN, 10.07];
      expected.forEach((e, i) => (Number.isNaN(e) ? expect(packed[i]).toBeNaN() : expect(packed[i]).toBeCloseTo(e, 12)));
      expect(ds.get('masked').values.toArray()).toEqual([1.5, NaN, 3]);
      expect(ds.get('station').values.toArray()).toEqual(['abc', 'de', 'fghij']);
      expect(ds.get('b').values.toArray()).toEqual([-128, 0, 127]);
      expect(ds.variables.packed.encoding).toMatchObject({ dtype: 'int16', scale_factor: 0.01, add_offset: 10, _FillValue: -999 });
      // groupby month in a non-standard calendar: January holds rows 0 and 3 (2000-01-01, 2001-01-01)
      const bym = ds.get('packed').groupby('time.month').sum();
      expect(bym.coords.month.values.toArray()).toEqual([1, 2, 3]);
      const want = [11, 12, 10.07, 10, 10.01, 10.02, 10.03, 10.04, 10.05];
      Array.from(bym.values.toFloat64()).forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
      // written back by us (CF-encoded with the encoding read: packed shorts, noleap/360_day times) it reads equal
      for (const format of ['NETCDF4', 'NETCDF3_64BIT'] as const) {
        const out = path.join(dir, `cf_${kind}_${format}.nc`);
        await ds.toNetcdf(out, { format });
        const again = await loadDataset(out);
        expect(again.equals(ds, { attrs: true })).toBe(true);
        expect(again.variables.packed.encoding).toMatchObject({ dtype: 'int16', scale_factor: 0.01, add_offset: 10, _FillValue: -999 });
        expect(again.coords.time.encoding).toMatchObject({ units: 'days since 2000-01-01', calendar: 'noleap' });
        if (hasNcdump) {
          const head = execFileSync('ncdump', ['-h', out], { encoding: 'utf8' });
          expect(head).toContain('short packed(time, x) ;');
          expect(head).toContain('time:calendar = "noleap" ;');
        }
      }
    }
  });

  it.skipIf(!hasNcgen)('reads big-endian NetCDF4 variables (skipped without ncgen)', async () => {
    const cdl = 'netcdf be {\ndimensions:\n x = 3 ;\nvariables:\n float v(x) ;\n  v:_Endianness = "big" ;\n int i(x) ;\n  i:_Endianness = "big" ;\ndata:\n v = 1.5, 2.5, -3 ;\n i = 1, 256, -7 ;\n}\n';
    writeFileSync(path.join(dir, 'be.cdl'), cdl);
    execFileSync('ncgen', ['-k', 'nc4', '-o', path.join(dir, 'be.nc'), path.join(dir, 'be.cdl')]);
    const ds = await loadDataset(path.join(dir, 'be.nc'));
    expect(ds.get('v').values.toArray()).toEqual([1.5, 2.5, -3]);
    expect(ds.get('i').values.toArray()).toEqual([1, 256, -7]);
  });

  it('writes CDF-1/2/5 that our reader reads back equal', async () => {
    for (const format of ['NETCDF3_CLASSIC', 'NETCDF3_64BIT', 'NETCDF3_CDF5'] as const) {
      const p = path.join(dir, `ds1_${format}.nc`);
      await ds1().toNetcdf(p, { format });
      const back = await loadDataset(p);
      expect(back.equals(ds1(), { attrs: true })).toBe(true);
      expect(readFileSync(p)[3]).toBe(format === 'NETCDF3_CLASSIC' ? 1 : format === 'NETCDF3_64BIT' ? 2 : 5);
    }
  });

  it('files we write read equal through netcdfjs (CDF-1 and CDF-2)', async () => {
    for (const format of ['NETCDF3_CLASSIC', 'NETCDF3_64BIT'] as const) {
      const p = path.join(dir, `ds1_${format}.nc`);
      await ds1().toNetcdf(p, { format });
      const r = new NetCDFReader(readFileSync(p));
      expect(r.version).toBe(format === 'NETCDF3_CLASSIC' ? 'classic format' : '64-bit offset format');
      expect(r.dimensions).toEqual([{ name: 'x', size: 4 }, { name: 'y', size: 2 }, { name: 'z', size: 6 }]);
      expect(r.getDataVariable('x')).toEqual([0, 1, 2, 3]);
      expect(r.getDataVariable('z')).toEqual([-3, -2, -1, 0, 1, 2]);
      const a = r.getDataVariable('a') as number[];
      expect(a.slice(0, 4)).toEqual([0.5, -1, 2, 3.25]);
      expect(a[4]).toBeNaN();
      expect(r.getDataVariable('b')).toEqual(Array.from(ds1().variables.b.values.toFloat64()));
      expect(r.getAttribute('title')).toBe('ds1');
      const units = r.variables.find((v) => v.name === 'a')?.attributes as { name: string; value: unknown }[];
      expect(units.find((x) => x.name === 'units')?.value).toBe('K');
    }
  });

  it.skipIf(!hasNcdump)('ncdump reads CDF-5 files we write (skipped without netcdf-bin)', async () => {
    const p = path.join(dir, 'u.nc');
    const ds = new Dataset({ u: [['n'], new NDArray(Uint16Array.of(1, 65534), [2])], big: [['n'], new NDArray(BigInt64Array.of(-(2n ** 40n), 7n), [2])] });
    await ds.toNetcdf(p, { format: 'NETCDF3_CDF5' });
    const out = execFileSync('ncdump', [p], { encoding: 'utf8' });
    expect(out).toContain('ushort u(n) ;');
    expect(out).toContain('u = 1, 65534 ;');
    expect(out).toContain('big = -1099511627776, 7 ;');
    expect(() => execFileSync('ncdump', ['-h', path.join(dir, 'ds1_NETCDF3_CLASSIC.nc')])).not.toThrow();
    await expect(ds.toNetcdf(path.join(dir, 'u1.nc'), { format: 'NETCDF3_CLASSIC' })).rejects.toThrow(ValueError);
  });

  it('rejects corrupt and truncated CDF files', async () => {
    const p = path.join(dir, 'ds1_NETCDF3_64BIT.nc');
    await ds1().toNetcdf(p, { format: 'NETCDF3_64BIT' });
    const whole = readFileSync(p);
    writeFileSync(path.join(dir, 'short.nc'), whole.subarray(0, 40));
    await expect(loadDataset(path.join(dir, 'short.nc'))).rejects.toThrow(/truncated/);
    writeFileSync(path.join(dir, 'nodata.nc'), whole.subarray(0, whole.length - 16));
    await expect(loadDataset(path.join(dir, 'nodata.nc'))).rejects.toThrow(ParseError);
    const bad = Buffer.from(whole);
    bad.writeUInt32BE(0x0d, 8);
    writeFileSync(path.join(dir, 'badtag.nc'), bad);
    await expect(loadDataset(path.join(dir, 'badtag.nc'))).rejects.toThrow(/corrupt header/);
    writeFileSync(path.join(dir, 'v9.nc'), Buffer.from('CDF\u0009rest-of-file'));
    await expect(loadDataset(path.join(dir, 'v9.nc'))).rejects.toThrow(/unknown NetCDF-3 version/);
  });
});
