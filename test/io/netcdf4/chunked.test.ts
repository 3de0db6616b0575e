/**
 * `openDataset(path, { chunks })`: data variables stay on disk and their reductions read and reduce one
 * chunk at a time. Checked against the eager read of the same file (tas1840.nc, float32 12 x 160 x 320)
 * and, on a small file with NaN, against values computed by hand (in the comments).
 */
import { describe, expect, it, beforeAll, afterAll, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Dataset, openDataset, openMfDataset, type DataArray } from '../../../src/nd/index.js';
import { H5Source } from '../../../src/io/netcdf4/h5-source.js';
import { KeyError, ValueError } from '../../../src/errors.js';
import { shared, hasShared, closeTo } from '../../helpers.js';

type Op = 'mean' | 'sum' | 'min' | 'max' | 'std' | 'var' | 'count';
const OPS: Op[] = ['mean', 'sum', 'min', 'max', 'std', 'var', 'count'];

function expectClose(a: DataArray, b: DataArray, rel: number): void {
  expect(a.dims).toEqual(b.dims);
  expect(a.dtype).toBe(b.dtype);
  const x = a.values.toFloat64();
  const y = b.values.toFloat64();
  expect(x.length).toBe(y.length);
  let bad = 0;
  for (let i = 0; i < x.length; i++) if (!closeTo(x[i], y[i], rel)) bad++;
  expect(bad).toBe(0);
}

describe.skipIf(!hasShared)('openDataset with chunks (tas1840.nc)', () => {
  const file = shared('hpda-python/tas1840.nc');

  it('reduces chunk by chunk (chunks that do not divide the dims) to the eager values', async () => {
    const eager = (await openDataset(file)).get('tas').load();
    const ds = await openDataset(file, { chunks: { time: 5, lat: 70 } });
    const tas = ds.get('tas');
    expect(tas.variable.chunks).toEqual({ time: 5, lat: 70 });
    expect(tas.variable.isLazy).toBe(true);
    const reads = vi.spyOn(H5Source.prototype, 'readInto');
    const whole = vi.spyOn(H5Source.prototype, 'read');
    const m = tas.mean('time');
    // 12 / 5 -> 3 time chunks, 160 / 70 -> 3 lat chunks, lon whole: 9 hyperslabs of at most 5 x 70 x 320,
    // each read into one reused buffer (readInto), none through a new array (read)
    expect(reads).toHaveBeenCalledTimes(9);
    expect(whole).toHaveBeenCalledTimes(0);
    const buffers = new Set(reads.mock.calls.map(([, out]) => out.buffer));
    expect(buffers.size).toBe(1);
    for (const [ranges] of reads.mock.calls) {
      const counts = ranges.map((r) => r.count);
      expect(counts[0]).toBeLessThanOrEqual(5);
      expect(counts[1]).toBeLessThanOrEqual(70);
      expect(counts[2]).toBe(320);
    }
    expect(reads.mock.calls.map(([r]) => `${r[0].start}:${r[0].count},${r[1].start}:${r[1].count}`)).toEqual(['0:5,0:70', '0:5,70:70', '0:5,140:20', '5:5,0:70', '5:5,70:70', '5:5,140:20', '10:2,0:70', '10:2,70:70', '10:2,140:20']);
    reads.mockRestore();
    whole.mockRestore();
    // nothing was kept: the variable is still on disk
    expect(tas.variable.isLazy).toBe(true);
    expectClose(m, eager.mean('time'), 1e-6);
    for (const op of OPS) {
      for (const dim of ['time', ['lat', 'lon']] as const) {
        // float32 data accumulated in float64 either way; chunk order changes the sums' rounding only
        expectClose(tas[op](dim), eager[op](dim), op === 'min' || op === 'max' || op === 'count' ? 0 : 1e-6);
      }
    }
    // the chunks the file was opened with are what chunk() cuts for the worker pool
    expect(tas.chunk().chunks).toEqual([[5, 5, 2], [70, 70, 20], [320]]);
    ds.close();
  });

  it('rejects unknown dimensions and bad lengths', async () => {
    await expect(openDataset(file, { chunks: { tme: 12 } })).rejects.toThrow(KeyError);
    await expect(openDataset(file, { chunks: { tme: 12 } })).rejects.toThrow(/dimension 'tme'.*time/s);
    await expect(openDataset(file, { chunks: { time: 0 } })).rejects.toThrow(ValueError);
    await expect(openDataset(file, { chunks: { time: 2.5 } })).rejects.toThrow(/positive integer/);
  });

  it('-1 is the whole dimension; openMfDataset takes chunks too', async () => {
    const files = [file, shared('hpda-python/tas1841.nc')];
    const eager = (await openMfDataset(files)).get('tas').load();
    const ds = await openMfDataset(files, { chunks: { time: 7, lat: -1 } });
    const tas = ds.get('tas');
    expect(tas.variable.isLazy).toBe(true);
    expect(tas.chunk().chunks).toEqual([[7, 7, 7, 3], [160], [320]]);
    expectClose(tas.mean('time'), eager.mean('time'), 1e-6);
    expectClose(tas.max(['lat', 'lon']), eager.max(['lat', 'lon']), 0);
    ds.close();
  });

  it('keeps a variable read in full (cache, as xarray) unless chunks or cache: false', async () => {
    const ds = await openDataset(file);
    const tas = ds.get('tas');
    const a = tas.values;
    expect(tas.variable.isLazy).toBe(false);
    expect(tas.values === a).toBe(true);
    // a selection of a kept variable is a view of what was read
    const one = tas.isel({ time: 3, lat: 100 });
    expect(one.variable.isLazy).toBe(false);
    expect(Array.from(one.values.toFloat64())).toEqual(Array.from(a.slice([3, 100]).toFloat64()));
    const nc = (await openDataset(file, { cache: false })).get('tas');
    const b = nc.values;
    expect(nc.variable.isLazy).toBe(true);
    expect(nc.values === b).toBe(false);
    const x = a.toFloat64();
    const y = b.toFloat64();
    let diff = 0;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff++;
    expect(diff).toBe(0);
  });
});

describe('chunked reductions with NaN (values by hand)', () => {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gf-chunks-'));
    file = path.join(dir, 'nan.nc');
    // v(t, x): column 0 = 1, 3, 5, NaN, 9; column 1 = 2, NaN, 6, 8, 10; column 2 all NaN; column 3 = 2, 4, 6, 8, 10
    const v = [[1, 2, NaN, 2], [3, NaN, NaN, 4], [5, 6, NaN, 6], [NaN, 8, NaN, 8], [9, 10, NaN, 10]];
    await new Dataset({ v: [['t', 'x'], v] }, { coords: { t: [0, 1, 2, 3, 4], x: [0, 1, 2, 3] } }).toNetcdf(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('skips NaN as xarray does, and propagates it with skipna: false', async () => {
    const ds = await openDataset(file, { chunks: { t: 2, x: 3 } });
    const v = ds.get('v');
    const t = (da: DataArray): number[] => Array.from(da.values.toFloat64());
    // column 0: 1,3,5,9 -> mean 4.5, sum 18, var (12.25+2.25+0.25+20.25)/4 = 8.75; column 1: 2,6,8,10 -> 6.5, 26, 35/4;
    // column 2: nothing (mean/min/max NaN, sum 0, count 0); column 3: 2..10 -> 6, 30, 40/5 = 8
    expect(t(v.mean('t'))).toEqual([4.5, 6.5, NaN, 6]);
    expect(t(v.sum('t'))).toEqual([18, 26, 0, 30]);
    expect(t(v.min('t'))).toEqual([1, 2, NaN, 2]);
    expect(t(v.max('t'))).toEqual([9, 10, NaN, 10]);
    expect(t(v.count('t'))).toEqual([4, 4, 0, 5]);
    expect(t(v.var('t'))).toEqual([8.75, 8.75, NaN, 8]);
    expect(t(v.std('t', { ddof: 1 })).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([Math.sqrt(35 / 3), Math.sqrt(35 / 3), NaN, Math.sqrt(10)].map((x) => Math.round(x * 1e12) / 1e12));
    // along x (chunks of 3 and 1): rows 1,2,2 -> 5/3; 3,4 -> 3.5; 5,6,6 -> 17/3; 8,8 -> 8; 9,10,10 -> 29/3
    expect(t(v.mean('x')).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([5 / 3, 3.5, 17 / 3, 8, 29 / 3].map((x) => Math.round(x * 1e12) / 1e12));
    // everything: (18 + 26 + 30) / (4 + 4 + 5)
    expect(v.mean().values.toFloat64()[0]).toBeCloseTo(74 / 13, 12);
    // skipna false: only column 3 has no NaN
    expect(t(v.mean('t', { skipna: false }))).toEqual([NaN, NaN, NaN, 6]);
    expect(t(v.sum('t', { skipna: false }))).toEqual([NaN, NaN, NaN, 30]);
    expect(t(v.min('t', { skipna: false }))).toEqual([NaN, NaN, NaN, 2]);
    expect(t(v.max('t', { skipna: false }))).toEqual([NaN, NaN, NaN, 10]);
    expect(t(v.var('t', { skipna: false }))).toEqual([NaN, NaN, NaN, 8]);
    // a Dataset reduction goes through the same path
    expect(Array.from(ds.mean('t').variables.v.values.toFloat64())).toEqual([4.5, 6.5, NaN, 6]);
    ds.close();
  });
});
