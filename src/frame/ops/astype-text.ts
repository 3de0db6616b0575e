/**
 * The string side of `astype`: values to text (as pandas/Python print them: '1.0', '1e+16', 'True',
 * '2020-01-01 10:00:00') and text to values (numbers as Python's float()/int() read them, bools from
 * true/false/1/0, dates as ISO-8601 in UTC). A dictionary column parses each distinct string once.
 * @module
 */
import { Column } from '../column.js';
import { fromEpochMs, fromStrings, fromTyped } from '../column-build.js';
import { alloc } from '../alloc.js';
import { typedArrayCtor, type DType, type NumericArray } from '../dtypes.js';
import { ValueError } from '../../errors.js';
import { boolColumn, newBits } from './bool-bits.js';
import { formatUtc, parseIsoUtc } from './civil.js';

/**
 * A float as Python's `str()` writes it: '1.0', '0.1', '1e-05', '1e+16', 'nan', 'inf'.
 * @example
 * pyFloatStr(1e16) // '1e+16'
 */
export function pyFloatStr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mant, expS] = Math.abs(x).toExponential().split('e');
  const e = Number(expS);
  const digits = mant.replace('.', '');
  if (e >= -4 && e < 16) {
    if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
    const int = digits.slice(0, e + 1).padEnd(e + 1, '0');
    return `${sign}${int}.${digits.slice(e + 1) || '0'}`;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/**
 * Every row of a column as text (null stays null).
 * @example
 * columnToStrings(fromValues([1.5, 2])) // ['1.5', '2.0']
 */
export function columnToStrings(c: Column): (string | null)[] {
  const n = c.length;
  const out = new Array<string | null>(n);
  const d = c.dtype;
  if (d === 'string') return c.strings();
  if (d === 'bool') {
    const b = c.boolBytes();
    for (let i = 0; i < n; i++) out[i] = c.isValid(i) ? (b[i] ? 'True' : 'False') : null;
    return out;
  }
  const x = c.toFloat64();
  if (d === 'date' || d === 'datetime') {
    let precision: 'day' | 'seconds' | 'millis' = 'day';
    if (d === 'datetime') {
      for (let i = 0; i < n; i++) {
        const ms = x[i];
        if (ms !== ms) continue;
        if (ms % 1000 !== 0) { precision = 'millis'; break; }
        if (ms % 86400000 !== 0) precision = 'seconds';
      }
    }
    for (let i = 0; i < n; i++) out[i] = x[i] !== x[i] ? null : formatUtc(x[i], precision);
    return out;
  }
  const float = d === 'float32' || d === 'float64';
  for (let i = 0; i < n; i++) {
    if (!c.isValid(i)) out[i] = null;
    else if (float) out[i] = pyFloatStr(x[i]);
    else out[i] = Math.abs(x[i]) <= Number.MAX_SAFE_INTEGER ? String(x[i]) : String(c.get(i));
  }
  return out;
}

const FLOAT_RE = /^[+-]?(?:(?:\d[\d_]*)?\.?\d*(?:[eE][+-]?\d+)?|nan|inf|infinity)$/i;
const INT_RE = /^[+-]?\d+$/;

const INT_RANGE: Partial<Record<DType, [number, number]>> = {
  int8: [-128, 127], int16: [-32768, 32767], int32: [-2147483648, 2147483647],
  uint8: [0, 255], uint16: [0, 65535], uint32: [0, 4294967295],
};

/** Parsed value of one distinct string: a number, a bigint (huge int64), a bool, or an error reason. */
type Parsed = number | bigint | boolean | { error: string };

function parseOne(s: string, dtype: DType): Parsed {
  const t = s.trim();
  if (dtype === 'float32' || dtype === 'float64') {
    if (t === '' || !FLOAT_RE.test(t) || t === '.' || /^[+-]?\.?$/.test(t)) return { error: 'is not a number' };
    const low = t.toLowerCase().replace(/^[+-]/, '');
    if (low === 'nan') return NaN;
    if (low === 'inf' || low === 'infinity') return t.startsWith('-') ? -Infinity : Infinity;
    return Number(t.replace(/_/g, ''));
  }
  if (dtype === 'bool') {
    const low = t.toLowerCase();
    if (low === 'true' || low === '1') return true;
    if (low === 'false' || low === '0') return false;
    return { error: 'is not a bool (true/false/1/0)' };
  }
  if (dtype === 'date' || dtype === 'datetime') {
    const ms = parseIsoUtc(t);
    return Number.isNaN(ms) ? { error: 'is not an ISO-8601 date' } : ms;
  }
  if (!INT_RE.test(t)) return { error: FLOAT_RE.test(t) && t !== '' ? 'is not an integer' : 'is not a number' };
  const v = Number(t);
  if (Number.isSafeInteger(v)) {
    const r = INT_RANGE[dtype];
    if (r && (v < r[0] || v > r[1])) return { error: `is out of range for ${dtype}` };
    if (dtype === 'uint64' && v < 0) return { error: 'is out of range for uint64' };
    return v;
  }
  const big = BigInt(t);
  if (dtype === 'int64' && big >= -(2n ** 63n) && big < 2n ** 63n) return big;
  if (dtype === 'uint64' && big >= 0n && big < 2n ** 64n) return big;
  return { error: `is out of range for ${dtype}` };
}

function fail(name: string, dtype: DType, value: string, row: number, reason: string): ValueError {
  return new ValueError(`Cannot convert column '${name}' to ${dtype}: ${JSON.stringify(value)} at row ${row} ${reason}`);
}

/**
 * A string column parsed into another dtype; an unparsable value throws a ValueError naming the
 * value, its row and the column. Nulls stay null, except into an integer dtype (an error, as pandas).
 * @example
 * parseStrings(fromValues(['1', ' 2 ']), 'int64', 'a') // int64 [1, 2]
 */
export function parseStrings(c: Column, dtype: DType, name: string): Column {
  const n = c.length;
  const { codes, dictionary } = c.dictionaryCodes();
  const parsed = dictionary.map((s) => parseOne(s, dtype));
  for (let i = 0; i < n; i++) {
    const k = codes[i];
    if (k < 0) {
      if (dtype.includes('int')) throw new ValueError(`Cannot convert column '${name}' to ${dtype}: a missing value at row ${i} cannot be held by an integer dtype (use float64, or fillna first)`);
      continue;
    }
    const p = parsed[k];
    if (typeof p === 'object') throw fail(name, dtype, dictionary[k], i, p.error);
  }
  const validity = c.validity;
  if (dtype === 'bool') {
    const bits = newBits(n);
    for (let i = 0; i < n; i++) if (codes[i] >= 0 && parsed[codes[i]] === true) bits[i >> 3] |= 1 << (i & 7);
    return boolColumn(bits, n, validity);
  }
  if (dtype === 'date' || dtype === 'datetime') {
    const ms = alloc(Float64Array, n);
    for (let i = 0; i < n; i++) ms[i] = codes[i] < 0 ? NaN : (parsed[codes[i]] as number);
    return fromEpochMs(ms, dtype);
  }
  if (dtype === 'int64' || dtype === 'uint64') {
    const out: BigInt64Array | BigUint64Array = dtype === 'int64' ? alloc(BigInt64Array, n) : alloc(BigUint64Array, n);
    const bigs = parsed.map((p) => BigInt(p as number | bigint));
    for (let i = 0; i < n; i++) out[i] = bigs[codes[i]];
    return fromTyped(out, null, dtype);
  }
  const ctor = typedArrayCtor(dtype) as unknown as { new (b: ArrayBufferLike, o?: number, n?: number): NumericArray; BYTES_PER_ELEMENT: number };
  const out = alloc(ctor, n) as Float64Array;
  const nums = Float64Array.from(parsed, (p) => Number(p as number));
  for (let i = 0; i < n; i++) out[i] = codes[i] < 0 ? NaN : nums[codes[i]];
  return fromTyped(out, validity, dtype);
}

/**
 * A column of any dtype as a string column (dictionary-encoded when the source was).
 * @example
 * toStringColumn(fromValues([true, false])) // ['True', 'False']
 */
export function toStringColumn(c: Column): Column {
  return fromStrings(columnToStrings(c), { dictionary: 'auto' });
}
