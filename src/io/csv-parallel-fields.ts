/**
 * Per-field rules of the fused CSV chunk parser (csv-parallel-chunk.ts), for the fields its inline fast
 * paths do not take: each mirrors, for one field, exactly what the column builders of the serial reader
 * (csv-columns.ts, csv-infer.ts) decide for it, so both readers give the same columns.
 * @module
 */
import type { NaMatcher } from './csv-options.js';
import { isIntegerText, isNanText, parseBigIntBytes, parseBoolBytes, parseDateBytes, parseFloatBytes, parseIntBytes } from './csv-parse-values.js';

/** Column kinds of a chunk (an inferred column is K_NONE until its first non-missing value). */
export const K_NONE = 0;
export const K_NUM = 1;
export const K_BOOL = 2;
export const K_DATE = 3;
export const K_STR = 4;
export const K_SKIP = 5;

/** What `numField` found. */
export const F_INT = 0;
export const F_DEC = 1;
export const F_BIG = 2;
export const F_NA = 3;
export const F_FAIL = 4;

/** The value of the last `numField` call (F_INT, F_DEC: the number; F_BIG: also the bigint). */
export const numOut = { value: 0, big: 0n };

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * One numeric field as `parseNumeric` reads it: an integer of up to 15 digits (F_INT), a 16-19 digit
 * integer that fits int64 (F_BIG), any other number or NaN/inf spelling (F_DEC: the column becomes
 * float64), an NA string (F_NA) or not a number (F_FAIL). Spaces around a number are allowed.
 * @example
 * numField(bytes, 0, 3, na) === F_INT && numOut.value // 123
 */
export function numField(buf: Uint8Array, s: number, e: number, na: NaMatcher): number {
  if (na.numericLike && na.isNa(buf, s, e)) return F_NA;
  let v = parseIntBytes(buf, s, e);
  if (v === v) {
    numOut.value = v;
    return F_INT;
  }
  if (na.isNa(buf, s, e)) return F_NA;
  while (s < e && isSpace(buf[s])) s++;
  while (e > s && isSpace(buf[e - 1])) e--;
  v = parseIntBytes(buf, s, e);
  if (v === v) {
    numOut.value = v;
    return F_INT;
  }
  if (isIntegerText(buf, s, e)) {
    const b = parseBigIntBytes(buf, s, e);
    if (b !== null) {
      numOut.big = b;
      numOut.value = Number(b);
      return F_BIG;
    }
  }
  v = parseFloatBytes(buf, s, e);
  if (v !== v && !isNanText(buf, s, e)) return F_FAIL;
  numOut.value = v;
  return F_DEC;
}

/**
 * The kind of an inferred column's first non-missing value, as `firstKind` decides it (K_NONE for an
 * NA string). `esc` marks a quoted field with `""` escapes (always a string).
 * @example
 * classifyField(bytes, 0, 4, false, na, false) // K_BOOL for 'True'
 */
export function classifyField(buf: Uint8Array, s: number, e: number, esc: boolean, na: NaMatcher, inferDates: boolean): number {
  if (esc) return K_STR;
  if (na.isNa(buf, s, e)) return K_NONE;
  let ts = s;
  let te = e;
  while (ts < te && isSpace(buf[ts])) ts++;
  while (te > ts && isSpace(buf[te - 1])) te--;
  const v = parseFloatBytes(buf, ts, te);
  if (v === v || isNanText(buf, ts, te)) return K_NUM;
  if (parseBoolBytes(buf, s, e) >= 0) return K_BOOL;
  if (inferDates && parseDateBytes(buf, s, e) === parseDateBytes(buf, s, e)) return K_DATE;
  return K_STR;
}

/** FNV-1a of a byte span (the dictionary builders' hash). */
export function hashBytes(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h;
}

/**
 * A fresh open-addressing slot table of `cap` slots (a power of two) holding entries [0, count) by
 * their hashes (linear probing; -1 marks an empty slot).
 * @example
 * rehash(Int32Array.of(5, 9), 2, 4) // Int32Array [-1, 0, 1, -1] (both hash to slot 1)
 */
export function rehash(hashes: Int32Array, count: number, cap: number): Int32Array {
  const mask = cap - 1;
  const slots = new Int32Array(cap).fill(-1);
  for (let k = 0; k < count; k++) {
    let sl = hashes[k] & mask;
    while (slots[sl] >= 0) sl = (sl + 1) & mask;
    slots[sl] = k;
  }
  return slots;
}

/** True when a[as, as+len) equals b[bs, bs+len). */
export function sameBytes(a: Uint8Array, as: number, b: Uint8Array, bs: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (a[as + i] !== b[bs + i]) return false;
  return true;
}

/** Copies a field's bytes to out[o...], collapsing `""` to `"` when escaped; returns the new offset. */
export function copyField(buf: Uint8Array, s: number, e: number, esc: boolean, out: Uint8Array, o: number): number {
  if (esc) {
    for (let i = s; i < e; i++) {
      out[o++] = buf[i];
      if (buf[i] === 34) i++;
    }
    return o;
  }
  if (e - s > 32) {
    out.set(buf.subarray(s, e), o);
    return o + e - s;
  }
  for (let i = s; i < e; i++) out[o++] = buf[i];
  return o;
}
