/**
 * `df.apply(fn, { axis })`: a function per column (axis 0) or per row (axis 1). This is the slow,
 * general path (one JS call per column or row); vectorised Series methods are faster where they exist.
 * @module
 */
import type { DataFrame } from '../dataframe.js';
import { Series } from '../series.js';
import { Index, type Label } from '../label-index.js';
import type { Column } from '../column.js';
import { fromValues } from '../column-build.js';
import { take } from '../column-take.js';
import { isNumericDtype, type Scalar } from '../dtypes.js';
import { ValueError } from '../../errors.js';
import { frameOf } from './frame-select.js';

/** Options of `apply`: `axis` 0 (default) calls `fn` per column, 1 per row; `raw` passes plain arrays. */
export interface ApplyOptions {
  axis?: 0 | 1 | 'index' | 'columns';
  raw?: boolean;
}

/** What `fn` receives: a column Series (axis 0), a row object (axis 1), or an array with `raw: true`. */
export type ApplyInput = Series | Scalar[] | Record<string, Scalar>;

/** A column's values for `fn`: missing numbers as NaN (so arithmetic on them stays NaN, as in pandas), other missing values null. */
function plainValues(c: Column): Scalar[] {
  const out = c.toArray();
  if (isNumericDtype(c.dtype)) for (let i = 0; i < out.length; i++) if (out[i] === null) out[i] = NaN;
  return out;
}

/** Labels as column names (the names of a frame are strings). */
function nameOf(l: Label): string {
  return Array.isArray(l) ? l.map(String).join('_') : l instanceof Date ? l.toISOString() : String(l);
}

/** Results to a Series (all scalars) or a DataFrame (all Series, one per outer label). */
function collect(df: DataFrame, results: (Scalar | Series)[], outer: Index, resultsAreColumns: boolean): Series | DataFrame {
  const nSeries = results.filter((r) => r instanceof Series).length;
  if (nSeries === 0) {
    return new Series(fromValues(results as Scalar[]), { index: outer });
  }
  if (nSeries !== results.length) throw new ValueError('apply: fn must return scalars for every call, or Series for every call, not a mix');
  const list = results as Series[];
  // Align every result on the labels of the first one (missing labels give null).
  const inner = list[0].index;
  const cols: Column[] = list.map((s) => (s.index === inner || s.index.equals(inner) ? s.column : take(s.column, s.index.getIndexer(inner.toArray()))));
  if (resultsAreColumns) {
    // axis 0: each result is a column of the output, named after the input column.
    return frameOf(df, outer.toArray().map(nameOf), cols, inner);
  }
  // axis 1: each result is a row; transpose to columns named after the result labels.
  const names = inner.toArray().map(nameOf);
  const rows = cols.map((c) => c.toArray());
  const outCols = names.map((_, j) => fromValues(rows.map((r) => r[j])));
  return frameOf(df, names, outCols, outer);
}

/**
 * Applies `fn` per column (`axis: 0`, fn gets a Series, or a plain array with `raw`) or per row
 * (`axis: 1`, fn gets a `{ column: value }` object, or an array of the row's values with `raw`).
 * Missing values of numeric columns reach `fn` as NaN (so `r.a + 1` stays NaN, as in pandas), other
 * missing values as null. Scalar results make a Series (indexed by column names for axis 0, by the row index for axis 1);
 * Series results make a DataFrame. Result values infer their dtype as the constructor does.
 * @example
 * applyFrame(df, (s) => (s as Series).max(), { axis: 0 })
 * applyFrame(df, (r) => (r as Record<string, number>).a + 1, { axis: 1 })
 */
export function applyFrame(df: DataFrame, fn: (v: ApplyInput) => Scalar | Series, opts: ApplyOptions = {}): Series | DataFrame {
  const axis = opts.axis === 'columns' ? 1 : opts.axis === 'index' ? 0 : opts.axis ?? 0;
  if (axis !== 0 && axis !== 1) throw new ValueError(`axis must be 0 or 1, got ${String(opts.axis)}`);
  const names = df.columns;
  if (axis === 0) {
    const results = names.map((n) => {
      const s = df.col(n);
      return fn(opts.raw ? plainValues(s.column) : s);
    });
    return collect(df, results, new Index(names), true);
  }
  const values = df.columnList.map(plainValues);
  const n = df.length;
  const results = new Array<Scalar | Series>(n);
  for (let i = 0; i < n; i++) {
    if (opts.raw) {
      results[i] = fn(values.map((v) => v[i]));
    } else {
      const row: Record<string, Scalar> = {};
      for (let j = 0; j < names.length; j++) row[names[j]] = values[j][i];
      results[i] = fn(row);
    }
  }
  return collect(df, results, df.index, false);
}
