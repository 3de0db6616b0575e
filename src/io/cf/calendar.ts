/**
 * CF calendars. Times are held as milliseconds since 1970-01-01T00:00 counted in the array's own
 * calendar: for standard/gregorian/proleptic_gregorian that is ordinary epoch milliseconds (a JS Date);
 * for noleap/365_day, all_leap/366_day and 360_day it is the same count under that calendar's rules,
 * so `calendarFields(ms, calendar)` gives the year, month and day a model meant (1850-02-30 exists in 360_day).
 * 'standard'/'gregorian' are the mixed calendar CF and cftime use: Julian before 1582-10-15, Gregorian
 * from then on (milliseconds stay true elapsed time, so a JS Date of a date before 1582 shows the
 * proleptic Gregorian day, while `calendarFields` gives the Julian one).
 * @module
 */
import { ValueError } from '../../errors.js';

/** Calendars gridframe decodes. */
export type Calendar = 'standard' | 'gregorian' | 'proleptic_gregorian' | 'noleap' | '365_day' | 'all_leap' | '366_day' | '360_day';

/** Broken-down time. */
export interface TimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const DAY = 86_400_000;
/** Julian day number of 1970-01-01 and of the Gregorian reform (1582-10-15). */
const JDN_1970 = 2440588;
const JDN_REFORM = 2299161;
const REFORM_MS = (JDN_REFORM - JDN_1970) * DAY;

function isMixed(c: Calendar): boolean {
  return c === 'standard' || c === 'gregorian';
}

/** Julian day number of a date in the Julian calendar. */
function julianToJdn(y: number, m: number, d: number): number {
  const a = Math.floor((14 - m) / 12);
  const y2 = y + 4800 - a;
  const m2 = m + 12 * a - 3;
  return d + Math.floor((153 * m2 + 2) / 5) + 365 * y2 + Math.floor(y2 / 4) - 32083;
}

/** Julian-calendar date of a Julian day number. */
function jdnToJulian(jdn: number): { year: number; month: number; day: number } {
  const c = jdn + 32082;
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return { day: e - Math.floor((153 * m + 2) / 5) + 1, month: m + 3 - 12 * Math.floor(m / 10), year: d - 4800 + Math.floor(m / 10) };
}
const NOLEAP = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ALLLEAP = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The canonical calendar name (case-insensitive; unknown names are a ValueError).
 * @example
 * normalizeCalendar('NoLeap') // 'noleap'
 */
export function normalizeCalendar(name: string | undefined | null): Calendar {
  const c = (name ?? 'standard').toLowerCase();
  if (c === 'standard' || c === 'gregorian' || c === 'proleptic_gregorian' || c === 'noleap' || c === '365_day' || c === 'all_leap' || c === '366_day' || c === '360_day') return c;
  throw new ValueError(`Unsupported calendar '${name}'; expected standard, gregorian, proleptic_gregorian, noleap, 365_day, all_leap, 366_day or 360_day`);
}

/** True when the calendar's milliseconds are ordinary JS epoch milliseconds. */
export function isRealCalendar(c: Calendar): boolean {
  return c === 'standard' || c === 'gregorian' || c === 'proleptic_gregorian';
}

function fixedYear(c: Calendar): { days: number; months: readonly number[] } {
  if (c === '360_day') return { days: 360, months: new Array<number>(12).fill(30) };
  if (c === 'all_leap' || c === '366_day') return { days: 366, months: ALLLEAP };
  return { days: 365, months: NOLEAP };
}

/**
 * Milliseconds since 1970-01-01 in `calendar` for a broken-down time.
 * @example
 * toCalendarMs({ year: 1970, month: 3, day: 1, hour: 0, minute: 0, second: 0, ms: 0 }, '360_day') // 60 * 86400000
 */
export function toCalendarMs(f: TimeFields, calendar: Calendar): number {
  const tod = ((f.hour * 60 + f.minute) * 60 + f.second) * 1000 + f.ms;
  if (isMixed(calendar) && (f.year < 1582 || (f.year === 1582 && (f.month < 10 || (f.month === 10 && f.day < 15))))) {
    return (julianToJdn(f.year, f.month, f.day) - JDN_1970) * DAY + tod;
  }
  if (isRealCalendar(calendar)) {
    const d = new Date(0);
    d.setUTCFullYear(f.year, f.month - 1, f.day);
    d.setUTCHours(0, 0, 0, 0);
    return d.getTime() + tod;
  }
  const { days, months } = fixedYear(calendar);
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > months[f.month - 1]) {
    throw new ValueError(`${f.year}-${f.month}-${f.day} is not a date in the ${calendar} calendar`);
  }
  let doy = f.day - 1;
  for (let m = 0; m < f.month - 1; m++) doy += months[m];
  return ((f.year - 1970) * days + doy) * DAY + tod;
}

/**
 * The broken-down time of `ms` (milliseconds since 1970-01-01 in `calendar`).
 * @example
 * calendarFields(59 * 86400000, '360_day') // { year: 1970, month: 2, day: 30, ... }
 */
export function calendarFields(ms: number, calendar: Calendar): TimeFields {
  let day = Math.floor(ms / DAY);
  let tod = ms - day * DAY;
  const hour = Math.floor(tod / 3_600_000);
  tod -= hour * 3_600_000;
  const minute = Math.floor(tod / 60_000);
  tod -= minute * 60_000;
  const second = Math.floor(tod / 1000);
  const msr = Math.round(tod - second * 1000);
  if (isMixed(calendar) && ms < REFORM_MS) {
    const j = jdnToJulian(day + JDN_1970);
    return { ...j, hour, minute, second, ms: msr };
  }
  if (isRealCalendar(calendar)) {
    const d = new Date(day * DAY);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour, minute, second, ms: msr };
  }
  const { days, months } = fixedYear(calendar);
  const yearOff = Math.floor(day / days);
  day -= yearOff * days;
  let month = 0;
  while (day >= months[month]) day -= months[month++];
  return { year: 1970 + yearOff, month: month + 1, day: day + 1, hour, minute, second, ms: msr };
}

function pad(v: number, w: number): string {
  const s = String(Math.abs(v)).padStart(w, '0');
  return v < 0 ? `-${s}` : s;
}

/**
 * ISO-like text of a time in its calendar ('1840-01-16T12:00:00'; '1850-02-30' exists in 360_day).
 * @example
 * formatCalendarTime(0, 'noleap') // '1970-01-01'
 */
export function formatCalendarTime(ms: number, calendar: Calendar): string {
  if (Number.isNaN(ms)) return 'NaT';
  const f = calendarFields(ms, calendar);
  const date = `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}`;
  if (f.hour === 0 && f.minute === 0 && f.second === 0 && f.ms === 0) return date;
  return `${date}T${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}${f.ms ? `.${pad(f.ms, 3)}` : ''}`;
}

/**
 * Parses 'YYYY-MM-DD[ T]HH:MM:SS[.fff][Z]' (years may have 1-4+ digits and a sign) into fields.
 * @example
 * parseTimeFields('0850-01-01 00:00:00').year // 850
 */
export function parseTimeFields(text: string): TimeFields {
  const m = /^\s*([+-]?\d{1,6})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?)?\s*$/i.exec(text);
  if (!m) throw new ValueError(`Cannot parse the date '${text}' (expected YYYY-MM-DD[ HH:MM:SS])`);
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  const f: TimeFields = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0), ms: frac };
  if (m[8] && /^[+-]/.test(m[8])) {
    const [h, mm] = m[8].replace(':', '').match(/^([+-]\d{1,2})(\d{2})?$/)?.slice(1) ?? ['0', '0'];
    f.hour -= Number(h);
    f.minute -= Math.sign(Number(h)) * Number(mm ?? 0);
  }
  return f;
}
