// Reference values: pandas 1.5.3 (/usr/bin/python3): pd.Series([3, 1, 2, 3, 1, 3]).value_counts(...),
// pd.Series(['b', 'a', 'b', 'a', 'c']).value_counts() -> b 2, a 2, c 1 (ties in first-seen order).
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/frame/series.js';
import { fromStrings } from '../../src/frame/column-build.js';

describe('unique, valueCounts, nunique', () => {
  it('unique keeps the order of appearance, missing once', () => {
    expect(new Series([3, 1, 2, 3, 1, 3]).unique()).toEqual([3, 1, 2]);
    expect(new Series([2, null, 1, 2, null]).unique()).toEqual([2, null, 1]);
    expect(new Series(fromStrings(['b', 'a', 'b', null], { dictionary: true })).unique()).toEqual(['b', 'a', null]);
    expect(new Series([true, true, false]).unique()).toEqual([true, false]);
  });

  it('valueCounts: sorted by count, ties first-seen, named count, index named after the Series', () => {
    const vc = new Series([3, 1, 2, 3, 1, 3], { name: 'k' }).valueCounts();
    expect(vc.index.toArray()).toEqual([3, 1, 2]);
    expect(vc.toArray()).toEqual([3, 2, 1]);
    expect(vc.name).toBe('count');
    expect(vc.index.name).toBe('k');
    expect(vc.dtype).toBe('int64');
    const s = new Series(['b', 'a', 'b', 'a', 'c']);
    expect(s.valueCounts().index.toArray()).toEqual(['b', 'a', 'c']);
    expect(s.valueCounts().toArray()).toEqual([2, 2, 1]);
  });

  it('valueCounts options: normalize, ascending, sort, dropna', () => {
    const s = new Series([3, 1, 2, 3, 1, 3]);
    const p = s.valueCounts({ normalize: true });
    expect(p.name).toBe('proportion');
    expect(p.toArray()).toEqual([0.5, 0.3333333333333333, 0.16666666666666666]);
    expect(s.valueCounts({ ascending: true }).index.toArray()).toEqual([2, 1, 3]);
    expect(s.valueCounts({ sort: false }).index.toArray()).toEqual([3, 1, 2]);
    const m = new Series([1.0, null, 1.0]);
    expect(m.valueCounts().toArray()).toEqual([2]);
    const all = m.valueCounts({ dropna: false });
    expect(all.toArray()).toEqual([2, 1]);
    expect(all.index.toArray()).toEqual([1, null]);
  });

  it('nunique', () => {
    expect(new Series(['a', 'b', 'a', null]).nunique()).toBe(2);
    expect(new Series(['a', 'b', 'a', null]).nunique({ dropna: false })).toBe(3);
    expect(new Series([1.5, NaN, 1.5, 2]).nunique()).toBe(2);
  });
});
