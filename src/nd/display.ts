/**
 * xarray-like text for the REPL: header with dims, a preview of the values, coordinates, attributes.
 * @module
 */
import type { DataArray } from './dataarray.js';
import type { Variable, Attrs } from './variable.js';
import type { Coords } from './coords.js';
import { formatCalendarTime, normalizeCalendar } from '../io/cf/calendar.js';

const EDGE = 3;

function fmtNum(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-4 || a >= 1e8) ? v.toExponential(3) : String(Number(v.toPrecision(6)));
}

/** A short preview of a variable's values: first and last few in C order. */
export function previewValues(v: Variable, width = 60): string {
  if (v.isLazy) return `[${v.shape.reduce((a, b) => a * b, 1)} values with dtype=${v.dtype}]`;
  const a = v.values;
  const n = a.size;
  const flat = a.contiguous().data;
  const fmt = (i: number): string => {
    const x = flat[i];
    if (typeof x === 'string') return `'${x}'`;
    if (typeof x === 'bigint') return x.toString();
    if (a.dtype === 'datetime') return formatCalendarTime(x, normalizeCalendar(v.encoding.calendar));
    if (a.dtype === 'bool') return x ? 'True' : 'False';
    return fmtNum(x);
  };
  const parts: string[] = [];
  if (n <= 2 * EDGE) for (let i = 0; i < n; i++) parts.push(fmt(i));
  else {
    for (let i = 0; i < EDGE; i++) parts.push(fmt(i));
    parts.push('...');
    for (let i = n - EDGE; i < n; i++) parts.push(fmt(i));
  }
  const s = parts.join(' ');
  return s.length > width ? `${s.slice(0, width - 3)}...` : s;
}

/** The dtype as displayed (times with their calendar, strings as object as xarray shows them). */
export function dtypeName(v: Variable): string {
  return v.dtype === 'datetime' ? `datetime[${normalizeCalendar(v.encoding.calendar)}]` : v.dtype === 'string' ? 'object' : v.dtype;
}

/** The "Coordinates:" block. */
export function formatCoords(coords: Coords, dims: readonly string[]): string[] {
  const names = Object.keys(coords);
  if (!names.length) return [];
  const w = Math.max(...names.map((k) => k.length), 6);
  const lines = ['Coordinates:'];
  for (const k of names) {
    const c = coords[k];
    const mark = c.dims.length === 1 && c.dims[0] === k && dims.includes(k) ? '*' : ' ';
    const dimTxt = c.dims.length ? `(${c.dims.join(', ')})` : '';
    lines.push(`  ${mark} ${k.padEnd(w)} ${dimTxt.padEnd(dimTxt ? dimTxt.length + 1 : 0)}${dtypeName(c)} ${previewValues(c)}`.replace(/\s+$/, ''));
  }
  return lines;
}

/** The "Attributes:" block. */
export function formatAttrs(attrs: Attrs): string[] {
  const keys = Object.keys(attrs);
  if (!keys.length) return [];
  const w = Math.max(...keys.map((k) => k.length)) + 1;
  return ['Attributes:', ...keys.map((k) => {
    const v = attrs[k];
    let s = typeof v === 'string' ? v : ArrayBuffer.isView(v) || Array.isArray(v) ? `[${Array.from(v as ArrayLike<unknown>).join(', ')}]` : String(v);
    s = s.replace(/\n/g, ' ');
    if (s.length > 60) s = `${s.slice(0, 57)}...`;
    return `    ${`${k}:`.padEnd(w)} ${s}`;
  })];
}

/**
 * The text of a DataArray, as xarray prints it.
 * @example
 * console.log(formatDataArray(da))
 */
export function formatDataArray(da: DataArray): string {
  const dims = da.dims.map((d, i) => `${d}: ${da.shape[i]}`).join(', ');
  const lines = [`<gridframe.DataArray${da.name ? ` '${da.name}'` : ''} (${dims})>`];
  lines.push(`${previewValues(da.variable, 72)}${da.variable.isLazy ? '' : `  dtype=${dtypeName(da.variable)}`}`);
  lines.push(...formatCoords(da.coords, da.dims));
  const without = da.dims.filter((d) => !da.coords[d]);
  if (without.length) lines.push(`Dimensions without coordinates: ${without.join(', ')}`);
  lines.push(...formatAttrs(da.attrs));
  return lines.join('\n');
}
