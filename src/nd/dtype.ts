/**
 * NDArray dtypes: the names (a subset of the frame dtypes) and the typed array behind each.
 * `datetime` is a Float64Array of milliseconds since 1970-01-01 in the array's calendar (see io/cf/calendar).
 * `string` arrays hold a plain `string[]` (coordinate labels); arithmetic refuses them.
 * @module
 */
import { TypeError_, ValueError } from '../errors.js';

/** The dtype names of an NDArray. */
export type NDType =
  | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'float32' | 'float64' | 'bool' | 'datetime' | 'string';

/** Any typed array an NDArray may hold. */
export type TypedArray =
  | Int8Array | Int16Array | Int32Array | BigInt64Array
  | Uint8Array | Uint16Array | Uint32Array | BigUint64Array
  | Float32Array | Float64Array;

/** The buffer of an NDArray: a typed array, or `string[]` for dtype 'string'. */
export type NDData = TypedArray | string[];

type Ctor = { new (n: number): TypedArray; BYTES_PER_ELEMENT: number };

const CTORS: Record<Exclude<NDType, 'string'>, Ctor> = {
  int8: Int8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array,
  uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array,
  float32: Float32Array, float64: Float64Array, bool: Uint8Array, datetime: Float64Array,
};

/**
 * The typed-array constructor of a numeric dtype.
 * @example
 * new (ctorOf('float32'))(4) // Float32Array(4)
 */
export function ctorOf(dtype: NDType): Ctor {
  if (dtype === 'string') throw new TypeError_('string arrays have no typed-array buffer');
  const c = CTORS[dtype];
  if (!c) throw new ValueError(`Unknown dtype '${String(dtype)}'; expected one of ${Object.keys(CTORS).join(', ')}, string`);
  return c;
}

/**
 * The dtype a typed array holds by default (Uint8Array -> uint8; use 'bool' explicitly for masks).
 * @example
 * dtypeOfArray(new Float32Array(2)) // 'float32'
 */
export function dtypeOfArray(a: NDData): NDType {
  if (Array.isArray(a)) return 'string';
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Int32Array) return 'int32';
  if (a instanceof Int16Array) return 'int16';
  if (a instanceof Int8Array) return 'int8';
  if (a instanceof Uint32Array) return 'uint32';
  if (a instanceof Uint16Array) return 'uint16';
  if (a instanceof Uint8Array) return 'uint8';
  if (a instanceof BigInt64Array) return 'int64';
  if (a instanceof BigUint64Array) return 'uint64';
  throw new TypeError_('Unsupported array type for an NDArray');
}

/** True for dtypes whose buffer holds BigInts. */
export function isBig(d: NDType): boolean {
  return d === 'int64' || d === 'uint64';
}

/** True for dtypes arithmetic accepts (everything but strings). */
export function isNumeric(d: NDType): boolean {
  return d !== 'string';
}

/**
 * The dtype of an arithmetic result (numpy-like, simplified: float32 op float32 stays float32,
 * everything else widens to float64).
 * @example
 * resultType('float32', 'float32') // 'float32'
 */
export function resultType(a: NDType, b: NDType): NDType {
  if (a === 'float32' && (b === 'float32' || b === 'int8' || b === 'uint8' || b === 'int16' || b === 'uint16' || b === 'bool')) return 'float32';
  if (b === 'float32' && (a === 'int8' || a === 'uint8' || a === 'int16' || a === 'uint16' || a === 'bool')) return 'float32';
  return 'float64';
}
