/**
 * Formatting columns as CSV text: floats in shortest round-trip form (JS `String(x)`, which reads back
 * bit-identical, with '.0' kept on integral floats so they read back as floats), -0 as '-0.0',
 * ±Infinity as inf/-inf, datetimes as ISO 8601 ('YYYY-MM-DD HH:MM:SS[.fff]', as pandas writes them),
 * bools as True/False, nulls as `naRep`. Strings are quoted only when they must be.
 * @module
 */
import type { Column } from '../frame/column.js';
import { int64ToFloat64 } from '../frame/dtypes.js';
import { civilFromDays } from '../frame/ops/civil.js';

/** Quotes a field when it holds the separator, a quote, a newline, or leading/trailing space. */
export function quoteField(s: string, sep: string): string {
  if (s.includes(sep) || s.includes('"') || s.includes('\n') || s.includes('\r')) return `"${s.replaceAll('"', '""')}"`;
  return s;
}

/**
 * A float in shortest round-trip form that reads back as a float, written as Python's `repr` (and so
 * pandas' `to_csv`): fixed notation for decimal exponents -4..15, else `d.ddde+XX`.
 * @example
 * formatFloat(1e20) // '1e+20' (String(1e20) would be '100000000000000000000')
 * formatFloat(2)    // '2.0'
 */
export function formatFloat(v: number): string {
  if (v !== v) return '';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const a = Math.abs(v);
  // Fast path: here String() is already fixed notation with the shortest digits, as repr.
  if (a >= 1e-4 && a < 1e16) return Number.isInteger(v) ? `${v}.0` : String(v);
  const sign = v < 0 ? '-' : '';
  // toExponential() without digits gives the shortest digits that round-trip, e.g. '1.2345e-7'.
  const t = a.toExponential();
  const at = t.indexOf('e');
  const digits = t.slice(0, at).replace('.', '');
  const e = Number(t.slice(at + 1));
  if (e < -4 || e >= 16) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ex = Math.abs(e);
    return `${sign}${mant}e${e < 0 ? '-' : '+'}${ex < 10 ? '0' : ''}${ex}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const int = digits.length > e + 1 ? digits.slice(0, e + 1) : digits.padEnd(e + 1, '0');
  const frac = digits.length > e + 1 ? digits.slice(e + 1) : '0';
  return `${sign}${int}.${frac}`;
}

function pad2(v: number): string {
  return v < 10 ? '0' + v : String(v);
}

const ymd = new Int32Array(3);

/** 'YYYY-MM-DD' of a day count. */
export function formatDay(days: number): string {
  civilFromDays(days, ymd);
  const [y, m, d] = ymd;
  const ys = y >= 0 && y < 10000 ? String(y).padStart(4, '0') : String(y);
  return `${ys}-${pad2(m)}-${pad2(d)}`;
}

/** Formats each row of a column (null -> naRep). */
export function formatColumn(col: Column, sep: string, naRep: string): string[] {
  const n = col.length;
  const out = new Array<string>(n);
  const valid = col.validity;
  const isValid = (i: number): boolean => valid === null || ((valid[i >> 3] >> (i & 7)) & 1) === 1;
  switch (col.dtype) {
    case 'string': {
      if (col.isDictionary) {
        const { codes, dictionary } = col.dictionaryCodes();
        const dict = dictionary.map((s) => quoteField(s, sep));
        for (let i = 0; i < n; i++) out[i] = codes[i] < 0 ? naRep : dict[codes[i]];
      } else {
        const strs = col.strings();
        for (let i = 0; i < n; i++) {
          const s = strs[i];
          out[i] = s === null ? naRep : quoteField(s, sep);
        }
      }
      return out;
    }
    case 'bool': {
      const b = col.boolBytes();
      for (let i = 0; i < n; i++) out[i] = isValid(i) ? (b[i] ? 'True' : 'False') : naRep;
      return out;
    }
    case 'float32': case 'float64': {
      const v = col.values as Float64Array;
      for (let i = 0; i < n; i++) out[i] = isValid(i) && v[i] === v[i] ? formatFloat(v[i]) : naRep;
      return out;
    }
    case 'int64': case 'uint64': {
      const big = col.values as BigInt64Array;
      const f = int64ToFloat64(big);
      for (let i = 0; i < n; i++) {
        if (!isValid(i)) out[i] = naRep;
        else out[i] = Math.abs(f[i]) <= Number.MAX_SAFE_INTEGER ? String(f[i]) : String(big[i]);
      }
      return out;
    }
    case 'date': case 'datetime': {
      const ms = col.toFloat64();
      let lastDay = NaN;
      let dayStr = '';
      for (let i = 0; i < n; i++) {
        const t = ms[i];
        if (t !== t) {
          out[i] = naRep;
          continue;
        }
        const day = Math.floor(t / 86400000);
        if (day !== lastDay) {
          lastDay = day;
          dayStr = formatDay(day);
        }
        if (col.dtype === 'date') {
          out[i] = dayStr;
          continue;
        }
        const rem = t - day * 86400000;
        const h = Math.floor(rem / 3600000);
        const mi = Math.floor((rem % 3600000) / 60000);
        const s = Math.floor((rem % 60000) / 1000);
        const msr = Math.round(rem % 1000);
        let str = `${dayStr} ${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
        if (msr) str += '.' + String(msr).padStart(3, '0');
        out[i] = str;
      }
      return out;
    }
    default: {
      const v = col.values as Int32Array;
      for (let i = 0; i < n; i++) out[i] = isValid(i) ? String(v[i]) : naRep;
      return out;
    }
  }
}
