/**
 * Inline fast paths of the fused CSV chunk parser for the common spellings of a field: a short
 * decimal number, `YYYY-MM-DD`, True/False. Each parses at the field start without a separate scan
 * and returns the offset just past the field, or -1 when the field is anything else (the parser then
 * finds the field and applies the full rules, csv-parallel-fields.ts). Results equal the full rules'
 * (a number of at most 15 digits is exact in a double, and m / 10^k is then correctly rounded).
 * @module
 */
import { daysFromCivil } from './csv-parse-values.js';

const LF = 10;
const CR = 13;
/** 10^k for the k < 16 decimals a fast number can have. */
export const P10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** Days in month m (February 28; leap years add one). */
export const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days from March 1 to the first of month m (the year starting in March, as days_from_civil counts). */
const MARCH_DAYS = [0, 306, 337, 0, 31, 61, 92, 122, 153, 184, 214, 245, 275];

/**
 * Days from 1970-01-01 to the first of month `mo` of year `y` (y >= 1), days_from_civil's arithmetic.
 * @example
 * monthStart(2020, 1) // 18262
 */
export function monthStart(y: number, mo: number): number {
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + MARCH_DAYS[mo] - 719468;
}

/** monthStart for the months of 1900-2199, by (y - 1900) * 12 + mo - 1. */
export const MONTH_START = Int32Array.from({ length: 300 * 12 }, (_, i) => monthStart(1900 + Math.floor(i / 12), (i % 12) + 1));

/** Where a fast path writes: the value, and whether it was a decimal (not an integer). */
export const fastOut = { value: 0, decimal: false };

/** True when the byte at q ends a field (separator, line end, or the end of the input). */
function ends(buf: Uint8Array, q: number, n: number, sep: number): boolean {
  if (q >= n) return true;
  const t = buf[q];
  return t === sep || t === LF || t === CR;
}

/**
 * `[+-]digits[.digits]` with 1 to 15 digits in all, at buf[p...]; `intOnly` refuses a decimal point.
 * @example
 * fastNumber(bytes, 0, bytes.length, 44, false) // offset past '645.285'; fastOut.value 645.285
 */
export function fastNumber(buf: Uint8Array, p: number, n: number, sep: number, intOnly: boolean): number {
  let q = p;
  const c = buf[q];
  const neg = c === 45;
  if (neg || c === 43) q++;
  const d0 = q;
  let m = 0;
  while (q < n) {
    const d = buf[q] - 48;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
    q++;
  }
  let digits = q - d0;
  let fr = -1;
  if (q < n && buf[q] === 46) {
    if (intOnly) return -1;
    const f0 = ++q;
    while (q < n) {
      const d = buf[q] - 48;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
      q++;
    }
    fr = q - f0;
    digits += fr;
  }
  if (digits === 0 || digits > 15 || !ends(buf, q, n, sep)) return -1;
  const v = fr < 0 ? m : m / P10[fr];
  fastOut.value = neg ? -v : v;
  fastOut.decimal = fr >= 0;
  return q;
}

/**
 * `YYYY-MM-DD` (a valid calendar date) at buf[p...]; fastOut.value is days since 1970-01-01.
 * @example
 * fastDay(bytes, 0, bytes.length, 44) // 10; fastOut.value 18262 for '2020-01-01'
 */
export function fastDay(buf: Uint8Array, p: number, n: number, sep: number): number {
  if (p + 10 > n || buf[p + 4] !== 45 || buf[p + 7] !== 45 || !ends(buf, p + 10, n, sep)) return -1;
  const y0 = buf[p] - 48, y1 = buf[p + 1] - 48, y2 = buf[p + 2] - 48, y3 = buf[p + 3] - 48;
  const m0 = buf[p + 5] - 48, m1 = buf[p + 6] - 48, d0 = buf[p + 8] - 48, d1 = buf[p + 9] - 48;
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return -1;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1) return -1;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
  if (d > MONTH_DAYS[m] + leap) return -1;
  fastOut.value = y === 0 ? daysFromCivil(y, m, d) : monthStart(y, m) + d - 1;
  return p + 10;
}

/**
 * true/True/TRUE/tRUE or false/False/FALSE/fALSE (the spellings `parseBoolBytes` accepts) at buf[p...];
 * fastOut.value is 1 or 0.
 * @example
 * fastBool(bytes, 0, bytes.length, 44) // 4; fastOut.value 1 for 'True'
 */
export function fastBool(buf: Uint8Array, p: number, n: number, sep: number): number {
  const c = buf[p] | 32;
  if (c === 116) {
    if (p + 4 > n || !ends(buf, p + 4, n, sep)) return -1;
    const a = buf[p + 1], b = buf[p + 2], e = buf[p + 3];
    if (!((a === 114 && b === 117 && e === 101) || (a === 82 && b === 85 && e === 69))) return -1;
    fastOut.value = 1;
    return p + 4;
  }
  if (c === 102) {
    if (p + 5 > n || !ends(buf, p + 5, n, sep)) return -1;
    const a = buf[p + 1], b = buf[p + 2], e = buf[p + 3], f = buf[p + 4];
    if (!((a === 97 && b === 108 && e === 115 && f === 101) || (a === 65 && b === 76 && e === 83 && f === 69))) return -1;
    fastOut.value = 0;
    return p + 5;
  }
  return -1;
}
