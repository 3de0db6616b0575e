/**
 * `concat`: frames (or Series) stacked along rows (axis 0: union of the columns, missing ones null,
 * dtypes promoted) or side by side (axis 1: aligned on the index labels).
 * @module
 */
import { DataFrame } from '../dataframe.js';
import { Series } from '../series.js';
import type { Column } from '../column.js';
import { concatColumns, fromValues } from '../column-build.js';
import { take } from '../column-take.js';
import { Index, RangeIndex, labelKey, type Label } from '../label-index.js';
import { MultiIndex } from '../multi-index.js';
import { isFloatDtype, isIntegerDtype, type DType, type Scalar } from '../dtypes.js';
import { ValueError } from '../../errors.js';
import { astypeColumn } from './astype.js';

/** Options of `concat`. */
export interface ConcatOptions {
  /** 0 (default): stack rows; 1: put side by side, aligned on the index. */
  axis?: 0 | 1 | 'index' | 'columns';
  /** Axis 0: number the result 0..n-1 instead of keeping the inputs' labels. */
  ignoreIndex?: boolean;
}

/** The dtype that holds values of all `dtypes` (pandas' promotion, without `object`). */
function promote(dtypes: readonly DType[], what: string): DType {
  const set = [...new Set(dtypes)];
  if (set.length === 1) return set[0];
  if (set.every((d) => isIntegerDtype(d) || isFloatDtype(d))) {
    if (set.some((d) => isFloatDtype(d) || d === 'uint64')) return 'float64';
    return 'int64';
  }
  if (set.every((d) => d === 'date' || d === 'datetime')) return 'datetime';
  throw new ValueError(`Cannot concatenate ${what}: its dtypes ${set.join(', ')} have no common dtype (gridframe has no object dtype); cast them first with astype`);
}

function nulls(n: number, dtype: DType): Column {
  return fromValues(new Array<null>(n).fill(null), dtype);
}

/**
 * Columns joined end to end, each cast to the promoted dtype first; a number stands for that many nulls.
 * @example
 * stackColumns([fromValues([1]), fromValues([2.5]), 2], 'x') // float64 [1, 2.5, null, null]
 */
export function stackColumns(parts: readonly (Column | number)[], what: string): Column {
  const present = parts.filter((p): p is Column => typeof p !== 'number');
  const dtype = promote(present.map((c) => c.dtype), what);
  const cols = parts.map((p) => (typeof p === 'number' ? nulls(p, dtype) : p.dtype === dtype ? p : astypeColumn(p, dtype, what)));
  return concatColumns(cols);
}

/** The inputs' indexes joined (a RangeIndex stays one when the ranges continue each other). */
function stackIndex(indexes: readonly Index[]): Index {
  const same = <T>(xs: readonly T[]): T | null => (xs.every((x) => x === xs[0]) ? xs[0] : null);
  if (indexes.every((i) => i instanceof MultiIndex)) {
    const mis = indexes as MultiIndex[];
    const k = mis[0].nlevels;
    if (mis.some((m) => m.nlevels !== k)) throw new ValueError('Cannot concatenate MultiIndexes with different numbers of levels');
    const levels = Array.from({ length: k }, (_, l) => stackColumns(mis.map((m) => m.getLevelValues(l)), `index level ${l}`));
    return MultiIndex.fromArrays(levels, { names: mis[0].names.map((_, l) => same(mis.map((m) => m.names[l]))) });
  }
  if (indexes.some((i) => i instanceof MultiIndex)) throw new ValueError('Cannot concatenate a MultiIndex with a flat index; use ignoreIndex: true');
  const name = same(indexes.map((i) => i.name));
  if (indexes.every((i) => i instanceof RangeIndex)) {
    const rs = indexes as RangeIndex[];
    let ok = true;
    for (let k = 1; k < rs.length && ok; k++) {
      const p = rs[k - 1];
      if (rs[k].step !== p.step || rs[k].start !== p.start + p.size * p.step) ok = rs[k].size === 0;
    }
    if (ok) return new RangeIndex(rs.reduce((s, r) => s + r.size, 0), { start: rs[0].start, step: rs[0].step, name });
  }
  return new Index(stackColumns(indexes.map((i) => i.column), 'the index'), { name });
}

function axisOf(opts: ConcatOptions): 0 | 1 {
  const a = opts.axis ?? 0;
  if (a === 0 || a === 'index') return 0;
  if (a === 1 || a === 'columns') return 1;
  throw new ValueError(`axis must be 0 or 1, got ${String(a)}`);
}

/**
 * Concatenates frames or Series. Axis 0 stacks rows: the result has the union of the columns (in order
 * of first appearance), a column missing from a frame is null there, and dtypes are promoted (int +
 * float -> float64, int types -> int64, date + datetime -> datetime; string + number is an error,
 * since gridframe has no object dtype). The index labels are kept (`ignoreIndex` renumbers). Series
 * stack into one Series. Axis 1 puts frames/Series side by side: on equal indexes as they are,
 * otherwise aligned on the union of the labels (in order of first appearance, as pandas with
 * `sort=False`), null where a frame lacks a label; a Series becomes a column named after it (or its
 * position). Column names must not repeat.
 * @example
 * concat([df1, df2])                 // rows of df1 then df2
 * concat([df, s], { axis: 1 })       // s as a new column aligned on df's index
 */
export function concat(frames: readonly DataFrame[] | readonly Series[], opts: ConcatOptions = {}): DataFrame | Series {
  const items = [...(frames as readonly (DataFrame | Series)[])];
  if (items.length === 0) throw new ValueError('concat needs at least one frame or Series');
  for (const it of items) if (!(it instanceof DataFrame) && !(it instanceof Series)) throw new ValueError('concat takes DataFrames or Series');
  const axis = axisOf(opts);
  if (axis === 0 && items.every((x) => x instanceof Series)) {
    const ss = items as Series[];
    const col = stackColumns(ss.map((s) => s.column), 'the Series');
    const index = opts.ignoreIndex ? new RangeIndex(col.length) : stackIndex(ss.map((s) => s.index));
    const name = ss.every((s) => s.name === ss[0].name) ? ss[0].name : null;
    return new Series(col, { index, name });
  }
  if (axis === 0) {
    const dfs = items.map((x) => (x instanceof Series ? x.toFrame() : x));
    const names: string[] = [];
    for (const d of dfs) for (const n of d.columns) if (!names.includes(n)) names.push(n);
    const cols = names.map((n) => stackColumns(dfs.map((d) => (d.has(n) ? d.column(n) : d.length)), `column '${n}'`));
    const total = dfs.reduce((s, d) => s + d.length, 0);
    const index = opts.ignoreIndex ? new RangeIndex(total) : stackIndex(dfs.map((d) => d.index));
    return DataFrame.fromColumns(names, cols, index);
  }
  return concatColumnsAxis(items);
}

/** Axis 1: side by side, aligned on index labels. */
function concatColumnsAxis(items: (DataFrame | Series)[]): DataFrame {
  const dfs = items.map((x, k) => (x instanceof Series ? x.toFrame(x.name ?? String(k)) : x));
  const names: string[] = [];
  for (const d of dfs) {
    for (const n of d.columns) {
      if (names.includes(n)) throw new ValueError(`concat(axis 1): column '${n}' appears in more than one input; rename one first`);
      names.push(n);
    }
  }
  const first = dfs[0].index;
  if (dfs.every((d) => d.index === first || d.index.equals(first))) {
    return DataFrame.fromColumns(names, dfs.flatMap((d) => [...d.columnList]), first);
  }
  // Union of the labels in order of first appearance; each frame gathered onto it.
  const pos = new Map<ReturnType<typeof labelKey>, number>();
  const labels: Label[] = [];
  for (const d of dfs) {
    if (!d.index.isUnique) throw new ValueError('concat(axis 1) cannot align an index with repeated labels');
    for (const l of d.index) {
      const k = labelKey(l);
      if (!pos.has(k)) {
        pos.set(k, labels.length);
        labels.push(l);
      }
    }
  }
  const index = first instanceof MultiIndex
    ? MultiIndex.fromTuples(labels as Scalar[][], { names: first.names })
    : new Index(fromValues(labels as Scalar[]), { name: dfs.every((d) => d.index.name === first.name) ? first.name : null });
  const cols: Column[] = [];
  for (const d of dfs) {
    const idx = d.index.getIndexer(labels);
    for (const c of d.columnList) cols.push(take(c, idx));
  }
  return DataFrame.fromColumns(names, cols, index);
}
