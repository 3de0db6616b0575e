// Reference behaviour: pandas s.loc / s.iloc / s[mask] semantics, values by hand.
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/frame/series.js';
import { RangeIndex } from '../../src/frame/label-index.js';
import { maskOf } from '../../src/frame/ops/series-select.js';
import { KeyError, ValueError } from '../../src/errors.js';

const s = () => new Series([10, 20, 30, 40], { index: ['a', 'b', 'c', 'd'], name: 'v' });

describe('Series selection', () => {
  it('loc: a label, a list, an inclusive slice, a boolean Series', () => {
    expect(s().loc('c')).toBe(30);
    expect((s().loc(['d', 'a']) as Series).toArray()).toEqual([40, 10]);
    expect((s().loc({ start: 'b', stop: 'c' }) as Series).toArray()).toEqual([20, 30]);
    expect((s().loc({ stop: 'b' }) as Series).index.toArray()).toEqual(['a', 'b']);
    expect((s().loc({ start: 'bb' }) as Series).toArray()).toEqual([30, 40]); // sorted index: bound by position
    expect((s().loc(s().gt(15)) as Series).index.toArray()).toEqual(['b', 'c', 'd']);
    expect(() => s().loc('z')).toThrow(KeyError);
    expect(() => s().loc(['a', 'z'])).toThrow(KeyError);
    const dup = new Series([1, 2, 3], { index: ['x', 'y', 'x'] });
    expect((dup.loc('x') as Series).toArray()).toEqual([1, 3]);
  });

  it('iloc: a position (negative from the end), a list, a stop-exclusive slice', () => {
    expect(s().iloc(-1)).toBe(40);
    expect((s().iloc([2, 0]) as Series).index.toArray()).toEqual(['c', 'a']);
    expect((s().iloc({ start: 1, stop: 3 }) as Series).toArray()).toEqual([20, 30]);
    expect((s().iloc({ start: -2 }) as Series).toArray()).toEqual([30, 40]);
    expect(() => s().iloc([7])).toThrow(RangeError);
  });

  it('filter with a mask aligned on labels; nulls are false; errors for bad masks', () => {
    const m = new Series([true, null, false, true], { index: ['d', 'c', 'b', 'a'] });
    expect(s().filter(m).index.toArray()).toEqual(['a', 'd']);
    expect(s().filter([true, false, true, false]).toArray()).toEqual([10, 30]);
    expect([...maskOf(new Series([true, null]), new RangeIndex(2))]).toEqual([1, 0]);
    expect(() => s().filter([true])).toThrow(ValueError);
    expect(() => s().filter(new Series([1, 0, 1, 0], { index: s().index }))).toThrow(/boolean mask/);
    expect(() => s().filter(new Series([true], { index: ['a'] }))).toThrow(/Unalignable/);
  });

  it('toFrame and describe', () => {
    const f = s().toFrame();
    expect(f.columns).toEqual(['v']);
    expect(new Series([1, 2]).toFrame().columns).toEqual(['0']);
    // pandas: pd.Series([1.0, 2, 3, 4, None]).describe()
    expect(new Series([1.0, 2, 3, 4, null]).describe().toArray()).toEqual([4, 2.5, 1.2909944487358056, 1, 1.75, 2.5, 3.25, 4]);
    const d = new Series(['a', 'b', 'a', null]).describe();
    expect(d.index.toArray()).toEqual(['count', 'unique', 'top', 'freq']);
    expect(d.toArray()).toEqual(['3', '2', 'a', '2']); // pandas: [3, 2, 'a', 2] (object dtype)
  });
});
