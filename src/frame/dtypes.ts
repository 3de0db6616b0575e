/**
 * dtypes: the names users see, and how they map to Arrow types and typed arrays.
 *
 * int64/uint64 policy: Arrow stores them in BigInt64Array/BigUint64Array and `col.values` hands those
 * out raw. Every scalar a user reads (get, at, toArray, toRecords, display) is a `number` when the value
 * is a safe integer (|v| <= 2^53 - 1), and a `bigint` only when it is not, so no value is ever silently
 * rounded. Numeric kernels read int64 buffers through `int64ToFloat64` (no BigInt per element).
 * @module
 */
import * as arrow from 'apache-arrow';

/** The dtype names of gridframe columns. `string` covers plain and dictionary-encoded UTF-8. */
export type DType =
  | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'float32' | 'float64'
  | 'bool' | 'string' | 'date' | 'datetime';

/** A single value as users see it. Dates and datetimes are JS `Date`s; missing is `null`. */
export type Scalar = number | bigint | string | boolean | Date | null;

/** Any typed array a numeric column may hold. */
export type NumericArray =
  | Int8Array | Int16Array | Int32Array | BigInt64Array
  | Uint8Array | Uint16Array | Uint32Array | BigUint64Array
  | Float32Array | Float64Array;

export const NUMERIC_DTYPES: readonly DType[] = [
  'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64',
];

/** True for integer and float dtypes (not bool). */
export function isNumericDtype(d: DType): boolean {
  return NUMERIC_DTYPES.includes(d);
}
/** True for integer dtypes. */
export function isIntegerDtype(d: DType): boolean {
  return d.startsWith('int') || d.startsWith('uint');
}
/** True for float32/float64. */
export function isFloatDtype(d: DType): boolean {
  return d === 'float32' || d === 'float64';
}
/** True for 64-bit integer dtypes, whose buffers are BigInt arrays. */
export function isBigDtype(d: DType): boolean {
  return d === 'int64' || d === 'uint64';
}

/** The Arrow type for a dtype (strings as plain Utf8; datetimes as millisecond timestamps). */
export function arrowType(d: DType): arrow.DataType {
  switch (d) {
    case 'int8': return new arrow.Int8();
    case 'int16': return new arrow.Int16();
    case 'int32': return new arrow.Int32();
    case 'int64': return new arrow.Int64();
    case 'uint8': return new arrow.Uint8();
    case 'uint16': return new arrow.Uint16();
    case 'uint32': return new arrow.Uint32();
    case 'uint64': return new arrow.Uint64();
    case 'float32': return new arrow.Float32();
    case 'float64': return new arrow.Float64();
    case 'bool': return new arrow.Bool();
    case 'string': return new arrow.Utf8();
    case 'date': return new arrow.DateDay();
    case 'datetime': return new arrow.TimestampMillisecond();
  }
}

/** The gridframe dtype of an Arrow type, or throws for types gridframe does not hold. */
export function dtypeOf(t: arrow.DataType): DType {
  if (arrow.DataType.isDictionary(t)) {
    if (arrow.DataType.isUtf8(t.dictionary) || arrow.DataType.isLargeUtf8(t.dictionary)) return 'string';
    throw new Error(`Unsupported dictionary value type ${String(t.dictionary)}`);
  }
  if (arrow.DataType.isInt(t)) {
    const s = t.isSigned ? 'int' : 'uint';
    return `${s}${t.bitWidth}` as DType;
  }
  if (arrow.DataType.isFloat(t)) {
    if (t.precision === arrow.Precision.SINGLE) return 'float32';
    if (t.precision === arrow.Precision.DOUBLE) return 'float64';
    throw new Error('float16 columns are not supported; cast to float32 first');
  }
  if (arrow.DataType.isBool(t)) return 'bool';
  if (arrow.DataType.isUtf8(t) || arrow.DataType.isLargeUtf8(t)) return 'string';
  if (arrow.DataType.isDate(t)) return t.unit === arrow.DateUnit.DAY ? 'date' : 'datetime';
  if (arrow.DataType.isTimestamp(t)) return 'datetime';
  throw new Error(`Unsupported Arrow type ${String(t)}`);
}

/** Typed-array constructor for a fixed-width numeric dtype. */
export function typedArrayCtor(d: DType):
  | Int8ArrayConstructor | Int16ArrayConstructor | Int32ArrayConstructor | BigInt64ArrayConstructor
  | Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor | BigUint64ArrayConstructor
  | Float32ArrayConstructor | Float64ArrayConstructor {
  switch (d) {
    case 'int8': return Int8Array;
    case 'int16': return Int16Array;
    case 'int32': case 'date': return Int32Array;
    case 'int64': case 'datetime': return BigInt64Array;
    case 'uint8': case 'bool': return Uint8Array;
    case 'uint16': return Uint16Array;
    case 'uint32': return Uint32Array;
    case 'uint64': return BigUint64Array;
    case 'float32': return Float32Array;
    case 'float64': return Float64Array;
    case 'string': return Int32Array;
  }
}

const TWO32 = 4294967296;

/**
 * Converts a 64-bit integer buffer to float64 without a BigInt per element (reads the two 32-bit words).
 * @example
 * int64ToFloat64(new BigInt64Array([1n, -2n])) // Float64Array [1, -2]
 */
export function int64ToFloat64(src: BigInt64Array | BigUint64Array, out?: Float64Array): Float64Array {
  const n = src.length;
  const dst = out ?? new Float64Array(n);
  const w = new Int32Array(src.buffer, src.byteOffset, n * 2);
  if (src instanceof BigInt64Array) {
    for (let i = 0, j = 0; i < n; i++, j += 2) dst[i] = w[j + 1] * TWO32 + (w[j] >>> 0);
  } else {
    for (let i = 0, j = 0; i < n; i++, j += 2) dst[i] = (w[j + 1] >>> 0) * TWO32 + (w[j] >>> 0);
  }
  return dst;
}

/**
 * Writes float64 integral values into a 64-bit integer buffer without a BigInt per element.
 * Values must already be integers within the target range.
 * @example
 * float64ToInt64(new Float64Array([3, -4])) // BigInt64Array [3n, -4n]
 */
export function float64ToInt64(src: ArrayLike<number>, out?: BigInt64Array): BigInt64Array {
  const n = src.length;
  const dst = out ?? new BigInt64Array(n);
  const w = new Int32Array(dst.buffer, dst.byteOffset, n * 2);
  for (let i = 0, j = 0; i < n; i++, j += 2) {
    const v = src[i];
    const hi = Math.floor(v / TWO32);
    w[j] = (v - hi * TWO32) | 0;
    w[j + 1] = hi | 0;
  }
  return dst;
}

/** A bigint as a user sees it: a number when safe, else the bigint itself. */
export function bigToScalar(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}
