import { describe, expect, it } from 'vitest';
import { fromCodes, fromStrings, fromTyped, fromValues } from '../../src/frame/column-build.js';
import { take } from '../../src/frame/column-take.js';
import { gather, gatherColumns } from '../../src/frame/ops/gather.js';
import { gatherIndex } from '../../src/frame/ops/gather-index.js';
import { gatherPlan } from '../../src/frame/ops/gather-plan.js';
import { Index, RangeIndex } from '../../src/frame/label-index.js';
import { MultiIndex } from '../../src/frame/multi-index.js';

// Oracle: the core's column take (same semantics: a negative position gives null).
describe('gather', () => {
  const idx = Int32Array.of(3, -1, 0, 0, 2);
  const cols = {
    float64: fromValues([1.5, null, NaN, -2]),
    int64: fromTyped(BigInt64Array.of(2n ** 60n, -1n, 5n, -(2n ** 62n))),
    int32: fromValues([1, 2, null, 4], 'int32'),
    int16: fromValues([1, -2, 3, 4], 'int16'),
    uint8: fromValues([1, 2, 3, 250], 'uint8'),
    float32: fromValues([0.5, 1.5, 2.5, null], 'float32'),
    bool: fromValues([true, false, null, true]),
    utf8: fromStrings(['a', 'héllo', null, '']),
    dict: fromCodes(Int32Array.of(1, 0, -1, 1), ['x', 'y']),
    datetime: fromValues([new Date(0), null, new Date(86400000), new Date(1e12)]),
    date: fromValues([new Date(0), null, new Date(86400000), new Date(1e12 - (1e12 % 86400000))], 'date'),
  };
  for (const [name, col] of Object.entries(cols)) {
    it(`${name}: same values, dtype and nulls as take`, () => {
      const g = gather(col, idx);
      expect(g.dtype).toBe(col.dtype);
      expect(g.toArray()).toEqual(take(col, idx).toArray());
      expect(g.nullCount).toBe(take(col, idx).nullCount);
    });
  }
  it('through a blocked plan (the path of large gathers), same values as take', () => {
    // 70k rows span three 32k-row blocks; the positions are a shuffled mix with repeats and -1.
    const n = 70_000;
    let seed = 3;
    const rand = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
    const idx = Int32Array.from({ length: 80_000 }, () => (rand() < 0.01 ? -1 : Math.floor(rand() * n)));
    const big = [
      fromValues(Array.from({ length: n }, (_, i) => (i % 97 === 0 ? null : i * 0.5))),
      fromTyped(BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * 3n - 2n ** 40n)),
      fromValues(Array.from({ length: n }, (_, i) => i % 1000), 'int32'),
      fromCodes(Int32Array.from({ length: n }, (_, i) => i % 3), ['a', 'b', 'c']),
    ];
    const plan = gatherPlan(idx, n);
    for (const c of big) expect(gather(c, idx, plan).toArray()).toEqual(take(c, idx).toArray());
    expect(gatherColumns(big, idx).map((c) => c.length)).toEqual([80_000, 80_000, 80_000, 80_000]);
  });
  it('keeps the dictionary of dictionary strings', () => {
    const g = gather(cols.dict, idx);
    expect(g.isDictionary).toBe(true);
    expect(g.toArray()).toEqual(['y', null, 'y', 'y', null]);
  });
  it('gathers index labels (RangeIndex from positions, MultiIndex codes)', () => {
    expect(gatherIndex(new RangeIndex(10, { start: 5, step: 3 }), Int32Array.of(2, 0)).toArray()).toEqual([11, 5]);
    expect(gatherIndex(new Index(['a', 'b', 'c'], { name: 'k' }), Int32Array.of(2, 0)).toArray()).toEqual(['c', 'a']);
    const mi = MultiIndex.fromArrays([['a', 'b'], [1, 2]]);
    expect(gatherIndex(mi, Int32Array.of(1, 0)).toArray()).toEqual([['b', 2], ['a', 1]]);
  });
});
