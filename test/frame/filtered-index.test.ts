import { describe, expect, it } from 'vitest';
import { DataFrame } from '../../src/frame/dataframe.js';
import { Index, RangeIndex } from '../../src/frame/label-index.js';
import { FilteredRangeIndex } from '../../src/frame/ops/filtered-index.js';

describe('FilteredRangeIndex (lazy labels of a filtered RangeIndex)', () => {
  // Rows 1, 3, 4 of RangeIndex(start=10, step=5, size=6) -> labels 15, 25, 30 (by hand: 10 + 5 i).
  const bits = Uint8Array.of(0b011010);
  const ix = new FilteredRangeIndex(new RangeIndex(6, { start: 10, step: 5, name: 'k' }), bits, 3);

  it('behaves as an int64 Index of the kept labels', () => {
    expect(ix.length).toBe(3);
    expect(ix.dtype).toBe('int64');
    expect(ix.name).toBe('k');
    expect(ix.toArray()).toEqual([15, 25, 30]);
    expect(ix.get(2)).toBe(30);
    expect(ix.getLoc(25)).toEqual([1]);
    expect(ix.has(20)).toBe(false);
    expect(ix.isUnique).toBe(true);
    expect(ix.column.dtype).toBe('int64');
    expect(ix.equals(new Index([15, 25, 30]))).toBe(true);
    expect(new Index([15, 25, 30]).equals(ix)).toBe(true);
    expect(ix.take([2, 0]).toArray()).toEqual([30, 15]);
    expect(ix.slice(1, 3).toArray()).toEqual([25, 30]);
  });

  it('renames without losing its labels', () => {
    const r = ix.rename('other');
    expect(r.name).toBe('other');
    expect(r.toArray()).toEqual([15, 25, 30]);
    expect(ix.name).toBe('k');
  });

  it('labels beyond int32 are exact', () => {
    const big = new FilteredRangeIndex(new RangeIndex(6, { start: 2 ** 45, step: -3 }), bits, 3);
    expect(big.toArray()).toEqual([2 ** 45 - 3, 2 ** 45 - 9, 2 ** 45 - 12]);
  });

  it('is what filtering a RangeIndex frame gives, and survives further verbs', () => {
    // pandas 1.5.3: df = pd.DataFrame({'v': [5, -1, 7, -2, 9]}); d = df[df.v > 0]
    // d.index -> [0, 2, 4]; d[d.v > 6].index -> [2, 4]; d.reset_index().columns -> ['index', 'v']
    const df = new DataFrame({ v: [5, -1, 7, -2, 9] });
    const d = df.filter(df.col('v').gt(0));
    expect(d.index).toBeInstanceOf(FilteredRangeIndex);
    expect(d.index.toArray()).toEqual([0, 2, 4]);
    const d2 = d.filter(d.col('v').gt(6));
    expect(d2.index.toArray()).toEqual([2, 4]);
    expect(d2.col('v').toArray()).toEqual([7, 9]);
    const r = d.resetIndex();
    expect(r.columns).toEqual(['index', 'v']);
    expect(r.col('index').toArray()).toEqual([0, 2, 4]);
    expect(d.loc(4, 'v')).toBe(9);
    expect(d.col('v').add(d.col('v')).toArray()).toEqual([10, 14, 18]);
    expect(d.toString()).toContain('4');
  });
});
