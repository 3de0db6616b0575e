/**
 * Moving a table decoded by parquet-wasm out of WebAssembly memory through the Arrow C Data Interface:
 * every column's buffers are copied ONCE, straight from wasm memory into one gridframe column buffer
 * (batches joined as they are copied). The IPC route it replaces serialises the table inside wasm,
 * copies that out, and joins the batches in a third copy.
 *
 * Supported: numeric, bool, date, timestamp/time/duration (fixed width), Utf8, Utf8View (as Utf8), and dictionaries with
 * int32 keys over Utf8 (joined by the core's `concatColumns`, which unifies per-batch dictionaries).
 * Anything else (decimals, nested, large strings, views) gives `null` and the caller takes the IPC route.
 *
 * Layout of the C structs on wasm32 (pointers are 4 bytes, int64 fields 8-byte aligned):
 * ArrowArray: length @0, null_count @8, offset @16, n_buffers @24, n_children @32, buffers @40,
 * children @44, dictionary @48. ArrowSchema: format @0, n_children @24, children @32, dictionary @36.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from '../frame/alloc.js';
import { Column } from '../frame/column.js';
import { concatColumns } from '../frame/column-concat.js';
import type { Table as WasmTable } from 'parquet-wasm';
import type { ParquetWasm } from './parquet-wasm.js';

/** Typed arrays a fixed-width Arrow type keeps its values in. */
export type Values = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array;

/** One ArrowArray struct read from wasm memory. */
interface CArray {
  length: number;
  nullCount: number;
  offset: number;
  buffers: number[];
  children: number[];
  dictionary: number;
}

type TypedCtor = { new (n: number): Values; BYTES_PER_ELEMENT: number };

function readArray(view: DataView, p: number): CArray {
  const num = (o: number): number => view.getUint32(p + o, true) + view.getInt32(p + o + 4, true) * 2 ** 32;
  const nb = num(24);
  const nc = num(32);
  const bp = view.getUint32(p + 40, true);
  const cp = view.getUint32(p + 44, true);
  const buffers: number[] = [];
  for (let i = 0; i < nb; i++) buffers.push(view.getUint32(bp + 4 * i, true));
  const children: number[] = [];
  for (let i = 0; i < nc; i++) children.push(view.getUint32(cp + 4 * i, true));
  return { length: num(0), nullCount: num(8), offset: num(16), buffers, children, dictionary: view.getUint32(p + 48, true) };
}

/** The NUL-terminated format string at `p`. */
function cString(mem: Uint8Array, p: number): string {
  let e = p;
  while (mem[e] !== 0 && e - p < 256) e++;
  return String.fromCharCode(...mem.subarray(p, e));
}

/** Bytes per value of a fixed-width C format ('i' int32, 'g' float64, 'tsm:UTC' timestamp...), or 0. */
function formatWidth(f: string): number {
  const w: Record<string, number> = { c: 1, C: 1, s: 2, S: 2, i: 4, I: 4, l: 8, L: 8, e: 2, f: 4, g: 8, tdD: 4, tdm: 8, tts: 4, ttm: 4, ttu: 8, ttn: 8 };
  if (f.startsWith('ts') || f.startsWith('tD')) return 8;
  return w[f] ?? 0;
}

/**
 * How a column is copied, checked against the C format the table actually exports (its schema can
 * differ from `readSchema`'s: a Utf8View field of the file's Arrow schema comes out as Utf8), or null.
 */
function copyKind(mem: Uint8Array, view: DataView, t: arrow.DataType, sp: number): 'dict' | 'utf8' | 'view' | 'bool' | 'fixed' | null {
  const f = cString(mem, view.getUint32(sp, true));
  const dp = view.getUint32(sp + 36, true);
  if (arrow.DataType.isDictionary(t)) return dp !== 0 && f === 'i' && cString(mem, view.getUint32(dp, true)) === 'u' ? 'dict' : null;
  if (dp !== 0) return null;
  if (arrow.DataType.isUtf8(t) || arrow.DataType.isUtf8View(t)) return f === 'u' ? 'utf8' : f === 'vu' ? 'view' : null;
  if (arrow.DataType.isBool(t)) return f === 'b' ? 'bool' : null;
  const width = (t as unknown as { ArrayType: TypedCtor }).ArrayType.BYTES_PER_ELEMENT;
  return formatWidth(f) === width ? 'fixed' : null;
}

/** A column type the copy handles, or false. */
function supported(t: arrow.DataType): boolean {
  if (arrow.DataType.isDictionary(t)) return t.indices.bitWidth === 32 && t.indices.isSigned && arrow.DataType.isUtf8(t.dictionary);
  if (arrow.DataType.isUtf8(t) || arrow.DataType.isUtf8View(t) || arrow.DataType.isBool(t)) return true;
  if (arrow.DataType.isInt(t) || arrow.DataType.isDate(t) || arrow.DataType.isTimestamp(t) || arrow.DataType.isTime(t) || arrow.DataType.isDuration(t)) return true;
  return arrow.DataType.isFloat(t);
}

/** Copies `len` bits from `src` (starting at bit `from`) into `dst` at bit `to`; byte-wise when both are byte aligned. */
function copyBits(mem: Uint8Array, src: number, from: number, dst: Uint8Array, to: number, len: number): void {
  if ((from & 7) === 0 && (to & 7) === 0) {
    const whole = len >> 3;
    dst.set(mem.subarray(src + (from >> 3), src + (from >> 3) + whole), to >> 3);
    for (let i = whole << 3; i < len; i++) if ((mem[src + ((from + i) >> 3)] >> ((from + i) & 7)) & 1) dst[(to + i) >> 3] |= 1 << ((to + i) & 7);
    return;
  }
  for (let i = 0; i < len; i++) if ((mem[src + ((from + i) >> 3)] >> ((from + i) & 7)) & 1) dst[(to + i) >> 3] |= 1 << ((to + i) & 7);
}

/** The validity bitmap of the joined parts (null when no part has nulls) and the null count. */
function joinValidity(mem: Uint8Array, parts: readonly CArray[], n: number): { bitmap: Uint8Array | undefined; nulls: number } {
  const nulls = parts.reduce((s, a) => s + a.nullCount, 0);
  if (nulls === 0) return { bitmap: undefined, nulls };
  const bitmap = new Uint8Array((n + 7) >> 3);
  let row = 0;
  for (const a of parts) {
    if (a.nullCount === 0 || a.buffers[0] === 0) setOnes(bitmap, row, a.length);
    else copyBits(mem, a.buffers[0], a.offset, bitmap, row, a.length);
    row += a.length;
  }
  return { bitmap, nulls };
}

/** Sets bits [row, row + len): whole bytes by fill, the ragged ends bit by bit. */
function setOnes(dst: Uint8Array, row: number, len: number): void {
  const end = row + len;
  let i = row;
  for (; i < end && (i & 7) !== 0; i++) dst[i >> 3] |= 1 << (i & 7);
  const whole = (end - i) >> 3;
  dst.fill(0xff, i >> 3, (i >> 3) + whole);
  for (i += whole << 3; i < end; i++) dst[i >> 3] |= 1 << (i & 7);
}

/**
 * Fixed-width parts joined into one column: into a fresh buffer, or into `into` from row `at` when given
 * (a shared buffer the whole column is assembled in, by several threads).
 */
function fixedWidth(mem: Uint8Array, t: arrow.DataType, parts: readonly CArray[], n: number, into?: Values, at = 0): Column {
  const Ctor = (t as unknown as { ArrayType: TypedCtor }).ArrayType;
  const bw = Ctor.BYTES_PER_ELEMENT;
  const fits = into !== undefined && into.BYTES_PER_ELEMENT === bw && into.length >= at + n;
  const out = fits ? into.subarray(at, at + n) : (alloc(Ctor as unknown as Float64ArrayConstructor, n) as unknown as Values);
  const bytes = new Uint8Array(out.buffer, out.byteOffset, n * bw);
  let row = 0;
  for (const a of parts) {
    const s = a.buffers[1] + a.offset * bw;
    bytes.set(mem.subarray(s, s + a.length * bw), row * bw);
    row += a.length;
  }
  const { bitmap, nulls } = joinValidity(mem, parts, n);
  return new Column(arrow.makeData({ type: t as arrow.Int32, length: n, nullCount: nulls, nullBitmap: bitmap, data: out as Int32Array }));
}

function bools(mem: Uint8Array, parts: readonly CArray[], n: number): Column {
  const values = new Uint8Array((n + 7) >> 3);
  let row = 0;
  for (const a of parts) {
    copyBits(mem, a.buffers[1], a.offset, values, row, a.length);
    row += a.length;
  }
  const { bitmap, nulls } = joinValidity(mem, parts, n);
  return new Column(arrow.makeData({ type: new arrow.Bool(), length: n, nullCount: nulls, nullBitmap: bitmap, data: values }));
}

/**
 * out[row + i] = offs[i] + shift for i in 1..len. Its own function: a loop inside the per-part loop was
 * compiled on the stack (OSR) part after part and thrown away at the next part's first new path.
 */
function shiftOffsets(out: Int32Array, row: number, offs: Int32Array, len: number, shift: number): void {
  for (let i = 1; i <= len; i++) out[row + i] = offs[i] + shift;
}

function utf8(view: DataView, mem: Uint8Array, parts: readonly CArray[], n: number): Column {
  let total = 0;
  for (const a of parts) total += view.getInt32(a.buffers[1] + 4 * (a.offset + a.length), true) - view.getInt32(a.buffers[1] + 4 * a.offset, true);
  const offsets = alloc(Int32Array, n + 1);
  const data = alloc(Uint8Array, total);
  let row = 0;
  let base = 0;
  for (const a of parts) {
    const at = a.buffers[1] + 4 * a.offset;
    // Arrow buffers are 64-byte aligned; a view needs 4-byte alignment, else copy the offsets out.
    const offs = (at & 3) === 0 ? new Int32Array(mem.buffer, at, a.length + 1) : new Int32Array(mem.slice(at, at + 4 * (a.length + 1)).buffer);
    const first = offs[0];
    const len = offs[a.length] - first;
    data.set(mem.subarray(a.buffers[2] + first, a.buffers[2] + first + len), base);
    shiftOffsets(offsets, row, offs, a.length, base - first);
    row += a.length;
    base += len;
  }
  const { bitmap, nulls } = joinValidity(mem, parts, n);
  return new Column(arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data }));
}

/**
 * Utf8View parts (Polars and DuckDB declare strings so) joined into one Utf8 column. A view is 16 bytes:
 * length, then the bytes inline when at most 12, else a 4-byte prefix, the data buffer index and the
 * offset in it. In the C interface the data buffers follow validity and views, and a last buffer
 * holds their sizes.
 */
function utf8View(view: DataView, mem: Uint8Array, parts: readonly CArray[], n: number): Column {
  let total = 0;
  for (const a of parts) {
    const vs = a.buffers[1] + 16 * a.offset;
    for (let i = 0; i < a.length; i++) total += view.getInt32(vs + 16 * i, true);
  }
  const offsets = alloc(Int32Array, n + 1);
  const data = alloc(Uint8Array, total);
  let row = 0;
  let pos = 0;
  for (const a of parts) {
    const vs = a.buffers[1] + 16 * a.offset;
    for (let i = 0; i < a.length; i++) {
      const v = vs + 16 * i;
      const len = view.getInt32(v, true);
      if (len <= 12) {
        for (let k = 0; k < len; k++) data[pos + k] = mem[v + 4 + k];
      } else {
        const src = a.buffers[2 + view.getInt32(v + 8, true)] + view.getInt32(v + 12, true);
        data.set(mem.subarray(src, src + len), pos);
      }
      pos += len;
      offsets[++row] = pos;
    }
  }
  const { bitmap, nulls } = joinValidity(mem, parts, n);
  return new Column(arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data }));
}

function dictionary(view: DataView, mem: Uint8Array, t: arrow.Dictionary, parts: readonly CArray[]): Column {
  const cols = parts.map((a) => {
    const codes = fixedWidth(mem, new arrow.Int32(), [a], a.length);
    const dict = readArray(view, a.dictionary);
    const values = utf8(view, mem, [dict], dict.length);
    return new Column(arrow.makeData({ type: t, length: a.length, nullCount: codes.nullCount, nullBitmap: codes.data.nullBitmap, data: codes.values as Int32Array, dictionary: arrow.makeVector(values.data) }));
  });
  if (cols.length === 0) return new Column(arrow.makeData({ type: t, length: 0, nullCount: 0, data: new Int32Array(0), dictionary: arrow.makeVector(arrow.makeData({ type: new arrow.Utf8(), length: 0, valueOffsets: new Int32Array(1), data: new Uint8Array(0) })) }));
  return concatColumns(cols);
}

/** Shared buffers that fixed-width columns are copied into, from row `at` (a part of a parallel read). */
export interface ColumnTargets {
  values: readonly (Values | null)[];
  at: number;
}

/**
 * The columns of a parquet-wasm table (fields of `schema`, in order), copied out of wasm memory
 * through the C Data Interface; null when a column type is not handled here (the table is then left
 * untouched, for the IPC route). The table is not consumed: the caller frees it. With `targets`, a
 * fixed-width column whose target buffer has its element size is copied there (its values are a view of
 * the target).
 * @example
 * const cols = wasmTableColumns(parquetWasm(), table, schema) ?? ipcRoute(table);
 */
export function wasmTableColumns(pw: ParquetWasm, table: WasmTable, schema: arrow.Schema, targets?: ColumnTargets): Column[] | null {
  if (!schema.fields.every((f) => supported(f.type))) return null;
  const ffi = table.toFFI();
  try {
    const buf = pw.wasmMemory().buffer;
    const view = new DataView(buf);
    const mem = new Uint8Array(buf);
    const batches = Array.from(ffi.arrayAddrs(), (p) => readArray(view, p));
    const nf = schema.fields.length;
    if (batches.some((b) => b.children.length !== nf || b.offset !== 0)) return null;
    const sp = ffi.schemaAddr();
    if (view.getInt32(sp + 24, true) !== nf) return null;
    const childSchemas = view.getUint32(sp + 32, true);
    const kinds = schema.fields.map((f, i) => copyKind(mem, view, f.type, view.getUint32(childSchemas + 4 * i, true)));
    if (kinds.includes(null)) return null;
    const n = batches.reduce((s, b) => s + b.length, 0);
    return schema.fields.map((f, i) => {
      const parts = batches.map((b) => readArray(view, b.children[i]));
      const t = f.type;
      switch (kinds[i]) {
        case 'dict': return dictionary(view, mem, t as arrow.Dictionary, parts);
        case 'utf8': return utf8(view, mem, parts, n);
        case 'view': return utf8View(view, mem, parts, n);
        case 'bool': return bools(mem, parts, n);
        default: return fixedWidth(mem, t, parts, n, targets?.values[i] ?? undefined, targets?.at);
      }
    });
  } finally {
    ffi.free();
  }
}
