/**
 * Validity bitmaps in Arrow's layout: bit i of byte i>>3 (LSB first) is 1 when row i is valid.
 * @module
 */
import { alloc } from './alloc.js';

/** Bytes needed for a bitmap of n bits, rounded to Arrow's 8-byte alignment. */
export function bitmapBytes(n: number): number {
  return ((n + 63) >> 6) << 3;
}

/** True when bit i is set. */
export function getBit(bm: Uint8Array, i: number): boolean {
  return ((bm[i >> 3] >> (i & 7)) & 1) === 1;
}

/** Sets bit i. */
export function setBit(bm: Uint8Array, i: number): void {
  bm[i >> 3] |= 1 << (i & 7);
}

/** A bitmap with all n bits set. */
export function allValid(n: number): Uint8Array {
  const bm = alloc(Uint8Array, bitmapBytes(n));
  bm.fill(0xff, 0, n >> 3);
  for (let i = n & ~7; i < n; i++) setBit(bm, i);
  return bm;
}

/** Number of set bits among the first n. */
export function popcount(bm: Uint8Array, n: number): number {
  let c = 0;
  const full = n >> 3;
  let q = 0;
  if ((bm.byteOffset & 3) === 0) {
    // SWAR over whole 32-bit words, then bytes, then the tail bit by bit
    const words = new Int32Array(bm.buffer, bm.byteOffset, full >> 2);
    for (let k = 0; k < words.length; k++) {
      let x = words[k];
      x = x - ((x >>> 1) & 0x55555555);
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      c += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    }
    q = words.length << 2;
  }
  for (; q < full; q++) {
    let b = bm[q];
    b = b - ((b >> 1) & 0x55);
    b = (b & 0x33) + ((b >> 2) & 0x33);
    c += (b + (b >> 4)) & 0x0f;
  }
  for (let i = full << 3; i < n; i++) c += (bm[i >> 3] >> (i & 7)) & 1;
  return c;
}

/** Copies bits [offset, offset+length) of `bm` into a new bitmap starting at bit 0. */
export function shiftBits(bm: Uint8Array, offset: number, length: number): Uint8Array {
  const out = alloc(Uint8Array, bitmapBytes(length));
  if ((offset & 7) === 0) {
    out.set(bm.subarray(offset >> 3, (offset >> 3) + ((length + 7) >> 3)));
    return out;
  }
  for (let i = 0; i < length; i++) if (getBit(bm, offset + i)) setBit(out, i);
  return out;
}

/** Unpacks n bits into one byte per element (0 or 1). */
export function unpackBits(bm: Uint8Array, n: number, offset = 0): Uint8Array {
  const out = alloc(Uint8Array, n);
  for (let i = 0; i < n; i++) out[i] = (bm[(i + offset) >> 3] >> ((i + offset) & 7)) & 1;
  return out;
}

/** Packs bytes (non-zero = set) into a bitmap. */
export function packBits(bytes: ArrayLike<number>, n = bytes.length): Uint8Array {
  const out = alloc(Uint8Array, bitmapBytes(n));
  if (bytes instanceof Uint8Array && n <= bytes.length) {
    // byte masks: eight bytes per output byte, branch-free (non-zero = set)
    const m = bytes;
    const full = n >> 3;
    for (let q = 0, i = 0; q < full; q++, i += 8) {
      out[q] = +(m[i] !== 0) | (+(m[i + 1] !== 0) << 1) | (+(m[i + 2] !== 0) << 2) | (+(m[i + 3] !== 0) << 3) |
        (+(m[i + 4] !== 0) << 4) | (+(m[i + 5] !== 0) << 5) | (+(m[i + 6] !== 0) << 6) | (+(m[i + 7] !== 0) << 7);
    }
    for (let i = full << 3; i < n; i++) out[i >> 3] |= +(m[i] !== 0) << (i & 7);
    return out;
  }
  for (let i = 0; i < n; i++) if (bytes[i]) out[i >> 3] |= 1 << (i & 7);
  return out;
}

/** Bitwise AND of two optional validity bitmaps (null means all valid). */
export function andValidity(a: Uint8Array | null, b: Uint8Array | null, n: number): Uint8Array | null {
  if (!a) return b;
  if (!b) return a;
  const out = alloc(Uint8Array, bitmapBytes(n));
  for (let i = 0; i < out.length; i++) out[i] = a[i] & b[i];
  return out;
}
