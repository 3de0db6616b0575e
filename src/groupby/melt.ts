/**
 * `melt`: wide to long. Each value column contributes one block of rows (in column order), the id
 * columns are repeated, a `variable` column names the source column and `value` holds its values.
 * @module
 */
import type { Column } from '../frame/column.js';
import { concatColumns, fromCodes, fromFloat64 } from '../frame/column-build.js';
import { unifyColumns } from './unify.js';
import { take } from '../frame/column-take.js';
import { DataFrame } from '../frame/dataframe.js';
import { RangeIndex } from '../frame/label-index.js';
import { unknownName } from '../errors.js';

/** Options of `melt` (pandas names). */
export interface MeltOptions {
  /** Columns kept as identifiers (repeated for every value column). */
  idVars?: string | readonly string[];
  /** Columns to unpivot (default: every column not in idVars). */
  valueVars?: string | readonly string[];
  /** Name of the column holding the source column names (default 'variable'). */
  varName?: string;
  /** Name of the column holding the values (default 'value'). */
  valueName?: string;
}

const asList = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);

/**
 * Unpivots a frame from wide to long.
 * @example
 * melt(df, { idVars: 'A', valueVars: ['B', 'C'] }) // columns A, variable, value
 */
export function melt(df: DataFrame, opts: MeltOptions = {}): DataFrame {
  const ids = asList(opts.idVars);
  for (const c of ids) if (!df.has(c)) throw unknownName('column', c, df.columns);
  const vals = opts.valueVars === undefined ? df.columns.filter((c) => !ids.includes(c)) : asList(opts.valueVars);
  for (const c of vals) if (!df.has(c)) throw unknownName('column', c, df.columns);
  const n = df.length;
  const m = vals.length;
  const rep = new Int32Array(n * m);
  const varCodes = new Int32Array(n * m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      rep[j * n + i] = i;
      varCodes[j * n + i] = j;
    }
  }
  const names = [...ids, opts.varName ?? 'variable', opts.valueName ?? 'value'];
  const cols: Column[] = ids.map((c) => take(df.column(c), rep));
  cols.push(fromCodes(varCodes, vals));
  cols.push(m === 0 ? fromFloat64(new Float64Array(0)) : concatColumns(unifyColumns(vals.map((c) => df.column(c)))));
  return DataFrame.fromColumns(names, cols, new RangeIndex(n * m));
}
