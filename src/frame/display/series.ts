/**
 * The REPL / `console.log` display of a Series: a `shape: (n,)` line, then a box-drawn table of the
 * index (one column per level) and the values, titled with the Series name and dtype; longer Series
 * show their first and last 5 rows.
 * @module
 */
import type { Series } from '../series.js';
import { indexColumns, renderTable, shownRows, tableColumn, type DisplayOptions } from './table.js';

/**
 * The Series as text.
 * @example
 * console.log(formatSeries(new Series([1.5, null], { name: 'x' })))
 * // shape: (2,)
 * // ┌───┬─────────┐
 * // │   │ x       │
 * // │   │ float64 │
 * // ├───┼─────────┤
 * // │ 0 │     1.5 │
 * // │ 1 │    <NA> │
 * // └───┴─────────┘
 */
export function formatSeries(s: Series, opts: DisplayOptions = {}): string {
  const rows = shownRows(s.length, opts.maxRows ?? 10);
  const data = [tableColumn(s.column, rows, s.name ?? '', s.dtype)];
  return renderTable(`shape: (${s.length},)`, indexColumns(s.index, rows), data, opts.maxWidth ?? 120);
}
