/**
 * Bringing columns of different dtypes to one before they are concatenated (stack, melt): kept as
 * they are when they share a dtype, float64 for mixed numbers and bools, else strings.
 * @module
 */
import type { Column } from '../frame/column.js';
import { fromFloat64, fromStrings } from '../frame/column-build.js';
import { isNumericDtype } from '../frame/dtypes.js';

/**
 * Columns of one dtype.
 * @example
 * unifyColumns([fromValues([1]), fromValues([1.5])]) // both float64
 */
export function unifyColumns(cols: Column[]): Column[] {
  if (cols.length === 0) return cols;
  const d = cols[0].dtype;
  if (cols.every((c) => c.dtype === d)) return cols;
  if (cols.every((c) => isNumericDtype(c.dtype) || c.dtype === 'bool')) return cols.map((c) => fromFloat64(c.toFloat64()));
  return cols.map((c) => fromStrings(c.toArray().map((v) => (v === null ? null : v instanceof Date ? v.toISOString() : String(v)))));
}
