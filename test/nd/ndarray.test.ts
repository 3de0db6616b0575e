import { describe, expect, it } from 'vitest';
import { NDArray, where, broadcastShapes } from '../../src/nd/index.js';
import { ValueError, TypeError_ } from '../../src/errors.js';

// Expected values below are computed by hand (and agree with numpy's nansum/nanmean/nanstd/nanmedian).
describe('NDArray core', () => {
  const a = NDArray.from([[1, 2, 3], [4, NaN, 6]]);

  it('has shape, strides and C-order values', () => {
    expect(a.shape).toEqual([2, 3]);
    expect(a.strides).toEqual([3, 1]);
    expect(a.get(1, 2)).toBe(6);
    expect(a.get(-1, 0)).toBe(4);
    expect(() => a.get(2, 0)).toThrow(ValueError);
  });

  it('slices, transposes, squeezes and broadcasts without copying', () => {
    const t = a.transpose();
    expect(t.data).toBe(a.data);
    expect(t.toArray()).toEqual([[1, 4], [2, NaN], [3, 6]]);
    const rev = a.slice([null, { step: -1 }]);
    expect(rev.data).toBe(a.data);
    expect(rev.toArray()).toEqual([[3, 2, 1], [6, NaN, 4]]);
    expect(a.slice([1, { start: 0, stop: 3, step: 2 }]).toArray()).toEqual([4, 6]);
    const row = NDArray.from([[10, 20, 30]]);
    expect(row.squeeze().shape).toEqual([3]);
    const b = NDArray.from([1, 2]).expandDims(1).broadcastTo([2, 3]);
    expect(b.strides).toEqual([1, 0]);
    expect(b.toArray()).toEqual([[1, 1, 1], [2, 2, 2]]);
    expect(() => a.broadcastTo([4, 3])).toThrow(ValueError);
  });

  it('does elementwise arithmetic with numpy broadcasting', () => {
    const col = NDArray.from([[10], [20]]);
    expect(a.add(col).toArray()).toEqual([[11, 12, 13], [24, NaN, 26]]);
    expect(a.sub(1).mul(2).toArray()).toEqual([[0, 2, 4], [6, NaN, 10]]);
    expect(NDArray.from([7, -7]).binary('mod', 3).toArray()).toEqual([1, 2]);
    expect(NDArray.from([4, 9]).math('sqrt').toArray()).toEqual([2, 3]);
    expect(broadcastShapes([2, 1, 3], [4, 1])).toEqual([2, 4, 3]);
    expect(() => a.add(NDArray.from([1, 2]))).toThrow(/could not be broadcast together with shapes \(2,3\) \(2\)/);
    expect(() => NDArray.from(['a']).add(1)).toThrow(TypeError_);
  });

  it('keeps float32 with a JS number (numpy scalar rule) and widens otherwise', () => {
    const f = new NDArray(Float32Array.of(1.5, 2.5), [2]);
    expect(f.sub(273.15).dtype).toBe('float32');
    expect(f.add(NDArray.from([1, 1])).dtype).toBe('float64');
  });

  it('reduces over axes skipping NaN', () => {
    expect(a.sum(0).toArray()).toEqual([5, 2, 9]);
    expect(a.sum(1).toArray()).toEqual([6, 10]);
    expect(a.sum(1, { skipna: false }).toArray()).toEqual([6, NaN]);
    expect(a.mean().toArray()).toBe(16 / 5);
    expect(a.min(1).toArray()).toEqual([1, 4]);
    expect(a.max(0).toArray()).toEqual([4, 2, 6]);
    expect(a.count(0).toArray()).toEqual([2, 1, 2]);
    // population variance of [1,2,3,4,6]: mean 3.2, squared deviations 4.84+1.44+0.04+0.64+7.84 = 14.8
    expect(a.var().toArray()).toBeCloseTo(14.8 / 5, 12);
    expect(a.std(undefined, { ddof: 1 }).toArray()).toBeCloseTo(Math.sqrt(14.8 / 4), 12);
    expect(a.median(1).toArray()).toEqual([2, 5]);
    expect(a.median().toArray()).toBe(3);
    expect(NDArray.from([[NaN, NaN]]).mean(1).toArray()).toEqual([NaN]);
    // reductions over a strided view equal those over a copy
    expect(a.transpose().sum(1).toArray()).toEqual([5, 2, 9]);
    expect(() => a.sum(2)).toThrow(/axis 2 is out of bounds/);
  });

  it('uses a numerically stable variance (Welford)', () => {
    const big = NDArray.from([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(big.var(undefined, { ddof: 1 }).toArray()).toBeCloseTo(30, 6);
  });

  it('where, isnan, astype', () => {
    expect(where(a.isnan(), 0, a).toArray()).toEqual([[1, 2, 3], [4, 0, 6]]);
    expect(where(NDArray.from([true, false]), NDArray.from([1, 2])).toArray()).toEqual([1, NaN]);
    expect(a.isnan().toArray()).toEqual([[false, false, false], [false, true, false]]);
    expect(NDArray.from([1.7, -1.7]).astype('int32').toArray()).toEqual([1, -1]);
    expect(NDArray.from([1.7, -1.7]).astype('int32').dtype).toBe('int32');
    expect(() => a.astype('int16')).toThrow(/non-finite/);
    expect(NDArray.from([0, 2]).astype('bool').toArray()).toEqual([false, true]);
  });

  it('rejects ragged nested arrays and bad reshapes', () => {
    expect(() => NDArray.from([[1, 2], [3]])).toThrow(ValueError);
    expect(() => NDArray.from([1, 2, 3]).reshape([2, 2])).toThrow(/Cannot reshape/);
    expect(NDArray.from([1, 2, 3, 4]).reshape([2, -1]).shape).toEqual([2, 2]);
  });
});
