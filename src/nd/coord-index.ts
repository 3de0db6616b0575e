/**
 * Label lookup on a 1-D coordinate: exact (hash), nearest/pad/backfill (binary search on monotonic
 * coordinates, a scan otherwise) and label slices (both ends inclusive, as xarray/pandas).
 * Time coordinates accept Dates and ISO strings; a partial string ('1845', '1845-06') means the whole period.
 * @module
 */
import { KeyError, ValueError } from '../errors.js';
import type { Variable } from './variable.js';
import type { PosSlice } from './view.js';
import { normalizeCalendar, parseTimeFields, toCalendarMs, type Calendar } from '../io/cf/calendar.js';

/** A label users pass to `sel`. */
export type LabelValue = number | string | Date | boolean;
/** Inexact lookup methods. */
export type SelMethod = 'nearest' | 'pad' | 'ffill' | 'backfill' | 'bfill';

const cache = new WeakMap<object, Map<number | string, number>>();

function flatLabels(coord: Variable): Float64Array | string[] {
  const v = coord.values;
  if (v.dtype === 'string') return v.flat() as string[];
  return v.dtype === 'float64' || v.dtype === 'datetime' ? (v.contiguous().data as Float64Array) : v.toFloat64();
}

/** A time label as [start, end] calendar milliseconds of the period it names. */
export function timeLabelRange(label: LabelValue, calendar: Calendar): [number, number] {
  if (label instanceof Date) return [label.getTime(), label.getTime()];
  if (typeof label === 'number') return [label, label];
  const s = String(label).trim();
  const ym = /^([+-]?\d{1,6})(?:-(\d{1,2}))?$/.exec(s);
  if (ym) {
    const y = Number(ym[1]);
    if (ym[2] === undefined) {
      return [toCalendarMs({ year: y, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0 }, calendar),
        toCalendarMs({ year: y + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0 }, calendar) - 1];
    }
    const m = Number(ym[2]);
    const next = m === 12 ? { year: y + 1, month: 1 } : { year: y, month: m + 1 };
    return [toCalendarMs({ year: y, month: m, day: 1, hour: 0, minute: 0, second: 0, ms: 0 }, calendar),
      toCalendarMs({ ...next, day: 1, hour: 0, minute: 0, second: 0, ms: 0 }, calendar) - 1];
  }
  const f = parseTimeFields(s);
  const t = toCalendarMs(f, calendar);
  const dayOnly = /^\s*[+-]?\d{1,6}-\d{1,2}-\d{1,2}\s*$/.test(s);
  return dayOnly ? [t, t + 86_400_000 - 1] : [t, t];
}

function key(coord: Variable, label: LabelValue): number | string {
  const v = coord.values;
  if (v.dtype === 'string') return String(label);
  if (v.dtype === 'datetime') return timeLabelRange(label, normalizeCalendar(coord.encoding.calendar))[0];
  if (typeof label === 'number') return label;
  if (typeof label === 'boolean') return label ? 1 : 0;
  const n = Number(label);
  if (Number.isNaN(n)) throw new KeyError(`'${String(label)}' is not a valid label for the numeric coordinate '${coord.dims[0]}'`);
  return n;
}

function monotonic(x: Float64Array): 1 | -1 | 0 {
  let inc = true;
  let dec = true;
  for (let i = 1; i < x.length && (inc || dec); i++) {
    if (!(x[i] >= x[i - 1])) inc = false;
    if (!(x[i] <= x[i - 1])) dec = false;
  }
  return inc ? 1 : dec ? -1 : 0;
}

/** First position p with x[p] >= v (ascending x). */
function lowerBound(x: Float64Array, v: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function inexact(x: Float64Array, v: number, method: SelMethod, tolerance: number | undefined, name: string): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const d = method === 'nearest' ? Math.abs(xi - v) : method === 'pad' || method === 'ffill' ? v - xi : xi - v;
    if (d >= 0 && d < bestD) { bestD = d; best = i; }
  }
  if (best < 0 || (tolerance !== undefined && bestD > tolerance)) {
    throw new KeyError(`No label within ${tolerance ?? 'range'} of ${v} in '${name}' for method '${method}'`);
  }
  return best;
}

/**
 * The position of `label` in a 1-D coordinate.
 * @example
 * locate(latCoord, 59.33, 'nearest')
 */
export function locate(coord: Variable, label: LabelValue, method?: SelMethod, tolerance?: number): number {
  const name = coord.dims[0];
  const x = flatLabels(coord);
  const k = key(coord, label);
  if (!method) {
    let map = cache.get(x);
    if (!map) {
      map = new Map();
      for (let i = x.length - 1; i >= 0; i--) map.set(x[i], i);
      cache.set(x, map);
    }
    const p = map.get(k);
    if (p === undefined) throw new KeyError(`${JSON.stringify(label instanceof Date ? label.toISOString() : label)} is not a label of '${name}' (use { method: 'nearest' } for inexact matches)`);
    return p;
  }
  if (Array.isArray(x)) throw new ValueError(`method '${method}' needs a numeric or time coordinate; '${name}' holds strings`);
  const kv = k as number;
  if (method === 'nearest' && x.length > 0) {
    const mono = monotonic(x);
    if (mono === 1) {
      const i = lowerBound(x, kv);
      let best = i >= x.length ? x.length - 1 : i;
      if (i > 0 && (i >= x.length || Math.abs(x[i - 1] - kv) <= Math.abs(x[i] - kv))) best = i - 1;
      if (tolerance !== undefined && Math.abs(x[best] - kv) > tolerance) throw new KeyError(`No label within ${tolerance} of ${kv} in '${name}'`);
      return best;
    }
  }
  return inexact(x, kv, method, tolerance, name);
}

/**
 * A label slice (inclusive ends) as a positional slice; the coordinate must be monotonic.
 * @example
 * locateSlice(timeCoord, { start: '1845-01', stop: '1846-12' })
 */
export function locateSlice(coord: Variable, s: { start?: LabelValue | null; stop?: LabelValue | null }): PosSlice {
  const x = flatLabels(coord);
  const name = coord.dims[0];
  if (Array.isArray(x)) {
    const start = s.start == null ? 0 : locate(coord, s.start);
    const stop = s.stop == null ? x.length : locate(coord, s.stop) + 1;
    return { start, stop };
  }
  const isTime = coord.values.dtype === 'datetime';
  const cal = normalizeCalendar(coord.encoding.calendar);
  const lo = s.start == null ? -Infinity : isTime ? timeLabelRange(s.start, cal)[0] : (key(coord, s.start) as number);
  const hi = s.stop == null ? Infinity : isTime ? timeLabelRange(s.stop, cal)[1] : (key(coord, s.stop) as number);
  const mono = monotonic(x);
  if (mono === 0) throw new ValueError(`Label slices need a monotonic coordinate; '${name}' is not sorted`);
  if (mono === 1) return { start: lowerBound(x, lo), stop: upperBound(x, hi) };
  // descending: start label is the larger one
  let a = 0;
  while (a < x.length && x[a] > lo) a++;
  let b = a;
  while (b < x.length && x[b] >= hi) b++;
  return { start: a, stop: b };
}

function upperBound(x: Float64Array, v: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
