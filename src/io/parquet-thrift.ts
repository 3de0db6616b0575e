/**
 * The Thrift compact protocol, as Parquet footers use it: a lossless decode into a small tree and the
 * encode back, so a footer can be edited (columns or row groups dropped, offsets moved) without a
 * schema of every Parquet struct. Unknown fields survive as they are. i64 values are bigint (exact).
 * Malformed input is a ParseError, never a crash or an endless loop.
 * @module
 */
import { ParseError } from '../errors.js';

/** Compact-protocol type ids. */
export const T = { TRUE: 1, FALSE: 2, BYTE: 3, I16: 4, I32: 5, I64: 6, DOUBLE: 7, BINARY: 8, LIST: 9, SET: 10, MAP: 11, STRUCT: 12 } as const;

/** A decoded value; the type of a value is carried by the field or list that holds it. */
export type TValue = boolean | number | bigint | Uint8Array | TList | TMap | TStruct;
/** A list or set. */
export interface TList { elem: number; items: TValue[] }
/** A map. */
export interface TMap { key: number; val: number; entries: [TValue, TValue][] }
/** One field of a struct. */
export interface TField { id: number; type: number; value: TValue }
/** A struct: its fields in file order. */
export interface TStruct { fields: TField[] }

const MAX_DEPTH = 64;

/** A reader over `buf[pos..end)`. */
class Reader {
  pos: number;
  constructor(readonly buf: Uint8Array, pos: number, readonly end: number) {
    this.pos = pos;
  }
  byte(): number {
    if (this.pos >= this.end) throw new ParseError('Parquet footer is truncated or corrupt (Thrift data runs past its end)');
    return this.buf[this.pos++];
  }
  varint(): bigint {
    let out = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const b = this.byte();
      out |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return out;
    }
    throw new ParseError('Parquet footer is corrupt (a Thrift varint is too long)');
  }
  small(): number {
    let out = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      out += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return out;
    }
    throw new ParseError('Parquet footer is corrupt (a Thrift varint is too long)');
  }
  zigzag32(): number {
    const u = this.small();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }
}

function readValue(r: Reader, type: number, depth: number): TValue {
  if (depth > MAX_DEPTH) throw new ParseError('Parquet footer is corrupt (Thrift structs nested too deep)');
  switch (type) {
    case T.TRUE: return true;
    case T.FALSE: return false;
    case T.BYTE: return (r.byte() << 24) >> 24;
    case T.I16: case T.I32: return r.zigzag32();
    case T.I64: {
      const u = r.varint();
      return (u >> 1n) ^ -(u & 1n);
    }
    case T.DOUBLE: {
      if (r.pos + 8 > r.end) throw new ParseError('Parquet footer is truncated or corrupt');
      const v = new DataView(r.buf.buffer, r.buf.byteOffset + r.pos, 8).getFloat64(0, true);
      r.pos += 8;
      return v;
    }
    case T.BINARY: {
      const n = r.small();
      if (r.pos + n > r.end) throw new ParseError('Parquet footer is truncated or corrupt (a Thrift string runs past its end)');
      r.pos += n;
      return r.buf.slice(r.pos - n, r.pos);
    }
    case T.LIST: case T.SET: {
      const h = r.byte();
      const n = h >> 4 === 15 ? r.small() : h >> 4;
      const elem = h & 15;
      if (n > r.end - r.pos + 1 && elem !== T.TRUE && elem !== T.FALSE) throw new ParseError('Parquet footer is corrupt (a Thrift list is longer than the footer)');
      const items: TValue[] = [];
      for (let i = 0; i < n; i++) items.push(elem === T.TRUE || elem === T.FALSE ? r.byte() === T.TRUE : readValue(r, elem, depth + 1));
      return { elem, items };
    }
    case T.MAP: {
      const n = r.small();
      if (n === 0) return { key: 0, val: 0, entries: [] };
      const kv = r.byte();
      const entries: [TValue, TValue][] = [];
      for (let i = 0; i < n; i++) entries.push([readValue(r, kv >> 4, depth + 1), readValue(r, kv & 15, depth + 1)]);
      return { key: kv >> 4, val: kv & 15, entries };
    }
    case T.STRUCT: {
      const fields: TField[] = [];
      let last = 0;
      for (;;) {
        const h = r.byte();
        if (h === 0) return { fields };
        const ftype = h & 15;
        const id = h >> 4 === 0 ? r.zigzag32() : last + (h >> 4);
        last = id;
        fields.push({ id, type: ftype, value: readValue(r, ftype, depth + 1) });
      }
    }
    default: throw new ParseError(`Parquet footer is corrupt (unknown Thrift type ${type})`);
  }
}

/**
 * Decodes the struct in `buf[start..end)`.
 * @example
 * const meta = decodeStruct(footerBytes, 0, footerBytes.length);
 */
export function decodeStruct(buf: Uint8Array, start: number, end: number): TStruct {
  return readValue(new Reader(buf, start, end), T.STRUCT, 0) as TStruct;
}

/** A growable byte writer. */
class Writer {
  buf = new Uint8Array(1 << 12);
  pos = 0;
  byte(b: number): void {
    if (this.pos === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.pos++] = b;
  }
  varint(u: bigint): void {
    while (u >= 0x80n) {
      this.byte(Number(u & 0x7fn) | 0x80);
      u >>= 7n;
    }
    this.byte(Number(u));
  }
  bytes(b: Uint8Array): void {
    for (const x of b) this.byte(x);
  }
}

const zz = (v: bigint): bigint => (v << 1n) ^ (v >> 63n);

function writeValue(w: Writer, type: number, v: TValue): void {
  switch (type) {
    case T.TRUE: case T.FALSE: return;
    case T.BYTE: w.byte(Number(v) & 0xff); return;
    case T.I16: case T.I32: w.varint(zz(BigInt(v as number)) & 0xffffffffn); return;
    case T.I64: w.varint(zz(BigInt.asIntN(64, v as bigint)) & 0xffffffffffffffffn); return;
    case T.DOUBLE: {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, v as number, true);
      w.bytes(b);
      return;
    }
    case T.BINARY: w.varint(BigInt((v as Uint8Array).length)); w.bytes(v as Uint8Array); return;
    case T.LIST: case T.SET: {
      const l = v as TList;
      if (l.items.length < 15) w.byte((l.items.length << 4) | l.elem);
      else { w.byte(0xf0 | l.elem); w.varint(BigInt(l.items.length)); }
      for (const it of l.items) {
        if (l.elem === T.TRUE || l.elem === T.FALSE) w.byte(it === true ? T.TRUE : T.FALSE);
        else writeValue(w, l.elem, it);
      }
      return;
    }
    case T.MAP: {
      const m = v as TMap;
      w.varint(BigInt(m.entries.length));
      if (m.entries.length === 0) return;
      w.byte((m.key << 4) | m.val);
      for (const [k, x] of m.entries) { writeValue(w, m.key, k); writeValue(w, m.val, x); }
      return;
    }
    case T.STRUCT: {
      let last = 0;
      for (const f of (v as TStruct).fields) {
        const type = f.type === T.TRUE || f.type === T.FALSE ? (f.value === true ? T.TRUE : T.FALSE) : f.type;
        const delta = f.id - last;
        if (delta > 0 && delta < 16) w.byte((delta << 4) | type);
        else { w.byte(type); w.varint(zz(BigInt(f.id))); }
        last = f.id;
        writeValue(w, type, f.value);
      }
      w.byte(0);
      return;
    }
    default: throw new ParseError(`Cannot encode Thrift type ${type}`);
  }
}

/**
 * Encodes a struct.
 * @example
 * encodeStruct(decodeStruct(bytes, 0, bytes.length)) // the same bytes
 */
export function encodeStruct(s: TStruct): Uint8Array {
  const w = new Writer();
  writeValue(w, T.STRUCT, s);
  return w.buf.subarray(0, w.pos);
}

/**
 * The value of field `id`, or undefined.
 * @example
 * field(meta, 3) // num_rows as a bigint
 */
export function field(s: TStruct, id: number): TValue | undefined {
  return s.fields.find((f) => f.id === id)?.value;
}

/**
 * Sets field `id` (replacing it, or inserting it in id order).
 * @example
 * setField(meta, 3, T.I64, 10n)
 */
export function setField(s: TStruct, id: number, type: number, value: TValue): void {
  const at = s.fields.findIndex((f) => f.id === id);
  if (at >= 0) s.fields[at] = { id, type, value };
  else {
    const after = s.fields.findIndex((f) => f.id > id);
    s.fields.splice(after < 0 ? s.fields.length : after, 0, { id, type, value });
  }
}

