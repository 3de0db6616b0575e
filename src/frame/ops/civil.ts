/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian, UTC) without a
 * Date object: Howard Hinnant's `civil_from_days` / `days_from_civil`.
 * @module
 */

export const MS_PER_DAY = 86400000;

/**
 * Year, month (1-12) and day of a day number, written into `out` (to avoid an allocation per call).
 * @example
 * civilFromDays(18262, out) // out = [2020, 1, 1]
 */
export function civilFromDays(z0: number, out: Int32Array | number[]): void {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = d;
}

/**
 * Day number of a civil date (month 1-12).
 * @example
 * daysFromCivil(2020, 1, 1) // 18262
 */
export function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * True for a Gregorian leap year.
 * @example
 * isLeap(1900) // false
 */
export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const ISO = /^(-?\d{4,6})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Epoch milliseconds of an ISO-8601 date or date-time ('2020-01-31', '2020-01-31 12:30',
 * '2020-01-31T12:30:00.5+02:00'), read as UTC unless it names an offset; NaN when it is not one.
 * @example
 * parseIsoUtc('2020-01-01 00:00:01') // 1577836801000
 */
export function parseIsoUtc(s: string): number {
  const m = ISO.exec(s.trim());
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = m[4] ? Number(m[4]) : 0;
  const mi = m[5] ? Number(m[5]) : 0;
  const sec = m[6] ? Number(m[6]) : 0;
  const ms = m[7] ? Math.round(Number('0.' + m[7]) * 1000) : 0;
  const dim = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (mo < 1 || mo > 12 || d < 1 || d > dim[mo - 1] || h > 23 || mi > 59 || sec > 59) return NaN;
  let off = 0;
  const tz = m[8];
  if (tz && tz.toUpperCase() !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    off = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60000;
  }
  return daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + sec) * 1000 + ms - off;
}

function pad(v: number, w = 2): string {
  return String(v).padStart(w, '0');
}

/**
 * 'YYYY-MM-DD' (and ' HH:MM:SS', '.mmm' when asked) of epoch milliseconds, in UTC.
 * @example
 * formatUtc(1577836801000, 'seconds') // '2020-01-01 00:00:01'
 */
export function formatUtc(ms: number, precision: 'day' | 'seconds' | 'millis'): string {
  const days = Math.floor(ms / MS_PER_DAY);
  const ymd = [0, 0, 0];
  civilFromDays(days, ymd);
  const date = `${ymd[0] < 0 ? '-' + pad(-ymd[0], 4) : pad(ymd[0], 4)}-${pad(ymd[1])}-${pad(ymd[2])}`;
  if (precision === 'day') return date;
  const t = ms - days * MS_PER_DAY;
  const s = Math.floor(t / 1000);
  const time = `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  return `${date} ${time}${precision === 'millis' ? '.' + pad(t % 1000, 3) : ''}`;
}
