import { describe, expect, it } from 'vitest';
import { fromCodes, fromStrings, fromTyped, fromValues } from '../../src/frame/column-build.js';
import { filterColumn, maskToIndices } from '../../src/frame/column-take.js';
import { DataFrame } from '../../src/frame/dataframe.js';
import { compact, maskCount } from '../../src/frame/ops/compact.js';
import { ValueError } from '../../src/errors.js';

// Mask bytes other than 0/1 count as "keep" (the branch-free loops must treat 2 and 255 like 1).
const mask = Uint8Array.of(1, 0, 2, 255, 0);
// Kept rows 0, 2, 3 (read off the mask by hand).

describe('mask compaction', () => {
  it('counts and indexes non-zero bytes', () => {
    expect(maskCount(mask)).toBe(3);
    expect([...maskToIndices(mask)]).toEqual([0, 2, 3]);
    expect([...maskToIndices(new Uint8Array(0))]).toEqual([]);
  });

  it('keeps values and nulls of every width', () => {
    const cases: [ReturnType<typeof fromValues>, unknown[]][] = [
      [fromValues([1.5, null, NaN, -2, 7]), [1.5, NaN, -2]],
      [fromTyped(BigInt64Array.of(2n ** 60n, 1n, -5n, -(2n ** 62n), 3n)), [2n ** 60n, -5, -(2n ** 62n)]],
      [fromValues([1, 2, null, 4, 5], 'int32'), [1, null, 4]],
      [fromValues([1, -2, 3, -4, 5], 'int16'), [1, 3, -4]],
      [fromValues([1, 2, 3, 250, 9], 'uint8'), [1, 3, 250]],
      [fromValues([0.5, 1.5, 2.5, null, 4], 'float32'), [0.5, 2.5, null]],
      [fromValues([true, false, null, true, false]), [true, null, true]],
      [fromStrings(['a', 'bb', null, 'dddd', 'e']), ['a', null, 'dddd']],
    ];
    for (const [col, want] of cases) {
      const out = filterColumn(col, mask);
      expect(out.dtype).toBe(col.dtype);
      expect(out.toArray()).toEqual(want);
    }
  });

  it('drops the validity when no null survives', () => {
    const out = compact(fromValues([1, null, 3, 4, null], 'int32'), mask);
    expect(out.toArray()).toEqual([1, 3, 4]);
    expect(out.nullCount).toBe(0);
    expect(out.validity).toBeNull();
  });

  it('keeps a dictionary column as codes over the same dictionary', () => {
    const col = fromCodes(Int32Array.of(2, 0, -1, 1, 2), ['x', 'y', 'z']);
    const out = compact(col, mask);
    expect(out.isDictionary).toBe(true);
    expect(out.data.dictionary).toBe(col.data.dictionary);
    expect(out.toArray()).toEqual(['z', null, 'y']);
    expect(compact(col, new Uint8Array(5)).length).toBe(0);
  });

  it('rejects a mask of the wrong length', () => {
    expect(() => filterColumn(fromValues([1, 2]), Uint8Array.of(1))).toThrow(ValueError);
  });

  it('filters a frame with a boolean Series (null counts as false), keeping index labels', () => {
    const df = DataFrame.fromColumns(['k', 'v'], [fromCodes(Int32Array.of(0, 1, 0, 1), ['a', 'b']), fromValues([-1, 2, 3, null])]);
    // pandas: df[df.v > 0] keeps labels 1 and 2 (v = 2, 3); the null row compares false.
    const out = df.filter(df.col('v').gt(0));
    expect(out.index.toArray()).toEqual([1, 2]);
    expect(out.column('k').toArray()).toEqual(['b', 'a']);
    expect(out.column('v').toArray()).toEqual([2, 3]);
  });
});
