/**
 * Factorization paths: dictionary strings, direct-address small ints (int32 and int64), the hash
 * path (floats, wide-range ints, dates), several keys, sort/dropna options. Expected codes follow
 * pandas' `pd.factorize(values, sort=True)` (missing -> -1) — e.g.
 * pd.factorize([2.5, -1, 2.5, nan, 0, -0.0], sort=True) -> codes [2, 0, 2, -1, 1, 1], uniques [-1, 0, 2.5].
 */
import { describe, expect, it } from 'vitest';
import { fromCodes, fromTyped, fromValues } from '../../src/frame/column-build.js';
import { factorizeKey, factorizeKeys } from '../../src/groupby/factorize.js';

describe('factorizeKey', () => {
  it('strings (plain and dictionary, with an unused and a repeated dictionary entry)', () => {
    const a = factorizeKey(fromValues(['b', 'a', null, 'b']));
    expect(Array.from(a.codes)).toEqual([1, 0, -1, 1]);
    expect(a.uniques.toArray()).toEqual(['a', 'b']);
    const d = factorizeKey(fromCodes(Int32Array.of(3, 0, 3, -1, 0), ['z', 'unused', 'a', 'z']));
    expect(Array.from(d.codes)).toEqual([0, 0, 0, -1, 0]);
    expect(d.uniques.toArray()).toEqual(['z']);
  });

  it('floats through the hash path: NaN missing, -0 equals 0', () => {
    const b = factorizeKey(fromValues([2.5, -1, 2.5, NaN, 0, -0]));
    expect(Array.from(b.codes)).toEqual([2, 0, 2, -1, 1, 1]);
    expect(b.uniques.toArray()).toEqual([-1, 0, 2.5]);
    expect(b.ngroups).toBe(3);
    const keep = factorizeKey(fromValues([2.5, NaN, 1]), false);
    expect(Array.from(keep.codes)).toEqual([1, 2, 0]);
    expect(keep.ngroups).toBe(3);
  });

  it('integers: small range (int32, int64) and a wide range (hash)', () => {
    const i32 = factorizeKey(fromTyped(Int32Array.of(5, -3, 5, 0), null, 'int32'));
    expect(Array.from(i32.codes)).toEqual([2, 0, 2, 1]);
    expect(i32.uniques.toArray()).toEqual([-3, 0, 5]);
    expect(i32.uniques.dtype).toBe('int32');
    const i64 = factorizeKey(fromValues([7, null, 3, 7]));
    expect(Array.from(i64.codes)).toEqual([1, -1, 0, 1]);
    expect(i64.uniques.dtype).toBe('int64');
    const wide = factorizeKey(fromValues([1e12, -5, 1e12, 3]));
    expect(Array.from(wide.codes)).toEqual([2, 0, 2, 1]);
    expect(wide.uniques.toArray()).toEqual([-5, 3, 1e12]);
    // An int32 key that is already dense from 0 is its own codes array (no copy).
    const dense = Int32Array.of(2, 0, 1, 1);
    expect(factorizeKey(fromTyped(dense, null, 'int32')).codes).toBe(dense);
  });

  it('dates and bools keep their dtype in the uniques', () => {
    const d = factorizeKey(fromValues([new Date('2021-01-02'), new Date('2020-05-01'), new Date('2021-01-02')]));
    expect(Array.from(d.codes)).toEqual([1, 0, 1]);
    expect(d.uniques.toArray()).toEqual([new Date('2020-05-01'), new Date('2021-01-02')]);
    const b = factorizeKey(fromValues([true, false, null, true]));
    expect(Array.from(b.codes)).toEqual([1, 0, -1, 1]);
    expect(b.uniques.toArray()).toEqual([false, true]);
  });

  it('many distinct floats grow the hash table', () => {
    const n = 5000;
    const vals = Array.from({ length: n }, (_, i) => ((i * 7919) % n) + 0.5);
    const f = factorizeKey(fromValues(vals));
    expect(f.ngroups).toBe(n);
    for (let i = 0; i < n; i++) expect(f.codes[i]).toBe(vals[i] - 0.5);
  });
});

describe('factorizeKeys', () => {
  const k1 = fromValues(['x', 'y', 'x', 'y', null]);
  const k2 = fromValues([2, 1, 2, 3, 1]);
  it('combines keys in lexicographic order', () => {
    const g = factorizeKeys([k1, k2]);
    expect(Array.from(g.codes)).toEqual([0, 1, 0, 2, -1]);
    expect(g.ngroups).toBe(3);
    expect(g.keyCodes.map((c) => Array.from(c))).toEqual([[0, 1, 1], [1, 0, 2]]);
  });
  it('dropna: false gives the missing key a group, last', () => {
    const g = factorizeKeys([k1, k2], { dropna: false });
    expect(Array.from(g.codes)).toEqual([0, 1, 0, 2, 3]);
    expect(g.keyCodes.map((c) => Array.from(c))).toEqual([[0, 1, 1, -1], [1, 0, 2, 0]]);
  });
  it('sort: false numbers groups by first appearance', () => {
    const g = factorizeKeys([fromValues(['b', 'a', 'b', 'c'])], { sort: false });
    expect(Array.from(g.codes)).toEqual([0, 1, 0, 2]);
    expect(Array.from(g.keyCodes[0])).toEqual([1, 0, 2]);
  });
  it('wide combined spaces go through the hash', () => {
    const n = 3000;
    const a = fromValues(Array.from({ length: n }, (_, i) => i * 1.5));
    const b = fromValues(Array.from({ length: n }, (_, i) => (n - i) * 2.5));
    const c = fromValues(Array.from({ length: n }, (_, i) => i % 7));
    const g = factorizeKeys([a, b, c]);
    expect(g.ngroups).toBe(n);
    expect(Array.from(g.codes.subarray(0, 5))).toEqual([0, 1, 2, 3, 4]);
  });
});
