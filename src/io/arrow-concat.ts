/**
 * Turning Arrow tables of several record batches (Parquet row groups, IPC batches) into gridframe
 * frames: numeric and bool chunks are copied once; UTF-8 chunks are joined byte-wise (offsets shifted,
 * no JS strings); dictionary chunks are unified by their (small) dictionaries and their codes remapped.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from '../frame/alloc.js';
import { int64ToFloat64 } from '../frame/dtypes.js';
import { bitmapBytes, setBit } from '../frame/bitmap.js';
import { Column } from '../frame/column.js';
import { concatColumns, fromCodes, fromVector } from '../frame/column-build.js';
import { DataFrame } from '../frame/dataframe.js';
import { ParseError } from '../errors.js';
import { utf8ToDictionary } from './utf8-dictionary.js';
import { parseIndexMeta, splitIndex, INDEX_META_KEY } from './frame-columns.js';

function joinValidity(cols: readonly Column[], n: number): Uint8Array | null {
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
 * concatUtf8(vector.data)
 */
function concatUtf8(chunks: readonly arrow.Data[]): Column {
  const offs = chunks.map(offsetsOf);
  const n = chunks.reduce((s, d) => s + d.length, 0);
  const bytes = offs.reduce((s, o) => s + o[o.length - 1] - o[0], 0);
  if (bytes > 0x7fffffff) throw new ParseError(`A string column holds ${bytes} bytes, over the 2 GiB one column can hold; read fewer rows or columns`);
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

function concatDictionary(cols: readonly Column[]): Column {
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
 * One Column from the chunks of an Arrow vector.
 * @example
 * columnFromVector(table.getChild('a')!)
 */
export function columnFromVector(v: arrow.Vector): Column {
  const t = v.type;
  if (arrow.DataType.isDecimal(t)) return decimalToFloat64(v, t);
  if (arrow.DataType.isUtf8(t) || arrow.DataType.isLargeUtf8(t)) {
    return v.data.length === 1 && arrow.DataType.isUtf8(t) ? fromVector(v) : concatUtf8(v.data);
  }
  if (v.data.length === 1 || !arrow.DataType.isDictionary(t)) return fromVector(v);
  const cols = v.data.map((d) => new Column(d));
  if (arrow.DataType.isDictionary(t) && arrow.DataType.isUtf8(t.dictionary)) return concatDictionary(cols);
  return concatColumns(cols);
}

/**
 * Decimal columns (DuckDB, Spark and databases write them) become float64: the little-endian two's
 * complement words of each value are summed as doubles and divided by 10^scale.
 */
function decimalToFloat64(v: arrow.Vector, t: arrow.Decimal): Column {
  const n = v.length;
  const out = alloc(Float64Array, n);
  const words = t.bitWidth / 32;
  const scale = 10 ** t.scale;
  let row = 0;
  const parts: Column[] = [];
  for (const d of v.data) {
    const w = d.values as Uint32Array;
    const base = d.offset * words;
    for (let i = 0; i < d.length; i++) {
      const o = base + i * words;
      let x = (w[o + words - 1] | 0) * 2 ** (32 * (words - 1));
      for (let k = words - 2; k >= 0; k--) x += w[o + k] * 2 ** (32 * k);
      out[row + i] = x / scale;
    }
    parts.push(new Column(arrow.makeData({ type: new arrow.Float64(), length: d.length, nullCount: d.nullCount, nullBitmap: d.nullBitmap, data: out.subarray(row, row + d.length) })));
    row += d.length;
  }
  const validity = joinValidity(parts, n);
  const nulls = validity ? parts.reduce((s, c) => s + c.nullCount, 0) : 0;
  if (validity) for (let i = 0; i < n; i++) if (!((validity[i >> 3] >> (i & 7)) & 1)) out[i] = NaN;
  return new Column(arrow.makeData({ type: new arrow.Float64(), length: n, nullCount: nulls, nullBitmap: validity ?? undefined, data: out }));
}

/**
 * A DataFrame from an Arrow table; columns listed in the schema metadata `gridframe:index` (written by
 * toParquet/toArrowFile) become the index again.
 * @example
 * frameFromArrow(arrow.tableFromIPC(bytes))
 */
export function frameFromArrow(table: arrow.Table): DataFrame {
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((name, i) => {
    const v = table.getChildAt(i) as arrow.Vector;
    try {
      return columnFromVector(v);
    } catch (e) {
      throw new ParseError(`Column '${name}' has Arrow type ${String(v.type)}, which gridframe cannot hold (${e instanceof Error ? e.message : String(e)})`);
    }
  });
  // Low-cardinality strings stored plain (Parquet writers often declare them so) become dictionaries.
  cols.forEach((c, i) => {
    if (c.dtype === 'string' && !c.isDictionary) cols[i] = utf8ToDictionary(c) ?? c;
  });
  const parts = splitIndex(names, cols, parseIndexMeta(table.schema.metadata.get(INDEX_META_KEY)));
  return DataFrame.fromColumns(parts.names, parts.cols, parts.index);
}

/**
 * An Arrow table of the given columns with the index names in its metadata.
 * @example
 * arrowTable(['a'], [col], [])
 */
export function arrowTable(names: readonly string[], cols: readonly Column[], indexNames: readonly string[]): arrow.Table {
  const fields = names.map((nm, i) => new arrow.Field(nm, cols[i].data.type, true));
  const meta = new Map<string, string>();
  if (indexNames.length) meta.set(INDEX_META_KEY, JSON.stringify(indexNames));
  const schema = new arrow.Schema(fields, meta);
  const n = cols.length ? cols[0].length : 0;
  const struct = arrow.makeData({ type: new arrow.Struct(fields), length: n, nullCount: 0, children: cols.map((c) => c.data) });
  return new arrow.Table(schema, [new arrow.RecordBatch(schema, struct)]);
}
