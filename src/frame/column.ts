/**
 * Column: one immutable, contiguous Arrow `Data` chunk with offset 0, plus cached typed views for
 * compute. Kernels read `values` and `validity` directly; `get(i)` is for display and scalar access.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from './alloc.js';
import { bitmapBytes, getBit, popcount, shiftBits, unpackBits } from './bitmap.js';
import { bigToScalar, dtypeOf, int64ToFloat64, type DType, type NumericArray, type Scalar } from './dtypes.js';


/** Milliseconds per unit of an Arrow timestamp/date type. */
function msPerUnit(t: arrow.DataType): number {
  if (arrow.DataType.isTimestamp(t)) {
    return [1000, 1, 1e-3, 1e-6][t.unit];
  }
  if (arrow.DataType.isDate(t)) return t.unit === arrow.DateUnit.DAY ? 86400000 : 1;
  return 1;
}

/** An immutable column of one dtype over one Arrow Data chunk. */
export class Column {
  /** The Arrow data (offset 0). Shared with Arrow tables without copying. */
  readonly data: arrow.Data;
  /** The gridframe dtype. */
  readonly dtype: DType;
  #float?: Float64Array;
  #strings?: (string | null)[];
  #codes?: { codes: Int32Array; dictionary: string[] };
  #bools?: Uint8Array;

  /**
   * Wraps an Arrow Data chunk (a sliced chunk is normalised to offset 0).
   * @example
   * const c = new Column(arrow.makeData({ type: new arrow.Float64(), data: new Float64Array([1, 2]) }));
   */
  constructor(data: arrow.Data) {
    this.dtype = dtypeOf(data.type);
    this.data = data.offset === 0 && !overlong(data) ? data : normalizeOffset(data);
  }

  /** Number of rows. */
  get length(): number {
    return this.data.length;
  }
  /** Number of nulls (NaN in a float column is not null). */
  get nullCount(): number {
    return this.data.nullCount;
  }
  /** The validity bitmap, or null when there are no nulls. */
  get validity(): Uint8Array | null {
    const bm = this.data.nullBitmap;
    return bm && bm.length > 0 && this.data.nullCount > 0 ? bm : null;
  }
  /**
   * The raw value buffer: the numbers for numeric/date/datetime columns, Int32 codes for dictionary
   * strings, bit-packed bytes for bool, UTF-8 bytes for plain strings.
   */
  get values(): NumericArray {
    return this.data.values as NumericArray;
  }
  /** True when the column is dictionary-encoded strings. */
  get isDictionary(): boolean {
    return arrow.DataType.isDictionary(this.data.type);
  }
  /** True when row i is not null. */
  isValid(i: number): boolean {
    const v = this.validity;
    return v === null || getBit(v, i);
  }

  /** The value at row i as a user sees it (int64 policy in dtypes.ts). */
  get(i: number): Scalar {
    if (i < 0 || i >= this.length) throw new RangeError(`Row ${i} is out of bounds for length ${this.length}`);
    if (!this.isValid(i)) return null;
    switch (this.dtype) {
      case 'bool':
        return getBit(this.data.values as Uint8Array, i);
      case 'string':
        return this.strings()[i];
      case 'date':
      case 'datetime':
        return new Date(this.toFloat64()[i]);
      case 'int64':
      case 'uint64':
        return bigToScalar((this.values as BigInt64Array)[i]);
      default:
        return (this.values as Float64Array)[i];
    }
  }

  /** All values as a plain array (slow path: display, records, tests). */
  toArray(): Scalar[] {
    const out = new Array<Scalar>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.get(i);
    return out;
  }

  /**
   * Numeric view as float64: numbers as they are, bool as 0/1, date/datetime as epoch milliseconds,
   * nulls as NaN. Cached; treat as read-only.
   */
  toFloat64(): Float64Array {
    if (this.#float) return this.#float;
    const n = this.length;
    const t = this.data.type;
    let out: Float64Array;
    if (this.dtype === 'string') throw new TypeError(`Cannot convert a string column to numbers`);
    if (this.dtype === 'bool') {
      out = alloc(Float64Array, n);
      const b = this.boolBytes();
      for (let i = 0; i < n; i++) out[i] = b[i];
    } else if (this.dtype === 'float64' && this.validity === null) {
      out = this.values as Float64Array;
    } else {
      const v = this.values;
      if (v instanceof BigInt64Array || v instanceof BigUint64Array) out = int64ToFloat64(v, alloc(Float64Array, n));
      else {
        out = alloc(Float64Array, n);
        out.set(v as Float64Array);
      }
      const scale = this.dtype === 'date' || this.dtype === 'datetime' ? msPerUnit(t) : 1;
      if (scale !== 1) for (let i = 0; i < n; i++) out[i] *= scale;
    }
    const valid = this.validity;
    if (valid) {
      if (out === this.values) out = Float64Array.from(out);
      for (let i = 0; i < n; i++) if (!getBit(valid, i)) out[i] = NaN;
    }
    this.#float = out;
    return out;
  }

  /** Bool column as one byte per row (0/1; nulls read 0). Cached. */
  boolBytes(): Uint8Array {
    if (this.dtype !== 'bool') throw new TypeError(`boolBytes() needs a bool column, got ${this.dtype}`);
    if (!this.#bools) this.#bools = unpackBits(this.data.values as Uint8Array, this.length);
    return this.#bools;
  }

  /** String column decoded to JS strings (null for missing). Cached. */
  strings(): (string | null)[] {
    if (this.#strings) return this.#strings;
    if (this.dtype !== 'string') throw new TypeError(`strings() needs a string column, got ${this.dtype}`);
    const n = this.length;
    const out = new Array<string | null>(n);
    if (this.isDictionary) {
      const { codes, dictionary } = this.dictionaryCodes();
      for (let i = 0; i < n; i++) out[i] = codes[i] < 0 ? null : dictionary[codes[i]];
    } else {
      const offs = this.data.valueOffsets as Int32Array;
      const bytes = this.data.values as Uint8Array;
      // Node's Buffer decodes a byte range natively, far faster than TextDecoder per string.
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const valid = this.validity;
      for (let i = 0; i < n; i++) {
        if (valid && !getBit(valid, i)) out[i] = null;
        else out[i] = buf.toString('utf8', offs[i], offs[i + 1]);
      }
    }
    this.#strings = out;
    return out;
  }

  /**
   * String column as dense codes into a dictionary (null rows get -1). Free for dictionary columns;
   * computed once (first-seen order) for plain UTF-8 columns. Cached.
   */
  dictionaryCodes(): { codes: Int32Array; dictionary: string[] } {
    if (this.#codes) return this.#codes;
    if (this.dtype !== 'string') throw new TypeError(`dictionaryCodes() needs a string column, got ${this.dtype}`);
    const n = this.length;
    const codes = alloc(Int32Array, n);
    const valid = this.validity;
    let dictionary: string[];
    if (this.isDictionary) {
      const dictVec = this.data.dictionary as arrow.Vector;
      dictionary = new Column(dictVec.data.length === 1 ? dictVec.data[0] : concatUtf8(dictVec)).strings() as string[];
      codes.set(this.values as Int32Array);
      if (valid) for (let i = 0; i < n; i++) if (!getBit(valid, i)) codes[i] = -1;
    } else {
      const strs = this.strings();
      const map = new Map<string, number>();
      dictionary = [];
      for (let i = 0; i < n; i++) {
        const s = strs[i];
        if (s === null) {
          codes[i] = -1;
          continue;
        }
        let c = map.get(s);
        if (c === undefined) {
          c = dictionary.length;
          map.set(s, c);
          dictionary.push(s);
        }
        codes[i] = c;
      }
    }
    this.#codes = { codes, dictionary };
    return this.#codes;
  }

  /** This column as an Arrow Vector (no copy). */
  toVector(): arrow.Vector {
    return arrow.makeVector(this.data);
  }

  /** The validity as one byte per row (1 = valid). */
  validBytes(): Uint8Array {
    const v = this.validity;
    if (!v) return new Uint8Array(this.length).fill(1);
    return unpackBits(v, this.length);
  }

  /** Number of non-null rows. */
  count(): number {
    return this.length - this.nullCount;
  }
}

function concatUtf8(v: arrow.Vector): arrow.Data {
  const strs: (string | null)[] = [];
  for (const d of v.data) strs.push(...new Column(d).strings());
  return arrow.vectorFromArray(strs, new arrow.Utf8()).data[0];
}

/** True when a fixed-width buffer is longer than the data (IPC readers may hand out padded buffers). */
function overlong(d: arrow.Data): boolean {
  const t = d.type;
  if (arrow.DataType.isBool(t) || arrow.DataType.isUtf8(t) || arrow.DataType.isLargeUtf8(t)) return false;
  const v = d.values as ArrayLike<unknown> | undefined;
  return v !== undefined && v.length > d.length;
}

/** Rebuilds a sliced Data (offset > 0) or one with an over-long buffer so that bitmaps start at bit 0 and value buffers hold exactly `length` values. */
function normalizeOffset(d: arrow.Data): arrow.Data {
  const { offset, length } = d;
  let nullBitmap: Uint8Array | undefined;
  if (d.nullBitmap && d.nullBitmap.length > 0 && d.nullCount !== 0) nullBitmap = shiftBits(d.nullBitmap, offset, length);
  const nullCount = nullBitmap ? length - popcount(nullBitmap, length) : 0;
  const t = d.type;
  if (arrow.DataType.isBool(t)) {
    const data = shiftBits(d.values as Uint8Array, offset, length);
    return arrow.makeData({ type: t, length, nullCount, nullBitmap, data });
  }
  if (arrow.DataType.isUtf8(t)) {
    return arrow.makeData({ type: t, length, nullCount, nullBitmap, valueOffsets: d.valueOffsets as Int32Array, data: d.values as Uint8Array });
  }
  // Fixed width: arrow already subarrays `values` when slicing; trim padded buffers.
  const values = (d.values as Float64Array).subarray(0, length);
  if (arrow.DataType.isDictionary(t)) {
    return arrow.makeData({ type: t, length, nullCount, nullBitmap, data: values, dictionary: d.dictionary as arrow.Vector });
  }
  return arrow.makeData({ type: t as arrow.Float64, length, nullCount, nullBitmap, data: values });
}

export { bitmapBytes };
