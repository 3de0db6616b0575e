import { describe, expect, it } from 'vitest';
import { Index, RangeIndex } from '../../src/frame/label-index.js';
import { MultiIndex, factorizeSorted } from '../../src/frame/multi-index.js';
import { fromValues } from '../../src/frame/column-build.js';

describe('Index', () => {
  it('finds labels, duplicates and missing ones', () => {
    const ix = new Index(['a', 'b', 'a', 'c'], { name: 'k' });
    expect(ix.getLoc('b')).toEqual([1]);
    expect(ix.getLoc('a')).toEqual([0, 2]);
    expect(ix.isUnique).toBe(false);
    expect(Array.from(ix.getIndexer(['c', 'z', 'a']))).toEqual([3, -1, 0]);
    expect(() => ix.getLoc('zz')).toThrow(/Label "zz" is not in the index 'k'/);
  });
  it('RangeIndex needs no storage and slices to a RangeIndex', () => {
    const r = new RangeIndex(5);
    expect(r.getLoc(3)).toEqual([3]);
    expect(() => r.getLoc(5)).toThrow(/not in the index/);
    const s = r.slice(2, 4);
    expect(s).toBeInstanceOf(RangeIndex);
    expect(s.toArray()).toEqual([2, 3]);
    expect(r.take([4, 0]).toArray()).toEqual([4, 0]);
    expect(r.column.toArray()).toEqual([0, 1, 2, 3, 4]);
  });
  it('dates are labels by time', () => {
    const ix = new Index([new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2020, 0, 2))]);
    expect(ix.getLoc(new Date(Date.UTC(2020, 0, 2)))).toEqual([1]);
  });
});

describe('MultiIndex', () => {
  it('fromProduct varies the last level fastest (pandas docs example)', () => {
    const mi = MultiIndex.fromProduct([['bar', 'baz', 'foo', 'qux'], ['one', 'two']], { names: ['first', 'second'] });
    expect(mi.length).toBe(8);
    expect(mi.get(0)).toEqual(['bar', 'one']);
    expect(mi.get(3)).toEqual(['baz', 'two']);
    expect(mi.names).toEqual(['first', 'second']);
    expect(mi.getLoc(['foo', 'two'])).toEqual([5]);
    expect(mi.getLevelValues('second').toArray().slice(0, 4)).toEqual(['one', 'two', 'one', 'two']);
    expect(mi.droplevel(0).toArray().slice(0, 2)).toEqual(['one', 'two']);
  });
  it('fromTuples sorts level values and keeps row order', () => {
    const mi = MultiIndex.fromTuples([['b', 2], ['a', 1], ['b', 1]], { names: ['x', 'y'] });
    expect(mi.levels[0].toArray()).toEqual(['a', 'b']);
    expect(Array.from(mi.codes[0])).toEqual([1, 0, 1]);
    expect(mi.toArray()).toEqual([['b', 2], ['a', 1], ['b', 1]]);
    expect(() => mi.levelNumber('zz')).toThrow(/Level 'zz' not found/);
  });
  it('factorizeSorted puts nulls at -1', () => {
    const { uniques, codes } = factorizeSorted(fromValues([3, null, 1, 3]));
    expect(uniques.toArray()).toEqual([1, 3]);
    expect(Array.from(codes)).toEqual([1, -1, 0, 1]);
  });
});
