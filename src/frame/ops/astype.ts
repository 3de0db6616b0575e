/**
 * `astype`: casting a column to another dtype. A value the target cannot hold — a float with a
 * fraction, NaN or a missing value into an integer, a value out of the target's range, an unparsable
 * string — throws a ValueError naming the value, its row and the column (pandas would wrap an
 * out-of-range integer silently; we refuse). Integer columns keep their nulls when cast to another
 * integer dtype (Arrow validity). Number <-> date/datetime use epoch milliseconds (pandas uses
 * nanoseconds); string <-> everything goes through astype-text.ts; numbers -> bool is `x != 0`
 * (NaN is true, as numpy); strings -> bool read true/false/1/0 (pandas would make every non-empty
 * string true).
 * @module
 */
import { Column } from '../column.js';
import { fromEpochMs, fromTyped } from '../column-build.js';
import { alloc } from '../alloc.js';
import { isIntegerDtype, typedArrayCtor, type DType, type NumericArray } from '../dtypes.js';
import { TypeError_, ValueError } from '../../errors.js';
import { boolColumn, newBits } from './bool-bits.js';
import { parseStrings, toStringColumn } from './astype-text.js';

const RANGE: Record<string, [number, number]> = {
  int8: [-128, 127], int16: [-32768, 32767], int32: [-2147483648, 2147483647], int64: [-(2 ** 63), 2 ** 63],
  uint8: [0, 255], uint16: [0, 65535], uint32: [0, 4294967295], uint64: [0, 2 ** 64],
};

const KNOWN: readonly DType[] = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64', 'bool', 'string', 'date', 'datetime'];

/**
 * The column cast to `dtype` (the same column when it already has it).
 * @example
 * astypeColumn(fromValues([1.0, 2.0]), 'int32', 'a') // int32 [1, 2]
 * astypeColumn(fromValues([1.5]), 'int64', 'a')      // ValueError: ... 1.5 at row 0 has a fraction
 */
export function astypeColumn(col: Column, dtype: DType, name: string): Column {
  if (!KNOWN.includes(dtype)) throw new ValueError(`Unknown dtype '${String(dtype)}'; use one of ${KNOWN.join(', ')}`);
  const src = col.dtype;
  if (src === dtype) return col;
  if (dtype === 'string') return toStringColumn(col);
  if (src === 'string') return parseStrings(col, dtype, name);
  const time = (d: DType): boolean => d === 'date' || d === 'datetime';
  if (dtype === 'date' || dtype === 'datetime') {
    if (src === 'bool') throw new TypeError_(`Cannot convert bool column '${name}' to ${dtype}`);
    return fromEpochMs(col.toFloat64(), dtype);
  }
  if (dtype === 'bool') {
    if (time(src)) throw new TypeError_(`Cannot convert ${src} column '${name}' to bool`);
    const x = col.toFloat64();
    const n = x.length;
    const bits = newBits(n);
    for (let i = 0; i < n; i++) if (x[i] !== 0) bits[i >> 3] |= 1 << (i & 7);
    return boolColumn(bits, n, col.validity);
  }
  if (isIntegerDtype(dtype)) return toInteger(col, dtype, name);
  // To float32 / float64.
  const x = col.toFloat64();
  // toFloat64() is a fresh (cached, read-only) buffer here, never the source's own values: share it.
  if (dtype === 'float64') return fromTyped(x, col.validity, 'float64');
  const out = alloc(Float32Array, x.length);
  out.set(x);
  return fromTyped(out, col.validity, 'float32');
}

function toInteger(col: Column, dtype: DType, name: string): Column {
  const src = col.dtype;
  const n = col.length;
  const v = col.values;
  const keepNulls = isIntegerDtype(src);
  const validity = col.validity;
  // int64 <-> uint64 and int64 -> int64-like: move the 64-bit words, checking only the sign.
  if ((v instanceof BigInt64Array || v instanceof BigUint64Array) && (dtype === 'int64' || dtype === 'uint64')) {
    const out: BigInt64Array | BigUint64Array = dtype === 'int64' ? alloc(BigInt64Array, n) : alloc(BigUint64Array, n);
    const words = new Int32Array(v.buffer, v.byteOffset, n * 2);
    for (let i = 0; i < n; i++) {
      if (words[2 * i + 1] < 0 && col.isValid(i)) throw outOfRange(col, i, dtype, name);
    }
    new Int32Array(out.buffer, out.byteOffset, n * 2).set(words);
    return fromTyped(out, validity, dtype);
  }
  const x = col.toFloat64();
  const [lo, hi] = RANGE[dtype];
  for (let i = 0; i < n; i++) {
    const f = x[i];
    if (f !== f) {
      if (keepNulls && validity !== null && !col.isValid(i)) continue;
      const what = col.isValid(i) ? 'NaN' : 'a missing value';
      throw new ValueError(`Cannot convert column '${name}' to ${dtype}: ${what} at row ${i} cannot be held by an integer dtype (fillna or dropna first)`);
    }
    if (!Number.isInteger(f)) {
      if (!Number.isFinite(f)) throw new ValueError(`Cannot convert column '${name}' to ${dtype}: ${f} at row ${i} is not finite`);
      throw new ValueError(`Cannot convert column '${name}' to ${dtype}: ${f} at row ${i} has a fraction`);
    }
    if (f < lo || f >= (dtype.endsWith('64') ? hi : hi + 1)) throw outOfRange(col, i, dtype, name);
  }
  if (dtype === 'int64' || dtype === 'uint64') {
    const out: BigInt64Array | BigUint64Array = dtype === 'int64' ? alloc(BigInt64Array, n) : alloc(BigUint64Array, n);
    const w = new Int32Array(out.buffer, out.byteOffset, n * 2);
    const T = 4294967296;
    for (let i = 0; i < n; i++) {
      const f = x[i] !== x[i] ? 0 : x[i];
      const h = Math.floor(f / T);
      w[2 * i] = (f - h * T) | 0;
      w[2 * i + 1] = h | 0;
    }
    return fromTyped(out, keepNulls ? validity : null, dtype);
  }
  const ctor = typedArrayCtor(dtype) as unknown as { new (b: ArrayBufferLike, o?: number, n?: number): NumericArray; BYTES_PER_ELEMENT: number };
  const out = alloc(ctor, n) as Float64Array;
  for (let i = 0; i < n; i++) out[i] = x[i] !== x[i] ? 0 : x[i];
  return fromTyped(out, keepNulls ? validity : null, dtype);
}

function outOfRange(col: Column, i: number, dtype: DType, name: string): ValueError {
  return new ValueError(`Cannot convert column '${name}' to ${dtype}: ${String(col.get(i))} at row ${i} is out of range for ${dtype}`);
}
