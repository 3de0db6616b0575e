/**
 * Joining columns and Arrow chunks into one Column: numbers and bools copied once, UTF-8 joined
 * byte-wise (offsets shifted, no JS strings), dictionaries unified by their (small) dictionaries with
 * codes remapped. Used by concat, by Arrow/Parquet/IPC readers (several record batches) and by
 * `DataFrame.fromArrow`.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from './alloc.js';
import { bitmapBytes, popcount, setBit } from './bitmap.js';
import { Column } from './column.js';
import { fromBoolBytes, fromCodes, fromStrings } from './column-build.js';
import { int64ToFloat64, type NumericArray } from './dtypes.js';
import { ValueError } from '../errors.js';

function nullsOf(validity: Uint8Array | null, n: number): { nullBitmap?: Uint8Array; nullCount: number } {
  if (!validity) return { nullCount: 0 };
  const nullCount = n - popcount(validity, n);
  return nullCount === 0 ? { nullCount: 0 } : { nullBitmap: validity, nullCount };
}

/** The validity of several columns laid end to end (null when none has a null). */
export function joinValidity(cols: readonly Column[], n: number): Uint8Array | null {
  if (!cols.some((c) => c.nullCount > 0)) return null;
  const out = alloc(Uint8Array, bitmapBytes(n));
  let off = 0;
  for (const c of cols) {
    const vb = c.validBytes();
    for (let i = 0; i < c.length; i++) if (vb[i]) setBit(out, off + i);
    off += c.length;
  }
  return out;
}

/** Offsets of a Utf8 (Int32) or LargeUtf8 (BigInt64) chunk as numbers, without a BigInt per row. */
function offsetsOf(d: arrow.Data): Int32Array | Float64Array {
  const o = d.valueOffsets as Int32Array | BigInt64Array;
  const sub = o.subarray(d.offset, d.offset + d.length + 1);
  return sub instanceof BigInt64Array ? int64ToFloat64(sub) : sub;
}

/**
 * Utf8 and LargeUtf8 chunks joined into one Utf8 column, byte-wise (no JS strings).
 * @example
 * concatUtf8(vector.data) // Utf8 and LargeUtf8 chunks, one Utf8 column
 */
export function concatUtf8(chunks: readonly arrow.Data[]): Column {
  const offs = chunks.map(offsetsOf);
  const n = chunks.reduce((s, d) => s + d.length, 0);
  const bytes = offs.reduce((s, o) => s + o[o.length - 1] - o[0], 0);
  if (bytes > 0x7fffffff) throw new ValueError(`A string column holds ${bytes} bytes, over the 2 GiB one column can hold; read fewer rows or columns`);
  const offsets = alloc(Int32Array, n + 1);
  const data = alloc(Uint8Array, bytes);
  let row = 0;
  let pos = 0;
  chunks.forEach((d, k) => {
    const o = offs[k];
    const base = o[0];
    const len = o[d.length] - base;
    data.set((d.values as Uint8Array).subarray(base, base + len), pos);
    for (let i = 1; i <= d.length; i++) offsets[row + i] = o[i] - base + pos;
    row += d.length;
    pos += len;
  });
  const nullCount = chunks.reduce((s, d) => s + d.nullCount, 0);
  let validity: Uint8Array | undefined;
  if (nullCount > 0) {
    validity = alloc(Uint8Array, bitmapBytes(n));
    let off = 0;
    for (const d of chunks) {
      const bm = d.nullBitmap;
      for (let i = 0; i < d.length; i++) {
        const j = d.offset + i;
        if (!bm || bm.length === 0 || (bm[j >> 3] >> (j & 7)) & 1) setBit(validity, off + i);
      }
      off += d.length;
    }
  }
  return new Column(arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount, nullBitmap: validity, valueOffsets: offsets, data }));
}

/**
 * String columns (dictionary or plain) joined into one dictionary column: the dictionaries are unified
 * (each distinct string looked up once) and the codes remapped; no JS string per row.
 * @example
 * concatDictionary([fromStrings(['a', 'b'], { dictionary: true }), fromStrings(['b', 'c'], { dictionary: true })])
 */
export function concatDictionary(cols: readonly Column[]): Column {
  const n = cols.reduce((s, c) => s + c.length, 0);
  const map = new Map<string, number>();
  const dict: string[] = [];
  const codes = alloc(Int32Array, n);
  let row = 0;
  for (const c of cols) {
    const { codes: cc, dictionary } = c.dictionaryCodes();
    const remap = dictionary.map((s) => {
      let k = map.get(s);
      if (k === undefined) {
        k = dict.length;
        map.set(s, k);
        dict.push(s);
      }
      return k;
    });
    for (let i = 0; i < c.length; i++) codes[row + i] = cc[i] < 0 ? -1 : remap[cc[i]];
    row += c.length;
  }
  return fromCodes(codes, dict);
}

/**
 * A column from an Arrow Vector of any number of chunks: one Utf8 or numeric chunk is shared without a
 * copy; several chunks are joined once (UTF-8 byte-wise, dictionaries unified, numbers copied);
 * LargeUtf8 becomes Utf8.
 * @example
 * fromVector(table.getChild('a')!)
 */
export function fromVector(v: arrow.Vector): Column {
  const t = v.type;
  if (arrow.DataType.isUtf8(t) || arrow.DataType.isLargeUtf8(t)) {
    return v.data.length === 1 && arrow.DataType.isUtf8(t) ? new Column(v.data[0]) : concatUtf8(v.data);
  }
  if (arrow.DataType.isUtf8View(t)) {
    const strs: (string | null)[] = [];
    for (let i = 0; i < v.length; i++) strs.push(v.get(i) as string | null);
    return fromStrings(strs);
  }
  if (v.data.length === 1) return new Column(v.data[0]);
  if (v.data.length === 0) return new Column(arrow.makeData({ type: t as arrow.Float64, length: 0, data: new Float64Array(0) }));
  return concatColumns(v.data.map((d) => new Column(d)));
}

/**
 * Concatenates columns of one dtype into one (numeric buffers copied once; strings joined byte-wise, or
 * as one dictionary when any part is dictionary-encoded).
 * @example
 * concatColumns([fromValues([1]), fromValues([2])])
 */
export function concatColumns(cols: readonly Column[]): Column {
  if (cols.length === 1) return cols[0];
  const dtype = cols[0].dtype;
  for (const c of cols) if (c.dtype !== dtype) throw new ValueError(`Cannot concatenate ${dtype} with ${c.dtype}`);
  const n = cols.reduce((s, c) => s + c.length, 0);
  if (dtype === 'string') {
    return cols.some((c) => c.isDictionary) ? concatDictionary(cols) : concatUtf8(cols.map((c) => c.data));
  }
  const validity = joinValidity(cols, n);
  if (dtype === 'bool') {
    const bytes = new Uint8Array(n);
    let off = 0;
    for (const c of cols) {
      bytes.set(c.boolBytes(), off);
      off += c.length;
    }
    return fromBoolBytes(bytes, validity);
  }
  const ctor = cols[0].values.constructor as { new (buf: ArrayBufferLike, o?: number, n?: number): NumericArray; BYTES_PER_ELEMENT: number };
  const out = alloc(ctor, n) as NumericArray;
  let off = 0;
  for (const c of cols) {
    (out as Float64Array).set(c.values as Float64Array, off);
    off += c.length;
  }
  return new Column(arrow.makeData({ type: cols[0].data.type as arrow.Float64, length: n, ...nullsOf(validity, n), data: out as Float64Array }));
}
