import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataArray } from '../../src/nd/dataarray.js';
import { chunkDataArray } from '../../src/parallel/chunked.js';
import { configure, shutdown } from '../../src/parallel/pool.js';
import { closeTo, hasShared, shared } from '../helpers.js';
import { openMfDataset } from '../../src/io/netcdf4/mf.js';

/** A (time: 30, lat: 3, lon: 4) array of temperatures in K with a few NaN, and its coordinates. */
function tas(): DataArray {
  const T = 30, Y = 3, X = 4;
  const v = new Float64Array(T * Y * X);
  for (let i = 0; i < v.length; i++) v[i] = 250 + 40 * Math.abs(Math.sin(i * 0.37)) + (i % 7);
  v[5] = NaN;
  v[17] = NaN;
  for (let t = 0; t < T; t++) v[t * Y * X + 1 * X + 2] = NaN; // one all-NaN cell (lat 1, lon 2)
  return new DataArray(v, {
    dims: ['time', 'lat', 'lon'],
    shape: [T, Y, X],
    coords: { time: Array.from({ length: T }, (_, i) => i), lat: [-10, 0, 10], lon: [0, 90, 180, 270] },
    name: 'tas',
  });
}

function expectClose(got: DataArray, want: DataArray, rel = 1e-12): void {
  expect(got.dims).toEqual(want.dims);
  expect(got.shape).toEqual(want.shape);
  const g = got.values.toFloat64();
  const w = want.values.toFloat64();
  for (let i = 0; i < w.length; i++) expect(closeTo(g[i], w[i], rel), `element ${i}: ${g[i]} vs ${w[i]}`).toBe(true);
  for (const d of want.dims) expect(got.coord(d).values.toArray()).toEqual(want.coord(d).values.toArray());
}

describe('chunked N-d arrays', () => {
  beforeAll(() => configure({ workers: 2 }));
  afterAll(() => shutdown());

  it('reduces chunk by chunk like the in-memory reduction', async () => {
    const da = tas();
    const c = chunkDataArray(da, { time: 7 });
    expect(c.chunks).toEqual([[7, 7, 7, 7, 2], [3], [4]]);
    for (const op of ['mean', 'sum', 'min', 'max', 'var', 'std', 'count'] as const) {
      expectClose(await c.reduce(op, 'time').compute(), da.reduce(op, 'time'));
      expectClose(await c.reduce(op, ['lat', 'lon']).compute(), da.reduce(op, ['lat', 'lon']));
    }
    const all = await c.mean().compute();
    expect(closeTo(all.values.toFloat64()[0], da.mean().values.toFloat64()[0], 1e-12)).toBe(true);
  });

  it('chunks along several dims, and lazily chains elementwise operations before a reduction', async () => {
    const da = tas();
    const c = chunkDataArray(da, { time: 4, lon: 3 });
    const got = await c.sub(273.15).mul(2).math('abs').mean('time').compute();
    expectClose(got, da.sub(273.15).mul(2).math('abs').mean('time'));
    const elem = await c.sub(273.15).math('exp').compute(); // no reduction: written into one shared output
    expectClose(elem, da.sub(273.15).math('exp'));
  });

  it('reports progress per chunk and refuses bad chunks', async () => {
    const da = tas();
    const seen: number[] = [];
    await chunkDataArray(da, { time: 10 }).max('time').compute({ onProgress: (p) => seen.push(p.done * 10 + p.total) });
    expect(seen).toEqual([13, 23, 33]);
    expect(() => chunkDataArray(da, { tme: 3 })).toThrow(/Unknown dimension 'tme'.*time/);
    expect(() => chunkDataArray(da, { time: 0 })).toThrow(/positive integer/);
  });

  it.skipIf(!hasShared)('computes a climatology of real CMIP6 files chunk by chunk (one file per chunk)', async () => {
    // three yearly files of monthly near-surface air temperature (time 36, lat 160, lon 320, float32), opened lazily
    const ds = await openMfDataset([1840, 1841, 1842].map((y) => shared(`hpda-python/tas${y}.nc`)));
    const tas = ds.get('tas');
    expect(tas.variable.isLazy).toBe(true);
    const got = await chunkDataArray(tas, { time: 12 }).mean('time').compute();
    const want = tas.mean('time');
    expect(got.dtype).toBe('float32');
    // float64 accumulation rounded once vs float32 in memory: within two float32 ulps
    expectClose(got, want, 2.5e-7);
  });
});
