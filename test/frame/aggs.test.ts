/**
 * The aggregation registry. Reference numbers from pandas 1.5.3 (/usr/bin/python3):
 *   df = pd.DataFrame({'k': [0,1,0,1,2,0,2,1], 'v': [1.5,2.0,nan,4.0,10.0,-3.25,7.0,0.5],
 *                      's': ['b','a',None,'c','z','a','y','d'] (dtype 'string'), 'i': [3,1,4,1,5,9,2,6]})
 *   df.groupby('k')['v'].agg(f).tolist() for each f; df['v'].sum() etc. for the whole column.
 */
import { describe, expect, it } from 'vitest';
import { fromValues, fromStrings } from '../../src/frame/column-build.js';
import { AGGREGATION_NAMES, aggregateColumn, getAggregation } from '../../src/frame/aggs/registry.js';
import { KeyError, TypeError_ } from '../../src/errors.js';
import { Series } from '../../src/index.js';
import { quantileSeries, reduceSeries } from '../../src/frame/aggs/reduce.js';
import { closeTo } from '../helpers.js';

const codes = Int32Array.of(0, 1, 0, 1, 2, 0, 2, 1);
const v = fromValues([1.5, 2.0, null, 4.0, 10.0, -3.25, 7.0, 0.5]);
const s = fromStrings(['b', 'a', null, 'c', 'z', 'a', 'y', 'd']);
const i = fromValues([3, 1, 4, 1, 5, 9, 2, 6]);

function nums(name: string, col = v, opts = {}): number[] {
  return aggregateColumn(name, col, codes, 3, opts).toArray() as number[];
}
function expectClose(got: number[], want: number[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, k) => expect(closeTo(g, want[k]), `${g} vs ${want[k]} at ${k}`).toBe(true));
}

describe('grouped aggregations match pandas', () => {
  it('numeric aggregations', () => {
    expectClose(nums('sum'), [-1.75, 6.5, 17.0]);
    expectClose(nums('prod'), [-4.875, 4.0, 70.0]);
    expectClose(nums('mean'), [-0.875, 2.1666666666666665, 8.5]);
    expectClose(nums('var'), [11.28125, 3.083333333333333, 4.5]);
    expectClose(nums('std'), [3.3587572106361008, 1.755942292142123, 2.1213203435596424]);
    expectClose(nums('min'), [-3.25, 0.5, 7.0]);
    expectClose(nums('max'), [1.5, 4.0, 10.0]);
    expectClose(nums('median'), [-0.875, 2.0, 8.5]);
    expectClose(nums('quantile', v, { q: 0.25 }), [-2.0625, 1.25, 7.75]);
    expectClose(nums('first'), [1.5, 2.0, 10.0]);
    expectClose(nums('last'), [-3.25, 0.5, 7.0]);
    expect(nums('count')).toEqual([2, 3, 2]);
    expect(nums('size')).toEqual([3, 3, 2]);
    expect(nums('nunique')).toEqual([2, 3, 2]);
  });

  it('strings: min/max/first/last/nunique/count', () => {
    expect(aggregateColumn('min', s, codes, 3).toArray()).toEqual(['a', 'a', 'y']);
    expect(aggregateColumn('max', s, codes, 3).toArray()).toEqual(['b', 'd', 'z']);
    expect(aggregateColumn('first', s, codes, 3).toArray()).toEqual(['b', 'a', 'z']);
    expect(aggregateColumn('last', s, codes, 3).toArray()).toEqual(['a', 'd', 'y']);
    expect(aggregateColumn('nunique', s, codes, 3).toArray()).toEqual([2, 3, 2]);
    expect(aggregateColumn('count', s, codes, 3).toArray()).toEqual([2, 3, 2]);
    // Dictionary-encoded input gives the same answers.
    const d = fromStrings(['b', 'a', null, 'c', 'z', 'a', 'y', 'd'], { dictionary: true });
    expect(aggregateColumn('min', d, codes, 3).toArray()).toEqual(['a', 'a', 'y']);
    expect(aggregateColumn('nunique', d, codes, 3).toArray()).toEqual([2, 3, 2]);
  });

  it('integers keep an integer dtype for sum/min/prod (pandas int64)', () => {
    const sm = aggregateColumn('sum', i, codes, 3);
    expect(sm.dtype).toBe('int64');
    expect(sm.toArray()).toEqual([16, 8, 7]);
    expect(aggregateColumn('min', i, codes, 3).toArray()).toEqual([3, 1, 2]);
    expect(aggregateColumn('prod', i, codes, 3).toArray()).toEqual([108, 6, 10]);
    expect(aggregateColumn('mean', i, codes, 3).dtype).toBe('float64');
  });

  it('dates keep their dtype under min/max', () => {
    const d = fromValues([new Date('2020-01-03'), new Date('2020-01-01'), null], 'datetime');
    const got = aggregateColumn('min', d, Int32Array.of(0, 0, 1), 2);
    expect(got.dtype).toBe('datetime');
    expect(got.toArray()).toEqual([new Date('2020-01-01'), null]);
  });

  it('codes of -1 skip the row; skipna=false propagates NaN', () => {
    const c = Int32Array.of(0, -1, 0, -1, 1, 0, 1, -1);
    expectClose(aggregateColumn('sum', v, c, 2).toArray() as number[], [-1.75, 17]);
    expectClose(nums('sum', v, { skipna: false }), [NaN, 6.5, 17.0]);
    expectClose(nums('max', v, { skipna: false }), [NaN, 4.0, 10.0]);
  });

  it('grouped sums are accurate over many rows (blocked, compensated)', () => {
    // math.fsum([0.1] * 1_000_000) == 100000.0 (pandas' grouped sum gives 100000.0 too);
    // a plain left-to-right loop gives 100000.00000133288 (relative error 1.3e-11). Blocked summation
    // bounds the error by the rows per block: here below 1e-13 relative.
    const n = 1_000_000;
    const x = fromValues(Array.from({ length: n }, () => 0.1));
    const got = aggregateColumn('sum', x, new Int32Array(n), 1).get(0) as number;
    expect(Math.abs(got - 100000) / 100000).toBeLessThan(1e-13);
    const m = aggregateColumn('mean', x, new Int32Array(n), 1).get(0) as number;
    expect(Math.abs(m - 0.1) / 0.1).toBeLessThan(1e-13);
  });
});

describe('whole-column aggregation (codes = null) matches pandas Series reductions', () => {
  it('numbers', () => {
    // pandas: s.sum() 21.75, s.mean() 3.107142857142857, s.std() 4.368106814497231,
    // s.var(ddof=0) 16.35459183673469, s.median() 2.0, s.prod() -1365.0, s.quantile(0.1) -0.9999999999999996
    const one = (name: string, opts = {}) => aggregateColumn(name, v, null, 1, opts).get(0) as number;
    expect(one('sum')).toBe(21.75);
    expect(closeTo(one('mean'), 3.107142857142857)).toBe(true);
    expect(closeTo(one('std'), 4.368106814497231)).toBe(true);
    expect(closeTo(one('var', { ddof: 0 }), 16.35459183673469)).toBe(true);
    expect(one('median')).toBe(2);
    expect(one('prod')).toBe(-1365);
    expect(closeTo(one('quantile', { q: 0.1 }), -0.9999999999999996)).toBe(true);
    expect(closeTo(one('quantile', { q: 0.9 }), 8.200000000000001)).toBe(true);
    expect(Number.isNaN(one('sum', { skipna: false }))).toBe(true);
  });

  it('empty and all-missing: sum 0, mean NaN (pandas)', () => {
    const empty = fromValues([], 'float64');
    expect(aggregateColumn('sum', empty, null, 1).get(0)).toBe(0);
    const nan = fromValues([NaN, NaN], 'float64');
    expect(aggregateColumn('sum', nan, null, 1).get(0)).toBe(0);
    expect(Number.isNaN(aggregateColumn('mean', nan, null, 1).get(0) as number)).toBe(true);
  });

  it('pairwise sum of many small values', () => {
    const n = 100_000;
    const x = new Float64Array(n).fill(0.1);
    // math.fsum([0.1] * 100000) == 10000.000000000002 (the sum of the doubles, correctly rounded)
    const got = aggregateColumn('sum', fromValues(Array.from(x)), null, 1).get(0) as number;
    expect(Math.abs(got - 10000.000000000002)).toBeLessThan(1e-9);
  });
});

describe('partial states merge (parallel contract)', () => {
  const x = [4, 8, 15, 16, 23, 42, 1.5, -7, 3, 3];
  const k = Int32Array.of(0, 1, 0, 1, 0, 1, 2, 2, 0, 1);
  for (const name of AGGREGATION_NAMES) {
    it(`${name}: merge of two halves equals one pass`, () => {
      const agg = getAggregation(name);
      const full = agg.init(3);
      agg.update(full, fromValues(x), k, 3);
      const a = agg.init(3);
      agg.update(a, fromValues(x.slice(0, 4)), k.slice(0, 4), 3);
      const b = structuredClone(agg.init(3));
      agg.update(b, fromValues(x.slice(4)), k.slice(4), 3);
      agg.merge(a, structuredClone(b));
      const want = agg.value(full, { q: 0.3 }).toArray() as number[];
      expectClose(agg.value(a, { q: 0.3 }).toArray() as number[], want);
    });
  }
});

describe('errors', () => {
  it('a string column under a numeric aggregation names the column', () => {
    expect(() => aggregateColumn('mean', s, codes, 3, { name: 'Name' })).toThrow(TypeError_);
    expect(() => aggregateColumn('mean', s, codes, 3, { name: 'Name' })).toThrow(/'Name'/);
  });
  it('an unknown aggregation suggests near names', () => {
    expect(() => getAggregation('meen')).toThrow(KeyError);
    expect(() => getAggregation('meen')).toThrow(/mean/);
  });
});

describe('reduceSeries / quantileSeries (Series reductions)', () => {
  // pandas: s = pd.Series([3, None, 1.5, 7], name='x'); s.sum() 11.5, s.mean() 3.8333333333333335,
  // s.std() 2.8431203515386634, s.var() 8.083333333333334, s.median() 3.0, s.quantile([.25,.75]) [2.25, 5.0],
  // s.prod() 31.5, s.sum(skipna=False) nan, s.std(ddof=0) 2.3213980461973533
  it('numbers', () => {
    const s = new Series([3, null, 1.5, 7], { name: 'x' });
    expect(reduceSeries(s, 'sum')).toBe(11.5);
    expect(closeTo(reduceSeries(s, 'mean') as number, 3.8333333333333335)).toBe(true);
    expect(closeTo(reduceSeries(s, 'std') as number, 2.8431203515386634)).toBe(true);
    expect(closeTo(reduceSeries(s, 'var') as number, 8.083333333333334)).toBe(true);
    expect(closeTo(reduceSeries(s, 'std', { ddof: 0 }) as number, 2.3213980461973533)).toBe(true);
    expect(reduceSeries(s, 'median')).toBe(3);
    expect(reduceSeries(s, 'prod')).toBe(31.5);
    expect(reduceSeries(s, 'count')).toBe(3);
    expect(reduceSeries(s, 'min')).toBe(1.5);
    expect(Number.isNaN(reduceSeries(s, 'sum', { skipna: false }) as number)).toBe(true);
    expect(quantileSeries(s, 0.25)).toBe(2.25);
    const qs = quantileSeries(s, [0.25, 0.75]) as Series;
    expect(qs.toArray()).toEqual([2.25, 5]);
    expect(qs.index.toArray()).toEqual([0.25, 0.75]);
    expect(qs.name).toBe('x');
  });

  it('strings, dates, bools and empty Series', () => {
    // pandas: Series(['b','a','c']).min() 'a', .max() 'c'; dates min 2020-01-01; bool sum 2; empty max nan
    expect(reduceSeries(new Series(['b', 'a', 'c']), 'min')).toBe('a');
    expect(reduceSeries(new Series(['b', 'a', 'c']), 'max')).toBe('c');
    expect(reduceSeries(new Series([new Date('2020-01-03'), new Date('2020-01-01')]), 'min')).toEqual(new Date('2020-01-01'));
    expect(reduceSeries(new Series([true, false, true]), 'sum')).toBe(2);
    expect(Number.isNaN(reduceSeries(new Series([], { dtype: 'float64' }), 'max') as number)).toBe(true);
    expect(reduceSeries(new Series([], { dtype: 'float64' }), 'sum')).toBe(0);
    expect(() => reduceSeries(new Series(['a'], { name: 'Name' }), 'mean')).toThrow(/'Name'/);
  });
});
