/**
 * `pivot` (reshape long to wide, no aggregation; a duplicate (index, columns) pair raises naming
 * it) and `pivotTable` (aggregate each cell with a registered aggregation, optional fill value).
 * Both factorize the index keys and the column keys to codes, then work on a grid of cells.
 * @module
 */
import type { Column } from '../frame/column.js';
import { fromFloat64, fromTyped, fromValues } from '../frame/column-build.js';
import { take } from '../frame/column-take.js';
import { DataFrame } from '../frame/dataframe.js';
import { float64ToInt64, isIntegerDtype, isNumericDtype, type Scalar } from '../frame/dtypes.js';
import { acceptsDtype, aggregateColumn, getAggregation } from '../frame/aggs/registry.js';
import { unknownName, ValueError } from '../errors.js';
import { factorizeKeys, type Groups } from './factorize.js';
import { groupIndex } from './layout.js';
import { cellRows, columnLabels, columnOf, spreadColumn } from './reshape.js';

/** Options of `pivot` (pandas names). */
export interface PivotOptions {
  /** Column(s) whose values label the rows (default: the frame's index). */
  index?: string | readonly string[];
  /** Column(s) whose values label the new columns. */
  columns: string | readonly string[];
  /** Column(s) to spread (default: every other column; several give MultiIndex columns). */
  values?: string | readonly string[];
}

/** Options of `pivotTable` (pandas names). */
export interface PivotTableOptions {
  index?: string | readonly string[];
  columns?: string | readonly string[];
  values?: string | readonly string[];
  /** A registered aggregation name or several (default 'mean'). */
  aggfunc?: string | readonly string[];
  /** Replaces missing cells (numeric results). */
  fillValue?: number;
  /** Leave out rows whose keys are missing (default true). */
  dropna?: boolean;
}

const asList = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);

function checkColumns(df: DataFrame, names: readonly string[]): void {
  for (const n of names) if (!df.has(n)) throw unknownName('column', n, df.columns);
}

function rowGroups(df: DataFrame, index: string[], dropna = true): { g: Groups; names: (string | null)[] } {
  if (index.length) return { g: factorizeKeys(index.map((c) => df.column(c)), { dropna }), names: index };
  return { g: factorizeKeys([df.index.column], { dropna }), names: [df.index.name] };
}

/**
 * Long to wide without aggregation.
 * @example
 * pivot(df, { index: 'foo', columns: 'bar', values: 'baz' })
 */
export function pivot(df: DataFrame, opts: PivotOptions): DataFrame {
  const index = asList(opts.index);
  const columns = asList(opts.columns);
  if (columns.length === 0) throw new ValueError("pivot needs 'columns'");
  checkColumns(df, [...index, ...columns]);
  const values = opts.values === undefined ? df.columns.filter((c) => !index.includes(c) && !columns.includes(c)) : asList(opts.values);
  checkColumns(df, values);
  const rows = rowGroups(df, index);
  const cols = factorizeKeys(columns.map((c) => df.column(c)));
  const nr = rows.g.ngroups;
  const nc = cols.ngroups;
  const cell = cellRows(rows.g.codes, nr, cols.codes, nc, (a, b) => {
    const ri = rows.names.map((_, k) => (index.length ? df.column(index[k]).get(b) : df.index.get(b)));
    const ci = columns.map((c) => df.column(c).get(b));
    return `Index contains duplicate entries, cannot reshape: (${rows.names.map((n, k) => `${n ?? 'index'}=${String(ri[k])}`).join(', ')}, ${columns.map((c, k) => `${c}=${String(ci[k])}`).join(', ')}) appears in rows ${a} and ${b}`;
  });
  const multiValue = opts.values === undefined || Array.isArray(opts.values);
  const outer = multiValue ? [values] : [];
  const labels = columnLabels(outer, multiValue ? [null] : [], cols, columns);
  const out: Column[] = [];
  for (const v of values) out.push(...spreadColumn(df.column(v), cell, nr, nc));
  return DataFrame.fromColumns(labels.names, out, groupIndex(rows.g.uniques, rows.g.keyCodes, rows.names), labels.index);
}

/**
 * A spreadsheet-style pivot table: each (index, columns) cell aggregated with `aggfunc`.
 * @example
 * pivotTable(df, { index: 'A', columns: 'C', values: 'D', aggfunc: 'sum', fillValue: 0 })
 */
export function pivotTable(df: DataFrame, opts: PivotTableOptions): DataFrame {
  const index = asList(opts.index);
  const columns = asList(opts.columns);
  if (index.length === 0 && columns.length === 0) throw new ValueError("pivotTable needs 'index' or 'columns'");
  checkColumns(df, [...index, ...columns]);
  const funcs = opts.aggfunc === undefined ? ['mean'] : asList(opts.aggfunc);
  const aggs = funcs.map(getAggregation);
  let values = asList(opts.values);
  if (opts.values === undefined) {
    values = df.columns.filter((c) => !index.includes(c) && !columns.includes(c) && aggs.every((a) => acceptsDtype(a, df.column(c).dtype)));
  }
  checkColumns(df, values);
  const dropna = opts.dropna ?? true;
  const rows = rowGroups(df, index, dropna);
  const cols: Groups = columns.length
    ? factorizeKeys(columns.map((c) => df.column(c)), { dropna })
    : { codes: new Int32Array(df.length), ngroups: 1, nphys: 1, order: null, uniques: [], keyCodes: [] };
  const nr = rows.g.ngroups;
  const nc = cols.ngroups;
  if (nr * nc > 2 ** 31 - 1) throw new ValueError(`pivotTable would have ${nr} x ${nc} cells`);
  const cellCodes = new Int32Array(df.length);
  for (let i = 0; i < cellCodes.length; i++) {
    const r = rows.g.codes[i];
    const c = cols.codes[i];
    cellCodes[i] = r < 0 || c < 0 ? -1 : r * nc + c;
  }
  const filled = new Uint8Array(nr * nc);
  for (let i = 0; i < cellCodes.length; i++) if (cellCodes[i] >= 0) filled[cellCodes[i]] = 1;
  const cell = new Int32Array(nr * nc);
  for (let k = 0; k < cell.length; k++) cell[k] = filled[k] ? k : -1;
  const out: Column[] = [];
  for (const f of funcs) {
    for (const v of values) {
      const agg = aggregateColumn(f, df.column(v), cellCodes, nr * nc, { name: v });
      for (let c = 0; c < nc; c++) out.push(fill(take(agg, columnOf(cell, nr, nc, c)), opts.fillValue));
    }
  }
  const outer: string[][] = [];
  const outerNames: (string | null)[] = [];
  if (Array.isArray(opts.aggfunc)) {
    outer.push(funcs);
    outerNames.push(null);
  }
  if (opts.values === undefined || Array.isArray(opts.values) || columns.length === 0) {
    outer.push(values);
    outerNames.push(null);
  }
  const labels = columns.length
    ? columnLabels(outer, outerNames, cols, columns)
    : columnLabels(outer.slice(0, -1), outerNames.slice(0, -1), valueGroups(values), [null]);
  return DataFrame.fromColumns(labels.names, out, groupIndex(rows.g.uniques, rows.g.keyCodes, rows.names), labels.index);
}

/** The value names as a one-key set of groups (for a pivot table without `columns`). */
function valueGroups(values: string[]): Groups {
  return factorizeKeys([fromValues(values, 'string')], { sort: false });
}

function fill(col: Column, value: Scalar | undefined): Column {
  if (value === undefined || value === null || !(isNumericDtype(col.dtype) || col.dtype === 'bool')) return col;
  const x = Float64Array.from(col.toFloat64());
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) x[i] = value as number;
  if (isIntegerDtype(col.dtype) && x.every((v) => Number.isSafeInteger(v))) return fromTyped(float64ToInt64(x), null, 'int64');
  return fromFloat64(x);
}

