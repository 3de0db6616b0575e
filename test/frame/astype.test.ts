// Reference values: pandas 1.5.3 (/usr/bin/python3), e.g. pd.Series([1.0, 1e16, 1e-5]).astype(str),
// pd.Series(['1.5', ' 2 ', 'nan', '-inf', '1e3']).astype(float); error cases are our documented policy.
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/frame/series.js';
import { fromStrings, fromTyped } from '../../src/frame/column-build.js';
import { TypeError_, ValueError } from '../../src/errors.js';
import { pyFloatStr } from '../../src/frame/ops/astype-text.js';

describe('astype', () => {
  it('float -> int when every value is integral; errors name value, row and column', () => {
    const s = new Series([1.0, 2.0, -3.0], { name: 'n' });
    expect(s.astype('int32').dtype).toBe('int32');
    expect(s.astype('int32').toArray()).toEqual([1, 2, -3]);
    expect(s.astype('int64').toArray()).toEqual([1, 2, -3]);
    expect(() => new Series([1.0, 2.5], { name: 'n' }).astype('int64')).toThrow(/'n'.*2\.5 at row 1 has a fraction/);
    expect(() => new Series([1.0, NaN], { name: 'n' }).astype('int64')).toThrow(/NaN at row 1/);
    expect(() => new Series([1.0, null], { name: 'n', dtype: 'float64' }).astype('int32')).toThrow(/missing value at row 1/);
    expect(() => new Series([1, 300], { name: 'n' }).astype('int8')).toThrow(/300 at row 1 is out of range for int8/);
    expect(() => new Series([-1], { name: 'n' }).astype('uint8')).toThrow(ValueError);
  });

  it('int -> int keeps nulls; int -> float; int64 -> uint64 checks the sign', () => {
    const s = new Series([1, null, 3]);
    expect(s.astype('int16').toArray()).toEqual([1, null, 3]);
    expect(s.astype('float64').toArray()).toEqual([1, null, 3]);
    expect(s.astype('float32').dtype).toBe('float32');
    const big = new Series(fromTyped(BigInt64Array.of(9007199254740993n, -1n), null, 'int64'), { name: 'b' });
    expect(() => big.astype('uint64')).toThrow(/-1 at row 1 is out of range for uint64/);
    expect(new Series(fromTyped(BigInt64Array.of(9007199254740993n), null, 'int64')).astype('uint64').toArray()).toEqual([9007199254740993n]);
  });

  it('numbers and bools <-> bool', () => {
    expect(new Series([0, 2, -1.5, NaN]).astype('bool').toArray()).toEqual([false, true, true, true]);
    expect(new Series([true, false, null]).astype('float64').toArray()).toEqual([1, 0, null]);
    expect(new Series([true, false]).astype('int8').toArray()).toEqual([1, 0]);
  });

  it('values -> string as Python prints them', () => {
    expect(new Series([1.0, 1e16, 1e-5, 0.1, 123456789.125, NaN, 1e-4, 1.5e300, 1234567890123456.0, -2.5e-7, 100.0]).astype('string').toArray())
      .toEqual(['1.0', '1e+16', '1e-05', '0.1', '123456789.125', 'nan', '0.0001', '1.5e+300', '1234567890123456.0', '-2.5e-07', '100.0']);
    expect(new Series([true, false]).astype('string').toArray()).toEqual(['True', 'False']);
    expect(new Series([1, 2, null]).astype('string').toArray()).toEqual(['1', '2', null]);
    expect(new Series([new Date('2020-01-01T00:00:00Z')]).astype('string').toArray()).toEqual(['2020-01-01']);
    expect(new Series([new Date('2020-01-01T10:00:01.250Z')]).astype('string').toArray()).toEqual(['2020-01-01 10:00:01.250']);
    expect(pyFloatStr(-0)).toBe('-0.0');
    expect(pyFloatStr(Infinity)).toBe('inf');
  });

  it('string -> numbers, bools and dates; unparsable values throw', () => {
    expect(new Series(['1.5', ' 2 ', 'nan', '-inf', '1e3']).astype('float64').toArray()).toEqual([1.5, 2, NaN, -Infinity, 1000]);
    expect(new Series(['1', '-20', null]).astype('float32').toArray()).toEqual([1, -20, null]);
    expect(new Series(['7', '-8']).astype('int8').toArray()).toEqual([7, -8]);
    expect(new Series(['9007199254740993']).astype('int64').toArray()).toEqual([9007199254740993n]);
    expect(() => new Series(['1', 'x1'], { name: 'c' }).astype('float64')).toThrow(/'c' to float64: "x1" at row 1 is not a number/);
    expect(() => new Series(['1', '2.5'], { name: 'c' }).astype('int64')).toThrow(/"2\.5" at row 1 is not an integer/);
    expect(() => new Series(['1', null], { name: 'c' }).astype('int64')).toThrow(/missing value at row 1/);
    expect(() => new Series(['200'], { name: 'c' }).astype('int8')).toThrow(/out of range/);
    expect(new Series(['true', 'False', '0', null]).astype('bool').toArray()).toEqual([true, false, false, null]);
    expect(() => new Series(['yes']).astype('bool')).toThrow(ValueError);
    const d = new Series(['2020-02-29', '2020-03-01 12:30:00', '2020-03-01T00:00:00+02:00']).astype('datetime').toArray() as Date[];
    expect(d.map((x) => x.toISOString())).toEqual(['2020-02-29T00:00:00.000Z', '2020-03-01T12:30:00.000Z', '2020-02-29T22:00:00.000Z']);
    expect(() => new Series(['2021-02-29']).astype('date')).toThrow(/not an ISO-8601 date/);
  });

  it('dictionary strings parse each distinct value once, errors still name the first bad row', () => {
    const s = new Series(fromStrings(['3', '4', '3', 'x', 'x'], { dictionary: true }), { name: 'd' });
    expect(() => s.astype('int32')).toThrow(/"x" at row 3/);
    expect(new Series(fromStrings(['3', '4', '3'], { dictionary: true })).astype('int32').toArray()).toEqual([3, 4, 3]);
  });

  it('numbers <-> dates use epoch milliseconds; date <-> datetime', () => {
    const t = new Series([0, 86400000 * 1.5]).astype('datetime').toArray() as Date[];
    expect(t.map((x) => x.toISOString())).toEqual(['1970-01-01T00:00:00.000Z', '1970-01-02T12:00:00.000Z']);
    const dt = new Series([new Date('2020-01-02T12:00:00Z')]);
    expect(dt.astype('int64').toArray()).toEqual([1577966400000]);
    expect((dt.astype('date').toArray()[0] as Date).toISOString()).toBe('2020-01-02T00:00:00.000Z');
    expect(() => new Series([true]).astype('datetime')).toThrow(TypeError_);
    expect(() => new Series([1]).astype('complex' as 'int8')).toThrow(/Unknown dtype/);
  });
});
