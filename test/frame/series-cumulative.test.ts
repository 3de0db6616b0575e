// Reference values: pandas 1.5.3 (/usr/bin/python3), x = pd.Series([3.0, nan, -1.0, 4.0, 2.0]).
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/frame/series.js';
import { TypeError_ } from '../../src/errors.js';

const x = () => new Series([3.0, NaN, -1.0, 4.0, 2.0]);

describe('cumulative, diff, shift', () => {
  it('cumsum / cumprod / cummax / cummin skip NaN', () => {
    expect(x().cumsum().toArray()).toEqual([3, NaN, 2, 6, 8]);
    expect(x().cumprod().toArray()).toEqual([3, NaN, -3, -12, -24]);
    expect(x().cummax().toArray()).toEqual([3, NaN, 3, 4, 4]);
    expect(x().cummin().toArray()).toEqual([3, NaN, -1, -1, -1]);
    expect(x().cumsum({ skipna: false }).toArray()).toEqual([3, NaN, NaN, NaN, NaN]);
  });

  it('ints keep int64 with nulls; bool cumsum is int64, bool cummax stays bool', () => {
    const i = new Series([1, null, 2, 5]);
    expect(i.cumsum().toArray()).toEqual([1, null, 3, 8]);
    expect(i.cumsum().dtype).toBe('int64');
    expect(i.cumsum({ skipna: false }).toArray()).toEqual([1, null, null, null]);
    const b = new Series([true, false, true]);
    expect(b.cumsum().toArray()).toEqual([1, 1, 2]); // pandas: [1, 1, 2] int64
    expect(b.cummax().toArray()).toEqual([true, true, true]);
    expect(b.cummax().dtype).toBe('bool');
    const d = new Series([new Date('2020-01-02T00:00:00Z'), new Date('2020-01-01T00:00:00Z')]);
    expect((d.cummax().toArray()[1] as Date).toISOString()).toBe('2020-01-02T00:00:00.000Z');
    expect(() => d.cumsum()).toThrow(TypeError_);
    expect(() => new Series(['a']).cumsum()).toThrow(TypeError_);
  });

  it('diff with positive and negative periods', () => {
    expect(x().diff().toArray()).toEqual([NaN, NaN, NaN, 5, -2]);
    expect(x().diff(2).toArray()).toEqual([NaN, NaN, -4, NaN, 3]);
    expect(x().diff(-1).toArray()).toEqual([NaN, NaN, -5, 2, NaN]);
    expect(new Series([1, 4, 9]).diff().dtype).toBe('float64');
  });

  it('shift keeps the dtype; fillValue fills the rows moved in', () => {
    expect(x().shift(2).toArray()).toEqual([null, null, 3, NaN, -1]);
    expect(x().shift(-1).toArray()).toEqual([NaN, -1, 4, 2, null]);
    expect(x().shift(1, { fillValue: 0 }).toArray()).toEqual([0, 3, NaN, -1, 4]);
    const s = new Series(['a', 'b', 'c']);
    expect(s.shift(1).toArray()).toEqual([null, 'a', 'b']);
    expect(new Series([1, 2, 3]).shift(5).toArray()).toEqual([null, null, null]);
    expect(new Series([1, 2, 3]).shift(1).dtype).toBe('int64');
  });
});
