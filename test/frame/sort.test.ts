import { describe, expect, it } from 'vitest';
import { DataFrame, MultiIndex } from '../../src/frame/dataframe.js';
import { fromFloat64, fromStrings, fromTyped, fromValues } from '../../src/frame/column-build.js';
import { argsort } from '../../src/frame/ops/sort.js';
import { compareCodePoints } from '../../src/frame/ops/sort-keys.js';
import type { Column } from '../../src/frame/column.js';

// Reference orders from pandas 1.5.3 (/usr/bin/python3), sort_values(..., kind='stable'):
// df = pd.DataFrame({'k':['b','a','b',None,'a','c'], 'v':[2.5, nan, -1.0, 3.0, 2.5, -0.0], 'i':[3,1,2,3,1,0]})
const df = new DataFrame({ k: ['b', 'a', 'b', null, 'a', 'c'], v: [2.5, NaN, -1.0, 3.0, 2.5, -0.0], i: [3, 1, 2, 3, 1, 0] });
const order = (d: DataFrame): unknown[] => d.index.toArray();

describe('sortValues (pandas reference)', () => {
  it('one float key, NaN last, -0 equal to 0', () => {
    expect(order(df.sortValues('v'))).toEqual([2, 5, 0, 4, 3, 1]);
  });
  it('descending keeps ties in order and NaN last', () => {
    expect(order(df.sortValues('v', { ascending: false }))).toEqual([3, 0, 4, 5, 2, 1]);
  });
  it('naPosition first', () => {
    expect(order(df.sortValues('v', { naPosition: 'first' }))).toEqual([1, 2, 5, 0, 4, 3]);
  });
  it('several keys with a direction each', () => {
    expect(order(df.sortValues(['k', 'v'], { ascending: [true, false] }))).toEqual([4, 1, 0, 2, 5, 3]);
    expect(order(df.sortValues(['i', 'k']))).toEqual([5, 1, 4, 2, 0, 3]);
    expect(order(df.sortValues('k', { ascending: false }))).toEqual([5, 0, 2, 1, 4, 3]);
  });
  it('moves every column with the rows', () => {
    const s = df.sortValues('i');
    expect(s.col('k').toArray()).toEqual(['c', 'a', 'a', 'b', 'b', null]);
    expect(s.col('v').toArray()).toEqual([-0, NaN, 2.5, -1, 2.5, 3]);
  });
  it('sortIndex on a MultiIndex sorts level by level', () => {
    const m = df.setIndex(['k', 'i']).sortIndex().resetIndex();
    // pandas: [['a',1,nan],['a',1,2.5],['b',2,-1.0],['b',3,2.5],['c',0,-0.0],[nan,3,3.0]]
    expect(m.col('k').toArray()).toEqual(['a', 'a', 'b', 'b', 'c', null]);
    expect(m.col('i').toArray()).toEqual([1, 1, 2, 3, 0, 3]);
    expect(m.col('v').toArray()).toEqual([NaN, 2.5, -1, 2.5, -0, 3]);
    expect(m.columns).toEqual(['k', 'i', 'v']);
    expect(df.setIndex('k').sortIndex({ ascending: false }).index.toArray()).toEqual(['c', 'b', 'b', 'a', 'a', null]);
    expect(df.setIndex(['k', 'i']).index).toBeInstanceOf(MultiIndex);
  });
  it('strings sort by code point, as Python does', () => {
    // pandas: ['Z', 'a', 'e', 'ä', 'é']
    const s = new DataFrame({ s: ['é', 'e', 'Z', 'a', 'ä'] }).sortValues('s');
    expect(s.col('s').toArray()).toEqual(['Z', 'a', 'e', 'ä', 'é']);
    expect(compareCodePoints('\uFF5E', '\u{1F600}')).toBeLessThan(0);
    expect('\uFF5E' < '\u{1F600}').toBe(false); // why the helper exists
  });
  it('unknown column and bad ascending length are clear errors', () => {
    expect(() => df.sortValues('V')).toThrow(/Unknown column 'V'.*'v'/);
    expect(() => df.sortValues(['k', 'v'], { ascending: [true] })).toThrow(/ascending \(1\) != number of sort keys \(2\)/);
  });
});

/** An independent oracle: a stable comparison sort with pandas' rules (missing last, per-key direction). */
function reference(cols: Column[], asc: boolean[]): number[] {
  const vals = cols.map((c) => c.toArray());
  const missing = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isNaN(v));
  const idx = Array.from({ length: cols[0].length }, (_, i) => i);
  return idx.sort((a, b) => {
    for (let k = 0; k < cols.length; k++) {
      const x = vals[k][a];
      const y = vals[k][b];
      const mx = missing(x);
      const my = missing(y);
      if (mx || my) {
        if (mx && my) continue;
        return mx ? 1 : -1;
      }
      let c = 0;
      if (typeof x === 'string' && typeof y === 'string') c = compareCodePoints(x, y);
      else if (typeof x === 'bigint' || typeof y === 'bigint') c = BigInt(x as bigint) < BigInt(y as bigint) ? -1 : BigInt(x as bigint) > BigInt(y as bigint) ? 1 : 0;
      else c = Number(x) < Number(y) ? -1 : Number(x) > Number(y) ? 1 : 0;
      if (c !== 0) return asc[k] ? c : -c;
    }
    return a - b;
  });
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe('argsort against a comparison sort (radix paths: LSD, MSD, small)', () => {
  const r = rng(7);
  for (const n of [100, 3000, 9000]) {
    it(`float64 with NaN, nulls, duplicates, -0 and infinities (n=${n})`, () => {
      const v = Float64Array.from({ length: n }, () => {
        const u = r();
        if (u < 0.05) return NaN;
        if (u < 0.07) return -0;
        if (u < 0.08) return Infinity;
        if (u < 0.09) return -Infinity;
        return u < 0.3 ? Math.round(r() * 20) : (r() - 0.5) * 1e6;
      });
      const validity = new Uint8Array(Math.ceil(n / 8)).map(() => Math.floor(r() * 256) | 0x7f);
      const col = fromFloat64(v, validity);
      for (const asc of [true, false]) {
        expect(Array.from(argsort([col], { ascending: [asc] }))).toEqual(reference([col], [asc]));
      }
    });
    it(`int32, int64 beyond 2^53, strings, bools, dates, several keys (n=${n})`, () => {
      const i32 = fromTyped(Int32Array.from({ length: n }, () => Math.floor((r() - 0.5) * 2 ** 32)));
      const big = fromTyped(BigInt64Array.from({ length: n }, () => (r() < 0.5 ? 2n ** 60n : -(2n ** 60n)) + BigInt(Math.floor(r() * 50))));
      const small = fromValues(Array.from({ length: n }, () => (r() < 0.1 ? null : Math.floor(r() * 5))));
      const strs = fromStrings(Array.from({ length: n }, () => (r() < 0.1 ? null : String.fromCharCode(97 + Math.floor(r() * 6)) + (r() < 0.5 ? 'é' : ''))), { dictionary: r() < 2 });
      const bools = fromValues(Array.from({ length: n }, () => (r() < 0.1 ? null : r() < 0.5)));
      const dates = fromValues(Array.from({ length: n }, () => (r() < 0.1 ? null : new Date(Date.UTC(1950 + Math.floor(r() * 100), 0, 1) + Math.floor(r() * 1e10)))));
      for (const c of [i32, big, small, strs, bools, dates]) {
        expect(Array.from(argsort([c], { ascending: [true] }))).toEqual(reference([c], [true]));
        expect(Array.from(argsort([c], { ascending: [false] }))).toEqual(reference([c], [false]));
      }
      expect(Array.from(argsort([strs, small, bools], { ascending: [false, true, false] }))).toEqual(reference([strs, small, bools], [false, true, false]));
      expect(Array.from(argsort([small, big], { ascending: [true, false] }))).toEqual(reference([small, big], [true, false]));
    });
  }
  it('a large float64 key decoded back from its sorted radix keys equals the gathered values', () => {
    const n = 6000;
    const v = Float64Array.from({ length: n }, () => {
      const u = r();
      return u < 0.05 ? NaN : u < 0.06 ? Infinity : u < 0.07 ? -Infinity : u < 0.1 ? 5e-324 : (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20);
    });
    const frame = new DataFrame({ v: fromFloat64(v), i: fromTyped(Int32Array.from({ length: n }, (_, i) => i)) });
    for (const ascending of [true, false]) {
      for (const naPosition of ['last', 'first'] as const) {
        const s = frame.sortValues('v', { ascending, naPosition });
        const perm = argsort([frame.column('v')], { ascending: [ascending], naPosition });
        expect(s.col('v').toArray()).toEqual(Array.from(perm, (p) => v[p]));
        expect(Array.from(s.col('i').values as Int32Array)).toEqual(Array.from(perm));
      }
    }
    // With a -0 the keys are lossy: the column is gathered, and -0 survives.
    v[17] = -0;
    const s = new DataFrame({ v: fromFloat64(v) }).sortValues('v');
    expect(s.col('v').toArray().some((x) => Object.is(x, -0))).toBe(true);
  });
  it('an already sorted key is the identity', () => {
    const c = fromFloat64(Float64Array.from({ length: 5000 }, (_, i) => i / 3));
    const p = argsort([c], { ascending: [true] });
    expect(p.every((v, i) => v === i)).toBe(true);
  });
});
