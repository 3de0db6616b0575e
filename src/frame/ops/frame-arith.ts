/**
 * Arithmetic on a DataFrame, as pandas: with a scalar, every column (a column that cannot take the
 * operator, e.g. strings times a number, raises a TypeError naming it); with a Series, the Series'
 * labels are matched to the column names (a name on one side only gives an all-NaN column); with a
 * DataFrame, both axes are aligned (union of row labels and of column names, sorted when they differ).
 * @module
 */
import type { Column } from '../column.js';
import { DataFrame } from '../dataframe.js';
import { Series } from '../series.js';
import type { Scalar } from '../dtypes.js';
import type { ArithOp } from '../types.js';
import { alignIndexes, gather } from './align.js';
import { arithColumns, nullColumn } from './arith.js';

/** The union of two name lists: `a` itself when both are equal, else sorted (pandas' column union). */
function unionNames(a: readonly string[], b: readonly string[]): string[] {
  if (a.length === b.length && a.every((x, i) => x === b[i])) return [...a];
  return [...new Set([...a, ...b])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/**
 * `df op other`.
 * @example
 * arithFrame(new DataFrame({ a: [1, 2] }), 10, 'mul').col('a').toArray() // [10, 20]
 */
export function arithFrame(df: DataFrame, other: DataFrame | Series | Scalar, op: ArithOp): DataFrame {
  const names = df.columns;
  if (other instanceof DataFrame) {
    const al = alignIndexes(df.index, other.index);
    const n = al.index.length;
    const out = unionNames(names, other.columns);
    const cols: Column[] = out.map((c) => {
      if (!df.has(c) || !other.has(c)) return nullColumn('float64', n);
      return arithColumns(gather(df.column(c), al.left), gather(other.column(c), al.right), op, c);
    });
    if (out.length === names.length && out.every((x, i) => x === names[i])) return df.withColumns(cols, al.index);
    return DataFrame.fromColumns(out, cols, al.index);
  }
  if (other instanceof Series) {
    const labels = other.index.toArray().map((l) => String(l));
    const pos = new Map(labels.map((l, i) => [l, i]));
    const out = unionNames(names, labels);
    const n = df.length;
    const cols: Column[] = out.map((c) => {
      const p = pos.get(c);
      if (!df.has(c) || p === undefined) return nullColumn('float64', n);
      return arithColumns(df.column(c), other.column.get(p), op, c);
    });
    if (out.length === names.length && out.every((x, i) => x === names[i])) return df.withColumns(cols);
    return DataFrame.fromColumns(out, cols, df.index);
  }
  return df.withColumns(names.map((c) => arithColumns(df.column(c), other, op, c)));
}
