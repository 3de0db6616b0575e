/**
 * `describe()` (summary statistics laid out as pandas) and `info()` (pandas' info text).
 * @module
 */
import type { DataFrame } from '../dataframe.js';
import type { Column } from '../column.js';
import { Index, RangeIndex, type Label } from '../label-index.js';
import { MultiIndex } from '../multi-index.js';
import { fromFloat64, fromValues } from '../column-build.js';
import { isNumericDtype, type DType, type Scalar } from '../dtypes.js';
import { reduceSeries } from '../aggs/reduce.js';
import { ValueError } from '../../errors.js';
import { frameOf } from './frame-select.js';
import { valueCounts } from './unique.js';
import { formatTimes } from '../display/format.js';

/** Row labels of percentiles as pandas writes them: 0.25 -> '25%', 0.333 -> '33.3%'. */
export function percentileLabel(p: number): string {
  const x = p * 100;
  for (let d = 0; d <= 6; d++) {
    const s = x.toFixed(d);
    if (Math.abs(Number(s) - x) < 1e-9) return `${s}%`;
  }
  return `${x}%`;
}

/** Quantile of sorted values with linear interpolation (numpy's default). */
function quantileSorted(a: Float64Array, q: number): number {
  const m = a.length;
  if (m === 0) return NaN;
  const pos = q * (m - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(m - 1, lo + 1);
  const f = pos - lo;
  return f === 0 ? a[lo] : a[lo] + (a[hi] - a[lo]) * f;
}

function numericStats(df: DataFrame, name: string, pcts: readonly number[]): number[] {
  const s = df.col(name);
  const f = s.column.toFloat64();
  let m = 0;
  for (let i = 0; i < f.length; i++) if (f[i] === f[i]) m++;
  const valid = new Float64Array(m);
  for (let i = 0, j = 0; i < f.length; i++) if (f[i] === f[i]) valid[j++] = f[i];
  valid.sort();
  const mean = m ? (reduceSeries(s, 'mean') as number) : NaN;
  const std = m > 1 ? (reduceSeries(s, 'std') as number) : NaN;
  return [m, mean, std, m ? valid[0] : NaN, ...pcts.map((p) => quantileSorted(valid, p)), m ? valid[m - 1] : NaN];
}

/** count, unique, top, freq of a non-numeric column (top: the most frequent value, first seen on ties). */
function objectStats(df: DataFrame, name: string): [number, number, Scalar, number] {
  const s = df.col(name);
  const vc = valueCounts(s, { dropna: true });
  const count = s.column.count();
  if (vc.length === 0) return [count, 0, null, NaN];
  return [count, vc.length, vc.index.get(0) as Scalar, vc.column.get(0) as number];
}

function asText(v: Scalar): string | null {
  if (v === null || (typeof v === 'number' && Number.isNaN(v))) return null;
  if (v instanceof Date) return formatTimes([v.getTime()], 'datetime')[0];
  return String(v);
}

/**
 * Summary statistics per column, as pandas lays them out: rows count, mean, std, min, the percentiles
 * (default 25%, 50%, 75%; 50% is always added), max; one float64 column per numeric column (ints and
 * floats; bool, string and date columns are left out, as pandas leaves out bool and object columns).
 * A frame without numeric columns (or `include: 'all'`) also describes the other columns with rows
 * count, unique, top, freq; those columns hold their values as text (string dtype), since gridframe has
 * no object dtype, and numeric columns hold null in those rows.
 * @example
 * describeFrame(df, { percentiles: [0.1, 0.9] })
 */
export function describeFrame(df: DataFrame, opts: { percentiles?: number[]; include?: 'number' | 'all' } = {}): DataFrame {
  const ps = [...new Set([...(opts.percentiles ?? [0.25, 0.5, 0.75]), 0.5])].sort((a, b) => a - b);
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new ValueError(`percentiles must be between 0 and 1, got ${p}`);
  const include = opts.include ?? 'number';
  if (include !== 'number' && include !== 'all') throw new ValueError(`include must be 'number' or 'all', got '${String(include)}'`);
  const names = df.columns;
  const numeric = names.filter((n) => isNumericDtype(df.column(n).dtype));
  const numRows = ['count', 'mean', 'std', 'min', ...ps.map(percentileLabel), 'max'];
  if (include === 'number' && numeric.length > 0) {
    const cols = numeric.map((n) => fromFloat64(Float64Array.from(numericStats(df, n, ps))));
    return frameOf(df, numeric, cols, new Index(numRows));
  }
  if (names.length === 0) throw new ValueError('Cannot describe a DataFrame without columns');
  const objRows = ['count', 'unique', 'top', 'freq'];
  const chosen = include === 'all' ? names : names.filter((n) => !isNumericDtype(df.column(n).dtype));
  const anyNumeric = chosen.some((n) => isNumericDtype(df.column(n).dtype));
  const rows = anyNumeric ? ['count', 'unique', 'top', 'freq', ...numRows.slice(1)] : objRows;
  const cols: Column[] = chosen.map((n) => {
    if (isNumericDtype(df.column(n).dtype)) {
      const st = numericStats(df, n, ps);
      return fromValues([st[0], null, null, null, ...st.slice(1)], 'float64');
    }
    const [count, unique, top, freq] = objectStats(df, n);
    const text = [String(count), String(unique), asText(top), asText(freq)];
    return fromValues(anyNumeric ? [...text, ...new Array<null>(numRows.length - 1).fill(null)] : text, 'string');
  });
  return frameOf(df, chosen, cols, new Index(rows));
}

/** pandas' size text: '204.0 bytes', '83.7 KB'. */
function sizeText(bytes: number): string {
  let num = bytes;
  for (const unit of ['bytes', 'KB', 'MB', 'GB', 'TB']) {
    if (num < 1024) return `${num.toFixed(1)} ${unit}`;
    num /= 1024;
  }
  return `${num.toFixed(1)} PB`;
}

/** Bytes held by a column's Arrow buffers (values, validity, offsets, dictionary). */
function columnBytes(c: Column): number {
  const d = c.data;
  let b = (d.values?.byteLength ?? 0) + (c.validity?.byteLength ?? 0) + (d.valueOffsets?.byteLength ?? 0);
  const dict = d.dictionary;
  if (dict) for (const ch of dict.data) b += (ch.values?.byteLength ?? 0) + (ch.valueOffsets?.byteLength ?? 0);
  return b;
}

function labelText(l: Label): string {
  const one = (v: Scalar): string => (v instanceof Date ? formatTimes([v.getTime()], 'datetime')[0] : String(v));
  return Array.isArray(l) ? `(${l.map((v) => (typeof v === 'string' ? `'${v}'` : one(v))).join(', ')})` : one(l as Scalar);
}

function indexSummary(index: Index): string {
  const kind = index instanceof RangeIndex ? 'RangeIndex' : index instanceof MultiIndex ? 'MultiIndex' : 'Index';
  const n = index.length;
  if (n === 0) return `${kind}: 0 entries`;
  return `${kind}: ${n} entries, ${labelText(index.get(0))} to ${labelText(index.get(n - 1))}`;
}

/**
 * The text of pandas' `df.info()`: class line, index summary, `Data columns (total N columns):`, the
 * ` #   Column  Non-Null Count  Dtype` table, a dtypes summary line and the memory usage (the bytes of
 * the Arrow buffers of the columns and of a stored index; exact, so no '+' as pandas prints for
 * object columns).
 * @example
 * console.log(infoFrame(df))
 */
export function infoFrame(df: DataFrame): string {
  const lines = ["<class 'gridframe.DataFrame'>", indexSummary(df.index)];
  const names = df.columns;
  if (names.length === 0) return [...lines, 'Empty DataFrame', ''].join('\n');
  lines.push(`Data columns (total ${names.length} columns):`);
  const headers = [' # ', 'Column', 'Non-Null Count', 'Dtype'];
  const rows = names.map((n, i) => {
    const c = df.column(n);
    return [` ${i}`, n, `${c.count()} non-null`, c.dtype];
  });
  const widths = headers.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const put = (cells: string[]): string => cells.map((s, k) => s.slice(0, widths[k]).padEnd(widths[k])).join('  ');
  lines.push(put(headers), put(headers.map((h) => '-'.repeat(h.length))));
  for (const r of rows) lines.push(put(r));
  const counts = new Map<DType, number>();
  for (const c of df.columnList) counts.set(c.dtype, (counts.get(c.dtype) ?? 0) + 1);
  lines.push(`dtypes: ${[...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([d, k]) => `${d}(${k})`).join(', ')}`);
  let bytes = df.columnList.reduce((s, c) => s + columnBytes(c), 0);
  const idx = df.index;
  if (idx instanceof MultiIndex) bytes += idx.levels.reduce((s, l) => s + columnBytes(l), 0) + idx.codes.reduce((s, c) => s + c.byteLength, 0);
  else if (!(idx instanceof RangeIndex)) bytes += columnBytes(idx.column);
  lines.push(`memory usage: ${sizeText(bytes)}`);
  return lines.join('\n') + '\n';
}
