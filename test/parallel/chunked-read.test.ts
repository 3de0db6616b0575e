/**
 * Chunked computations over a file opened with `chunks`: the workers read their chunks from the file
 * themselves (the calling thread reads nothing), with the same values as the chunk-by-chunk
 * reduction on the calling thread and the eager in-memory one.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDataset } from '../../src/io/netcdf4/read.js';
import { H5Source } from '../../src/io/netcdf4/h5-source.js';
import { configure, shutdown } from '../../src/parallel/pool.js';
import type { DataArray } from '../../src/nd/dataarray.js';
import { closeTo, hasShared, shared } from '../helpers.js';

function mismatches(got: DataArray, want: DataArray, rel: number): number {
  expect(got.dims).toEqual(want.dims);
  expect(got.dtype).toBe(want.dtype);
  const g = got.values.toFloat64();
  const w = want.values.toFloat64();
  expect(g.length).toBe(w.length);
  let bad = 0;
  for (let i = 0; i < w.length; i++) if (!closeTo(g[i], w[i], rel)) bad++;
  return bad;
}

describe.skipIf(!hasShared)('chunked computations read by the workers (tas1840.nc)', () => {
  beforeAll(() => configure({ workers: 2 }));
  afterAll(() => shutdown());

  it('reduces with the workers reading their own hyperslabs', async () => {
    const file = shared('hpda-python/tas1840.nc');
    const ds = await openDataset(file, { chunks: { time: 5, lat: 70 } });
    const tas = ds.get('tas');
    const eager = (await openDataset(file)).get('tas').load();
    const onMain = [vi.spyOn(H5Source.prototype, 'read'), vi.spyOn(H5Source.prototype, 'readInto')];
    const got = {
      mean: await tas.chunk().mean('time').compute(),
      std: await tas.chunk().std('time').compute(),
      max: await tas.chunk().max(['lat', 'lon']).compute(),
      count: await tas.chunk().count('time').compute(),
      // an elementwise chain before the reduction, and an elementwise result without one
      anomaly: await tas.chunk().sub(273.15).mean('time').compute(),
      celsius: await tas.chunk().sub(273.15).compute(),
    };
    for (const s of onMain) {
      expect(s).toHaveBeenCalledTimes(0);
      s.mockRestore();
    }
    expect(got.mean.dtype).toBe('float32');
    expect(mismatches(got.mean, tas.mean('time'), 1e-7)).toBe(0);
    expect(mismatches(got.mean, eager.mean('time'), 1e-6)).toBe(0);
    expect(mismatches(got.std, eager.std('time'), 1e-5)).toBe(0);
    expect(mismatches(got.max, eager.max(['lat', 'lon']), 0)).toBe(0);
    expect(mismatches(got.count, eager.count('time'), 0)).toBe(0);
    // the chain runs in float64 on the chunks (rounded to float32 once), as on in-memory chunks: equal to those exactly
    const inMemory = eager.chunk({ time: 5, lat: 70 });
    expect(mismatches(got.anomaly, await inMemory.sub(273.15).mean('time').compute(), 0)).toBe(0);
    expect(mismatches(got.celsius, await inMemory.sub(273.15).compute(), 0)).toBe(0);
    // and within float32 rounding of the eager float32 arithmetic (273.15 is not exact in float32)
    expect(mismatches(got.celsius, eager.sub(273.15), 3e-5)).toBe(0);
    ds.close();
  });
});
