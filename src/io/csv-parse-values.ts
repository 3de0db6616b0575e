/**
 * Parsing numbers, booleans and ISO 8601 datetimes straight from UTF-8 byte spans, without making a
 * string. Each parser returns NaN when the span is not a value of its kind (callers then check the NA
 * strings or fall back to a wider type); the rare spans the fast paths cannot decide exactly go through
 * `Number()` on the decoded text, so results are always correctly rounded.
 * @module
 */

const P10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** Decodes an ASCII/UTF-8 span (slow path only). */
export function spanText(buf: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) {
    const c = buf[i];
    if (c > 127) return new TextDecoder().decode(buf.subarray(s, e));
    out += String.fromCharCode(c);
  }
  return out;
}

/**
 * An integer of at most 15 digits (optional sign), exact in a double; NaN when the span is anything
 * else. Longer integers return NaN here and are handled by `parseBigIntBytes`.
 * @example
 * parseIntBytes(new TextEncoder().encode('-42'), 0, 3) // -42
 */
export function parseIntBytes(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  let neg = false;
  let c = buf[i];
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  const n = e - i;
  if (n <= 0 || n > 15) return NaN;
  let v = 0;
  for (; i < e; i++) {
    c = buf[i] - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return neg ? -v : v;
}

/** True when the span is an integer of 16 to 19 digits that fits int64 (those need a BigInt). */
export function parseBigIntBytes(buf: Uint8Array, s: number, e: number): bigint | null {
  let i = s;
  if (buf[i] === 45 || buf[i] === 43) i++;
  const n = e - i;
  if (n < 1 || n > 19) return null;
  for (let j = i; j < e; j++) if (buf[j] < 48 || buf[j] > 57) return null;
  const v = BigInt(spanText(buf, s, e));
  return v >= -9223372036854775808n && v <= 9223372036854775807n ? v : null;
}

/** True when the span looks like a signed run of digits (an integer, of any length). */
export function isIntegerText(buf: Uint8Array, s: number, e: number): boolean {
  let i = s;
  if (buf[i] === 45 || buf[i] === 43) i++;
  if (i >= e) return false;
  for (; i < e; i++) if (buf[i] < 48 || buf[i] > 57) return false;
  return true;
}

const FLOAT_WORDS = /^[+-]?(inf|infinity|nan)$/i;

function slowFloat(buf: Uint8Array, s: number, e: number): number {
  const t = spanText(buf, s, e);
  if (FLOAT_WORDS.test(t)) {
    const lower = t.toLowerCase();
    return lower.includes('nan') ? NaN : lower.startsWith('-') ? -Infinity : Infinity;
  }
  // Number() accepts forms CSV readers do not (hex, '', whitespace, '1_0'): check the shape first.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return NaN;
  return Number(t);
}

/**
 * A decimal number (sign, digits, '.', exponent) correctly rounded to a double: up to 15 significant
 * digits with a power of ten <= 22 takes Clinger's exact fast path, anything else goes through
 * `Number()`. NaN when the span is not a number ('nan' and 'inf' spellings read as NaN and ±Infinity:
 * check for a real NaN with `isNanText`).
 * @example
 * parseFloatBytes(new TextEncoder().encode('3.25e2'), 0, 6) // 325
 */
export function parseFloatBytes(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  let neg = false;
  let c = buf[i];
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let mant = 0;
  let nd = 0;
  let exp = 0;
  let digits = 0;
  for (; i < e; i++) {
    c = buf[i] - 48;
    if (c < 0 || c > 9) break;
    if (nd > 0 || c !== 0) nd++;
    mant = mant * 10 + c;
    digits++;
  }
  if (i < e && buf[i] === 46) {
    i++;
    for (; i < e; i++) {
      c = buf[i] - 48;
      if (c < 0 || c > 9) break;
      if (nd > 0 || c !== 0) nd++;
      mant = mant * 10 + c;
      exp--;
      digits++;
    }
  }
  if (digits === 0) return slowFloat(buf, s, e);
  if (i < e && (buf[i] === 101 || buf[i] === 69)) {
    i++;
    let eneg = false;
    if (i < e && (buf[i] === 45 || buf[i] === 43)) {
      eneg = buf[i] === 45;
      i++;
    }
    if (i >= e) return NaN;
    let ev = 0;
    for (; i < e; i++) {
      c = buf[i] - 48;
      if (c < 0 || c > 9) return NaN;
      if (ev < 100000) ev = ev * 10 + c;
    }
    exp += eneg ? -ev : ev;
  }
  if (i !== e) return slowFloat(buf, s, e);
  if (nd > 15 || exp < -22 || exp > 22) return slowFloat(buf, s, e);
  const v = exp < 0 ? mant / P10[-exp] : mant * P10[exp];
  return neg ? -v : v;
}

/** True when the span spells NaN ('nan', 'NaN', '-nan', ...), so a NaN result is a value, not a failure. */
export function isNanText(buf: Uint8Array, s: number, e: number): boolean {
  return e - s <= 4 && /^[+-]?nan$/i.test(spanText(buf, s, e));
}

/**
 * 1 for True/true/TRUE, 0 for False/false/FALSE (the spellings pandas reads as bool), -1 otherwise.
 * @example
 * parseBoolBytes(new TextEncoder().encode('True'), 0, 4) // 1
 */
export function parseBoolBytes(buf: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n === 4) {
    const a = buf[s] | 32;
    if (a === 116 && (buf[s + 1] | 32) === 114 && (buf[s + 2] | 32) === 117 && (buf[s + 3] | 32) === 101) {
      return isCaseOk(buf, s, e) ? 1 : -1;
    }
  } else if (n === 5) {
    if ((buf[s] | 32) === 102 && (buf[s + 1] | 32) === 97 && (buf[s + 2] | 32) === 108 && (buf[s + 3] | 32) === 115 && (buf[s + 4] | 32) === 101) {
      return isCaseOk(buf, s, e) ? 0 : -1;
    }
  }
  return -1;
}

/** Accepts all-lower, all-upper or capitalised spellings only (not 'tRuE'). */
function isCaseOk(buf: Uint8Array, s: number, e: number): boolean {
  let upper = 0;
  for (let i = s + 1; i < e; i++) if (buf[i] < 97) upper++;
  return upper === 0 || upper === e - s - 1;
}

function digits(buf: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = buf[i + k] - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * An ISO 8601 date or datetime as epoch milliseconds (UTC), NaN when the span is not one:
 * `YYYY-MM-DD`, then optionally `T` or a space, `HH:MM`, `:SS`, `.fraction`, and `Z` or `±HH[:MM]`.
 * A time without an offset is read as UTC (pandas' naive datetimes).
 * @example
 * parseDateBytes(new TextEncoder().encode('2019-05-07 02:00:00'), 0, 19) // Date.UTC(2019, 4, 7, 2)
 */
export function parseDateBytes(buf: Uint8Array, s: number, e: number): number {
  if (e - s < 10 || buf[s + 4] !== 45 || buf[s + 7] !== 45) return NaN;
  const y = digits(buf, s, 4);
  const mo = digits(buf, s + 5, 2);
  const d = digits(buf, s + 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return NaN;
  const leap = mo === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0;
  if (d > DAYS_IN_MONTH[mo - 1] + leap) return NaN;
  let ms = daysFromCivil(y, mo, d) * 86400000;
  let i = s + 10;
  if (i === e) return ms;
  const t = buf[i];
  if (t !== 84 && t !== 32) return NaN;
  i++;
  if (e - i < 5 || buf[i + 2] !== 58) return NaN;
  const hh = digits(buf, i, 2);
  const mi = digits(buf, i + 3, 2);
  if (hh < 0 || hh > 23 || mi < 0 || mi > 59) return NaN;
  ms += hh * 3600000 + mi * 60000;
  i += 5;
  if (i < e && buf[i] === 58) {
    const ss = digits(buf, i + 1, 2);
    if (e - i < 3 || ss < 0 || ss > 59) return NaN;
    ms += ss * 1000;
    i += 3;
    if (i < e && buf[i] === 46) {
      i++;
      let scale = 100;
      let frac = 0;
      const f0 = i;
      for (; i < e; i++) {
        const c = buf[i] - 48;
        if (c < 0 || c > 9) break;
        frac += c * scale;
        scale /= 10;
      }
      if (i === f0) return NaN;
      ms += Math.floor(frac + 1e-7);
    }
  }
  if (i === e) return ms;
  const z = buf[i];
  if (z === 90 && i + 1 === e) return ms;
  if (z !== 43 && z !== 45) return NaN;
  i++;
  const oh = digits(buf, i, 2);
  if (oh < 0 || oh > 23 || e - i < 2) return NaN;
  i += 2;
  let om = 0;
  if (i < e) {
    if (buf[i] === 58) i++;
    if (e - i !== 2) return NaN;
    om = digits(buf, i, 2);
    if (om < 0 || om > 59) return NaN;
    i += 2;
  }
  const off = (oh * 60 + om) * 60000;
  return z === 43 ? ms - off : ms + off;
}
