/**
 * Type inference and dtype conversion for CSV columns. Without a requested dtype a column becomes,
 * as pandas infers: int64 (all integers, no missing), float64 (numbers, or integers with missing values),
 * bool (True/False spellings), datetime (only for `parseDates` columns) or string (dictionary-encoded
 * when low-cardinality). A requested dtype that a value does not fit is a ParseError naming the column,
 * the line and the value.
 * @module
 */
import { ParseError, ValueError } from '../errors.js';
import { alloc } from '../frame/alloc.js';
import type { Column } from '../frame/column.js';
import { fromTyped } from '../frame/column-build.js';
import { float64ToInt64, typedArrayCtor, type DType, type NumericArray } from '../frame/dtypes.js';
import { buildDictionary, buildUtf8, parseBool, parseDates, parseNumeric, type ColumnSource, type NumericResult } from './csv-columns.js';
import { isNanText, parseBoolBytes, parseDateBytes, parseFloatBytes, spanText } from './csv-parse-values.js';

/** How one column should be built. */
export interface ColumnPlan {
  name: string;
  /** A dtype to force, or null to infer. */
  dtype: DType | null;
  /** Parse as ISO 8601 datetime (a `parseDates` column). */
  date: boolean;
  /** Infer datetimes too (`parseDates: true`). */
  inferDates: boolean;
  /** Why `dtype` is forced (added to error messages), e.g. the chunk reader's fixed schema. */
  reason?: string;
}

const INT_RANGES: Partial<Record<DType, [number, number]>> = {
  int8: [-128, 127], int16: [-32768, 32767], int32: [-2147483648, 2147483647],
  uint8: [0, 255], uint16: [0, 65535], uint32: [0, 4294967295], uint64: [0, 2 ** 64 - 1], int64: [-(2 ** 63), 2 ** 63 - 1],
};

function fail(src: ColumnSource, plan: ColumnPlan, row: number, what: string): ParseError {
  const k = row * src.table.ncols + src.j;
  const e = src.table.ends[k];
  const raw = spanText(src.buf, src.table.starts[k], e < 0 ? ~e : e);
  const value = e < 0 ? raw.replaceAll('""', '"') : raw;
  const why = plan.reason ? ` (${plan.reason})` : '';
  return new ParseError(`Column '${plan.name}', line ${src.table.lines[row]}: cannot parse ${JSON.stringify(value)} as ${what}${why}`);
}

/** int64 from parsed numbers, keeping integers beyond 2^53 exact. */
function toInt64(r: NumericResult): Column {
  const n = r.values.length;
  const out = float64ToInt64(r.values, alloc(BigInt64Array, n));
  if (r.big) for (const [i, b] of r.big) out[i] = b;
  return fromTyped(out, r.validity, 'int64');
}

function numericColumn(src: ColumnSource, plan: ColumnPlan, dtype: DType): Column {
  const isInt = dtype.startsWith('int') || dtype.startsWith('uint');
  const res = parseNumeric(src, isInt);
  if (!res.ok) return throwFail(src, plan, res.row, dtype);
  const r = res.value;
  if (dtype === 'float64') return fromTyped(r.values, r.validity, 'float64');
  if (dtype === 'float32') return fromTyped(Float32Array.from(r.values), r.validity, 'float32');
  if (dtype === 'int64') return toInt64(r);
  const [lo, hi] = INT_RANGES[dtype] ?? [0, 0];
  const v = r.values;
  const valid = r.validity;
  for (let i = 0; i < v.length; i++) {
    if ((v[i] < lo || v[i] > hi) && !(valid && !((valid[i >> 3] >> (i & 7)) & 1))) {
      throw fail(src, plan, i, `${dtype} (out of range)`);
    }
  }
  if (dtype === 'uint64') {
    const out = alloc(BigUint64Array, v.length);
    for (let i = 0; i < v.length; i++) out[i] = r.big?.has(i) ? BigInt.asUintN(64, r.big.get(i) ?? 0n) : v[i] === v[i] ? BigInt(v[i]) : 0n;
    return fromTyped(out, valid, 'uint64');
  }
  const ctor = typedArrayCtor(dtype) as { new (n: number): NumericArray; from(a: ArrayLike<number>): NumericArray };
  const out = ctor.from(v.map((x) => (x === x ? x : 0)));
  return fromTyped(out, valid, dtype);
}

function throwFail(src: ColumnSource, plan: ColumnPlan, row: number, what: string): never {
  throw fail(src, plan, row, what);
}

function stringColumn(src: ColumnSource): Column {
  return buildDictionary(src) ?? buildUtf8(src);
}

/** A column of a requested dtype. */
function forced(src: ColumnSource, plan: ColumnPlan, dtype: DType): Column {
  switch (dtype) {
    case 'string': return stringColumn(src);
    case 'bool': {
      const b = parseBool(src);
      return b.ok ? b.value : throwFail(src, plan, b.row, 'bool');
    }
    case 'date': case 'datetime': {
      const d = parseDates(src, dtype);
      return d.ok ? d.value : throwFail(src, plan, d.row, `an ISO 8601 ${dtype}`);
    }
    default:
      if (!typedArrayCtor(dtype)) throw new ValueError(`Unknown dtype '${String(dtype)}' for column '${plan.name}'`);
      return numericColumn(src, plan, dtype);
  }
}

/** What the first non-missing value looks like. */
function firstKind(src: ColumnSource, inferDates: boolean): 'none' | 'number' | 'bool' | 'date' | 'string' {
  const { buf, table, j, na } = src;
  for (let r = 0, k = j; r < table.nrows; r++, k += table.ncols) {
    let s = table.starts[k];
    let e = table.ends[k];
    if (e < 0) return 'string';
    if (na.isNa(buf, s, e)) continue;
    const s0 = s;
    const e0 = e;
    while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
    while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9)) e--;
    const v = parseFloatBytes(buf, s, e);
    if (v === v || isNanText(buf, s, e)) return 'number';
    s = s0;
    e = e0;
    if (parseBoolBytes(buf, s, e) >= 0) return 'bool';
    if (inferDates && parseDateBytes(buf, s, e) === parseDateBytes(buf, s, e)) return 'date';
    return 'string';
  }
  return 'none';
}

/**
 * Builds one column from its field spans, inferring the dtype unless the plan forces one.
 * @example
 * buildColumn({ buf, table, j: 0, na }, { name: 'a', dtype: null, date: false, inferDates: false })
 */
export function buildColumn(src: ColumnSource, plan: ColumnPlan): Column {
  if (plan.dtype) return forced(src, plan, plan.dtype);
  if (plan.date) return forced(src, plan, 'datetime');
  switch (firstKind(src, plan.inferDates)) {
    case 'none': {
      // All missing: pandas gives float64 NaN.
      const values = alloc(Float64Array, src.table.nrows).fill(NaN);
      const validity = alloc(Uint8Array, ((src.table.nrows + 63) >> 6) << 3);
      return fromTyped(values, src.table.nrows ? validity : null, 'float64');
    }
    case 'number': {
      const res = parseNumeric(src, false);
      if (!res.ok) return stringColumn(src);
      const r = res.value;
      return r.allInt && r.validity === null ? toInt64(r) : fromTyped(r.values, r.validity, 'float64');
    }
    case 'bool': {
      const b = parseBool(src);
      return b.ok ? b.value : stringColumn(src);
    }
    case 'date': {
      const d = parseDates(src, 'datetime');
      return d.ok ? d.value : stringColumn(src);
    }
    default:
      return stringColumn(src);
  }
}
