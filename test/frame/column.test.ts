import { describe, expect, it } from 'vitest';
import * as arrow from 'apache-arrow';
import { Column } from '../../src/frame/column.js';
import { concatColumns, fromCodes, fromEpochMs, fromStrings, fromTyped, fromValues, fromVector } from '../../src/frame/column-build.js';
import { filterColumn, sliceColumn, take } from '../../src/frame/column-take.js';
import { float64ToInt64, int64ToFloat64 } from '../../src/frame/dtypes.js';

describe('Column construction and inference', () => {
  it('infers int64 for integral numbers, float64 otherwise, nulls through validity', () => {
    const a = fromValues([1, 2, null]);
    expect(a.dtype).toBe('int64');
    expect(a.nullCount).toBe(1);
    expect(a.toArray()).toEqual([1, 2, null]);
    const b = fromValues([1.5, NaN, null]);
    expect(b.dtype).toBe('float64');
    expect(b.nullCount).toBe(1);
    expect(b.get(1)).toBeNaN();
    expect(Array.from(b.toFloat64())).toEqual([1.5, NaN, NaN]);
  });

  it('keeps unsafe int64 values as bigint and safe ones as number', () => {
    const c = fromValues([2n ** 60n, 5n]);
    expect(c.dtype).toBe('int64');
    expect(c.get(0)).toBe(2n ** 60n);
    expect(c.get(1)).toBe(5);
  });

  it('refuses mixed value kinds with the row named', () => {
    expect(() => fromValues([1, 'a'], undefined, 'x')).toThrow(/Column 'x' mixes number and string values \(row 1/);
  });

  it('builds strings plain and dictionary-encoded with the same values', () => {
    const s = ['b', null, 'a', 'b', 'é'];
    const plain = fromStrings(s);
    const dict = fromStrings(s, { dictionary: true });
    expect(plain.isDictionary).toBe(false);
    expect(dict.isDictionary).toBe(true);
    expect(plain.strings()).toEqual(s);
    expect(dict.strings()).toEqual(s);
    expect(dict.dictionaryCodes()).toEqual({ codes: Int32Array.of(0, -1, 1, 0, 2), dictionary: ['b', 'a', 'é'] });
    expect(plain.dictionaryCodes().codes).toEqual(Int32Array.of(0, -1, 1, 0, 2));
    expect(fromCodes(Int32Array.of(1, -1, 0), ['x', 'y']).toArray()).toEqual(['y', null, 'x']);
  });

  it('datetimes hold epoch milliseconds and read back as Dates; NaN is null', () => {
    const t = Date.UTC(2020, 1, 29, 12, 30);
    const c = fromEpochMs(Float64Array.of(t, NaN));
    expect(c.dtype).toBe('datetime');
    expect((c.get(0) as Date).toISOString()).toBe('2020-02-29T12:30:00.000Z');
    expect(c.get(1)).toBeNull();
    const d = fromEpochMs(Float64Array.of(t), 'date');
    expect(d.dtype).toBe('date');
    expect((d.get(0) as Date).toISOString()).toBe('2020-02-29T00:00:00.000Z');
  });

  it('bools pack to bits and unpack to bytes', () => {
    const c = fromValues([true, false, null, true]);
    expect(c.dtype).toBe('bool');
    expect(Array.from(c.boolBytes())).toEqual([1, 0, 0, 1]);
    expect(c.toArray()).toEqual([true, false, null, true]);
  });
});

describe('Column selection', () => {
  const c = fromValues([10, 20, null, 40, 50]);
  it('take gathers and yields null for -1', () => {
    expect(take(c, Int32Array.of(4, 2, -1, 0)).toArray()).toEqual([50, null, null, 10]);
    expect(take(fromStrings(['a', 'b']), [1, -1]).toArray()).toEqual(['b', null]);
  });
  it('slices share the buffer and keep validity aligned', () => {
    const s = sliceColumn(c, 1, 4);
    expect(s.toArray()).toEqual([20, null, 40]);
    expect(s.data.offset).toBe(0);
    const f = fromTyped(Float64Array.of(1, 2, 3, 4));
    expect(sliceColumn(f, 1, 3).values.buffer).toBe(f.values.buffer);
  });
  it('filters by a byte mask', () => {
    expect(filterColumn(c, Uint8Array.of(1, 0, 1, 0, 1)).toArray()).toEqual([10, null, 50]);
    expect(filterColumn(fromTyped(Float64Array.of(1, 2, 3)), Uint8Array.of(0, 1, 1)).toArray()).toEqual([2, 3]);
  });
  it('concatenates chunks, including from a multi-chunk Arrow vector', () => {
    const v = arrow.makeVector(Float64Array.of(1, 2)).concat(arrow.makeVector(Float64Array.of(3)));
    expect(v.data.length).toBe(2);
    expect(fromVector(v).toArray()).toEqual([1, 2, 3]);
    expect(concatColumns([fromValues(['a', null]), fromValues(['b'])]).toArray()).toEqual(['a', null, 'b']);
  });
  it('trims padded value buffers (as Arrow IPC readers hand them out)', () => {
    const d = arrow.makeData({ type: new arrow.Int32(), length: 3, data: Int32Array.of(1, 2, 3, 99) });
    const col = new Column(d);
    expect(col.values.length).toBe(3);
    expect(col.toArray()).toEqual([1, 2, 3]);
  });
  it('normalises a sliced Arrow chunk to offset 0', () => {
    const d = fromValues([1, null, 3, 4]).data.slice(1, 3);
    const col = new Column(d);
    expect(col.toArray()).toEqual([null, 3, 4]);
    expect(col.nullCount).toBe(1);
  });
});

describe('int64 conversions without BigInt per element', () => {
  it('round-trips negative and large values exactly', () => {
    const vals = [0, -1, 2 ** 40 + 3, -(2 ** 52) + 7, 123456789012];
    const big = float64ToInt64(vals);
    expect(Array.from(big, (b) => Number(b))).toEqual(vals);
    expect(Array.from(int64ToFloat64(big))).toEqual(vals);
  });
});

describe('DataFrame column order', () => {
  it('keeps integer-like column names where they were put (fromColumns and Map input)', async () => {
    const { DataFrame } = await import('../../src/frame/dataframe.js');
    const df = DataFrame.fromColumns(['b', '2', '1'], [fromValues([1]), fromValues([2]), fromValues([3])]);
    expect(df.columns).toEqual(['b', '2', '1']);
    expect(new DataFrame(new Map([['z', [1]], ['10', [2]]])).columns).toEqual(['z', '10']);
  });
});
