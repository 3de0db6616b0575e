/**
 * Fast row gather for the verbs that reorder whole frames (sort, merge, loc). Every element width
 * has its own small loop over one typed-array class, so each loop stays monomorphic in V8 (one
 * function over all typed-array classes runs 10x slower on large inputs); 64-bit integers move as two
 * 32-bit words (bit-exact, no BigInt); dictionary strings keep their dictionary Vector (no re-encoding);
 * plain strings copy UTF-8 bytes; bools move bits. A negative position gives a null.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from '../alloc.js';
import { bitmapBytes, popcount } from '../bitmap.js';
import { Column } from '../column.js';
import { applyF64, applyI32, applyPairs, gatherPlan, type GatherPlan } from './gather-plan.js';

/** From this many rows a shared gather plan (gather-plan.ts) beats direct random reads. */
const PLAN_MIN = 1 << 20;

function gatherF64(src: Float64Array, idx: Int32Array, out: Float64Array): void {
  const n = idx.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = idx[i], b = idx[i + 1], c = idx[i + 2], d = idx[i + 3];
    out[i] = a < 0 ? 0 : src[a];
    out[i + 1] = b < 0 ? 0 : src[b];
    out[i + 2] = c < 0 ? 0 : src[c];
    out[i + 3] = d < 0 ? 0 : src[d];
  }
  for (; i < n; i++) out[i] = idx[i] < 0 ? 0 : src[idx[i]];
}

function gatherPairs(src: Int32Array, idx: Int32Array, out: Int32Array): void {
  const n = idx.length;
  for (let i = 0; i < n; i++) {
    const j = idx[i];
    if (j >= 0) {
      out[2 * i] = src[2 * j];
      out[2 * i + 1] = src[2 * j + 1];
    }
  }
}

function gatherI32(src: Int32Array, idx: Int32Array, out: Int32Array): void {
  const n = idx.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = idx[i], b = idx[i + 1], c = idx[i + 2], d = idx[i + 3];
    out[i] = a < 0 ? 0 : src[a];
    out[i + 1] = b < 0 ? 0 : src[b];
    out[i + 2] = c < 0 ? 0 : src[c];
    out[i + 3] = d < 0 ? 0 : src[d];
  }
  for (; i < n; i++) out[i] = idx[i] < 0 ? 0 : src[idx[i]];
}

function gatherI16(src: Int16Array, idx: Int32Array, out: Int16Array): void {
  for (let i = 0; i < idx.length; i++) out[i] = idx[i] < 0 ? 0 : src[idx[i]];
}

function gatherU8(src: Uint8Array, idx: Int32Array, out: Uint8Array): void {
  for (let i = 0; i < idx.length; i++) out[i] = idx[i] < 0 ? 0 : src[idx[i]];
}

/** Gathers bits (bit i of `out` = bit idx[i] of `src`; 0 for negative positions). */
function gatherBits(src: Uint8Array | null, idx: Int32Array, out: Uint8Array): void {
  for (let i = 0; i < idx.length; i++) {
    const j = idx[i];
    if (j >= 0 && (src === null || ((src[j >> 3] >> (j & 7)) & 1) === 1)) out[i >> 3] |= 1 << (i & 7);
  }
}

/** Gathers the validity: null when every output row is valid. */
function gatherValidity(col: Column, idx: Int32Array, anyNeg?: boolean): { bitmap: Uint8Array | undefined; nullCount: number } {
  const src = col.validity;
  let neg = anyNeg ?? false;
  if (anyNeg === undefined) for (let i = 0; i < idx.length && !neg; i++) if (idx[i] < 0) neg = true;
  if (src === null && !neg) return { bitmap: undefined, nullCount: 0 };
  const out = alloc(Uint8Array, bitmapBytes(idx.length));
  gatherBits(src, idx, out);
  const nullCount = idx.length - popcount(out, idx.length);
  return nullCount ? { bitmap: out, nullCount } : { bitmap: undefined, nullCount: 0 };
}

/** Plain UTF-8 strings: new offsets, then the bytes copied row by row. */
function gatherUtf8(col: Column, idx: Int32Array): arrow.Data {
  const n = idx.length;
  const offs = col.data.valueOffsets as Int32Array;
  const bytes = col.data.values as Uint8Array;
  const outOffs = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const j = idx[i];
    if (j >= 0) total += offs[j + 1] - offs[j];
    outOffs[i + 1] = total;
  }
  const out = alloc(Uint8Array, total);
  for (let i = 0; i < n; i++) {
    const j = idx[i];
    if (j < 0) continue;
    let p = outOffs[i];
    for (let k = offs[j], e = offs[j + 1]; k < e; k++) out[p++] = bytes[k];
  }
  const { bitmap, nullCount } = gatherValidity(col, idx);
  return arrow.makeData({ type: col.data.type as arrow.Utf8, length: n, nullCount, nullBitmap: bitmap, valueOffsets: outOffs, data: out });
}

/**
 * The rows of `col` at positions `idx` (a negative position gives a null), as a new column of the same
 * type. `plan` (from gatherPlan) makes large gathers cache-friendly; `anyNeg` skips the scan for -1.
 * @example
 * gather(fromValues([1.5, 2.5, 3.5]), Int32Array.of(2, -1, 0)) // [3.5, null, 1.5]
 */
export function gather(col: Column, idx: Int32Array, plan?: GatherPlan, anyNeg?: boolean): Column {
  const n = idx.length;
  const d = col.data;
  const t = d.type;
  if (col.dtype === 'string' && !col.isDictionary) return new Column(gatherUtf8(col, idx));
  const { bitmap, nullCount } = gatherValidity(col, idx, anyNeg);
  if (col.dtype === 'bool') {
    const out = alloc(Uint8Array, bitmapBytes(n));
    gatherBits(d.values as Uint8Array, idx, out);
    return new Column(arrow.makeData({ type: t as arrow.Bool, length: n, nullCount, nullBitmap: bitmap, data: out }));
  }
  const src = d.values as ArrayBufferView & { length: number; BYTES_PER_ELEMENT: number };
  const width = src.BYTES_PER_ELEMENT;
  const buf = alloc(Uint8Array, n * width);
  if (plan && src instanceof Float64Array) applyF64(plan, src, new Float64Array(buf.buffer, 0, n));
  else if (plan && width === 8) applyPairs(plan, new Int32Array(src.buffer, src.byteOffset, src.length * 2), new Int32Array(buf.buffer, 0, n * 2));
  else if (plan && width === 4) applyI32(plan, new Int32Array(src.buffer, src.byteOffset, src.length), new Int32Array(buf.buffer, 0, n));
  else if (src instanceof Float64Array) gatherF64(src, idx, new Float64Array(buf.buffer, 0, n));
  else if (width === 8) gatherPairs(new Int32Array(src.buffer, src.byteOffset, src.length * 2), idx, new Int32Array(buf.buffer, 0, n * 2));
  else if (width === 4) gatherI32(new Int32Array(src.buffer, src.byteOffset, src.length), idx, new Int32Array(buf.buffer, 0, n));
  else if (width === 2) gatherI16(new Int16Array(src.buffer, src.byteOffset, src.length), idx, new Int16Array(buf.buffer, 0, n));
  else gatherU8(new Uint8Array(src.buffer, src.byteOffset, src.length), idx, buf);
  const Ctor = src.constructor as new (b: ArrayBufferLike, o: number, l: number) => Float64Array;
  const data = new Ctor(buf.buffer, 0, n);
  if (arrow.DataType.isDictionary(t)) {
    return new Column(arrow.makeData({ type: t, length: n, nullCount, nullBitmap: bitmap, data: data as unknown as Int32Array, dictionary: d.dictionary as arrow.Vector }));
  }
  return new Column(arrow.makeData({ type: t as arrow.Float64, length: n, nullCount, nullBitmap: bitmap, data }));
}

/**
 * Several columns of one length gathered at the same positions; on large inputs through one shared
 * cache-friendly plan.
 * @example
 * gatherColumns(df.columnList, perm)
 */
export function gatherColumns(cols: readonly Column[], idx: Int32Array): Column[] {
  if (cols.length === 0) return [];
  const fixed = cols.filter((c) => c.dtype !== 'bool' && !(c.dtype === 'string' && !c.isDictionary)).length;
  const plan = idx.length >= PLAN_MIN && cols[0].length >= PLAN_MIN && fixed >= 1 ? gatherPlan(idx, cols[0].length) : undefined;
  let neg = false;
  for (let i = 0; i < idx.length && !neg; i++) if (idx[i] < 0) neg = true;
  return cols.map((c) => gather(c, idx, plan, neg));
}
