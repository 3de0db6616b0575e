/**
 * Lazy arrays read only what a selection needs: a counting source records every hyperslab asked for.
 */
import { describe, expect, it } from 'vitest';
import { NDArray, LazyArray, DataArray, Variable, Dataset, type ArraySource, type Range } from '../../src/nd/index.js';
import { ConcatSource } from '../../src/nd/lazy.js';

/** A 2-D source whose element [i, j] is 100 * (i + offset) + j, logging each read. */
class Counting implements ArraySource {
  readonly dtype = 'float64' as const;
  readonly reads: Range[][] = [];
  constructor(readonly shape: number[], readonly offset = 0) {}
  read(ranges: readonly Range[]): NDArray {
    this.reads.push(ranges.map((r) => ({ ...r })));
    const [ri, rj] = ranges;
    const out = new Float64Array(ri.count * rj.count);
    for (let a = 0; a < ri.count; a++) for (let b = 0; b < rj.count; b++) out[a * rj.count + b] = 100 * (ri.start + a * ri.step + this.offset) + rj.start + b * rj.step;
    return new NDArray(out, [ri.count, rj.count]);
  }
}

describe('LazyArray', () => {
  it('composes selections and reads one hyperslab', () => {
    const src = new Counting([50, 40]);
    const lazy = new LazyArray(src, null, 'float64');
    const sel = lazy.isel([{ start: 10, stop: 30, step: 2 }, { start: 5, stop: 8 }]).isel([{ start: 1, stop: 3 }, 2]);
    expect(src.reads.length).toBe(0);
    expect(sel.shape).toEqual([2]);
    expect(sel.load().toArray()).toEqual([1207, 1407]);
    expect(src.reads).toEqual([[{ start: 12, step: 2, count: 2 }, { start: 7, step: 1, count: 1 }]]);
  });

  it('handles reversed selections', () => {
    const src = new Counting([10, 3]);
    const lazy = new LazyArray(src, null, 'float64').isel([{ start: 8, stop: 2, step: -3 }, 0]);
    expect(lazy.load().toArray()).toEqual([800, 500]);
    expect(src.reads[0][0]).toEqual({ start: 5, step: 3, count: 2 });
  });

  it('concatenates sources and reads only the parts a selection touches', () => {
    const parts = [new Counting([12, 4], 0), new Counting([12, 4], 12), new Counting([12, 4], 24)];
    const cat = new LazyArray(new ConcatSource(parts, 0), null, 'float64');
    expect(cat.shape).toEqual([36, 4]);
    const v = cat.isel([{ start: 10, stop: 14 }, 1]).load();
    expect(v.toArray()).toEqual([1001, 1101, 1201, 1301]);
    expect(parts.map((p) => p.reads.length)).toEqual([1, 1, 0]);
    expect(() => new ConcatSource([new Counting([2, 3]), new Counting([2, 4])], 0)).toThrow(/Cannot concatenate/);
  });

  it('stays lazy through DataArray.isel/sel until values are needed', () => {
    const src = new Counting([6, 5]);
    const da = new DataArray(new Variable(['t', 'x'], new LazyArray(src, null, 'float64')), { name: 'v', coords: { t: [0, 1, 2, 3, 4, 5], x: [10, 20, 30, 40, 50] } });
    const one = da.sel({ x: 30 }).isel({ t: { start: 2, stop: 4 } });
    expect(one.variable.isLazy).toBe(true);
    expect(src.reads.length).toBe(0);
    expect(one.values.toArray()).toEqual([202, 302]);
    expect(src.reads).toEqual([[{ start: 2, step: 1, count: 2 }, { start: 2, step: 1, count: 1 }]]);
  });
});

describe('Dataset groupby/resample', () => {
  it('reduces every variable that has the grouped dim and keeps the others', () => {
    const days = Array.from({ length: 4 }, (_, i) => new Date(Date.UTC(2000, 5 * i, 1)));
    const ds = new Dataset({ a: [['time'], [1, 2, 3, 4]], c: [['x'], [7, 8]] }, { coords: { time: days, x: [0, 1] } });
    const g = ds.groupby('time.year').sum();
    // 2000-01, 2000-06, 2000-11 are in 2000; 2001-04 in 2001
    expect(g.get('a').values.toArray()).toEqual([6, 4]);
    expect(g.coords.year.values.toArray()).toEqual([2000, 2001]);
    expect(g.get('c').values.toArray()).toEqual([7, 8]);
    const r = ds.resample({ time: 'YS' }).mean();
    expect(r.get('a').values.toArray()).toEqual([2, 4]);
  });
});
