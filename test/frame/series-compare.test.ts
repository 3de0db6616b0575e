// Reference values: pandas semantics (comparisons with missing are False, != is True), computed by hand.
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/frame/series.js';
import { fromStrings } from '../../src/frame/column-build.js';
import { TypeError_, ValueError } from '../../src/errors.js';

describe('Series comparisons', () => {
  it('numbers vs a scalar, every operator, missing false (ne true)', () => {
    const s = new Series([1, 5, null, 3, NaN].map((v) => v), { name: 'x' });
    expect(s.gt(2).toArray()).toEqual([false, true, false, true, false]);
    expect(s.ge(3).toArray()).toEqual([false, true, false, true, false]);
    expect(s.lt(3).toArray()).toEqual([true, false, false, false, false]);
    expect(s.le(3).toArray()).toEqual([true, false, false, true, false]);
    expect(s.eq(5).toArray()).toEqual([false, true, false, false, false]);
    expect(s.ne(5).toArray()).toEqual([true, false, true, true, true]);
    expect(s.gt(2).dtype).toBe('bool');
    expect(s.gt(2).name).toBe('x');
    expect(s.gt(2).column.nullCount).toBe(0);
  });

  it('packs bits correctly across byte boundaries (n = 19)', () => {
    const v = Array.from({ length: 19 }, (_, i) => i);
    const r = new Series(v).ge(7).toArray();
    expect(r).toEqual(v.map((i) => i >= 7));
    expect(new Series(v).ne(18).toArray()).toEqual(v.map((i) => i !== 18));
  });

  it('Series vs Series needs identical labels', () => {
    const a = new Series([1, 2, 3]);
    const b = new Series([3, 2, 1]);
    expect(a.lt(b).toArray()).toEqual([true, false, false]);
    expect(a.le(b).toArray()).toEqual([true, true, false]);
    expect(a.eq(b).toArray()).toEqual([false, true, false]);
    expect(() => a.eq(new Series([1, 2, 3], { index: ['a', 'b', 'c'] }))).toThrow(ValueError);
    expect(a.eq([1, 0, 3] as unknown as number).toArray()).toEqual([true, false, true]);
  });

  it('strings compare lexicographically, dictionary columns too', () => {
    const plain = new Series(['pear', 'apple', null, 'fig']);
    const dict = new Series(fromStrings(['pear', 'apple', null, 'fig'], { dictionary: true }));
    for (const s of [plain, dict]) {
      expect(s.gt('b').toArray()).toEqual([true, false, false, true]);
      expect(s.eq('fig').toArray()).toEqual([false, false, false, true]);
      expect(s.ne('fig').toArray()).toEqual([true, true, true, false]);
      expect(s.le('fig').toArray()).toEqual([false, true, false, true]);
    }
    expect(plain.eq(dict).toArray()).toEqual([true, true, false, true]);
    expect(plain.eq(1).toArray()).toEqual([false, false, false, false]);
    expect(plain.ne(1).toArray()).toEqual([true, true, true, true]);
    expect(() => plain.gt(1)).toThrow(TypeError_);
  });

  it('dates compare with Date scalars and ISO strings', () => {
    const d = new Series([new Date('2020-01-01T00:00:00Z'), new Date('2021-06-01T00:00:00Z'), null]);
    expect(d.gt(new Date('2020-06-01T00:00:00Z')).toArray()).toEqual([false, true, false]);
    expect(d.le('2020-01-01').toArray()).toEqual([true, false, false]);
    expect(() => d.gt(3)).toThrow(TypeError_);
  });

  it('bools compare as 0/1', () => {
    expect(new Series([true, false, null]).eq(true).toArray()).toEqual([true, false, false]);
  });

  it('isin: numbers, strings (dictionary), missing only when asked', () => {
    expect(new Series([1, 2, 3, null]).isin([2, 3]).toArray()).toEqual([false, true, true, false]);
    expect(new Series([1, 2, 3, null]).isin([2, null]).toArray()).toEqual([false, true, false, true]);
    expect(new Series([1.5, NaN]).isin([NaN]).toArray()).toEqual([false, true]);
    const s = new Series(fromStrings(['a', 'b', null, 'c', 'a'], { dictionary: true }));
    expect(s.isin(['a', 'c']).toArray()).toEqual([true, false, false, true, true]);
    expect(new Series(['a', 'b']).isin(['b', 1]).toArray()).toEqual([false, true]);
    const d = new Series([new Date('2020-01-01T00:00:00Z'), new Date('2020-01-02T00:00:00Z')]);
    expect(d.isin([new Date('2020-01-02T00:00:00Z')]).toArray()).toEqual([false, true]);
  });

  it('logical operators with Kleene logic for missing values', () => {
    const a = new Series([true, true, false, false, null, null, true]);
    const b = new Series([true, false, true, false, true, false, null]);
    expect(a.and(b).toArray()).toEqual([true, false, false, false, null, false, null]);
    expect(a.or(b).toArray()).toEqual([true, true, true, false, true, null, true]);
    expect(a.xor(b).toArray()).toEqual([false, true, true, false, null, null, null]);
    expect(a.not().toArray()).toEqual([false, false, true, true, null, null, false]);
    expect(a.and(true).toArray()).toEqual([true, true, false, false, null, null, true]);
    expect(a.or(false).toArray()).toEqual([true, true, false, false, null, null, true]);
    expect(() => new Series([1, 2]).and(true)).toThrow(TypeError_);
    const x = new Series([1, 5, 8]);
    expect(x.gt(2).and(x.lt(7)).toArray()).toEqual([false, true, false]);
  });
});
