import { describe, expect, it } from 'vitest';
import * as arrow from 'apache-arrow';
import { Column } from '../../src/frame/column.js';
import { fromCodes, fromStrings, fromTyped, fromValues } from '../../src/frame/column-build.js';
import { DataFrame, MultiIndex } from '../../src/frame/dataframe.js';
import { Index, RangeIndex } from '../../src/frame/label-index.js';
import { Series } from '../../src/frame/series.js';
import { bitPositions, compact, compactByBits, countBits, packMask, rangeLabelsFromBits } from '../../src/frame/ops/compact.js';
import { maskBits } from '../../src/frame/ops/series-select.js';
import { ValueError } from '../../src/errors.js';

/** Deterministic pseudo-random numbers in [0, 1) (LCG), so every run checks the same masks. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A byte mask of n rows with P(keep) = p. */
function randomMask(n: number, p: number, seed: number): Uint8Array {
  const r = rng(seed);
  return Uint8Array.from({ length: n }, () => (r() < p ? 1 : 0));
}

/** The reference: the kept elements of `values`, one by one. */
const keepRef = <T>(values: readonly T[], mask: Uint8Array): T[] => values.filter((_, i) => mask[i] !== 0);

// Lengths around the byte boundaries of the bit loops (full bytes + a tail of n % 8 rows).
const LENGTHS = [0, 1, 7, 8, 9, 64, 1003];

describe('bit counting and positions', () => {
  it('counts the first n bits only (bits past n in the last byte are ignored)', () => {
    expect(countBits(Uint8Array.of(0xff), 3)).toBe(3);
    expect(countBits(Uint8Array.of(0b1011), 3)).toBe(2);
    expect(countBits(new Uint8Array(8), 0)).toBe(0);
    for (const n of LENGTHS) {
      const m = randomMask(n, 0.5, n + 1);
      const bits = packMask(m);
      expect(countBits(bits, n)).toBe(keepRef([...m], m).length);
      // A view that does not start on a 4-byte boundary takes the byte-wise loop.
      const shifted = new Uint8Array(bits.length + 1);
      shifted.set(bits, 1);
      expect(countBits(shifted.subarray(1), n)).toBe(countBits(bits, n));
    }
  });

  it('lists the kept positions', () => {
    for (const n of LENGTHS) {
      const m = randomMask(n, 0.4, 7 * n + 3);
      const want = keepRef(Array.from({ length: n }, (_, i) => i), m);
      expect([...bitPositions(packMask(m), n)]).toEqual(want);
    }
    expect([...bitPositions(Uint8Array.of(0b110), 3)]).toEqual([1, 2]);
  });

  it('writes RangeIndex labels as int64 from the bits, negative steps included', () => {
    const m = randomMask(1003, 0.5, 11);
    const bits = packMask(m);
    const count = countBits(bits, 1003);
    const want = (start: number, step: number): bigint[] => keepRef(Array.from({ length: 1003 }, (_, i) => BigInt(start + i * step)), m);
    expect([...rangeLabelsFromBits(bits, 1003, count, 0, 1)]).toEqual(want(0, 1));
    expect([...rangeLabelsFromBits(bits, 1003, count, 500, -3)]).toEqual(want(500, -3));
    expect([...rangeLabelsFromBits(Uint8Array.of(0b101), 3, 2, 10, 1)]).toEqual([10n, 12n]);
  });
});

describe('compactByBits', () => {
  it('keeps every dtype like a row-by-row filter, at every length and mask density', () => {
    for (const n of LENGTHS) {
      for (const p of [0, 0.1, 0.5, 1]) {
        const m = randomMask(n, p, 31 * n + Math.round(p * 10));
        const bits = packMask(m);
        const r = rng(n + 5);
        const f = Array.from({ length: n }, (_, i) => (i % 11 === 3 ? null : i % 13 === 5 ? NaN : r() * 100 - 50));
        const ints = Array.from({ length: n }, (_, i) => (i % 7 === 2 ? null : Math.floor(r() * 2000) - 1000));
        const strs = Array.from({ length: n }, (_, i) => (i % 9 === 4 ? null : `s${i % 5}`));
        const cols: Column[] = [
          fromValues(f), fromValues(ints, 'int32'), fromValues(ints, 'int16'), fromValues(ints.map((x) => (x === null ? null : x & 0x7f)), 'uint8'),
          fromValues(f, 'float32'), fromValues(ints, 'int64'), fromValues(ints.map((x) => (x === null ? null : x > 0))),
          fromStrings(strs, { dictionary: true }), fromStrings(strs),
        ];
        for (const col of cols) {
          const out = compactByBits(col, bits);
          expect(out.dtype).toBe(col.dtype);
          expect(out.length).toBe(keepRef([...m], m).length);
          expect(out.toArray()).toEqual(keepRef(col.toArray(), m));
        }
      }
    }
  });

  it('moves int64 beyond 2^53 bit-exactly (two 32-bit words per value)', () => {
    const big = [2n ** 62n + 1n, -(2n ** 63n), 2n ** 53n + 1n, 7n, -(2n ** 60n) - 3n, 2n ** 63n - 1n, 0n, -1n, 2n ** 55n + 9n];
    const m = Uint8Array.of(1, 1, 0, 1, 1, 0, 1, 1, 1);
    const out = compactByBits(fromTyped(BigInt64Array.from(big)), packMask(m));
    expect(Array.from(out.values as BigInt64Array)).toEqual([2n ** 62n + 1n, -(2n ** 63n), 7n, -(2n ** 60n) - 3n, 0n, -1n, 2n ** 55n + 9n]);
  });

  it('keeps a dictionary column as codes over the same dictionary', () => {
    const col = fromCodes(Int32Array.of(2, 0, -1, 1, 2, 0, 1, 1, 2), ['x', 'y', 'z']);
    const out = compactByBits(col, packMask(Uint8Array.of(1, 0, 1, 1, 0, 0, 0, 1, 1)));
    expect(out.data.dictionary).toBe(col.data.dictionary);
    expect(out.toArray()).toEqual(['z', null, 'y', 'y', 'z']);
  });

  it('drops the validity when no null survives, keeps it otherwise', () => {
    const col = fromValues([1, null, 3, 4, null, 6, 7, 8, 9], 'int32');
    const none = compactByBits(col, packMask(Uint8Array.of(1, 0, 1, 1, 0, 1, 1, 1, 1)));
    expect(none.validity).toBeNull();
    expect(none.nullCount).toBe(0);
    const some = compactByBits(col, packMask(Uint8Array.of(0, 1, 0, 0, 1, 0, 0, 0, 1)));
    expect(some.toArray()).toEqual([null, null, 9]);
    expect(some.nullCount).toBe(2);
  });

  it('gives empty and full columns for all-false and all-true masks', () => {
    const col = fromValues([1.5, NaN, -2, 4, 5, 6, 7, 8, 9, 10]);
    expect(compactByBits(col, packMask(new Uint8Array(10))).toArray()).toEqual([]);
    expect(compactByBits(col, packMask(new Uint8Array(10).fill(1))).toArray()).toEqual(col.toArray());
  });

  it('byte masks: any non-zero byte keeps the row', () => {
    expect(compact(fromValues([1, 2, 3, 4, 5]), Uint8Array.of(1, 0, 2, 255, 0)).toArray()).toEqual([1, 3, 4]);
  });
});

describe('filter through bits', () => {
  // pandas 1.5.3: df = pd.DataFrame({'v': [-1.0, 2.0, nan, 4.0, None, 6.0, -7.0, 8.0, 9.0, 0.0]}, index=pd.RangeIndex(5, 35, 3));
  // df[df.v > 0] -> index [8, 14, 20, 26, 29], v [2, 4, 6, 8, 9] (NaN and None compare false)
  const v = [-1, 2, NaN, 4, null, 6, -7, 8, 9, 0];

  it('keeps RangeIndex labels (start, step) as an int64 index', () => {
    const df = new DataFrame({ v }, { index: new RangeIndex(10, { start: 5, step: 3 }) });
    const out = df.filter(df.col('v').gt(0));
    expect(out.index.toArray()).toEqual([8, 14, 20, 26, 29]);
    expect(out.index.dtype).toBe('int64');
    expect(out.col('v').toArray()).toEqual([2, 4, 6, 8, 9]);
  });

  it('RangeIndex labels beyond int32 go through positions', () => {
    const df = new DataFrame({ v }, { index: new RangeIndex(10, { start: 2 ** 40, step: 2 }) });
    expect(df.filter(df.col('v').gt(5)).index.toArray()).toEqual([2 ** 40 + 10, 2 ** 40 + 14, 2 ** 40 + 16]);
  });

  it('string and MultiIndex labels are kept', () => {
    const labels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const df = new DataFrame({ v }, { index: labels });
    expect(df.filter(df.col('v').lt(0)).index.toArray()).toEqual(['a', 'g']);
    const mi = MultiIndex.fromArrays([labels, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
    const dm = DataFrame.fromColumns(['v'], [fromValues(v)], mi);
    expect(dm.filter(dm.col('v').ge(8)).index.toArray()).toEqual([['h', 7], ['i', 8]]);
  });

  it('an all-true mask keeps everything, an all-false one gives an empty int64-labelled frame', () => {
    const df = new DataFrame({ v: [1, 2, 3], s: ['x', 'y', 'z'] });
    const all = df.filter(df.col('v').gt(0));
    expect(all.col('s').toArray()).toEqual(['x', 'y', 'z']);
    expect(all.index.toArray()).toEqual([0, 1, 2]);
    const none = df.filter(df.col('v').gt(10));
    expect(none.length).toBe(0);
    expect(none.col('s').toArray()).toEqual([]);
    expect(none.index.dtype).toBe('int64'); // pandas: Int64Index([], dtype='int64')
  });

  it('null mask values count as false; a mask Series aligns on labels', () => {
    const df = new DataFrame({ v: [1, 2, 3, 4] }, { index: ['a', 'b', 'c', 'd'] });
    const withNull = new Series([true, null, true, false], { index: ['a', 'b', 'c', 'd'] });
    expect(df.filter(withNull).col('v').toArray()).toEqual([1, 3]);
    const reordered = new Series([true, false, false, true], { index: ['d', 'c', 'b', 'a'] });
    expect(df.filter(reordered).index.toArray()).toEqual(['a', 'd']);
  });

  it('byte masks and boolean arrays; a wrong length is a ValueError', () => {
    const df = new DataFrame({ v: [1, 2, 3] });
    expect(df.filter(Uint8Array.of(0, 3, 1)).col('v').toArray()).toEqual([2, 3]);
    expect(df.filter([true, false, true]).col('v').toArray()).toEqual([1, 3]);
    expect(() => df.filter([true])).toThrow(ValueError);
    // loc with a boolean array or byte mask picks the same rows (pandas df.loc[[False, True, True]]).
    expect((df.loc([false, true, true]) as DataFrame).index.toArray()).toEqual([1, 2]);
  });

  it('reads only the first n bits of a bool mask whose last byte has stray bits', () => {
    const index = new RangeIndex(3);
    const dirty = new Column(arrow.makeData({ type: new arrow.Bool(), length: 3, nullCount: 0, data: Uint8Array.of(0xff, 0, 0, 0, 0, 0, 0, 0) }));
    const mask = new Series(dirty, { index });
    expect(countBits(maskBits(mask, index), 3)).toBe(3);
    const df = DataFrame.fromColumns(['v'], [fromValues([1, 2, 3])], index);
    expect(df.filter(mask).col('v').toArray()).toEqual([1, 2, 3]);
    expect(df.filter(mask).index).toBeInstanceOf(Index);
  });
});
