/**
 * String columns of a parsed CSV chunk, built while the chunk is scanned: first as a dictionary
 * (hashing each field's bytes, FNV-1a, open addressing) under the serial `buildDictionary` rule by
 * local row; once that gives up (or a field holds `""` escapes) as UTF-8 bytes in Arrow's layout.
 * The main thread joins the chunks' dictionaries exactly as the serial builder would have grown one
 * (csv-parallel-dict.ts).
 * @module
 */
import { alloc } from '../frame/alloc.js';
import { copyField, hashBytes, rehash, sameBytes } from './csv-parallel-fields.js';

/** The strings of one chunk column. */
export interface ChunkStrings {
  /** Dictionary codes per row (-1 missing); null when the dictionary gave up or a field holds `""`. */
  codes: Int32Array | null;
  /** Dictionary entries in first-seen order: byte spans in the file, first row, hash. */
  dictStart: Int32Array;
  dictEnd: Int32Array;
  dictRow: Int32Array;
  dictHash: Int32Array;
  dictCount: number;
  /** UTF-8 offsets (rows + 1) and bytes; null when `codes` is set. */
  offsets: Int32Array | null;
  data: Uint8Array | null;
  /** A field holds `""` escapes (the serial reader then never dictionary-encodes the column). */
  escaped: boolean;
  /** `offsets` and `data` are in the chunk's slots of the column's arenas (StringSlot). */
  inSlot: boolean;
}

/** Where a chunk's UTF-8 strings go while they fit: its slots of the column's offset and byte arenas. */
export interface StringSlot {
  offsets: Int32Array;
  data: Uint8Array;
}

/**
 * `a`'s first values in a new array of `n`.
 * @example
 * grow32(Int32Array.of(1, 2), 4) // Int32Array [1, 2, 0, 0]
 */
export function grow32(a: Int32Array, n: number): Int32Array {
  const b = alloc(Int32Array, n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}

/** Appends one chunk column's strings row by row (every row gets exactly one call, in order). */
export class StringBuilder {
  alive = true;
  escaped = false;
  codes: Int32Array;
  count = 0;
  dStart: Int32Array = new Int32Array(256);
  dEnd: Int32Array = new Int32Array(256);
  dRow: Int32Array = new Int32Array(256);
  dHash: Int32Array = new Int32Array(256);
  slotCap = 1024;
  slots: Int32Array = new Int32Array(1024).fill(-1);
  offsets: Int32Array = new Int32Array(0);
  data: Uint8Array = new Uint8Array(0);
  used = 0;

  /** Room for `cap` rows; rows [0, nulls) are missing (a column whose first values were all missing). */
  constructor(
    private cap: number,
    nulls: number,
    private readonly slot: StringSlot | null = null,
  ) {
    this.codes = alloc(Int32Array, cap);
    this.codes.fill(-1, 0, nulls);
  }

  /** Room for `cap` rows. */
  resize(cap: number): void {
    this.cap = cap;
    if (this.alive) this.codes = grow32(this.codes, cap);
    else this.offsets = grow32(this.offsets, cap + 1);
  }

  /** Row `row` is missing. */
  addNull(row: number): void {
    if (this.alive) this.codes[row] = -1;
    else {
      // After row row - 1's bytes (the generated row loops keep `used` only in the offsets).
      this.used = this.offsets[row];
      this.offsets[row + 1] = this.used;
    }
  }

  /** Row `row` is buf[s, e). */
  add(buf: Uint8Array, s: number, e: number, row: number): void {
    if (this.alive) {
      const h = hashBytes(buf, s, e);
      const mask = this.slotCap - 1;
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const idx = this.slots[slot];
        if (idx < 0) {
          if (this.count > 4096 && this.count * 2 > row + 1) break;
          this.insert(slot, s, e, h, row);
          return;
        }
        if (this.dHash[idx] === h && this.dEnd[idx] - this.dStart[idx] === e - s && sameBytes(buf, this.dStart[idx], buf, s, e - s)) {
          this.codes[row] = idx;
          return;
        }
      }
      this.toUtf8(buf, row);
    }
    this.append(buf, s, e, false, row);
  }

  /** Row `row` is the quoted field buf[s, e) with `""` escapes. */
  addEscaped(buf: Uint8Array, s: number, e: number, row: number): void {
    this.escaped = true;
    if (this.alive) this.toUtf8(buf, row);
    this.append(buf, s, e, true, row);
  }

  private insert(slot: number, s: number, e: number, h: number, row: number): void {
    const c = this.count;
    if (c === this.dStart.length) {
      this.dStart = grow32(this.dStart, 2 * c);
      this.dEnd = grow32(this.dEnd, 2 * c);
      this.dRow = grow32(this.dRow, 2 * c);
      this.dHash = grow32(this.dHash, 2 * c);
    }
    this.dStart[c] = s;
    this.dEnd[c] = e;
    this.dRow[c] = row;
    this.dHash[c] = h;
    this.slots[slot] = c;
    this.codes[row] = c;
    this.count = c + 1;
    if (this.count * 2 > this.slotCap) {
      this.slotCap *= 2;
      this.slots = rehash(this.dHash, this.count, this.slotCap);
    }
  }

  /** Gives up the dictionary: rows [0, row) become UTF-8 bytes. */
  private toUtf8(buf: Uint8Array, row: number): void {
    this.alive = false;
    let bytes = 0;
    for (let c = 0; c < this.count; c++) bytes += this.dEnd[c] - this.dStart[c];
    const slot = this.slot;
    if (slot && this.cap + 1 <= slot.offsets.length) {
      // The slots: memory of this chunk's own that the join compacts in place (may hold an earlier reading).
      this.offsets = slot.offsets.subarray(0, this.cap + 1);
      this.offsets[0] = 0;
      this.data = slot.data;
    } else {
      this.offsets = alloc(Int32Array, this.cap + 1);
      this.data = alloc(Uint8Array, Math.max(1024, Math.ceil((bytes / Math.max(1, this.count)) * this.cap * 1.2)));
    }
    let o = 0;
    for (let r = 0; r < row; r++) {
      const c = this.codes[r];
      if (c >= 0) o = this.copy(buf, this.dStart[c], this.dEnd[c], false, o);
      this.offsets[r + 1] = o;
    }
    this.used = o;
    this.codes = new Int32Array(0);
  }

  private copy(buf: Uint8Array, s: number, e: number, esc: boolean, o: number): number {
    if (o + e - s > this.data.length) {
      const b = alloc(Uint8Array, Math.max(this.data.length * 2, o + e - s));
      b.set(this.data.subarray(0, o));
      this.data = b;
    }
    return copyField(buf, s, e, esc, this.data, o);
  }

  /** Writes row `row`'s bytes after row row - 1's (so a row read again replaces its first reading). */
  private append(buf: Uint8Array, s: number, e: number, esc: boolean, row: number): void {
    this.used = this.copy(buf, s, e, esc, this.offsets[row]);
    this.offsets[row + 1] = this.used;
  }

  /** The chunk's strings for `rows` rows. */
  finish(rows: number): ChunkStrings {
    const c = this.count;
    const slot = this.slot;
    const inSlot = !this.alive && slot !== null && this.offsets.buffer === slot.offsets.buffer && this.offsets.byteOffset === slot.offsets.byteOffset &&
      this.data.buffer === slot.data.buffer && this.data.byteOffset === slot.data.byteOffset;
    return {
      codes: this.alive ? this.codes.subarray(0, rows) : null,
      dictStart: this.dStart.subarray(0, c), dictEnd: this.dEnd.subarray(0, c), dictRow: this.dRow.subarray(0, c), dictHash: this.dHash.subarray(0, c), dictCount: c,
      offsets: this.alive ? null : this.offsets.subarray(0, rows + 1), data: this.alive ? null : this.data.subarray(0, this.used), escaped: this.escaped, inSlot,
    };
  }
}

/**
 * One builder kept alive for the life of the thread. V8 collects an object layout (map) once no live
 * object has it, and then throws away the optimized code of every function that depended on it; with
 * all builders of a read garbage by the next read, the parser's compiled code was discarded after
 * each read (seen with --trace-deopt: "weak objects"), and every read ran part-interpreted.
 */
export const keptBuilder = new StringBuilder(0, 0);
