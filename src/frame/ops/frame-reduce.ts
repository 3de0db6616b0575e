/**
 * Column-wise reductions of a DataFrame (`df.sum()`, `df.mean()`, ...), as a Series indexed by the
 * column names, through the same aggregation definitions as `Series` and groupby (aggs/reduce.ts).
 * @module
 */
import type { DataFrame } from '../dataframe.js';
import { Series } from '../series.js';
import { Index } from '../label-index.js';
import { fromValues } from '../column-build.js';
import { isIntegerDtype, isNumericDtype, type DType, type Scalar } from '../dtypes.js';
import { reduceSeries } from '../aggs/reduce.js';
import type { VarOptions } from '../types.js';

/** Aggregations over every column (any dtype); the others take numeric and bool columns only. */
const ALL_COLUMNS = new Set(['count', 'nunique']);
/** Aggregations whose result keeps an integer dtype when every input column is integer or bool. */
const KEEPS_INT = new Set(['sum', 'prod', 'min', 'max']);

/**
 * Reduces each column with the aggregation `name`. `count` and `nunique` cover every column (int64
 * results); the others cover numeric and bool columns only, as pandas with `numeric_only=True` —
 * string and date columns are left out of the result rather than raising. `sum`/`prod`/`min`/`max`
 * of integer (and bool) columns give int64, as pandas; everything else float64.
 * @example
 * reduceFrame(df, 'mean') // Series indexed by the numeric column names
 */
export function reduceFrame(df: DataFrame, name: string, opts: VarOptions = {}): Series {
  const all = ALL_COLUMNS.has(name);
  const names = df.columns.filter((n) => all || isNumericDtype(df.column(n).dtype) || df.column(n).dtype === 'bool');
  const values: Scalar[] = names.map((n) => {
    const s = df.col(n);
    return name === 'nunique' ? s.nunique() : reduceSeries(s, name, { skipna: opts.skipna, ddof: opts.ddof });
  });
  const allInt = names.length > 0 && names.every((n) => {
    const d: DType = df.column(n).dtype;
    return isIntegerDtype(d) || d === 'bool';
  });
  const dtype: DType = all || (KEEPS_INT.has(name) && allInt && values.every((v) => typeof v === 'bigint' || Number.isInteger(v))) ? 'int64' : 'float64';
  return new Series(fromValues(values.map((v) => (v === null ? NaN : v)), dtype), { index: new Index(names), name: null });
}
