/**
 * NetCDF4 round trips (the ENCCS xarray lesson's ds1/ds2), checked three ways: our reader, `ncdump -h`
 * (Debian netcdf-bin) and xarray (Debian python3-xarray), plus bad-input errors.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Dataset, DataArray, loadDataset, openDataset, openHdf5, NDArray, Hdf5Dataset, Hdf5Group } from '../../../src/nd/index.js';
import { ParseError, KeyError, ValueError } from '../../../src/errors.js';
import { shared, hasShared } from '../../helpers.js';

const hasNcdump = spawnSync('ncdump', [], { encoding: 'utf8' }).error === undefined;
const hasXarray = spawnSync('/usr/bin/python3', ['-c', 'import xarray, netCDF4'], { encoding: 'utf8' }).status === 0;

/** ENCCS "xarray" exercise: ds1 and ds2 share y and z; x is 0..3 in ds1 and 4..7 in ds2. Data are deterministic here. */
function enccs(offset: number): Dataset {
  const a = Array.from({ length: 4 }, (_, i) => [Math.sin(i + offset), Math.cos(i + offset)]);
  const b = Array.from({ length: 6 }, (_, i) => Array.from({ length: 4 }, (_, j) => (i - 3) * 0.5 + j + offset));
  return new Dataset(
    { a: [['x', 'y'], a, { units: 'm', long_name: 'a variable' }], b: [['z', 'x'], b] },
    { coords: { x: new NDArray(BigInt64Array.from([0n, 1n, 2n, 3n], (v) => v + BigInt(offset)), [4]), y: [-2, -1], z: [-3, -2, -1, 0, 1, 2] }, attrs: { title: `ENCCS ds${offset === 0 ? 1 : 2}` } },
  );
}

describe('NetCDF4 write/read', () => {
  let dir = '';
  beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'gf-nc4-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes ds1/ds2 and reads them back equal, dims, coords and attributes intact', async () => {
    for (const [name, ds] of [['ds1', enccs(0)], ['ds2', enccs(4)]] as const) {
      const p = path.join(dir, `${name}.nc`);
      await ds.toNetcdf(p);
      const back = await loadDataset(p);
      expect(back.equals(ds, { attrs: true })).toBe(true);
      expect(back.sizes).toEqual({ x: 4, y: 2, z: 6 });
      expect(back.get('b').dims).toEqual(['z', 'x']);
      expect(back.coords.x.dtype).toBe('int64');
      expect(back.get('a').attrs).toEqual({ units: 'm', long_name: 'a variable' });
    }
    const back2 = await loadDataset(path.join(dir, 'ds2.nc'));
    expect(back2.coords.x.values.toArray()).toEqual([4, 5, 6, 7]);
    expect(back2.get('b').sel({ z: 0, x: 5 }).values.toArray()).toBe(0 + 1 + 4);
  });

  it('writes deflate-compressed variables (zlib) that netCDF-C reads', async () => {
    const big = new Dataset({ v: [['t', 'x'], Array.from({ length: 200 }, (_, i) => Array.from({ length: 50 }, (_, j) => (i % 5) + j))] }, { coords: { t: Array.from({ length: 200 }, (_, i) => i) } });
    const plain = path.join(dir, 'plain.nc');
    const packed = path.join(dir, 'packed.nc');
    await big.toNetcdf(plain);
    await big.toNetcdf(packed, { zlib: true, complevel: 6 });
    expect(readFileSync(packed).length).toBeLessThan(readFileSync(plain).length / 4);
    expect((await loadDataset(packed)).equals(big)).toBe(true);
    if (hasNcdump) expect(execFileSync('ncdump', ['-hs', packed], { encoding: 'utf8' })).toContain('v:_DeflateLevel = 6 ;');
    await expect(big.toNetcdf(packed, { zlib: true, complevel: 12 })).rejects.toThrow(/complevel/);
  });

  it('opens lazily and reads hyperslabs', async () => {
    const p = path.join(dir, 'ds1.nc');
    const ds = await openDataset(p);
    expect(ds.variables.b.isLazy).toBe(true);
    const part = ds.get('b').isel({ z: { start: 1, stop: 3 }, x: 2 });
    expect(part.values.toArray()).toEqual([-1 + 2, -0.5 + 2]);
    ds.close();
  });

  it.skipIf(!hasNcdump)('ncdump -h reads the header (skipped without netcdf-bin)', async () => {
    const out = execFileSync('ncdump', ['-h', path.join(dir, 'ds1.nc')], { encoding: 'utf8' });
    for (const s of ['x = 4 ;', 'y = 2 ;', 'z = 6 ;', 'int64 x(x) ;', 'double a(x, y) ;', 'double b(z, x) ;', 'a:units = "m" ;', ':title = "ENCCS ds1" ;']) expect(out).toContain(s);
    const data = execFileSync('ncdump', ['-v', 'x', path.join(dir, 'ds2.nc')], { encoding: 'utf8' });
    expect(data).toContain('x = 4, 5, 6, 7 ;');
  });

  it.skipIf(!hasXarray)('xarray reads what we write with the same values (skipped without python3-xarray)', async () => {
    const times = new Dataset({ v: [['time'], [1.5, NaN, 3]] }, { coords: { time: [new Date('2000-01-01'), new Date('2000-02-01T06:00:00Z'), new Date('2000-03-01')] } });
    await times.toNetcdf(path.join(dir, 'times.nc'));
    const script = `
import xarray as xr, json, sys
out = {}
for name in ['ds1', 'ds2', 'times']:
    ds = xr.open_dataset(sys.argv[1] + '/' + name + '.nc')
    out[name] = {k: [str(x) for x in ds[k].values.ravel()] for k in ds.variables}
    out[name]['__dims'] = {k: list(ds[k].dims) for k in ds.variables}
    out[name]['__coords'] = sorted(ds.coords)
print(json.dumps(out))`;
    writeFileSync(path.join(dir, 'check.py'), script);
    const res = JSON.parse(execFileSync('/usr/bin/python3', [path.join(dir, 'check.py'), dir], { encoding: 'utf8' })) as Record<string, Record<string, unknown>>;
    for (const name of ['ds1', 'ds2']) {
      const ds = enccs(name === 'ds1' ? 0 : 4);
      expect(res[name].__coords).toEqual(['x', 'y', 'z']);
      expect(res[name].__dims).toEqual({ x: ['x'], y: ['y'], z: ['z'], a: ['x', 'y'], b: ['z', 'x'] });
      for (const v of ['a', 'b']) {
        const mine = Array.from(ds.variables[v].values.toFloat64());
        expect((res[name][v] as string[]).map(Number)).toEqual(mine);
      }
    }
    expect(res.times.time).toEqual(['2000-01-01T00:00:00.000000000', '2000-02-01T06:00:00.000000000', '2000-03-01T00:00:00.000000000']);
    expect(res.times.v).toEqual(['1.5', 'nan', '3.0']);
  });

  it('writes strings, scalars, bools and non-index coordinates', async () => {
    const ds = new Dataset(
      { name: [['k'], ['ab', 'cdé']], flag: [['k'], [true, false]], t: [[], NDArray.from([2.5]).reshape([])] },
      { coords: { k: [10, 20], label: [['k'], ['p', 'q']], height: 2 } },
    );
    const p = path.join(dir, 'mixed.nc');
    await ds.toNetcdf(p);
    const back = await loadDataset(p);
    expect(back.get('name').values.toArray()).toEqual(['ab', 'cdé']);
    expect(back.get('flag').values.toArray()).toEqual([1, 0]);
    expect(back.get('t').values.toArray()).toBe(2.5);
    expect(Object.keys(back.coords).sort()).toEqual(['height', 'k', 'label']);
  });

  it('openHdf5 walks plain groups, datasets and attributes', async () => {
    const root = await openHdf5(path.join(dir, 'ds1.nc'));
    expect(root).toBeInstanceOf(Hdf5Group);
    expect(root.keys()).toEqual(['x', 'y', 'z', 'a', 'b']);
    expect(root.attrs.title).toBe('ENCCS ds1');
    const b = root.get('b') as Hdf5Dataset;
    expect(b.shape).toEqual([6, 4]);
    expect(b.dtype).toBe('float64');
    expect(b.slice([0]).toArray()).toEqual([-1.5, -0.5, 0.5, 1.5]);
    expect(() => root.get('nope')).toThrow(KeyError);
  });

  it('openHdf5 reads nested groups of a plain HDF5 file (written here with h5wasm)', async () => {
    const h5 = (await import('h5wasm/node')).default;
    await h5.ready;
    const p = path.join(dir, 'plain.h5');
    const f = new h5.File(p, 'w');
    const g = f.create_group('run1');
    const sub = g.create_group('detector');
    const d = sub.create_dataset({ name: 'counts', data: Int32Array.from({ length: 12 }, (_, i) => i * i), shape: [3, 4] });
    d.create_attribute('gain', 2.5);
    g.create_attribute('operator', 'ada');
    f.create_dataset({ name: 'table', data: new Map([['a', 1]]) as never });
    f.close();
    const root = await openHdf5(p);
    expect(root.keys()).toEqual(['run1']);
    expect(root.skipped).toEqual(['table']);
    const run = root.get('run1') as Hdf5Group;
    expect(run.attrs.operator).toBe('ada');
    const counts = root.get('run1/detector/counts') as Hdf5Dataset;
    expect(counts.dtype).toBe('int32');
    expect(counts.attrs.gain).toBe(2.5);
    expect(counts.value.toArray()).toEqual([[0, 1, 4, 9], [16, 25, 36, 49], [64, 81, 100, 121]]);
    expect(counts.slice([{ start: 1 }, 2]).toArray()).toEqual([36, 100]);
    expect(() => root.get('run1/detector/counts/x')).toThrow(/is a dataset, not a group/);
  });

  it('gives clear errors for missing, corrupt and truncated files', async () => {
    await expect(openDataset(path.join(dir, 'missing.nc'))).rejects.toThrow(/No such file/);
    writeFileSync(path.join(dir, 'garbage.nc'), 'this is not netcdf at all');
    await expect(openDataset(path.join(dir, 'garbage.nc'))).rejects.toThrow(ParseError);
    await expect(openDataset(path.join(dir, 'garbage.nc'))).rejects.toThrow(/not a NetCDF or HDF5 file/);
    const whole = readFileSync(path.join(dir, 'ds1.nc'));
    writeFileSync(path.join(dir, 'trunc.nc'), whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(openDataset(path.join(dir, 'trunc.nc'))).rejects.toThrow(/truncated/);
    if (hasShared) {
      const tas = readFileSync(shared('hpda-python/tas1840.nc'));
      writeFileSync(path.join(dir, 'tas-trunc.nc'), tas.subarray(0, 100_000));
      await expect(openDataset(path.join(dir, 'tas-trunc.nc'))).rejects.toThrow(/truncated/);
    }
  });

  it('gives clear errors for unknown names, missing labels and mismatched shapes', async () => {
    const ds = await loadDataset(path.join(dir, 'ds1.nc'));
    expect(() => ds.get('c')).toThrow(KeyError);
    expect(() => ds.get('A')).toThrow(/did you mean.*a/i);
    expect(() => ds.isel({ w: 0 })).toThrow(/Unknown dimension 'w'/);
    expect(() => ds.get('a').sel({ x: 17 })).toThrow(/17 is not a label of 'x'.*nearest/);
    expect(ds.get('a').sel({ x: 17 }, { method: 'nearest' }).coords.x.values.toArray()).toBe(3);
    const a = ds.get('a');
    const bad = new DataArray([1, 2, 3], { dims: ['y'] });
    expect(() => a.add(bad)).toThrow(ValueError);
    expect(() => a.add(bad)).toThrow(/dimension 'y' has size 2 on the left and 3/);
    expect(() => new DataArray([[1, 2]], { dims: ['x'] })).toThrow(/different number of dimensions/);
    expect(() => new DataArray([1, 2], { dims: ['x'], coords: { x: [1, 2, 3] } })).toThrow(/length 3 along 'x'/);
  });
});
