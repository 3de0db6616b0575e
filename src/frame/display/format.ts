/**
 * Cell formatting for display, column by column as pandas does it: floats with up to 6 decimals,
 * trailing zeros trimmed alike across the column (22.0, 7.25 -> "22.00", " 7.25"), scientific notation
 * when a column holds values above 1e6 that would print too long or non-zero values below 1e-6;
 * NaN as `NaN`, null (any dtype) as `<NA>`, dates as ISO `YYYY-MM-DD`, datetimes as
 * `YYYY-MM-DD HH:MM:SS` (milliseconds when present, the time left out when every shown value is midnight).
 * @module
 */
import type { Column } from '../column.js';
import { isFloatDtype, isIntegerDtype } from '../dtypes.js';

/** How missing values print (null in any dtype). */
export const NA_TEXT = '<NA>';
/** Longest string cell before it is cut with an ellipsis. */
export const MAX_CELL = 40;
const PRECISION = 6;

/** A column's cells as text, and how to align them. */
export interface FormattedColumn {
  cells: string[];
  align: 'left' | 'right';
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A JS exponent ("1e-8") in C/Python style ("1e-08"). */
function exp2(s: string): string {
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/**
 * Floats of one column formatted alike (pandas' FloatArrayFormatter rules, precision 6).
 * @example
 * formatFloats([22, 38, 7.25]) // ['22.00', '38.00', '7.25']
 */
export function formatFloats(values: readonly number[]): string[] {
  const finite = values.filter((v) => Number.isFinite(v));
  const special = (v: number): string | null => (Number.isNaN(v) ? 'NaN' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : null);
  const fixed = finite.map((v) => v.toFixed(PRECISION));
  // Trim trailing zeros while every value ends with one, keeping one decimal.
  let trim = 0;
  const canTrim = (k: number): boolean => fixed.every((s) => s[s.length - 1 - k] === '0' && s[s.length - 2 - k] !== '.');
  while (trim < PRECISION - 1 && fixed.length > 0 && canTrim(trim)) trim++;
  // pandas measures the trimmed text with its sign slot (a space for non-negative values).
  const maxLen = fixed.reduce((m, s) => Math.max(m, s.length - trim + (s.startsWith('-') ? 0 : 1)), 0);
  const large = finite.some((v) => Math.abs(v) > 1e6);
  const small = finite.some((v) => v !== 0 && Math.abs(v) < 10 ** -PRECISION);
  if (small || (large && maxLen > PRECISION + 6)) {
    return values.map((v) => special(v) ?? exp2(v.toExponential(PRECISION)));
  }
  return values.map((v) => {
    const sp = special(v);
    if (sp !== null) return sp;
    const s = v.toFixed(PRECISION);
    return trim ? s.slice(0, s.length - trim) : s;
  });
}

/**
 * Dates/datetimes (epoch ms) of one column as ISO text; see the module notes.
 * @example
 * formatTimes([Date.UTC(2020, 0, 1)], 'datetime') // ['2020-01-01']
 */
export function formatTimes(ms: readonly number[], dtype: 'date' | 'datetime'): string[] {
  const ok = ms.filter((v) => !Number.isNaN(v));
  const withTime = dtype === 'datetime' && ok.some((v) => ((v % 86400000) + 86400000) % 86400000 !== 0);
  const withMs = withTime && ok.some((v) => ((v % 1000) + 1000) % 1000 !== 0);
  return ms.map((v) => {
    if (Number.isNaN(v)) return NA_TEXT;
    const d = new Date(v);
    const y = d.getUTCFullYear();
    const ys = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : (y < 0 ? '-' : '+') + String(Math.abs(y)).padStart(6, '0');
    let s = `${ys}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
    if (withTime) s += ` ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
    if (withMs) s += `.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
    return s;
  });
}

/**
 * A string cell: control characters escaped, cut to `MAX_CELL` characters with `…`.
 * @example
 * formatString('a\nb') // 'a\\nb'
 */
export function formatString(s: string): string {
  const e = s.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return e.length > MAX_CELL ? e.slice(0, MAX_CELL - 1) + '…' : e;
}

/**
 * The cells of `col` at `rows` (the rows that will be shown), formatted together.
 * @example
 * formatColumn(fromValues([1.5, null]), [0, 1]).cells // ['1.5', '<NA>']
 */
export function formatColumn(col: Column, rows: readonly number[]): FormattedColumn {
  const d = col.dtype;
  const valid = rows.map((i) => col.isValid(i));
  const withNA = (cells: string[]): string[] => cells.map((c, k) => (valid[k] ? c : NA_TEXT));
  if (isFloatDtype(d)) {
    const v = col.values as Float64Array;
    return { cells: withNA(formatFloats(rows.map((i) => (col.isValid(i) ? v[i] : NaN)))), align: 'right' };
  }
  if (isIntegerDtype(d)) return { cells: withNA(rows.map((i) => String(col.isValid(i) ? col.get(i) : ''))), align: 'right' };
  if (d === 'date' || d === 'datetime') {
    const f = col.toFloat64();
    return { cells: formatTimes(rows.map((i) => f[i]), d), align: 'left' };
  }
  if (d === 'bool') return { cells: withNA(rows.map((i) => String(col.get(i)))), align: 'left' };
  const strs = col.strings();
  return { cells: rows.map((i) => { const s = strs[i]; return s === null ? NA_TEXT : formatString(s); }), align: 'left' };
}
