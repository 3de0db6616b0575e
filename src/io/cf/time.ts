/**
 * CF time coordinates: decode `"<unit> since <date>"` numbers to calendar milliseconds and encode back.
 * @module
 */
import { ValueError } from '../../errors.js';
import { normalizeCalendar, parseTimeFields, toCalendarMs, type Calendar } from './calendar.js';

const UNIT_MS: Record<string, number> = {
  days: 86_400_000, day: 86_400_000, d: 86_400_000,
  hours: 3_600_000, hour: 3_600_000, hr: 3_600_000, hrs: 3_600_000, h: 3_600_000,
  minutes: 60_000, minute: 60_000, min: 60_000, mins: 60_000,
  seconds: 1000, second: 1000, sec: 1000, secs: 1000, s: 1000,
  milliseconds: 1, millisecond: 1, msec: 1, ms: 1,
  microseconds: 1e-3, microsecond: 1e-3, us: 1e-3,
};

/** A parsed `"<unit> since <date>"` string. */
export interface TimeUnits {
  unit: string;
  unitMs: number;
  refMs: number;
  calendar: Calendar;
}

/** True when `units` looks like a CF time unit ('days since ...'). */
export function isTimeUnits(units: unknown): units is string {
  return typeof units === 'string' && /^\s*\w+\s+since\s+/i.test(units);
}

/**
 * Parses CF time units under a calendar.
 * @example
 * parseTimeUnits('days since 1970-01-01', 'standard').unitMs // 86400000
 */
export function parseTimeUnits(units: string, calendar?: string | null): TimeUnits {
  const m = /^\s*(\w+)\s+since\s+(.+?)\s*$/i.exec(units);
  if (!m) throw new ValueError(`Time units '${units}' are not of the form '<unit> since <date>'`);
  const unit = m[1].toLowerCase();
  const unitMs = UNIT_MS[unit];
  if (unitMs === undefined) {
    throw new ValueError(`Unsupported time unit '${m[1]}' in '${units}' (months and years since ... are ambiguous in CF; use days, hours, minutes, seconds or milliseconds)`);
  }
  const cal = normalizeCalendar(calendar);
  return { unit, unitMs, refMs: toCalendarMs(parseTimeFields(m[2]), cal), calendar: cal };
}

/**
 * Decodes raw time numbers (NaN stays NaN) to milliseconds since 1970 in the calendar.
 * @example
 * decodeTimes(Float64Array.of(0, 1), 'days since 2000-01-01', 'noleap')
 */
export function decodeTimes(raw: ArrayLike<number>, units: string, calendar?: string | null): Float64Array {
  const u = parseTimeUnits(units, calendar);
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = Math.round((raw[i] * u.unitMs + u.refMs) * 1000) / 1000;
  return out;
}

/**
 * Encodes calendar milliseconds back to numbers in `units` (a default 'days/hours/seconds since
 * 1970-01-01' is chosen, as coarse as keeps every value whole, when `units` is omitted).
 * @example
 * encodeTimes(Float64Array.of(86400000), undefined, 'standard') // { values: [1], units: 'days since 1970-01-01 00:00:00' }
 */
export function encodeTimes(ms: ArrayLike<number>, units: string | undefined, calendar: Calendar): { values: Float64Array; units: string } {
  let u = units;
  if (!u) {
    const cands: [string, number][] = [['days', 86_400_000], ['hours', 3_600_000], ['minutes', 60_000], ['seconds', 1000], ['milliseconds', 1]];
    let pick = 'milliseconds';
    for (const [name, step] of cands) {
      let ok = true;
      for (let i = 0; i < ms.length && ok; i++) if (!Number.isNaN(ms[i]) && ms[i] % step !== 0) ok = false;
      if (ok) { pick = name; break; }
    }
    u = `${pick} since 1970-01-01 00:00:00`;
  }
  const p = parseTimeUnits(u, calendar);
  const out = new Float64Array(ms.length);
  for (let i = 0; i < ms.length; i++) out[i] = (ms[i] - p.refMs) / p.unitMs;
  return { values: out, units: u };
}

