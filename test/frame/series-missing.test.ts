// Reference values: pandas 1.5.3 (/usr/bin/python3), e.g.
//   pd.Series([1.0, nan, 2.0, nan, nan, 5.0, nan]).ffill(limit=1)
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/frame/series.js';
import { fromStrings } from '../../src/frame/column-build.js';
import { TypeError_ } from '../../src/errors.js';

const gappy = () => new Series([1.0, NaN, 2.0, null, NaN, 5.0, NaN], { name: 'g', index: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] });

describe('missing values', () => {
  it('isna / notna see null and float NaN', () => {
    const s = gappy();
    expect(s.isna().toArray()).toEqual([false, true, false, true, true, false, true]);
    expect(s.notna().toArray()).toEqual([true, false, true, false, false, true, false]);
    expect(new Series(['x', null]).isna().toArray()).toEqual([false, true]);
    expect(new Series([1, null, 3]).notna().toArray()).toEqual([true, false, true]);
    expect(s.isna().index).toBe(s.index);
  });

  it('fillna keeps the dtype when the value fits', () => {
    expect(gappy().fillna(0).toArray()).toEqual([1, 0, 2, 0, 0, 5, 0]);
    const i = new Series([1, null, 3]);
    expect(i.fillna(7).dtype).toBe('int64');
    expect(i.fillna(7).toArray()).toEqual([1, 7, 3]);
    expect(i.fillna(0.5).dtype).toBe('float64');
    expect(i.fillna(0.5).toArray()).toEqual([1, 0.5, 3]);
    const d = new Series(fromStrings(['x', null, 'y', null], { dictionary: true }));
    expect(d.fillna('z').toArray()).toEqual(['x', 'z', 'y', 'z']);
    expect(d.fillna('x').toArray()).toEqual(['x', 'x', 'y', 'x']);
    expect(new Series(['x', null]).fillna('q').toArray()).toEqual(['x', 'q']);
    expect(new Series([true, null]).fillna(false).toArray()).toEqual([true, false]);
    const t = new Series([new Date('2020-01-01T00:00:00Z'), null]).fillna(new Date('2021-01-01T00:00:00Z'));
    expect((t.toArray()[1] as Date).toISOString()).toBe('2021-01-01T00:00:00.000Z');
    expect(() => new Series(['x', null]).fillna(1)).toThrow(TypeError_);
  });

  it('dropna drops null and NaN rows with their labels', () => {
    const r = gappy().dropna();
    expect(r.toArray()).toEqual([1, 2, 5]);
    expect(r.index.toArray()).toEqual(['a', 'c', 'f']);
    expect(r.name).toBe('g');
  });

  it('ffill / bfill with and without limit (pandas reference)', () => {
    const s = gappy();
    expect(s.ffill().toArray()).toEqual([1, 1, 2, 2, 2, 5, 5]);
    expect(s.ffill({ limit: 1 }).toArray()).toEqual([1, 1, 2, 2, null, 5, 5]);
    expect(s.bfill().toArray()).toEqual([1, 2, 2, 5, 5, 5, null]);
    expect(s.bfill({ limit: 1 }).toArray()).toEqual([1, 2, 2, null, 5, 5, null]);
    expect(new Series(['a', null, 'b', null]).ffill().toArray()).toEqual(['a', 'a', 'b', 'b']);
    expect(() => s.ffill({ limit: 0 })).toThrow(TypeError_);
  });
});
