/**
 * The REPL / `console.log` display of a DataFrame: a `shape: (rows, cols)` line, then a box-drawn
 * table with the index (one column per level, titled with its names), the column names and dtypes,
 * the first and last 5 rows of longer frames and the first/last columns of wider ones.
 * @module
 */
import type { DataFrame } from '../dataframe.js';
import { indexColumns, renderTable, shownRows, tableColumn, type DisplayOptions } from './table.js';

/**
 * The frame as text.
 * @example
 * console.log(formatFrame(new DataFrame({ a: [1, 2] })))
 * // shape: (2, 1)
 * // ┌───┬───────┐
 * // │   │ a     │
 * // │   │ int64 │
 * // ├───┼───────┤
 * // │ 0 │     1 │
 * // │ 1 │     2 │
 * // └───┴───────┘
 */
export function formatFrame(df: DataFrame, opts: DisplayOptions = {}): string {
  const rows = shownRows(df.length, opts.maxRows ?? 10);
  const names = df.columns;
  const data = df.columnList.map((c, j) => tableColumn(c, rows, names[j], c.dtype));
  return renderTable(`shape: (${df.length}, ${names.length})`, indexColumns(df.index, rows), data, opts.maxWidth ?? 120);
}
