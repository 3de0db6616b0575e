/**
 * Building columns: from typed arrays (zero-copy), from JS values (with dtype inference), from
 * strings (plain or dictionary), from Arrow vectors of any chunking.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from './alloc.js';
import { bitmapBytes, packBits, popcount, setBit } from './bitmap.js';
import { Column } from './column.js';
import { ValueError } from '../errors.js';
import { arrowType, float64ToInt64, isBigDtype, type DType, type NumericArray } from './dtypes.js';

const encoder = new TextEncoder();

function nullsOf(validity: Uint8Array | null | undefined, n: number): { nullBitmap?: Uint8Array; nullCount: number } {
  if (!validity) return { nullCount: 0 };
  const nullCount = n - popcount(validity, n);
  return nullCount === 0 ? { nullCount: 0 } : { nullBitmap: validity, nullCount };
}

/**
 * A numeric (or date/datetime) column over a typed array, without copying it.
 * @example
 * fromTyped(new Float64Array([1.5, 2]), null) // float64 column
 */
export function fromTyped(values: NumericArray, validity: Uint8Array | null = null, dtype?: DType): Column {
  const d = dtype ?? typedDtype(values);
  const type = arrowType(d);
  const n = values.length;
  return new Column(arrow.makeData({ type: type as arrow.Float64, length: n, ...nullsOf(validity, n), data: values as Float64Array }));
}

function typedDtype(v: NumericArray): DType {
  if (v instanceof Float64Array) return 'float64';
  if (v instanceof Float32Array) return 'float32';
  if (v instanceof Int32Array) return 'int32';
  if (v instanceof Int16Array) return 'int16';
  if (v instanceof Int8Array) return 'int8';
  if (v instanceof BigInt64Array) return 'int64';
  if (v instanceof Uint8Array) return 'uint8';
  if (v instanceof Uint16Array) return 'uint16';
  if (v instanceof Uint32Array) return 'uint32';
  return 'uint64';
}

/**
 * A float64 column; NaN stays NaN (pandas treats it as missing in aggregations), nulls come from `validity`.
 * @example
 * fromFloat64(new Float64Array([1, NaN]))
 */
export function fromFloat64(values: Float64Array, validity: Uint8Array | null = null): Column {
  return fromTyped(values, validity, 'float64');
}

/**
 * A bool column from one byte per row (non-zero = true).
 * @example
 * fromBoolBytes(new Uint8Array([1, 0, 1]))
 */
export function fromBoolBytes(bytes: Uint8Array, validity: Uint8Array | null = null): Column {
  const n = bytes.length;
  return new Column(arrow.makeData({ type: new arrow.Bool(), length: n, ...nullsOf(validity, n), data: packBits(bytes, n) }));
}

/**
 * A datetime column (millisecond timestamps) from epoch milliseconds; NaN becomes null.
 * @example
 * fromEpochMs(new Float64Array([Date.UTC(2020, 0, 1)]))
 */
export function fromEpochMs(ms: Float64Array, dtype: 'datetime' | 'date' = 'datetime'): Column {
  const n = ms.length;
  let validity: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(ms[i])) {
      if (!validity) {
        validity = alloc(Uint8Array, bitmapBytes(n)).fill(0xff);
      }
      validity[i >> 3] &= ~(1 << (i & 7));
    }
  }
  if (dtype === 'date') {
    const days = alloc(Int32Array, n);
    for (let i = 0; i < n; i++) days[i] = Number.isNaN(ms[i]) ? 0 : Math.floor(ms[i] / 86400000);
    return fromTyped(days, validity, 'date');
  }
  const clean = alloc(Float64Array, n);
  for (let i = 0; i < n; i++) clean[i] = Number.isNaN(ms[i]) ? 0 : Math.round(ms[i]);
  return fromTyped(float64ToInt64(clean, alloc(BigInt64Array, n)), validity, 'datetime');
}

/**
 * A string column. With `dictionary: true` (or 'auto' and few distinct values) it is dictionary-encoded.
 * @example
 * fromStrings(['a', null, 'b'])
 */
export function fromStrings(strs: readonly (string | null | undefined)[], opts: { dictionary?: boolean | 'auto' } = {}): Column {
  const n = strs.length;
  const mode = opts.dictionary ?? false;
  if (mode !== false) {
    const map = new Map<string, number>();
    const dict: string[] = [];
    const codes = alloc(Int32Array, n);
    for (let i = 0; i < n; i++) {
      const s = strs[i];
      if (s === null || s === undefined) {
        codes[i] = -1;
        continue;
      }
      let c = map.get(s);
      if (c === undefined) {
        c = dict.length;
        map.set(s, c);
        dict.push(s);
        if (mode === 'auto' && dict.length > Math.max(64, n / 2)) return fromStrings(strs, { dictionary: false });
      }
      codes[i] = c;
    }
    return fromCodes(codes, dict);
  }
  // One pass: ASCII characters are written directly, other strings through encodeInto; the buffer
  // grows geometrically. No Uint8Array per string.
  const offsets = new Int32Array(n + 1);
  let validity: Uint8Array | null = null;
  let cap = 16;
  for (let i = 0; i < n; i++) {
    const x = strs[i];
    if (typeof x === 'string') cap += x.length;
  }
  let bytes = new Uint8Array(cap);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const x = strs[i];
    if (x === null || x === undefined) {
      if (!validity) validity = alloc(Uint8Array, bitmapBytes(n)).fill(0xff);
      validity[i >> 3] &= ~(1 << (i & 7));
      offsets[i + 1] = pos;
      continue;
    }
    const len = x.length;
    if (pos + len * 3 > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, pos + len * 3));
      grown.set(bytes.subarray(0, pos));
      bytes = grown;
    }
    let k = 0;
    for (; k < len; k++) {
      const c = x.charCodeAt(k);
      if (c > 127) break;
      bytes[pos + k] = c;
    }
    if (k < len) pos += encoder.encodeInto(x, bytes.subarray(pos)).written;
    else pos += len;
    offsets[i + 1] = pos;
  }
  const data = alloc(Uint8Array, pos);
  data.set(bytes.subarray(0, pos));
  return new Column(arrow.makeData({ type: new arrow.Utf8(), length: n, ...nullsOf(validity, n), valueOffsets: offsets, data }));
}

/**
 * A dictionary-encoded string column from codes (-1 = null) into `dictionary`.
 * @example
 * fromCodes(new Int32Array([0, 1, -1, 0]), ['x', 'y'])
 */
export function fromCodes(codes: Int32Array, dictionary: readonly string[]): Column {
  const n = codes.length;
  let validity: Uint8Array | null = null;
  let data = codes;
  for (let i = 0; i < n; i++) {
    if (codes[i] < 0) {
      if (!validity) {
        validity = alloc(Uint8Array, bitmapBytes(n)).fill(0xff);
        data = Int32Array.from(codes);
      }
      validity[i >> 3] &= ~(1 << (i & 7));
      data[i] = 0;
    }
  }
  const dictVec = arrow.vectorFromArray(dictionary as string[], new arrow.Utf8());
  const type = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
  return new Column(arrow.makeData({ type, length: n, ...nullsOf(validity, n), data, dictionary: dictVec }));
}

/** What kind of JS values an array holds, for inference. */
function inferDtype(values: readonly unknown[], name: string): DType {
  type Kind = 'none' | 'number' | 'bigint' | 'bool' | 'string' | 'date';
  let kind = 'none' as Kind;
  let allInt = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    let k: Kind;
    switch (typeof v) {
      case 'number':
        k = 'number';
        if (allInt && !Number.isInteger(v)) allInt = false;
        break;
      case 'bigint': k = 'bigint'; break;
      case 'boolean': k = 'bool'; break;
      case 'string': k = 'string'; break;
      default:
        if (v instanceof Date) { k = 'date'; break; }
        throw new ValueError(`Column '${name}': unsupported value ${String(v)} (${typeof v}) at row ${i}`);
    }
    if (kind === 'none') kind = k;
    else if (kind !== k && !(kind === 'number' && k === 'bigint') && !(kind === 'bigint' && k === 'number')) {
      throw new ValueError(`Column '${name}' mixes ${kind} and ${k} values (row ${i}: ${JSON.stringify(String(v))}); convert them to one type first`);
    } else if (k === 'bigint') kind = 'bigint';
  }
  switch (kind) {
    case 'none': return 'float64';
    case 'number': return allInt ? 'int64' : 'float64';
    case 'bigint': return 'int64';
    case 'bool': return 'bool';
    case 'string': return 'string';
    default: return 'datetime';
  }
}

/**
 * A column from JS values. Numbers that are all integers infer int64 (as pandas), others float64;
 * null/undefined are nulls (NaN stays a float NaN). Pass `dtype` to force one.
 * @example
 * fromValues([1, 2, null]) // int64 with one null
 */
export function fromValues(values: readonly unknown[], dtype?: DType, name = ''): Column {
  const d = dtype ?? inferDtype(values, name);
  const n = values.length;
  if (d === 'string') {
    return fromStrings(values.map((v) => (v === null || v === undefined ? null : typeof v === 'string' ? v : String(v))));
  }
  if (d === 'datetime' || d === 'date') {
    const ms = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === null || v === undefined) ms[i] = NaN;
      else if (v instanceof Date) ms[i] = v.getTime();
      else if (typeof v === 'number') ms[i] = v;
      else if (typeof v === 'string') {
        ms[i] = Date.parse(v);
        if (Number.isNaN(ms[i])) throw new ValueError(`Column '${name}': cannot parse '${v}' at row ${i} as a date`);
      } else throw new ValueError(`Column '${name}': cannot convert ${String(v)} at row ${i} to ${d}`);
    }
    return fromEpochMs(ms, d);
  }
  const validity = alloc(Uint8Array, bitmapBytes(n));
  if (d === 'bool') {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      if (typeof v !== 'boolean') throw new ValueError(`Column '${name}': ${JSON.stringify(v)} at row ${i} is not a bool`);
      bytes[i] = v ? 1 : 0;
      setBit(validity, i);
    }
    return fromBoolBytes(bytes, validity);
  }
  const big = isBigDtype(d);
  const ctor = arrowType(d).ArrayType as { new (n: number): NumericArray };
  const out = new ctor(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    setBit(validity, i);
    if (big) {
      if (typeof v === 'bigint') (out as BigInt64Array)[i] = v;
      else if (typeof v === 'number' && Number.isInteger(v)) (out as BigInt64Array)[i] = BigInt(v);
      else throw new ValueError(`Column '${name}': ${String(v)} at row ${i} cannot be held by ${d}`);
    } else {
      const x = typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? Number(v) : v;
      if (typeof x !== 'number') throw new ValueError(`Column '${name}': ${JSON.stringify(v)} at row ${i} is not a number`);
      (out as Float64Array)[i] = x;
    }
  }
  return fromTyped(out, validity, d);
}

export { fromVector, concatColumns } from './column-concat.js';
