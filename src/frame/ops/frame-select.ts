/**
 * DataFrame selection: `loc` (labels), `iloc` (positions) and boolean filtering, with pandas' shapes:
 * a single row and a single column give a scalar, a single column gives a Series, a single row label
 * gives a row Series (see `frameLoc` for the dtype rule), anything else a DataFrame.
 * @module
 */
import type { DataFrame } from '../dataframe.js';
import { Series } from '../series.js';
import { Index, RangeIndex, type Label } from '../label-index.js';
import { MultiIndex } from '../multi-index.js';
import type { Column } from '../column.js';
import { concatColumns, fromFloat64 } from '../column-build.js';
import { maskToIndices, sliceColumn, take } from '../column-take.js';
import { isNumericDtype, type Scalar } from '../dtypes.js';
import type { Slice } from '../types.js';
import { KeyError, ValueError } from '../../errors.js';
import { compareLabels } from './align.js';
import { maskBits } from './series-select.js';
import { gather } from './gather.js';
import { bitPositions, compactByBits, countBits } from './compact.js';
import { FilteredRangeIndex } from './filtered-index.js';
import { gatherIndex } from './gather-index.js';

type RowSel = Label | readonly Label[] | Slice | Series | null;
type PosSel = number | readonly number[] | Slice<number> | null;

function isSlice(x: unknown): x is Slice<unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date) && !(x instanceof Series) &&
    Object.keys(x).every((k) => k === 'start' || k === 'stop');
}

/** Rows picked by a selector: positions, and whether the selector named one row (drop the row axis). */
interface Rows {
  /** null = all rows, in order. */
  pos: Int32Array | null;
  single: boolean;
  /** For one label (or partial MultiIndex key): the label, used as the row Series name. */
  label?: Label;
  /** A partial MultiIndex key drops the levels it matched. */
  dropLevels?: number;
}

function range(a: number, b: number): Int32Array {
  const out = new Int32Array(Math.max(0, b - a));
  for (let i = 0; i < out.length; i++) out[i] = a + i;
  return out;
}

/** [start, stop) positions of an inclusive label slice (pandas: unique or sorted index). */
function labelSlice(index: Index, sl: Slice): [number, number] {
  const n = index.length;
  let sorted: boolean | null = null;
  const labels = (): Label[] => index.toArray();
  const isSorted = (ls: Label[]): boolean => {
    if (sorted === null) {
      sorted = true;
      for (let i = 1; i < n && sorted; i++) if (compareLabels(ls[i - 1], ls[i]) > 0) sorted = false;
    }
    return sorted;
  };
  const bound = (label: Label, side: 'start' | 'stop'): number => {
    const ls = labels();
    if (!isSorted(ls)) {
      // Unsorted: the label must exist, once (pandas: KeyError otherwise).
      const p = index.getLoc(label);
      if (p.length > 1 && p[p.length - 1] - p[0] !== p.length - 1) {
        throw new KeyError(`Cannot slice on label ${JSON.stringify(String(label))}: it repeats in an unsorted index`);
      }
      return side === 'start' ? p[0] : p[p.length - 1] + 1;
    }
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareLabels(ls[mid], label);
      if (c < 0 || (side === 'stop' && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = sl.start === undefined || sl.start === null ? 0 : bound(sl.start, 'start');
  const stop = sl.stop === undefined || sl.stop === null ? n : bound(sl.stop, 'stop');
  return [start, Math.max(start, stop)];
}

/** Positions of rows whose leading MultiIndex levels equal `key` (a partial tuple). */
function prefixRows(mi: MultiIndex, key: readonly Scalar[]): Int32Array {
  const codes: number[] = [];
  for (let l = 0; l < key.length; l++) {
    const lev = mi.levels[l];
    let c = -1;
    for (let k = 0; k < lev.length; k++) if (compareLabels(lev.get(k), key[l]) === 0) c = k;
    if (c < 0) throw new KeyError(`Label ${JSON.stringify(String(key[l]))} is not in level ${l} of the index`);
    codes.push(c);
  }
  const n = mi.length;
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let ok = 1;
    for (let l = 0; l < codes.length && ok; l++) if (mi.codes[l][i] !== codes[l]) ok = 0;
    keep[i] = ok;
  }
  const pos = maskToIndices(keep);
  if (pos.length === 0) throw new KeyError(`Key ${JSON.stringify(key.map(String))} is not in the index`);
  return pos;
}

function missingLabels(index: Index, labels: readonly Label[]): KeyError | null {
  const missing = labels.filter((l) => !index.has(l));
  if (!missing.length) return null;
  const shown = missing.slice(0, 10).map((l) => (Array.isArray(l) ? `(${l.map(String).join(', ')})` : String(l)));
  return new KeyError(`${missing.length === 1 ? 'Label' : 'Labels'} ${JSON.stringify(shown)}${missing.length > 10 ? ' ...' : ''} not in the index`);
}

/** Resolves a label row selector to positions. */
function rowsByLabel(df: DataFrame, rows: RowSel): Rows {
  const index = df.index;
  if (rows === null || rows === undefined) return { pos: null, single: false };
  if (rows instanceof Series || rows instanceof Uint8Array) return { pos: bitPositions(maskBits(rows, index), index.length), single: false };
  if (isSlice(rows)) {
    const [a, b] = labelSlice(index, rows as Slice);
    return { pos: range(a, b), single: false };
  }
  if (Array.isArray(rows)) {
    const list = rows as readonly Label[];
    if (index instanceof MultiIndex && list.every((r) => !Array.isArray(r))) {
      // A flat array on a MultiIndex is one key: a full tuple, or a prefix of the levels.
      const key = list as readonly Scalar[];
      if (key.length === index.nlevels) {
        const err = missingLabels(index, [key]);
        if (err) throw err;
        const p = index.getLoc(key);
        return { pos: Int32Array.from(p), single: p.length === 1, label: key };
      }
      if (key.length > index.nlevels) throw new KeyError(`Key ${JSON.stringify(key.map(String))} has more values than the index has levels (${index.nlevels})`);
      return { pos: prefixRows(index, key), single: false, dropLevels: key.length };
    }
    if (list.length === index.length && list.length > 0 && list.every((v) => typeof v === 'boolean')) {
      return { pos: bitPositions(maskBits(list as boolean[], index), index.length), single: false };
    }
    const err = missingLabels(index, list);
    if (err) throw err;
    const pos: number[] = [];
    for (const l of list) for (const p of index.getLoc(l)) pos.push(p);
    return { pos: Int32Array.from(pos), single: false };
  }
  const label = rows as Label;
  if (index instanceof MultiIndex) {
    // A scalar on a MultiIndex selects on the first level and drops it (pandas df.loc['bar']).
    return { pos: prefixRows(index, [label as Scalar]), single: false, dropLevels: 1 };
  }
  const err = missingLabels(index, [label]);
  if (err) throw err;
  const p = index.getLoc(label);
  return { pos: Int32Array.from(p), single: p.length === 1, label };
}

/** Resolves a position selector (negative from the end; slices clip, stop exclusive). */
function positions(sel: PosSel, n: number, what: string): { pos: Int32Array | null; single: boolean } {
  if (sel === null || sel === undefined) return { pos: null, single: false };
  const one = (p: number): number => {
    const j = p < 0 ? n + p : p;
    if (!Number.isInteger(j) || j < 0 || j >= n) throw new RangeError(`${what} position ${p} is out of bounds for ${n} ${what === 'Row' ? 'rows' : 'columns'}`);
    return j;
  };
  if (typeof sel === 'number') return { pos: Int32Array.of(one(sel)), single: true };
  if (Array.isArray(sel)) return { pos: Int32Array.from(sel as readonly number[], one), single: false };
  if (isSlice(sel)) {
    const sl = sel as Slice<number>;
    const clamp = (v: number): number => Math.max(0, Math.min(n, v < 0 ? n + v : v));
    const a = sl.start === undefined || sl.start === null ? 0 : clamp(sl.start);
    const b = sl.stop === undefined || sl.stop === null ? n : clamp(sl.stop);
    return { pos: range(a, Math.max(a, b)), single: false };
  }
  throw new ValueError(`Cannot select ${what.toLowerCase()}s by ${JSON.stringify(sel)}: use a position, a list of positions, {start, stop} or null`);
}

/** Row positions applied to the frame's columns and index. */
function takeRows(df: DataFrame, names: readonly string[], pos: Int32Array | null): { cols: Column[]; index: Index } {
  const src = names.map((n) => df.column(n));
  if (pos === null) return { cols: src, index: df.index };
  // A contiguous run is a zero-copy slice.
  let contiguous = true;
  for (let i = 1; i < pos.length && contiguous; i++) if (pos[i] !== pos[i - 1] + 1) contiguous = false;
  if (contiguous && pos.length > 0) {
    const a = pos[0];
    const b = pos[pos.length - 1] + 1;
    return { cols: src.map((c) => sliceColumn(c, a, b)), index: df.index.slice(a, b) };
  }
  return { cols: src.map((c) => gather(c, pos)), index: gatherIndex(df.index, pos) };
}

/**
 * One row as a Series indexed by the column names. pandas would build an `object` Series for mixed
 * dtypes; gridframe has no object dtype, so the rule is: one shared dtype -> that dtype; all numeric
 * (ints, floats) -> float64 (as pandas upcasts); otherwise the row stays a one-row DataFrame, which
 * keeps every column's dtype (use `toRecords()[0]` for a plain object).
 */
function rowResult(df: DataFrame, names: readonly string[], p: number, label: Label): Series | DataFrame {
  const cols = names.map((n) => take(df.column(n), [p]));
  const dtypes = new Set(cols.map((c) => c.dtype));
  const rowName = Array.isArray(label) ? label.map(String).join(', ') : String(label);
  const index = new Index(names as string[]);
  if (dtypes.size === 1 && cols.length > 0) return new Series(concatColumns(cols), { index, name: rowName });
  if (cols.length > 0 && cols.every((c) => isNumericDtype(c.dtype))) {
    const vals = Float64Array.from(cols, (c) => c.toFloat64()[0]);
    return new Series(fromFloat64(vals), { index, name: rowName });
  }
  return df.select(names).take([p]);
}

/** A frame like `df` (same class; no runtime import of dataframe.ts, which imports this file). */
export function frameOf(df: DataFrame, names: readonly string[], cols: readonly Column[], index: Index): DataFrame {
  return (df.constructor as typeof DataFrame).fromColumns(names, cols, index);
}

function columnNames(df: DataFrame, cols: string | readonly string[] | null | undefined): { names: string[]; single: boolean } {
  if (cols === null || cols === undefined) return { names: df.columns, single: false };
  if (typeof cols === 'string') {
    df.column(cols);
    return { names: [cols], single: true };
  }
  if (!Array.isArray(cols)) throw new ValueError(`Columns must be a name, a list of names or null; got ${JSON.stringify(cols)}`);
  for (const c of cols) df.column(c);
  return { names: [...cols], single: false };
}

function shape(df: DataFrame, rows: Rows, names: string[], singleCol: boolean): DataFrame | Series | Scalar {
  if (rows.single && rows.pos) {
    const p = rows.pos[0];
    if (singleCol) return df.column(names[0]).get(p);
    return rowResult(df, names, p, rows.label ?? df.index.get(p));
  }
  const { cols, index: idx0 } = takeRows(df, names, rows.pos);
  let index = idx0;
  if (rows.dropLevels && index instanceof MultiIndex) {
    for (let k = 0; k < rows.dropLevels && index instanceof MultiIndex; k++) index = index.droplevel(0);
  }
  if (singleCol) return new Series(cols[0], { index, name: names[0] });
  return frameOf(df, names, cols, index);
}

/**
 * Selection by label (pandas `df.loc[rows, cols]`). `rows`: a label, a list of labels, an inclusive
 * `{start, stop}` slice (on a sorted index, or on labels that exist), a boolean Series aligned on the
 * index, or null for all rows. On a MultiIndex, a scalar selects on the first level (dropping it) and a
 * flat array is one key (full tuple, or a prefix of the levels); a list of keys is an array of arrays.
 * `cols`: a name, a list of names or null. A single row label with a single column gives a scalar; a
 * single column gives a Series; a single row label gives a row Series indexed by the column names when
 * the selected columns share one dtype (or are all numeric: float64, as pandas upcasts), and a one-row
 * DataFrame otherwise (gridframe has no `object` dtype to hold mixed values). A label missing from the
 * index is a KeyError naming it.
 * @example
 * df.loc('b', 'x')                       // scalar
 * df.loc({ start: 'a', stop: 'c' }, ['x']) // DataFrame, both ends included
 */
export function frameLoc(df: DataFrame, rows: RowSel, cols?: string | readonly string[] | null): DataFrame | Series | Scalar {
  const { names, single } = columnNames(df, cols);
  return shape(df, rowsByLabel(df, rows), names, single);
}

/**
 * Selection by position (pandas `df.iloc[rows, cols]`): a position (negative counts from the end), a
 * list of positions, a `{start, stop}` slice (stop exclusive, clipped) or null, for rows and columns.
 * The result shape follows `frameLoc`. Out-of-range positions are a RangeError.
 * @example
 * df.iloc({ start: 0, stop: 2 }, [0, -1])
 */
export function frameIloc(df: DataFrame, rows: PosSel, cols?: PosSel): DataFrame | Series | Scalar {
  const r = positions(rows, df.length, 'Row');
  const c = positions(cols ?? null, df.columns.length, 'Column');
  const all = df.columns;
  const names = c.pos === null ? all : Array.from(c.pos, (j) => all[j]);
  return shape(df, { pos: r.pos, single: r.single }, names, c.single);
}

/**
 * The labels of the rows whose bit is set (`count` of them): a RangeIndex gives its kept labels
 * lazily (filtered-index.ts: the bits now, int64 labels on first use); a flat index compacts its
 * label column the way the frame's columns are; a MultiIndex takes the kept positions.
 */
function filterIndex(index: Index, bits: Uint8Array, count: number): Index {
  if (index instanceof RangeIndex) return new FilteredRangeIndex(index, bits, count);
  if (index instanceof MultiIndex) return index.take(bitPositions(bits, index.length, count));
  return new Index(compactByBits(index.column, bits, count), { name: index.name });
}

/**
 * Rows where `mask` is true (pandas `df[mask]`): a boolean Series aligned on the index labels (nulls
 * count as false), a byte mask or a boolean array of the frame's length. The mask stays packed bits
 * (as comparisons make it): every column, and the index labels, are compacted straight from the bits
 * (compact.ts); a RangeIndex keeps its labels lazily. An all-true mask keeps the columns and the index as they are (columns are immutable).
 * @example
 * filterFrame(df, df.col('Age').gt(30))
 */
export function filterFrame(df: DataFrame, mask: Series | Uint8Array | readonly boolean[]): DataFrame {
  const n = df.length;
  const bits = maskBits(mask, df.index);
  const count = countBits(bits, n);
  if (count === n) return df.withColumns(df.columnList, df.index);
  const cols = df.columnList.map((c) => compactByBits(c, bits, count));
  return df.withColumns(cols, filterIndex(df.index, bits, count));
}
