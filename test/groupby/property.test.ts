/**
 * Property tests (fast-check): grouped aggregates equal a naive per-group loop; stack then unstack
 * gives the frame back; pivotTable equals groupby + unstack.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DataFrame, MultiIndex, Series, unstack } from '../../src/index.js';
import { closeTo } from '../helpers.js';
import { fromCodes, fromStrings } from '../../src/frame/column-build.js';

const keyArb = fc.oneof(fc.constantFrom('a', 'b', 'c', 'dd', null), fc.constantFrom('x', 'y'));
const valArb = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN), fc.integer({ min: -50, max: 50 }));
const rowsArb = fc.array(fc.record({ k: keyArb, j: fc.integer({ min: 0, max: 3 }), v: valArb }), { minLength: 1, maxLength: 60 });

/** The naive reference: per sorted key, the non-missing values in row order. */
function naive(rows: { k: string | null; j: number; v: number }[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const r of rows) {
    if (r.k === null) continue;
    const key = `${r.k}|${r.j}`;
    if (!m.has(key)) m.set(key, []);
    if (!Number.isNaN(r.v)) (m.get(key) as number[]).push(r.v);
  }
  return new Map([...m.entries()].sort(([a], [b]) => {
    const [ka, ja] = a.split('|');
    const [kb, jb] = b.split('|');
    return ka < kb ? -1 : ka > kb ? 1 : Number(ja) - Number(jb);
  }));
}

const ref: Record<string, (x: number[]) => number> = {
  sum: (x) => x.reduce((a, b) => a + b, 0),
  mean: (x) => (x.length ? x.reduce((a, b) => a + b, 0) / x.length : NaN),
  min: (x) => (x.length ? Math.min(...x) : NaN),
  max: (x) => (x.length ? Math.max(...x) : NaN),
  count: (x) => x.length,
  var: (x) => {
    if (x.length < 2) return NaN;
    const m = x.reduce((a, b) => a + b, 0) / x.length;
    return x.reduce((a, b) => a + (b - m) * (b - m), 0) / (x.length - 1);
  },
  median: (x) => {
    if (!x.length) return NaN;
    const s = [...x].sort((a, b) => a - b);
    const h = s.length >> 1;
    return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
  },
  first: (x) => (x.length ? x[0] : NaN),
  last: (x) => (x.length ? x[x.length - 1] : NaN),
  nunique: (x) => new Set(x).size,
};

const num = (v: unknown): number => (v === null ? NaN : (v as number));

describe('grouped aggregates equal a naive per-group loop', () => {
  it('for random frames with missing keys and values', () => {
    fc.assert(
      fc.property(rowsArb, fc.boolean(), (rows, dict) => {
        const k = dict ? fromStrings(rows.map((r) => r.k), { dictionary: true }) : rows.map((r) => r.k);
        const df = new DataFrame({ k, j: rows.map((r) => r.j), v: rows.map((r) => r.v) }, { dtypes: { v: 'float64' } });
        const want = naive(rows);
        const gb = df.groupby(['k', 'j']);
        expect(gb.ngroups).toBe(want.size);
        expect(gb.resultIndex.toArray().map((t) => (t as unknown[]).join('|'))).toEqual([...want.keys()]);
        for (const [name, f] of Object.entries(ref)) {
          const got = gb.col('v').agg(name).toArray().map(num);
          const exp = [...want.values()].map(f);
          got.forEach((g, i) => expect(closeTo(g, exp[i], 1e-9), `${name} group ${i}: ${g} vs ${exp[i]}`).toBe(true));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('for one dictionary-encoded key (physical group codes), every verb agrees with a plain-string key', () => {
    const arb = fc.record({ rows: rowsArb, unused: fc.array(fc.constantFrom('zz', 'a0', 'unused'), { maxLength: 3 }), sort: fc.boolean() });
    fc.assert(
      fc.property(arb, ({ rows, unused, sort }) => {
        const keys: (string | null)[] = rows.map((r) => r.k);
        // A dictionary with extra entries no row uses.
        const dictionary = [...new Set([...unused, ...keys.filter((x): x is string => x !== null)])];
        const codes = Int32Array.from(keys, (x) => (x === null ? -1 : dictionary.indexOf(x)));
        const v = rows.map((r) => r.v);
        const a = new DataFrame({ k: fromCodes(codes, dictionary), v }, { dtypes: { v: 'float64' } }).groupby('k', { sort });
        const b = new DataFrame({ k: keys, v }, { dtypes: { v: 'float64' } }).groupby('k', { sort });
        expect(a.resultIndex.toArray()).toEqual(b.resultIndex.toArray());
        const same = (x: unknown[], y: unknown[]) => x.forEach((xi, i) => expect(closeTo(num(xi), num(y[i])), `${i}`).toBe(true));
        for (const f of ['mean', 'sum', 'count', 'max', 'first', 'median']) same(a.col('v').agg(f).toArray(), b.col('v').agg(f).toArray());
        same(a.size().toArray(), b.size().toArray());
        same(a.col('v').transform('sum').toArray(), b.col('v').transform('sum').toArray());
        same(a.col('v').cumsum().toArray(), b.col('v').cumsum().toArray());
        same((a.apply((g) => g.length) as Series).toArray(), (b.apply((g) => g.length) as Series).toArray());
        expect(a.filter((g) => g.length > 1).index.toArray()).toEqual(b.filter((g) => g.length > 1).index.toArray());
        same(a.col('v').agg((s: Series) => s.length).toArray(), b.col('v').agg((s: Series) => s.length).toArray());
      }),
      { numRuns: 60 },
    );
  });
});

describe('reshaping round trips', () => {
  it('stack then unstack returns the original frame', () => {
    const arb = fc.record({
      outer: fc.uniqueArray(fc.constantFrom('p', 'q', 'r', 's'), { minLength: 1, maxLength: 4 }),
      inner: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 }),
      ncol: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(arb, ({ outer, inner, ncol, seed }) => {
        const o = [...outer].sort();
        const inn = [...inner].sort((a, b) => a - b);
        const index = MultiIndex.fromProduct([o, inn], { names: ['o', 'i'] });
        const n = index.length;
        const cols: Record<string, number[]> = {};
        for (let c = 0; c < ncol; c++) cols[`c${c}`] = Array.from({ length: n }, (_, r) => ((r + 1) * (c + 3) * seed) % 97 + 0.5);
        const df = new DataFrame(cols, { index });
        const back = unstack(df.stack() as Series);
        expect(back.columns).toEqual(df.columns);
        expect(back.index.toArray()).toEqual(df.index.toArray());
        expect(back.columnList.map((c) => c.toArray())).toEqual(df.columnList.map((c) => c.toArray()));
      }),
      { numRuns: 40 },
    );
  });

  it('pivotTable equals groupby + unstack', () => {
    const arb = fc.array(fc.record({ i: fc.constantFrom('a', 'b', 'c'), c: fc.constantFrom('X', 'Y', 'Z'), v: fc.integer({ min: -20, max: 20 }) }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(arb, fc.constantFrom('mean', 'sum', 'max', 'count'), (rows, aggfunc) => {
        const df = new DataFrame({ i: rows.map((r) => r.i), c: rows.map((r) => r.c), v: rows.map((r) => r.v) });
        const pt = df.pivotTable({ index: 'i', columns: 'c', values: 'v', aggfunc });
        const gu = unstack(df.groupby(['i', 'c']).col('v').agg(aggfunc));
        expect(pt.columns).toEqual(gu.columns);
        expect(pt.index.toArray()).toEqual(gu.index.toArray());
        pt.columns.forEach((name) => {
          const a = pt.col(name).toArray().map(num);
          const b = gu.col(name).toArray().map(num);
          a.forEach((x, k) => expect(closeTo(x, b[k]), `${name}[${k}]`).toBe(true));
        });
      }),
      { numRuns: 60 },
    );
  });
});
