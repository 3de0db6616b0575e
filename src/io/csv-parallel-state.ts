/**
 * Per-column state of the fused CSV chunk parser while a chunk is parsed (growable typed arrays of
 * the column's kind, in the chunk's arena slot while it fits), and what a finished column hands over.
 * @module
 */
import { alloc } from '../frame/alloc.js';
import { StringBuilder, type StringSlot } from './csv-parallel-strings.js';
import { K_BOOL, K_DATE, K_NONE, K_NUM, K_SKIP, K_STR } from './csv-parallel-fields.js';
import { M_BOOL, M_DATE, M_INFER, M_SKIP, M_STR, type ChunkColumn } from './csv-parallel-types.js';

/**
 * Growable per-column state while a chunk is parsed.
 * @example
 * const st = new ColState(M_INFER); st.size(1024, 0);
 */
export class ColState {
  kind: number;
  f64: Float64Array = new Float64Array(0);
  words: Int32Array = new Int32Array(0);
  bytes: Uint8Array = new Uint8Array(0);
  str: StringBuilder | null = null;
  nulls = new Int32Array(16);
  nullCount = 0;
  allInt = true;
  bigRows: number[] = [];
  bigVals: bigint[] = [];
  /** This chunk's slot in the column's arena (ChunkSlots), or null. */
  slot: Float64Array | null = null;
  /** This chunk's slots for UTF-8 strings, or null. */
  strSlot: StringSlot | null = null;

  constructor(readonly mode: number) {
    this.kind = mode === M_SKIP ? K_SKIP : mode === M_INFER ? K_NONE : mode === M_STR ? K_STR : mode === M_BOOL ? K_BOOL : mode === M_DATE ? K_DATE : K_NUM;
  }

  /** Allocates the arrays of the current kind for `cap` rows, keeping rows [0, rows). */
  size(cap: number, rows: number): void {
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number, mk: (n: number) => T): T => {
      const b = mk(n);
      b.set(a.subarray(0, Math.min(a.length, n)));
      return b;
    };
    // The slot while it is large enough (its memory is this chunk's own: nothing to copy).
    const slot = this.slot !== null && cap <= this.slot.length ? this.slot : null;
    if (this.kind === K_NUM) {
      const had = this.f64.length;
      this.f64 = slot && (had === 0 || this.f64.buffer === slot.buffer) ? slot.subarray(0, cap) : grow(this.f64, cap, (n) => alloc(Float64Array, n));
      if (had === 0) this.f64.fill(NaN, 0, rows);
    } else if (this.kind === K_DATE) {
      const had = this.words.length;
      if (slot && (had === 0 || this.words.buffer === slot.buffer)) {
        this.words = new Int32Array(slot.buffer, slot.byteOffset, 2 * cap);
        if (had === 0) this.words.fill(0, 0, 2 * rows);
      } else this.words = grow(this.words, 2 * cap, (n) => alloc(Int32Array, n));
    }
    else if (this.kind === K_BOOL) this.bytes = grow(this.bytes, cap, (n) => alloc(Uint8Array, n));
    else if (this.kind === K_STR) {
      if (this.str) this.str.resize(cap);
      else this.str = new StringBuilder(cap, rows, this.strSlot);
    }
  }

  addNull(row: number): void {
    if (this.nullCount === this.nulls.length) {
      const b = new Int32Array(this.nulls.length * 4);
      b.set(this.nulls);
      this.nulls = b;
    }
    this.nulls[this.nullCount++] = row;
    if (this.kind === K_NUM) this.f64[row] = NaN;
    else if (this.kind === K_DATE) {
      // Missing dates hold 0 (a slot may hold an earlier reading of the chunk).
      this.words[2 * row] = 0;
      this.words[2 * row + 1] = 0;
    }
    else if (this.str) this.str.addNull(row);
  }
}

/**
 * The integers of `f` as int64 over the same memory (each element's 8 bytes are read before rewritten),
 * or null, with `f` unchanged, when one is -0 (which a float64 column must keep).
 */
function toInt64InPlace(f: Float64Array): BigInt64Array | null {
  const w = new Int32Array(f.buffer, f.byteOffset, 2 * f.length);
  for (let i = 0; i < f.length; i++) {
    const v = f[i];
    if (v === 0 && 1 / v < 0) {
      for (let k = 0; k < i; k++) f[k] = w[2 * k + 1] * 4294967296 + (w[2 * k] >>> 0);
      return null;
    }
    const hi = Math.floor(v / 4294967296);
    w[2 * i] = (v - hi * 4294967296) | 0;
    w[2 * i + 1] = hi;
  }
  return new BigInt64Array(f.buffer, f.byteOffset, f.length);
}

function packBits(bytes: Uint8Array, rows: number): Uint8Array {
  const bits = new Uint8Array((rows + 7) >> 3);
  for (let r = 0; r < rows; r++) bits[r >> 3] |= bytes[r] << (r & 7);
  return bits;
}

/**
 * A parsed column of `rows` rows as the chunk result holds it (`failed`: the chunk gave up; no values).
 * @example
 * const col = finish(st, rows, false);
 */
export function finish(st: ColState, rows: number, failed: boolean): ChunkColumn {
  const col: ChunkColumn = {
    kind: st.kind, nulls: st.nulls.subarray(0, st.nullCount), allInt: st.allInt,
    f64: null, i64: null, bigRows: st.bigRows, bigVals: st.bigVals, words: null, bits: null, strings: null, inSlot: false,
  };
  if (failed) return col;
  if (st.kind === K_NUM) {
    col.f64 = st.f64.subarray(0, rows);
    // Integers without a missing value are likely an int64 column: converted here, in parallel.
    if (st.allInt && st.nullCount === 0) col.i64 = toInt64InPlace(col.f64);
  } else if (st.kind === K_DATE) col.words = st.words.subarray(0, 2 * rows);
  else if (st.kind === K_BOOL) col.bits = packBits(st.bytes, rows);
  else if (st.kind === K_STR) col.strings = (st.str as StringBuilder).finish(rows);
  // Decided here, where the slot and the values are the same buffer object (a worker's results reach
  // the caller through a copy of the message, with new objects over the same shared memory).
  const v = col.f64 ?? col.words;
  col.inSlot = v !== null && st.slot !== null && v.buffer === st.slot.buffer && v.byteOffset === st.slot.byteOffset;
  return col;
}
