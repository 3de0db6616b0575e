/**
 * Fast row gather for the verbs that reorder whole frames (sort, merge, loc). Every element width
 * has its own small loop over one typed-array class, so each loop stays monomorphic in V8 (one
 * function over all typed-array classes runs 10x slower on large inputs); 64-bit integers move as two
 * 32-bit words (bit-exact, no BigInt); dictionary strings keep their dictionary Vector (no re-encoding);
 * plain strings copy UTF-8 bytes; bools move bits. A negative position gives a null. `compact` keeps
 * the rows of a byte mask the same way, without an index array (branch-free loops per width).
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from '../alloc.js';
import { bitmapBytes, popcount } from '../bitmap.js';
import { Column } from '../column.js';
import { gatherPlan, type GatherPlan } from './gather-plan.js';
import { F64, gatherRange, gatherRows, I16, I32, PAIRS, PLAN_MIN, U8, type GatherArgs } from './gather-par.js';
import { runParts, teamThreads } from '../../parallel/team.js';
import type { TeamTyped } from '../../parallel/team-kernel.js';

/** From this many output rows a gather runs on the thread team (when it is up). */
const PAR_MIN = 1 << 17;

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

/** A fixed-width column's values as the gather loops see them: layout, source view, output view. */
interface Lane {
  kind: number;
  src: TeamTyped;
  out: TeamTyped;
  buf: Uint8Array;
}

/** The values of a fixed-width column (not bool, not plain strings) set up for a gather of `n` rows. */
function lane(col: Column, n: number, share: boolean): Lane {
  let src = col.data.values as TeamTyped;
  // The team reads shared memory only: a large column on a plain buffer is copied once (a streaming
  // copy costs a small part of the random-access gather it lets two threads share).
  if (share && !(src.buffer instanceof SharedArrayBuffer)) {
    const Ctor = src.constructor as new (b: ArrayBufferLike, o: number, l: number) => TeamTyped;
    const copy = alloc(Uint8Array, src.byteLength);
    copy.set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength));
    src = new Ctor(copy.buffer, 0, src.length);
  }
  const width = src.BYTES_PER_ELEMENT;
  const buf = alloc(Uint8Array, n * width);
  if (src instanceof Float64Array) return { kind: F64, src, out: new Float64Array(buf.buffer, 0, n), buf };
  if (width === 8) return { kind: PAIRS, src: new Int32Array(src.buffer, src.byteOffset, src.length * 2), out: new Int32Array(buf.buffer, 0, n * 2), buf };
  if (width === 4) return { kind: I32, src: new Int32Array(src.buffer, src.byteOffset, src.length), out: new Int32Array(buf.buffer, 0, n), buf };
  if (width === 2) return { kind: I16, src: new Int16Array(src.buffer, src.byteOffset, src.length), out: new Int16Array(buf.buffer, 0, n), buf };
  return { kind: U8, src: new Uint8Array(src.buffer, src.byteOffset, src.length), out: buf, buf };
}

/** The gathered column from its value bytes (same type, dictionary kept). */
function finish(col: Column, buf: Uint8Array, n: number, bitmap: Uint8Array | undefined, nullCount: number): Column {
  const d = col.data;
  const t = d.type;
  const Ctor = (d.values as object).constructor as new (b: ArrayBufferLike, o: number, l: number) => Float64Array;
  const data = new Ctor(buf.buffer, 0, n);
  if (arrow.DataType.isDictionary(t)) {
    return new Column(arrow.makeData({ type: t, length: n, nullCount, nullBitmap: bitmap, data: data as unknown as Int32Array, dictionary: d.dictionary as arrow.Vector }));
  }
  return new Column(arrow.makeData({ type: t as arrow.Float64, length: n, nullCount, nullBitmap: bitmap, data }));
}

/** True for a column whose values the lane loops move (not bool bits, not plain UTF-8). */
function fixedWidth(c: Column): boolean {
  return c.dtype !== 'bool' && !(c.dtype === 'string' && !c.isDictionary);
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
  if (col.dtype === 'string' && !col.isDictionary) return new Column(gatherUtf8(col, idx));
  const { bitmap, nullCount } = gatherValidity(col, idx, anyNeg);
  if (col.dtype === 'bool') {
    const out = alloc(Uint8Array, bitmapBytes(n));
    gatherBits(d.values as Uint8Array, idx, out);
    return new Column(arrow.makeData({ type: d.type as arrow.Bool, length: n, nullCount, nullBitmap: bitmap, data: out }));
  }
  const l = lane(col, n, false);
  gatherRange({ idx, srcLength: col.length, srcs: [l.src], outs: [l.out], kinds: [l.kind] }, 0, n, plan);
  return finish(col, l.buf, n, bitmap, nullCount);
}

/**
 * Several columns of one length gathered at the same positions: on large inputs on the thread team
 * (each thread a range of output rows of every column) when it is up, else through one shared
 * cache-friendly plan.
 * @example
 * gatherColumns(df.columnList, perm)
 */
export function gatherColumns(cols: readonly Column[], idx: Int32Array): Column[] {
  if (cols.length === 0) return [];
  const n = idx.length;
  let neg = false;
  for (let i = 0; i < n && !neg; i++) if (idx[i] < 0) neg = true;
  const fixed = cols.filter(fixedWidth);
  const threads = n >= PAR_MIN && fixed.length > 0 ? teamThreads() : 1;
  if (threads > 1) {
    const lanes = fixed.map((c) => lane(c, n, true));
    const args: GatherArgs = { idx: shared(idx), srcLength: cols[0].length, srcs: lanes.map((l) => l.src), outs: lanes.map((l) => l.out), kinds: lanes.map((l) => l.kind) };
    runParts(gatherRows, args, threads);
    const done = new Map(fixed.map((c, k) => [c, lanes[k].buf]));
    return cols.map((c) => {
      const buf = done.get(c);
      if (!buf) return gather(c, idx, undefined, neg);
      const { bitmap, nullCount } = gatherValidity(c, idx, neg);
      return finish(c, buf, n, bitmap, nullCount);
    });
  }
  const plan = n >= PLAN_MIN && cols[0].length >= PLAN_MIN && fixed.length >= 1 ? gatherPlan(idx, cols[0].length) : undefined;
  return cols.map((c) => gather(c, idx, plan, neg));
}

/** `idx` on shared memory (copied when it is not). */
function shared(idx: Int32Array): Int32Array {
  if (idx.buffer instanceof SharedArrayBuffer) return idx;
  const out = alloc(Int32Array, idx.length);
  out.set(idx);
  return out;
}

// Mask loops below are branch-free: (x + 255) >> 8 is 1 exactly when the byte x is 1..255 (a random
// mask defeats branch prediction, which made the branching loops 4-6x slower on 10M rows).

/**
 * Number of non-zero bytes of a mask (branch-free).
 * @example
 * maskCount(Uint8Array.of(0, 1, 2)) // 2
 */
export function maskCount(mask: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += (mask[i] + 255) >> 8;
  return c;
}

// Compaction loops: every row is written at the next output slot and the slot advances only for kept
// rows, so `out` needs one spare element (the last write may land past the kept rows).
function compactF64(src: Float64Array, m: Uint8Array, out: Float64Array): void {
  for (let i = 0, j = 0; i < m.length; i++) {
    out[j] = src[i];
    j += (m[i] + 255) >> 8;
  }
}

function compactI32(src: Int32Array, m: Uint8Array, out: Int32Array): void {
  for (let i = 0, j = 0; i < m.length; i++) {
    out[j] = src[i];
    j += (m[i] + 255) >> 8;
  }
}

function compactPairs(src: Int32Array, m: Uint8Array, out: Int32Array): void {
  for (let i = 0, j = 0; i < m.length; i++) {
    out[2 * j] = src[2 * i];
    out[2 * j + 1] = src[2 * i + 1];
    j += (m[i] + 255) >> 8;
  }
}

function compactI16(src: Int16Array, m: Uint8Array, out: Int16Array): void {
  for (let i = 0, j = 0; i < m.length; i++) {
    out[j] = src[i];
    j += (m[i] + 255) >> 8;
  }
}

function compactU8(src: Uint8Array, m: Uint8Array, out: Uint8Array): void {
  for (let i = 0, j = 0; i < m.length; i++) {
    out[j] = src[i];
    j += (m[i] + 255) >> 8;
  }
}

/** Kept bits of a bitmap (`out` zeroed, one spare bit); returns the number of set bits kept. */
function compactBits(src: Uint8Array, m: Uint8Array, out: Uint8Array): number {
  let set = 0;
  for (let i = 0, j = 0; i < m.length; i++) {
    const keep = (m[i] + 255) >> 8;
    const bit = ((src[i >> 3] >> (i & 7)) & 1) & keep;
    out[j >> 3] |= bit << (j & 7);
    set += bit;
    j += keep;
  }
  return set;
}

/**
 * The rows of `col` where the byte mask is non-zero (`count` = maskCount(mask)), as a new column of the
 * same type: fixed-width values and dictionary codes are compacted directly (the dictionary is kept),
 * validity only when the column has nulls, and dropped when none survive. Plain strings gather by the
 * kept positions.
 * @example
 * compact(fromValues([1.5, 2.5, 3.5]), Uint8Array.of(1, 0, 1), 2) // [1.5, 3.5]
 */
export function compact(col: Column, mask: Uint8Array, count: number = maskCount(mask)): Column {
  const n = count;
  const d = col.data;
  const t = d.type;
  if (col.dtype === 'string' && !col.isDictionary) {
    const idx = new Int32Array(n + 1);
    for (let i = 0, j = 0; i < mask.length; i++) {
      idx[j] = i;
      j += (mask[i] + 255) >> 8;
    }
    return new Column(gatherUtf8(col, idx.subarray(0, n)));
  }
  let bitmap: Uint8Array | undefined;
  let nullCount = 0;
  const v = col.validity;
  if (v !== null && col.nullCount > 0) {
    const out = alloc(Uint8Array, bitmapBytes(n + 1));
    nullCount = n - compactBits(v, mask, out);
    if (nullCount > 0) bitmap = out;
  }
  if (col.dtype === 'bool') {
    const out = alloc(Uint8Array, bitmapBytes(n + 1));
    compactBits(d.values as Uint8Array, mask, out);
    return new Column(arrow.makeData({ type: t as arrow.Bool, length: n, nullCount, nullBitmap: bitmap, data: out }));
  }
  const src = d.values as ArrayBufferView & { length: number; BYTES_PER_ELEMENT: number };
  const width = src.BYTES_PER_ELEMENT;
  const buf = alloc(Uint8Array, (n + 1) * width);
  if (src instanceof Float64Array) compactF64(src, mask, new Float64Array(buf.buffer, 0, n + 1));
  else if (width === 8) compactPairs(new Int32Array(src.buffer, src.byteOffset, src.length * 2), mask, new Int32Array(buf.buffer, 0, 2 * n + 2));
  else if (width === 4) compactI32(new Int32Array(src.buffer, src.byteOffset, src.length), mask, new Int32Array(buf.buffer, 0, n + 1));
  else if (width === 2) compactI16(new Int16Array(src.buffer, src.byteOffset, src.length), mask, new Int16Array(buf.buffer, 0, n + 1));
  else compactU8(new Uint8Array(src.buffer, src.byteOffset, src.length), mask, buf);
  const Ctor = src.constructor as new (b: ArrayBufferLike, o: number, l: number) => Float64Array;
  const data = new Ctor(buf.buffer, 0, n);
  if (arrow.DataType.isDictionary(t)) {
    return new Column(arrow.makeData({ type: t, length: n, nullCount, nullBitmap: bitmap, data: data as unknown as Int32Array, dictionary: d.dictionary as arrow.Vector }));
  }
  return new Column(arrow.makeData({ type: t as arrow.Float64, length: n, nullCount, nullBitmap: bitmap, data }));
}
