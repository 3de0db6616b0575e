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
import { gatherOnTeam } from './gather-team.js';
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

/**
 * A column of `col`'s type (dictionary kept) over `n` values in `buf` (from offset 0), e.g. gathered
 * or compacted values.
 * @example
 * finishGather(col, buf, n, undefined, 0)
 */
export function finishGather(col: Column, buf: Uint8Array, n: number, bitmap: Uint8Array | undefined, nullCount: number): Column {
  const d = col.data;
  const t = d.type;
  const Ctor = (d.values as object).constructor as new (b: ArrayBufferLike, o: number, l: number) => Float64Array;
  const data = new Ctor(buf.buffer, 0, n);
  if (arrow.DataType.isDictionary(t)) {
    return new Column(arrow.makeData({ type: t, length: n, nullCount, nullBitmap: bitmap, data: data as unknown as Int32Array, dictionary: d.dictionary as arrow.Vector }));
  }
  return new Column(arrow.makeData({ type: t as arrow.Float64, length: n, nullCount, nullBitmap: bitmap, data }));
}

/**
 * The column with its values on shared memory (copied when large and not shared yet), so the thread
 * team can gather it without a copy at gather time; other columns are returned as they are.
 * @example
 * const movable = others.map(shareColumn); // while the team sorts
 */
export function shareColumn(col: Column): Column {
  const src = col.data.values as TeamTyped;
  if (!fixedWidth(col) || src.buffer instanceof SharedArrayBuffer || src.byteLength < 1 << 16) return col;
  const bytes = alloc(Uint8Array, src.byteLength);
  bytes.set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength));
  return finishGather(col, bytes, col.length, col.validity ?? undefined, col.nullCount);
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
  return finishGather(col, l.buf, n, bitmap, nullCount);
}

/**
 * Several columns of one length gathered at the same positions: on large inputs on the thread team
 * when it is up (gather-team.ts), else through one shared cache-friendly plan. `anyNeg` (whether
 * some position is -1) skips the scan when the caller knows, e.g. for a permutation.
 * @example
 * gatherColumns(df.columnList, perm)
 */
export function gatherColumns(cols: readonly Column[], idx: Int32Array, anyNeg?: boolean): Column[] {
  if (cols.length === 0) return [];
  const n = idx.length;
  let neg = anyNeg ?? false;
  if (anyNeg === undefined) for (let i = 0; i < n && !neg; i++) if (idx[i] < 0) neg = true;
  const fixed = cols.filter(fixedWidth);
  const threads = n >= PAR_MIN && fixed.length > 0 ? teamThreads({ whenIdle: true }) : 1;
  if (threads > 1) {
    const lanes = fixed.map((c) => lane(c, n, true));
    const args: GatherArgs = { idx: shared(idx), srcLength: cols[0].length, srcs: lanes.map((l) => l.src), outs: lanes.map((l) => l.out), kinds: lanes.map((l) => l.kind) };
    // More parts than threads: a thread held back by the OS leaves its parts to the others. Large
    // gathers go through the blocked plan; smaller ones read directly.
    const parts = Math.min(4 * threads, 32);
    if (n >= PLAN_MIN && cols[0].length >= PLAN_MIN) gatherOnTeam(args, parts);
    else runParts(gatherRows, args, parts);
    const done = new Map(fixed.map((c, k) => [c, lanes[k].buf]));
    return cols.map((c) => {
      const buf = done.get(c);
      if (!buf) return gather(c, idx, undefined, neg);
      const { bitmap, nullCount } = gatherValidity(c, idx, neg);
      return finishGather(c, buf, n, bitmap, nullCount);
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

// Byte-mask compaction lives in compact.ts (filtering on packed bits); re-exported for existing importers.
export { compact, maskCount } from './compact.js';
