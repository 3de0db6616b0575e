/**
 * Public API contract, section "Frames" of /work/shared/API.md: every line exercised through the
 * package root exactly as written there, on tiny literal data. Expected values are worked out by hand
 * (stated next to each assertion) and follow pandas semantics (cases marked "pandas" were run through /usr/bin/python3, pandas 1.5.3).
 * The other sections live beside this file (grouping, nd, io, kernels, parallel).
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as gf from '../../src/index.js';

/** The API.md example frame, with string row labels so loc and iloc differ. */
function abc(): gf.DataFrame {
  return new gf.DataFrame({ a: [1, 2, 3], b: ['x', 'y', null] }, { index: ['r0', 'r1', 'r2'] });
}

function frame(v: gf.DataFrame | gf.Series | gf.Scalar): gf.DataFrame {
  if (!(v instanceof gf.DataFrame)) throw new Error(`expected a DataFrame, got ${String(v)}`);
  return v;
}
function series(v: gf.DataFrame | gf.Series | gf.Scalar): gf.Series {
  if (!(v instanceof gf.Series)) throw new Error(`expected a Series, got ${String(v)}`);
  return v;
}

describe('API.md Frames: construction and conversion', () => {
  it('new DataFrame({ a: [1, 2, 3], b: ["x", "y", null] }, { index })', () => {
    const df = abc();
    expect(df.toColumns()).toEqual({ a: [1, 2, 3], b: ['x', 'y', null] });
    expect(df.index.toArray()).toEqual(['r0', 'r1', 'r2']);
    // An Index object works as well as an array of labels.
    const d2 = new gf.DataFrame({ a: [1, 2] }, { index: new gf.Index(['p', 'q']) });
    expect(d2.index.toArray()).toEqual(['p', 'q']);
  });

  it('DataFrame.fromRecords(rows) / df.toRecords() / df.toColumns()', () => {
    const df = gf.DataFrame.fromRecords([{ a: 1, b: 'x' }, { a: 2 }]);
    // The missing key becomes null, as pandas.DataFrame.from_records gives None/NaN.
    expect(df.toRecords()).toEqual([{ a: 1, b: 'x' }, { a: 2, b: null }]);
    expect(df.toColumns()).toEqual({ a: [1, 2], b: ['x', null] });
    const withOpts = gf.DataFrame.fromRecords([{ a: 1, b: 'x' }, { a: 2, b: 'y' }], { index: ['p', 'q'], columns: ['b', 'a'] });
    expect(withOpts.columns).toEqual(['b', 'a']);
    expect(withOpts.index.toArray()).toEqual(['p', 'q']);
  });

  it('DataFrame.fromArrow(table) and df.toArrow(): arrow.Table round trip', () => {
    const t = abc().toArrow();
    expect(t.numRows).toBe(3);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['a', 'b']);
    expect(gf.DataFrame.fromArrow(t).toColumns()).toEqual({ a: [1, 2, 3], b: ['x', 'y', null] });
  });

  it('new Series(values, { name, index, dtype })', () => {
    const s = new gf.Series([1.5, null, 3], { name: 's', index: ['p', 'q', 'r'], dtype: 'float32' });
    expect(s.name).toBe('s');
    expect(s.dtype).toBe('float32');
    expect(s.index.toArray()).toEqual(['p', 'q', 'r']);
    expect(s.toArray()).toEqual([1.5, null, 3]); // 1.5 and 3 are exact in float32
  });

  it('df.shape, df.columns, df.dtypes, df.index, df.length', () => {
    const df = abc();
    expect(df.shape).toEqual([3, 2]);
    expect(df.columns).toEqual(['a', 'b']);
    // All-integer numbers infer int64 (pandas too); strings are the one `string` dtype (README design notes).
    expect(df.dtypes).toEqual({ a: 'int64', b: 'string' });
    expect(df.index).toBeInstanceOf(gf.Index);
    expect(df.length).toBe(3);
  });

  it('df.head(n = 5), df.tail(n = 5)', () => {
    const df = new gf.DataFrame({ v: [0, 1, 2, 3, 4, 5, 6] });
    expect(df.head().col('v').toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(df.head(2).col('v').toArray()).toEqual([0, 1]);
    expect(df.tail().col('v').toArray()).toEqual([2, 3, 4, 5, 6]);
    expect(df.tail(1).index.toArray()).toEqual([6]);
  });

  it('df.info(): string, df.describe(): DataFrame, String(df)', () => {
    const df = abc();
    const info = df.info();
    expect(info).toMatch(/3 entries/);
    expect(info).toMatch(/a\s+3 non-null\s+int64/);
    expect(info).toMatch(/b\s+2 non-null\s+string/);
    const d = df.describe();
    // pandas df.describe() over a = [1, 2, 3]: count 3, mean 2, std 1, min 1, 25% 1.5, 50% 2, 75% 2.5, max 3.
    expect(d.columns).toEqual(['a']);
    expect(d.index.toArray()).toEqual(['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max']);
    expect(d.col('a').toArray()).toEqual([3, 2, 1, 1, 1.5, 2, 2.5, 3]);
    const text = String(df);
    expect(text).toContain('r2');
    expect(text).toContain('y');
    // console.log(df) prints the same text (util.inspect.custom).
    expect(inspect(df)).toBe(text);
  });
});

describe('API.md Frames: selection', () => {
  it("df.col('a') (pandas df['a']) and df.get('a')", () => {
    const df = abc();
    expect(df.col('a').toArray()).toEqual([1, 2, 3]);
    expect(df.col('a').name).toBe('a');
    expect(df.get('b').toArray()).toEqual(['x', 'y', null]);
    expect(() => df.col('A')).toThrow(gf.KeyError);
  });

  it("df.select(['b', 'a'])", () => {
    expect(abc().select(['b', 'a']).columns).toEqual(['b', 'a']);
  });

  it('df.loc(rows, cols?): label, label[], inclusive {start, stop}, boolean Series, null', () => {
    const df = abc();
    expect(df.loc('r1', 'a')).toBe(2);
    expect(frame(df.loc(['r2', 'r0'])).col('a').toArray()).toEqual([3, 1]);
    // Label slices include the stop label, as pandas: r0..r1 is two rows.
    expect(frame(df.loc({ start: 'r0', stop: 'r1' })).col('a').toArray()).toEqual([1, 2]);
    expect(frame(df.loc(df.col('a').gt(1))).index.toArray()).toEqual(['r1', 'r2']);
    expect(frame(df.loc(null, ['b'])).toColumns()).toEqual({ b: ['x', 'y', null] });
    // One row label: a row Series indexed by column names when the dtypes allow (numbers upcast to
    // float64, as pandas); mixed dtypes stay a one-row DataFrame (no object dtype; TSDoc of frame-select.ts).
    const num = new gf.DataFrame({ a: [1, 2], f: [0.5, 1.5] }, { index: ['p', 'q'] });
    const row = series(num.loc('q'));
    expect(row.index.toArray()).toEqual(['a', 'f']);
    expect(row.name).toBe('q');
    expect(row.toArray()).toEqual([2, 1.5]);
    expect(frame(df.loc('r1')).toRecords()).toEqual([{ a: 2, b: 'y' }]);
  });

  it('df.iloc(rows, cols?): position, position[], exclusive {start, stop}, null', () => {
    const df = abc();
    expect(df.iloc(1, 0)).toBe(2);
    expect(frame(df.iloc([2, 0])).col('a').toArray()).toEqual([3, 1]);
    // Position slices exclude the stop: 0..2 is rows 0 and 1.
    expect(frame(df.iloc({ start: 0, stop: 2 })).index.toArray()).toEqual(['r0', 'r1']);
    expect(frame(df.iloc(null, [1])).columns).toEqual(['b']);
    expect(series(df.iloc(null, 0)).toArray()).toEqual([1, 2, 3]);
    expect(frame(df.iloc({ start: -2 })).index.toArray()).toEqual(['r1', 'r2']); // negative start counts from the end
    expect(series(df.select(['a']).iloc(-1)).toArray()).toEqual([3]); // one position: a row Series
  });

  it('df.at(label, col), df.iat(i, j)', () => {
    const df = abc();
    expect(df.at('r2', 'b')).toBeNull();
    expect(df.at('r0', 'a')).toBe(1);
    expect(df.iat(0, 1)).toBe('x');
    expect(df.iat(-1, 0)).toBe(3);
  });

  it('df.filter(mask: Series) (pandas df[mask])', () => {
    const df = abc();
    expect(df.filter(df.col('b').notna()).col('a').toArray()).toEqual([1, 2]);
  });

  it("df.setIndex('Name' | string[]), df.resetIndex(), df.index.str.contains('Margaret')", () => {
    const people = new gf.DataFrame({ Name: ['Margaret Brown', 'John Smith', 'Margaret Welles'], Age: [40, 35, 3], Sex: ['f', 'm', 'f'] });
    const byName = people.setIndex('Name');
    expect(byName.columns).toEqual(['Age', 'Sex']);
    expect(byName.filter(byName.index.str.contains('Margaret')).col('Age').toArray()).toEqual([40, 3]);
    const two = people.setIndex(['Sex', 'Name']);
    expect(two.index).toBeInstanceOf(gf.MultiIndex);
    expect(two.index.names).toEqual(['Sex', 'Name']);
    const back = byName.resetIndex();
    expect(back.columns).toEqual(['Name', 'Age', 'Sex']);
    expect(back.index.toArray()).toEqual([0, 1, 2]);
  });

  it("df.assign({ Child: df.col('Age').lt(12) }), df.drop(['a']), df.rename({ a: 'b' })", () => {
    const df = new gf.DataFrame({ Age: [40, 3, 11, 12], a: [1, 2, 3, 4] });
    const out = df.assign({ Child: df.col('Age').lt(12) });
    expect(out.col('Child').toArray()).toEqual([false, true, true, false]); // 12 < 12 is false
    expect(out.drop(['a']).columns).toEqual(['Age', 'Child']);
    expect(df.rename({ a: 'b' }).columns).toEqual(['Age', 'b']);
  });

  it("df.sortValues('v' | string[], { ascending }), df.sortIndex()", () => {
    const df = new gf.DataFrame({ k: ['b', 'a', 'b', 'a'], v: [3, 1, 2, 4] }, { index: [30, 10, 20, 40] });
    expect(df.sortValues('v').col('v').toArray()).toEqual([1, 2, 3, 4]);
    expect(df.sortValues('v', { ascending: false }).index.toArray()).toEqual([40, 30, 20, 10]);
    // By k then v: a1 a4 b2 b3.
    expect(df.sortValues(['k', 'v']).col('v').toArray()).toEqual([1, 4, 2, 3]);
    // One direction per key: k ascending, v descending -> a4 a1 b3 b2.
    expect(df.sortValues(['k', 'v'], { ascending: [true, false] }).col('v').toArray()).toEqual([4, 1, 3, 2]);
    expect(df.sortIndex().index.toArray()).toEqual([10, 20, 30, 40]);
  });
});

describe('API.md Frames: missing values, apply, merge, concat', () => {
  const m = (): gf.DataFrame => new gf.DataFrame({ a: [1, null, null, 4], b: [null, 'y', null, 'w'] });

  it('df.isna(), df.dropna({ how, subset })', () => {
    const df = m();
    expect(df.isna().toColumns()).toEqual({ a: [false, true, true, false], b: [true, false, true, false] });
    expect(df.dropna().index.toArray()).toEqual([3]); // only row 3 has no missing value
    expect(df.dropna({ how: 'all' }).index.toArray()).toEqual([0, 1, 3]); // row 2 is all missing
    expect(df.dropna({ subset: ['b'] }).index.toArray()).toEqual([1, 3]);
  });

  it('df.fillna(0 | { col: v }), df.ffill(), df.bfill()', () => {
    const df = m();
    expect(df.fillna(0).col('a').toArray()).toEqual([1, 0, 0, 4]);
    expect(df.fillna({ b: '?' }).toColumns()).toEqual({ a: [1, null, null, 4], b: ['?', 'y', '?', 'w'] });
    expect(df.ffill().toColumns()).toEqual({ a: [1, 1, 1, 4], b: [null, 'y', 'y', 'w'] });
    expect(df.bfill().toColumns()).toEqual({ a: [1, 4, 4, 4], b: ['y', 'y', 'w', 'w'] });
  });

  it('df.apply(fn, { axis: 0 | 1, raw })', () => {
    const df = new gf.DataFrame({ a: [1, 2, 3], b: [10, 20, 30] });
    const perCol = series(df.apply((v) => (v instanceof gf.Series ? v.sum() : null), { axis: 0 }));
    expect(perCol.index.toArray()).toEqual(['a', 'b']);
    expect(perCol.toArray()).toEqual([6, 60]);
    const perRow = series(df.apply((v) => (Array.isArray(v) ? Number(v[0]) + Number(v[1]) : null), { axis: 1, raw: true }));
    expect(perRow.toArray()).toEqual([11, 22, 33]);
    // Without raw, a row arrives as an object keyed by column name.
    const named = series(df.apply((r) => (!Array.isArray(r) && !(r instanceof gf.Series) ? Number(r.b) - Number(r.a) : null), { axis: 1 }));
    expect(named.toArray()).toEqual([9, 18, 27]);
  });

  it('df.merge(other, { on | leftOn/rightOn, how, suffixes })', () => {
    const left = new gf.DataFrame({ k: ['a', 'b', 'c'], v: [1, 2, 3] });
    const right = new gf.DataFrame({ k: ['b', 'c', 'd'], v: [20, 30, 40] });
    const inner = left.merge(right, { on: 'k', how: 'inner', suffixes: ['_l', '_r'] });
    expect(inner.toColumns()).toEqual({ k: ['b', 'c'], v_l: [2, 3], v_r: [20, 30] });
    const outer = left.merge(right, { on: 'k', how: 'outer' });
    // pandas: outer join sorted by key; default suffixes _x/_y; missing sides null.
    expect(outer.col('k').toArray()).toEqual(['a', 'b', 'c', 'd']);
    expect(outer.col('v_x').toArray()).toEqual([1, 2, 3, null]);
    expect(outer.col('v_y').toArray()).toEqual([null, 20, 30, 40]);
    const r2 = new gf.DataFrame({ key: ['c', 'a'], w: [7, 8] });
    const lr = left.merge(r2, { leftOn: 'k', rightOn: 'key', how: 'left' });
    expect(lr.col('w').toArray()).toEqual([8, null, 7]);
  });

  it('concat([df1, df2], { axis: 0 | 1 })', () => {
    const d1 = new gf.DataFrame({ a: [1, 2] });
    const d2 = new gf.DataFrame({ a: [3] });
    const rows = frame(gf.concat([d1, d2], { axis: 0 }));
    expect(rows.col('a').toArray()).toEqual([1, 2, 3]);
    expect(rows.index.toArray()).toEqual([0, 1, 0]); // labels kept, as pandas
    const cols = frame(gf.concat([d1, new gf.DataFrame({ b: ['x', 'y'] })], { axis: 1 }));
    expect(cols.toColumns()).toEqual({ a: [1, 2], b: ['x', 'y'] });
  });

  it('s.unique(), s.valueCounts(), s.nunique()', () => {
    const s = new gf.Series(['b', 'a', 'b', null, 'b']);
    expect(s.unique()).toEqual(['b', 'a', null]); // order of appearance, null kept (pandas unique)
    const vc = s.valueCounts();
    expect(vc.index.toArray()).toEqual(['b', 'a']);
    expect(vc.toArray()).toEqual([3, 1]);
    expect(s.nunique()).toBe(2);
  });

  // API.md's `df.unique`: pandas has no DataFrame.unique; gridframe documents `df.col(name).unique()`
  // (README "Design notes"), tested above through Series.unique.
});

describe('API.md: every root-level name is exported from the package root', () => {
  it('functions and classes', () => {
    const names = [
      'DataFrame', 'Series', 'Index', 'MultiIndex', 'concat', // Frames, Grouping
      'DataArray', 'Dataset', 'NDArray', 'openDataset', 'loadDataset', 'openMfDataset', 'openHdf5', 'toNetcdf', // N-d
      'readCsv', 'readCsvChunks', 'readParquet', 'readArrow', 'readJson', // I/O
      'cdist', 'pdist', 'squareform', 'curveFit', 'fitRows', 'correlate', 'gpuInfo', // kernels
      'configure', 'delayed', 'compute', 'PartitionedFrame', // parallel
    ] as const;
    const root: Record<string, unknown> = gf;
    for (const n of names) expect(typeof root[n], n).toBe('function');
  });
});
