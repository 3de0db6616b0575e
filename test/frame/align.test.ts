// Reference values: pandas 1.5.3 (/usr/bin/python3): s1 + s2 over unequal indexes gives the sorted
// union with NaN where a side lacks the label; MultiIndex Series align on tuples.
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/frame/series.js';
import { Index, RangeIndex } from '../../src/frame/label-index.js';
import { MultiIndex } from '../../src/frame/multi-index.js';
import { alignIndexes, alignSeries, sameLabels } from '../../src/frame/ops/align.js';

describe('alignment', () => {
  it('the same or an equal index is a no-op (fast path)', () => {
    const i = new Index(['b', 'a']);
    expect(alignIndexes(i, i)).toEqual({ index: i, left: null, right: null });
    const eq = alignIndexes(new RangeIndex(3), new RangeIndex(3));
    expect(eq.left).toBeNull();
    expect(alignIndexes(i, new Index(['b', 'a'])).right).toBeNull();
  });

  it('unequal indexes: sorted union and gather positions (-1 where absent)', () => {
    const al = alignIndexes(new Index(['b', 'a', 'd']), new Index(['a', 'c', 'b']));
    expect(al.index.toArray()).toEqual(['a', 'b', 'c', 'd']);
    expect([...(al.left as Int32Array)]).toEqual([1, 0, -1, 2]);
    expect([...(al.right as Int32Array)]).toEqual([0, 2, 1, -1]);
  });

  it('numbers sort numerically and the shared index name is kept', () => {
    const a = new Series([1, 2], { index: new Index([10, 2], { name: 'k' }) });
    const b = new Series([5, 6], { index: new Index([2, 3], { name: 'k' }) });
    const { index, left, right } = alignSeries(a, b);
    expect(index.toArray()).toEqual([2, 3, 10]);
    expect(index.name).toBe('k');
    expect(left.toArray()).toEqual([2, null, 1]);
    expect(right.toArray()).toEqual([5, 6, null]);
  });

  it('MultiIndex labels align on tuples (pandas: a 1 -> 21, b 2 -> 12)', () => {
    const a = new Series([1, 2], { index: MultiIndex.fromTuples([['a', 1], ['b', 2]]) });
    const b = new Series([10, 20], { index: MultiIndex.fromTuples([['b', 2], ['a', 1]]) });
    const r = a.add(b);
    expect(r.index.toArray()).toEqual([['a', 1], ['b', 2]]);
    expect(r.toArray()).toEqual([21, 12]);
  });

  it('comparisons do not align: they require identical labels', () => {
    const a = new Series([1, 2], { index: ['x', 'y'] });
    expect(() => a.gt(new Series([1, 2], { index: ['y', 'x'] }))).toThrow(/identically-labeled/);
  });
});

describe('sameLabels', () => {
  it('compares flat indexes by their buffers, falling back to label equality', () => {
    expect(sameLabels(new Index([1, 2, 3]), new Index([1, 2, 3]))).toBe(true);
    expect(sameLabels(new Index([1, 2, 3]), new Index([1, 2, 4]))).toBe(false);
    expect(sameLabels(new Index(['a', 'b']), new Index(['a', 'c']))).toBe(false);
    expect(sameLabels(new Index([0, 1, 2]), new RangeIndex(3))).toBe(true);
    expect(sameLabels(new Index([1, null]), new Index([1, null]))).toBe(true);
  });
});
