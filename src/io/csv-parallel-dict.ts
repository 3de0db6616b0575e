/**
 * Joining the string columns of parsed CSV chunks into one column, with the serial reader's exact
 * choice between a dictionary and plain UTF-8: the chunks' dictionaries are replayed in row order into
 * one, applying `buildDictionary`'s give-up rule at the global row where each value is first seen.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from '../frame/alloc.js';
import { allValid } from '../frame/bitmap.js';
import { Column } from '../frame/column.js';
import { fromCodes } from '../frame/column-build.js';
import { grow32, type ChunkStrings } from './csv-parallel-strings.js';
import { hashBytes, rehash, sameBytes } from './csv-parallel-fields.js';

/** One chunk's part of a string column: its strings (null when every value is missing). */
export interface StringPart {
  strings: ChunkStrings | null;
  rows: number;
  /** First row of the chunk in the frame. */
  offset: number;
  nulls: Int32Array;
  /** The chunk's index (its slots in StringPlace). */
  index: number;
}

/**
 * The column's string arenas and each chunk's slot in them (csv-parallel-chunk.ts ChunkSlots): chunk k's
 * offsets start at offAt[k], its bytes at dataAt[k].
 */
export interface StringPlace {
  offsets: Int32Array;
  data: Uint8Array;
  offAt: readonly number[];
  dataAt: readonly number[];
}

const decoder = new TextDecoder();

/** The global dictionary being replayed: entry bytes copied into one pool. */
class Dict {
  count = 0;
  pool = new Uint8Array(1 << 16);
  used = 0;
  starts: Int32Array = new Int32Array(256);
  ends: Int32Array = new Int32Array(256);
  hashes: Int32Array = new Int32Array(256);
  cap = 1024;
  slots: Int32Array = new Int32Array(1024).fill(-1);

  /** The code of bytes src[s, e) (hash h), or -1 when new. */
  find(src: Uint8Array, s: number, e: number, h: number): number {
    for (let slot = h & (this.cap - 1); ; slot = (slot + 1) & (this.cap - 1)) {
      const idx = this.slots[slot];
      if (idx < 0) return -1;
      if (this.hashes[idx] === h && this.ends[idx] - this.starts[idx] === e - s && sameBytes(this.pool, this.starts[idx], src, s, e - s)) return idx;
    }
  }

  add(src: Uint8Array, s: number, e: number, h: number): number {
    const c = this.count;
    if (c === this.starts.length) {
      this.starts = grow32(this.starts, 2 * c);
      this.ends = grow32(this.ends, 2 * c);
      this.hashes = grow32(this.hashes, 2 * c);
    }
    if (this.used + e - s > this.pool.length) {
      const b = new Uint8Array(Math.max(this.pool.length * 2, this.used + e - s));
      b.set(this.pool.subarray(0, this.used));
      this.pool = b;
    }
    this.pool.set(src.subarray(s, e), this.used);
    this.starts[c] = this.used;
    this.used += e - s;
    this.ends[c] = this.used;
    this.hashes[c] = h;
    this.count++;
    if (this.count * 2 > this.cap) {
      this.cap *= 2;
      this.slots = rehash(this.hashes, this.count, this.cap);
    } else {
      let sl = h & (this.cap - 1);
      while (this.slots[sl] >= 0) sl = (sl + 1) & (this.cap - 1);
      this.slots[sl] = c;
    }
    return c;
  }

  /** The code of a value first seen at global row `row`, or -2 when the serial rule gives up there. */
  code(src: Uint8Array, s: number, e: number, h: number, row: number): number {
    const idx = this.find(src, s, e, h);
    if (idx >= 0) return idx;
    if (this.count > 4096 && this.count * 2 > row + 1) return -2;
    return this.add(src, s, e, h);
  }
}

/** Global codes of one part (local code -> global), or null when the dictionary gives up. */
function replayPart(buf: Uint8Array, d: Dict, p: StringPart): Int32Array | null {
  const st = p.strings;
  if (st === null) return new Int32Array(0);
  if (st.codes !== null) {
    const remap = new Int32Array(st.dictCount);
    for (let k = 0; k < st.dictCount; k++) {
      const c = d.code(buf, st.dictStart[k], st.dictEnd[k], st.dictHash[k], p.offset + st.dictRow[k]);
      if (c === -2) return null;
      remap[k] = c;
    }
    return remap;
  }
  // The chunk gave up on its own, but the whole column may not: go on row by row over its bytes.
  const offs = st.offsets as Int32Array;
  const data = st.data as Uint8Array;
  const codes = new Int32Array(p.rows);
  let ni = 0;
  for (let r = 0; r < p.rows; r++) {
    if (ni < p.nulls.length && p.nulls[ni] === r) {
      ni++;
      codes[r] = -1;
      continue;
    }
    const s = offs[r];
    const e = offs[r + 1];
    const c = d.code(data, s, e, hashBytes(data, s, e), p.offset + r);
    if (c === -2) return null;
    codes[r] = c;
  }
  return codes;
}

/**
 * The string column of all parts, dictionary-encoded exactly when the serial reader would have.
 * @example
 * joinStrings(buf, parts, n)
 */
export function joinStrings(buf: Uint8Array, parts: readonly StringPart[], n: number, place?: StringPlace): Column {
  // The first chunk's own dictionary follows the same rule over the same rows as the column's: when
  // it gave up (no codes), the column's gives up too, and replaying its rows would only say so.
  const first = parts.length ? parts[0].strings : null;
  let alive = !parts.some((p) => p.strings?.escaped === true) && !(parts[0]?.offset === 0 && first !== null && first.codes === null);
  const maps: Int32Array[] = [];
  const d = new Dict();
  for (const p of parts) {
    if (!alive) break;
    const m = replayPart(buf, d, p);
    if (m === null) alive = false;
    else maps.push(m);
  }
  if (alive && d.count * 2 > n) alive = false;
  if (alive) {
    const only = parts.length === 1 ? parts[0].strings?.codes : null;
    // One chunk: its codes are the column's (its entries were all new, in the same order).
    const codes = only ?? alloc(Int32Array, n);
    if (!only) parts.forEach((p, i) => {
      const st = p.strings;
      const m = maps[i];
      const out = codes.subarray(p.offset, p.offset + p.rows);
      if (st === null) out.fill(-1);
      else if (st.codes !== null) {
        const cs = st.codes;
        for (let r = 0; r < p.rows; r++) out[r] = cs[r] < 0 ? -1 : m[cs[r]];
      } else out.set(m);
    });
    const dictionary = new Array<string>(d.count);
    for (let c = 0; c < d.count; c++) dictionary[c] = decoder.decode(d.pool.subarray(d.starts[c], d.ends[c]));
    return fromCodes(codes, dictionary);
  }
  return (place && joinUtf8InPlace(parts, n, place)) ?? joinUtf8(buf, parts, n);
}

/** Validity of n rows from the parts' missing rows (null when none is missing), and their count. */
function partValidity(parts: readonly StringPart[], n: number): [Uint8Array | null, number] {
  let nulls = 0;
  for (const p of parts) nulls += p.nulls.length;
  if (nulls === 0) return [null, 0];
  const validity = allValid(n);
  for (const p of parts) for (const r of p.nulls) validity[(p.offset + r) >> 3] &= ~(1 << ((p.offset + r) & 7));
  return [validity, nulls];
}

/**
 * Plain UTF-8 from parts whose offsets and bytes are all in their slots: both moved down in place so
 * that they follow each other (a part's slot starts at or after where its values go, and parts come
 * in order, so nothing is overwritten before it is read); null when a part is elsewhere.
 */
function joinUtf8InPlace(parts: readonly StringPart[], n: number, place: StringPlace): Column | null {
  let bytes = 0;
  for (const p of parts) {
    const st = p.strings;
    if (st !== null && (!st.inSlot || st.data === null)) return null;
    if (p.offset > place.offAt[p.index] || (st?.data && bytes > place.dataAt[p.index])) return null;
    bytes += st?.data?.length ?? 0;
  }
  if (n + 1 > place.offsets.length) return null;
  const { offsets, data } = place;
  let o = 0;
  for (const p of parts) {
    const st = p.strings;
    const base = p.offset;
    if (st === null || st.data === null) {
      offsets.fill(o, base + 1, base + p.rows + 1);
      continue;
    }
    const from = place.offAt[p.index];
    const len = st.data.length;
    if (place.dataAt[p.index] !== o) data.copyWithin(o, place.dataAt[p.index], place.dataAt[p.index] + len);
    for (let r = 1; r <= p.rows; r++) offsets[base + r] = o + offsets[from + r];
    o += len;
  }
  offsets[0] = 0;
  const [validity, nulls] = partValidity(parts, n);
  return utf8Column(n, nulls, validity, offsets.subarray(0, n + 1), data.subarray(0, o));
}

/** Plain UTF-8: the parts' bytes one after another (parts that kept a dictionary are expanded). */
function joinUtf8(buf: Uint8Array, parts: readonly StringPart[], n: number): Column {
  let total = 0;
  for (const p of parts) {
    const st = p.strings;
    if (st === null) continue;
    if (st.data !== null) total += st.data.length;
    else {
      const cs = st.codes as Int32Array;
      for (let r = 0; r < p.rows; r++) if (cs[r] >= 0) total += st.dictEnd[cs[r]] - st.dictStart[cs[r]];
    }
  }
  const [validity, nulls] = partValidity(parts, n);
  const one = parts.length === 1 ? parts[0].strings : null;
  if (one?.offsets && one.data) return utf8Column(n, nulls, validity, one.offsets, one.data);
  const offsets = alloc(Int32Array, n + 1);
  const data = alloc(Uint8Array, total);
  let o = 0;
  for (const p of parts) {
    const st = p.strings;
    const base = p.offset;
    if (st === null) offsets.fill(o, base + 1, base + p.rows + 1);
    else if (st.data !== null && st.offsets !== null) {
      const so = st.offsets;
      data.set(st.data, o);
      for (let r = 1; r <= p.rows; r++) offsets[base + r] = o + so[r];
      o += st.data.length;
    } else {
      const cs = st.codes as Int32Array;
      for (let r = 0; r < p.rows; r++) {
        const c = cs[r];
        if (c >= 0) {
          const s = st.dictStart[c];
          const len = st.dictEnd[c] - s;
          for (let i = 0; i < len; i++) data[o + i] = buf[s + i];
          o += len;
        }
        offsets[base + r + 1] = o;
      }
    }
  }
  return utf8Column(n, nulls, validity, offsets, data);
}

function utf8Column(n: number, nulls: number, validity: Uint8Array | null, offsets: Int32Array, data: Uint8Array): Column {
  return new Column(arrow.makeData({
    type: new arrow.Utf8(), length: n, nullCount: nulls, nullBitmap: validity ?? undefined, valueOffsets: offsets, data,
  }));
}
