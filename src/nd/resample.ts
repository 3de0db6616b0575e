/**
 * resample on a time dimension: calendar periods (year, quarter, month, day) as groups, every period
 * from the first to the last (empty ones give NaN), labelled as xarray labels them.
 * @module
 */
import { ValueError, unknownName } from '../errors.js';
import { NDArray } from './ndarray.js';
import { Variable } from './variable.js';
import type { Coords } from './coords.js';
import type { GroupKey } from './groupby.js';
import { calendarFields, normalizeCalendar, toCalendarMs, type Calendar } from '../io/cf/calendar.js';

/** Resample frequencies: '1Y'/'Y'/'YE'/'A' (labelled at period end), 'YS'/'AS' (period start), 'M'/'ME', 'MS', 'QS', 'D'. */
export type ResampleRule = string;

type Unit = 'Y' | 'Q' | 'M' | 'D';

function parseRule(rule: string): { n: number; unit: Unit; start: boolean } {
  const m = /^\s*(\d*)\s*(YS|AS|YE|Y|A|QS|MS|ME|M|D)\s*$/i.exec(rule);
  if (!m) throw new ValueError(`Unsupported resample rule '${rule}'; use Y, YS, QS, M, MS or D with an optional count (e.g. '1Y')`);
  const code = m[2].toUpperCase();
  const unit: Unit = code.startsWith('Y') || code.startsWith('A') ? 'Y' : code.startsWith('Q') ? 'Q' : code.startsWith('M') ? 'M' : 'D';
  const start = code === 'YS' || code === 'AS' || code === 'MS' || code === 'QS' || code === 'D';
  if (unit === 'Q' && !start) throw new ValueError(`Use 'QS' (quarter start) for quarterly resampling`);
  return { n: m[1] ? Number(m[1]) : 1, unit, start };
}

function periodOf(ms: number, unit: Unit, cal: Calendar): number {
  if (unit === 'D') return Math.floor(ms / 86_400_000);
  const f = calendarFields(ms, cal);
  if (unit === 'Y') return f.year;
  if (unit === 'Q') return f.year * 4 + Math.floor((f.month - 1) / 3);
  return f.year * 12 + f.month - 1;
}

function labelOf(p: number, n: number, unit: Unit, start: boolean, cal: Calendar): number {
  const at = (year: number, month: number, day: number): number => toCalendarMs({ year, month, day, hour: 0, minute: 0, second: 0, ms: 0 }, cal);
  if (unit === 'D') return p * 86_400_000;
  if (unit === 'Y') return start ? at(p, 1, 1) : at(p + n, 1, 1) - 86_400_000;
  if (unit === 'Q') return at(Math.floor(p / 4), (p % 4) * 3 + 1, 1);
  const y = Math.floor(p / 12);
  const mo = (p % 12) + 1;
  if (start) return at(y, mo, 1);
  const q = p + n;
  return at(Math.floor(q / 12), (q % 12) + 1, 1) - 86_400_000;
}

/**
 * The group key of `resample({ dim: rule })`.
 * @example
 * resampleKey(da.coords, da.dims, { time: '1Y' })
 */
export function resampleKey(coords: Coords, dims: readonly string[], rule: Readonly<Record<string, ResampleRule>>): GroupKey {
  const entries = Object.entries(rule);
  if (entries.length !== 1) throw new ValueError('resample takes exactly one dimension, e.g. { time: "1Y" }');
  const [dim, r] = entries[0];
  if (!dims.includes(dim)) throw unknownName('dimension', dim, dims);
  const c = coords[dim];
  if (!c || c.dtype !== 'datetime') throw new ValueError(`resample needs a time coordinate on '${dim}'`);
  const cal = normalizeCalendar(c.encoding.calendar);
  const { n, unit, start } = parseRule(r);
  const ms = c.values.toFloat64();
  const per = Int32Array.from(ms, (t) => periodOf(t, unit, cal));
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of per) { if (p < lo) lo = p; if (p > hi) hi = p; }
  const base = unit === 'D' ? lo : lo - (((lo % n) + n) % n);
  const codes = Int32Array.from(per, (p) => Math.floor((p - base) / n));
  const ng = ms.length ? Math.floor((hi - base) / n) + 1 : 0;
  const labels = new Float64Array(ng);
  for (let g = 0; g < ng; g++) {
    const p = base + g * n;
    labels[g] = unit === 'D' && !start ? p * 86_400_000 : labelOf(p, n, unit, start, cal);
  }
  return { dim, codes, newDim: dim, labels: new Variable([dim], new NDArray(labels, [ng], { dtype: 'datetime' }), c.attrs, c.encoding) };
}
