import { describe, expect, it } from 'vitest';
import { DataFrame } from '../../src/frame/dataframe.js';
import { RangeIndex } from '../../src/frame/label-index.js';

const L = new DataFrame({ k: ['b', 'a', 'b', 'c', null], v: [1, 2, 3, 4, 5] });
const R = new DataFrame({ k: ['a', 'b', 'd', 'b', null], w: [10, 20, 30, 40, 50] });
const rows = (d: DataFrame): unknown[][] => d.toRecords().map((r) => Object.values(r));

// Row orders hand-computed from the pandas >= 2.2 documentation ("inner: preserve the order of the left
// keys", "right: preserve the order of the right keys", "outer: sort keys lexicographically"). The left
// and right results equal pandas 1.5.3's output (/usr/bin/python3); 1.5.3 still grouped inner rows by key.
describe('merge row order per how', () => {
  it('inner keeps the left rows order; null keys match each other (as pandas)', () => {
    const m = L.merge(R, { on: 'k' });
    expect(m.columns).toEqual(['k', 'v', 'w']);
    expect(rows(m)).toEqual([['b', 1, 20], ['b', 1, 40], ['a', 2, 10], ['b', 3, 20], ['b', 3, 40], [null, 5, 50]]);
    expect(m.index).toBeInstanceOf(RangeIndex);
  });
  it('left keeps unmatched left rows with nulls', () => {
    expect(rows(L.merge(R, { on: 'k', how: 'left' }))).toEqual([
      ['b', 1, 20], ['b', 1, 40], ['a', 2, 10], ['b', 3, 20], ['b', 3, 40], ['c', 4, null], [null, 5, 50],
    ]);
  });
  it('right follows the right rows; keys of unmatched rows come from the right', () => {
    expect(rows(L.merge(R, { on: 'k', how: 'right' }))).toEqual([
      ['a', 2, 10], ['b', 1, 20], ['b', 3, 20], ['d', null, 30], ['b', 1, 40], ['b', 3, 40], [null, 5, 50],
    ]);
  });
  it('outer sorts by key, missing keys last', () => {
    expect(rows(L.merge(R, { on: 'k', how: 'outer' }))).toEqual([
      ['a', 2, 10], ['b', 1, 20], ['b', 1, 40], ['b', 3, 20], ['b', 3, 40], ['c', 4, null], ['d', null, 30], [null, 5, 50],
    ]);
  });
  it('sort: true orders an inner join by key, stably', () => {
    expect(rows(L.merge(R, { on: 'k', sort: true }))).toEqual([['a', 2, 10], ['b', 1, 20], ['b', 1, 40], ['b', 3, 20], ['b', 3, 40], [null, 5, 50]]);
  });
});

// Reference values from pandas 1.5.3 (/usr/bin/python3):
// a = DataFrame({'k1':[1,1,2,2],'k2':['x','y','x','y'],'v':[1,2,3,4]}); b = DataFrame({'k1':[2,1,2],'k2':['x','y','z'],'v':[10.,20.,30.]})
describe('merge keys and columns', () => {
  const a = new DataFrame({ k1: [1, 1, 2, 2], k2: ['x', 'y', 'x', 'y'], v: [1, 2, 3, 4] });
  const b = new DataFrame({ k1: [2, 1, 2], k2: ['x', 'y', 'z'], v: [10, 20, 30.5] });
  it('several keys, suffixes on overlapping columns', () => {
    const m = a.merge(b, { on: ['k1', 'k2'], how: 'left' });
    expect(m.columns).toEqual(['k1', 'k2', 'v_x', 'v_y']);
    expect(rows(m)).toEqual([[1, 'x', 1, null], [1, 'y', 2, 20], [2, 'x', 3, 10], [2, 'y', 4, null]]);
    expect(a.merge(b, { on: ['k1', 'k2'], suffixes: ['_a', '_b'] }).columns).toEqual(['k1', 'k2', 'v_a', 'v_b']);
  });
  it('one key with duplicates on both sides (pandas 1.5.3 gives the same rows, left order)', () => {
    const m = a.merge(b, { leftOn: 'k1', rightOn: 'k1' });
    expect(m.columns).toEqual(['k1', 'k2_x', 'v_x', 'k2_y', 'v_y']);
    expect(rows(m)).toEqual([[1, 'x', 1, 'y', 20], [1, 'y', 2, 'y', 20], [2, 'x', 3, 'x', 10], [2, 'x', 3, 'z', 30.5], [2, 'y', 4, 'x', 10], [2, 'y', 4, 'z', 30.5]]);
  });
  it('int and float keys match by value; differently named keys are both kept', () => {
    const c = new DataFrame({ id: [1, 2] });
    const d = new DataFrame({ key: [2.0, 1.5, 1.0], z: ['p', 'r', 'q'] });
    const m = c.merge(d, { leftOn: 'id', rightOn: 'key' });
    expect(m.columns).toEqual(['id', 'key', 'z']);
    expect(rows(m)).toEqual([[1, 1, 'q'], [2, 2, 'p']]); // pandas [[1, 1.0, 'q'], [2, 2.0, 'p']]
  });
  it('NaN keys match NaN keys (pandas: [[1.0, 1, 4], [nan, 2, 3]])', () => {
    const x = new DataFrame({ k: [1.0, NaN], v: [1, 2] });
    const y = new DataFrame({ k: [NaN, 1.0], w: [3, 4] });
    const m = x.merge(y, { on: 'k' });
    expect(m.col('v').toArray()).toEqual([1, 2]);
    expect(m.col('w').toArray()).toEqual([4, 3]);
  });
  it('a large int key range goes through the hash table', () => {
    const x = new DataFrame({ k: [1e12, 5, -3e9, 5], v: [1, 2, 3, 4] });
    const y = new DataFrame({ k: [5, 1e12, 7], w: ['a', 'b', 'c'] });
    expect(rows(x.merge(y, { on: 'k', how: 'left' }))).toEqual([[1e12, 1, 'b'], [5, 2, 'a'], [-3e9, 3, null], [5, 4, 'a']]);
  });
  it('errors: mismatched key kinds, unknown keys, no common columns', () => {
    expect(() => a.merge(new DataFrame({ k1: ['1'] }), { on: 'k1' })).toThrow(/merge on int64 column 'k1' and string column 'k1'/);
    expect(() => a.merge(b, { on: 'K1' })).toThrow(/Unknown column 'K1'/);
    expect(() => a.merge(new DataFrame({ z: [1] }))).toThrow(/No common columns/);
    expect(() => a.merge(b, { on: 'k1', how: 'cross' as 'inner' })).toThrow(/how must be/);
  });
});
