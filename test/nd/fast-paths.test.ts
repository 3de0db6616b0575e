import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/nd/index.js';
import { binary } from '../../src/nd/elementwise.js';
import { groupReduceAxis } from '../../src/nd/group-reduce.js';
import { reduce } from '../../src/nd/reduce.js';

// float32 expectations from numpy: a = np.array([300.5, 250.25, nan], 'f4');
// a - 273.15 -> [27.350006, -22.899994, nan]; 273.15 - a -> [-27.350006, 22.899994, nan]; a / 3.0 -> [100.166664, 83.416664, nan]
describe('scalar arithmetic fast path', () => {
  const a = new NDArray(Float32Array.of(300.5, 250.25, NaN), [3]);

  it('keeps float32 and rounds as numpy does, on either side of the scalar', () => {
    const d = binary('sub', a, 273.15);
    expect(d.dtype).toBe('float32');
    expect(Array.from(d.data as Float32Array)).toEqual([Math.fround(27.350006), Math.fround(-22.899994), NaN]);
    expect(Array.from(binary('sub', 273.15, a).data as Float32Array)).toEqual([Math.fround(-27.350006), Math.fround(22.899994), NaN]);
    expect(Array.from(binary('div', a, 3).data as Float32Array)).toEqual([Math.fround(100.166664), Math.fround(83.416664), NaN]);
    expect(binary('div', 1, NDArray.from([2, 4])).toArray()).toEqual([0.5, 0.25]);
    expect(binary('add', NDArray.from([[1, 2], [3, 4]]), 1).toArray()).toEqual([[2, 3], [4, 5]]);
  });

  it('leaves strided views to the general path', () => {
    const t = NDArray.from([[1, 2], [3, 4]]).transpose();
    expect(binary('mul', t, 10).toArray()).toEqual([[10, 30], [20, 40]]);
  });
});

// x = np.arange(30, dtype='f4').reshape(6, 5) * 1.5: rows 0-4 mean -> [15, 16.5, 18, 19.5, 21], row 5 -> [37.5 .. 43.5]
describe('slab sums (grouped and single-axis)', () => {
  const x = new NDArray(Float32Array.from({ length: 30 }, (_, i) => i * 1.5), [6, 5]);

  it('sums four slabs at a time and the remainder one by one', () => {
    const g = groupReduceAxis(x, 0, Int32Array.of(0, 0, 0, 0, 0, 1), 2, 'mean');
    expect(g.dtype).toBe('float32');
    expect(g.toArray()).toEqual([[15, 16.5, 18, 19.5, 21], [37.5, 39, 40.5, 42, 43.5]]);
    expect(Array.from(groupReduceAxis(x, 0, Int32Array.of(0, 0, 0, 0, 0, 1), 3, 'count').toFloat64().subarray(10))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(groupReduceAxis(x, 0, Int32Array.of(0, 0, 0, 0, 0, 1), 3, 'mean').toFloat64().subarray(10))).toEqual([NaN, NaN, NaN, NaN, NaN]);
    // all 30 values: sum 1.5 * 435 = 652.5
    expect(reduce('sum', x, 0).toFloat64().reduce((s, v) => s + v, 0)).toBe(652.5);
  });

  it('sums eight slabs at a time too', () => {
    // rows 0-8 of arange(50).reshape(10, 5) * 1.5: mean 1.5 * (20 + j); row 9: 1.5 * (45 + j)
    const z = new NDArray(Float32Array.from({ length: 50 }, (_, i) => i * 1.5), [10, 5]);
    expect(groupReduceAxis(z, 0, Int32Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 1), 2, 'mean').toArray()).toEqual([[30, 31.5, 33, 34.5, 36], [67.5, 69, 70.5, 72, 73.5]]);
    expect(groupReduceAxis(z, 0, Int32Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 1), 2, 'count').toArray()).toEqual([[9, 9, 9, 9, 9], [1, 1, 1, 1, 1]]);
  });

  it('falls back to NaN skipping when the data hold NaN', () => {
    const y = NDArray.from([[1, NaN], [3, 4], [5, 6], [7, 8], [9, 10]]);
    expect(reduce('mean', y, 0).toArray()).toEqual([5, 7]);
    expect(reduce('count', y, 0).toArray()).toEqual([5, 4]);
    expect(reduce('mean', y, 0, { skipna: false }).toArray()).toEqual([5, NaN]);
    expect(groupReduceAxis(y, 0, Int32Array.of(0, 0, 0, 0, 1), 2, 'sum').toArray()).toEqual([[16, 18], [9, 10]]);
  });
});
