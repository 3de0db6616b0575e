/**
 * Row loops of the fused CSV chunk parser compiled for one column layout. Once every column of a
 * chunk has its kind (number, date, bool, string, skipped), the chunk parser (csv-parallel-chunk.ts)
 * hands its rows to a loop generated for exactly that sequence of kinds and that separator: each
 * field's code is inlined in column order, with no per-field dispatch, no per-column state lookups and
 * the string dictionary probed while the field is scanned. The generated loop only takes the common
 * spellings (the same ones as the inline fast paths, csv-parallel-fast.ts); at anything else — a
 * quote, an NA value, a blank line, a date or bool in another spelling, a ragged row, a full buffer —
 * it stops at the start of that row and the chunk parser reads the row with its general rules, then
 * hands the next rows back. Both paths write the same values, so the result does not depend on which
 * one read a row (the CSV tests compare both with the serial reader).
 *
 * Loops are generated with `new Function` from the layout, once per layout and thread, and cached.
 * @module
 */
import type { NaMatcher } from './csv-options.js';
import { K_BOOL, K_DATE, K_NUM, K_SKIP, K_STR, numField, numOut, F_DEC, F_INT, F_NA } from './csv-parallel-fields.js';
import type { StringBuilder } from './csv-parallel-strings.js';
import { MONTH_DAYS, MONTH_START, P10, monthStart } from './csv-parallel-fast.js';

/** What a generated loop reads of a column's state (csv-parallel-chunk.ts ColState). */
export interface GenState {
  kind: number;
  f64: Float64Array;
  words: Int32Array;
  bytes: Uint8Array;
  str: StringBuilder | null;
  allInt: boolean;
  nulls: Int32Array;
  nullCount: number;
  /** Records row `row` as missing (the loop takes it back when it stops inside that row). */
  addNull(row: number): void;
}

/**
 * A generated row loop: parses rows from byte `p` (row index `row`) while rows start before `end` and
 * `row < cap`; returns the offset where it stopped and writes the row index reached to `at[0]`.
 */
export type RowLoop = (buf: Uint8Array, n: number, p: number, row: number, end: number, cap: number, states: readonly GenState[], na: NaMatcher, at: Int32Array) => number;

/** Where `slowNumber` puts whether the number had a decimal part. */
const slowOut = { decimal: false };

/**
 * A numeric field the inline grammar did not take (more than 15 digits, an exponent, spaces, NaN/inf
 * spellings): its end and value by `numField`'s rules, or -1 when the general row rules must read it
 * (a quote, an NA value, a big integer, not a number, or a decimal where `intOnly`).
 */
function slowNumber(buf: Uint8Array, p: number, n: number, sep: number, na: NaMatcher, intOnly: boolean, st: GenState, row: number): number {
  if (buf[p] === 34) return -1;
  let e = p;
  while (e < n) {
    const c = buf[e];
    if (c === sep || c === 10 || c === 13) break;
    e++;
  }
  const f = numField(buf, p, e, na);
  slowOut.decimal = f === F_DEC;
  if (f === F_NA) st.addNull(row);
  else if (f !== F_INT && (f !== F_DEC || intOnly)) return -1;
  else st.f64[row] = numOut.value;
  return e;
}

/** Code that scans an unquoted field from p to its end (hashing its bytes into h when `hash`). */
function scanCode(sep: number, hi: number, hash: boolean): string {
  const step = hash ? 'h = Math.imul(h ^ c, 16777619); ' : '';
  return `for (;;) {
      while (c > ${hi}) { ${step}c = buf[++p]; }
      if (c === ${sep} || c === 10 || c === 13 || p >= n) break;
      ${step}c = buf[++p];
    }`;
}

/** The code of one field of kind `kind` (column j), leaving p at the byte after the field. */
function fieldCode(j: number, kind: number, intOnly: boolean, sep: number, hi: number): string {
  const start = `c = buf[p]; if (c === 34) break row;`;
  switch (kind) {
    case K_NUM:
      return `${start}
    {
      let q = p, neg = false;
      if (c === 45) { neg = true; c = buf[++q]; } else if (c === 43) c = buf[++q];
      const d0 = q;
      let m = 0;
      while (c >= 48 && c <= 57) { m = m * 10 + (c - 48); c = buf[++q]; }
      let fr = -1, digits = q - d0;
      ${intOnly ? '' : `if (c === 46) { const f0 = ++q; c = buf[q]; while (c >= 48 && c <= 57) { m = m * 10 + (c - 48); c = buf[++q]; } fr = q - f0; digits += fr; }`}
      if (digits > 0 && digits <= 15 && (c === ${sep} || c === 10 || c === 13 || q >= n)) {
        const v = fr < 0 ? m : m / P10[fr];
        f${j}[row] = neg ? -v : v;
        if (fr >= 0) ai${j} = false;
        p = q;
      } else {
        q = slowNumber(buf, p, n, ${sep}, na, ${intOnly}, st${j}, row);
        if (q < 0) break row;
        if (slowOut.decimal) ai${j} = false;
        p = q;
      }
    }`;
    case K_DATE:
      return `${start}
    {
      if (buf[p + 4] !== 45 || buf[p + 7] !== 45) break row;
      const y0 = c - 48, y1 = buf[p + 1] - 48, y2 = buf[p + 2] - 48, y3 = buf[p + 3] - 48;
      const m0 = buf[p + 5] - 48, m1 = buf[p + 6] - 48, e0 = buf[p + 8] - 48, e1 = buf[p + 9] - 48;
      if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (e0 >>> 0) > 9 || (e1 >>> 0) > 9) break row;
      const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3, mo = m0 * 10 + m1, d = e0 * 10 + e1;
      if (y === 0 || mo < 1 || mo > 12 || d < 1) break row;
      const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
      if (d > MONTH_DAYS[mo] + leap) break row;
      p += 10;
      if (p > n) break row;
      const v = ((y >= 1900 && y < 2200 ? MONTH_START[(y - 1900) * 12 + mo - 1] : monthStart(y, mo)) + d - 1) * 86400000;
      const hw = Math.floor(v * 2.3283064365386963e-10);
      w${j}[2 * row] = (v - hw * 4294967296) | 0;
      w${j}[2 * row + 1] = hw;
    }`;
    case K_BOOL:
      return `${start}
    if ((c | 32) === 116) {
      const a = buf[p + 1], b = buf[p + 2], e = buf[p + 3];
      if (!((a === 114 && b === 117 && e === 101) || (a === 82 && b === 85 && e === 69))) break row;
      b${j}[row] = 1;
      p += 4;
    } else if ((c | 32) === 102) {
      const a = buf[p + 1], b = buf[p + 2], e = buf[p + 3], f = buf[p + 4];
      if (!((a === 97 && b === 108 && e === 115 && f === 101) || (a === 65 && b === 76 && e === 83 && f === 69))) break row;
      b${j}[row] = 0;
      p += 5;
    } else break row;
    if (p > n) break row;`;
    case K_STR:
      return `${start}
    {
      const s = p;
      if (alive${j}) {
        let h = -2128831035;
        ${scanCode(sep, hi, true)}
        const len = p - s;
        if (len === 0 ? na.empty : naFirst[buf[s]] !== 0 && na.isNa(buf, s, p)) st${j}.addNull(row);
        else if (len === 0) break row;
        else for (let slot = h & mask${j}; ; slot = (slot + 1) & mask${j}) {
          const idx = slots${j}[slot];
          if (idx < 0) {
            sb${j}.add(buf, s, p, row);
            alive${j} = sb${j}.alive; slots${j} = sb${j}.slots; mask${j} = sb${j}.slotCap - 1;
            dh${j} = sb${j}.dHash; ds${j} = sb${j}.dStart; de${j} = sb${j}.dEnd; codes${j} = sb${j}.codes;
            off${j} = sb${j}.offsets; data${j} = sb${j}.data;
            break;
          }
          if (dh${j}[idx] === h && de${j}[idx] - ds${j}[idx] === len) {
            const o = ds${j}[idx];
            let k = 0;
            while (k < len && buf[o + k] === buf[s + k]) k++;
            if (k === len) { codes${j}[row] = idx; break; }
          }
        }
      } else {
        // The dictionary gave up: the bytes go after the previous row's (StringBuilder.append), copied
        // while the field is scanned (an NA value's copy is left unused: offsets do not move).
        const o = off${j}[row];
        const room = data${j}.length;
        let q = o;
        for (;;) {
          while (c > ${hi} && q < room) { data${j}[q++] = c; c = buf[++p]; }
          if (c === ${sep} || c === 10 || c === 13 || p >= n) break;
          if (q >= room) { q = -1; ${scanCode(sep, hi, false)} break; }
          data${j}[q++] = c; c = buf[++p];
        }
        const len = p - s;
        if (len === 0 ? na.empty : naFirst[buf[s]] !== 0 && na.isNa(buf, s, p)) st${j}.addNull(row);
        else if (len === 0) break row;
        else if (q >= 0) off${j}[row + 1] = q;
        else {
          sb${j}.add(buf, s, p, row);
          off${j} = sb${j}.offsets; data${j} = sb${j}.data;
        }
      }
    }`;
    default:
      return `${start}
    ${scanCode(sep, hi, false)}`;
  }
}

/** Locals a column's code uses, loaded before the loop; and what is written back after it. */
function columnLocals(j: number, kind: number): { load: string; save: string } {
  switch (kind) {
    case K_NUM:
      return { load: `const st${j} = states[${j}], f${j} = st${j}.f64; let ai${j} = st${j}.allInt;`, save: `st${j}.allInt = ai${j};` };
    case K_DATE:
      return { load: `const w${j} = states[${j}].words;`, save: '' };
    case K_BOOL:
      return { load: `const b${j} = states[${j}].bytes;`, save: '' };
    case K_STR:
      return {
        load: `const st${j} = states[${j}], sb${j} = st${j}.str; let alive${j} = sb${j}.alive, slots${j} = sb${j}.slots, mask${j} = sb${j}.slotCap - 1,
    dh${j} = sb${j}.dHash, ds${j} = sb${j}.dStart, de${j} = sb${j}.dEnd, codes${j} = sb${j}.codes, off${j} = sb${j}.offsets, data${j} = sb${j}.data;`,
        save: `if (!alive${j}) sb${j}.used = off${j}[row];`,
      };
    default:
      return { load: '', save: '' };
  }
}

/** The source of the row loop for columns of `kinds` (intOnly: int64 requested) and separator `sep`. */
function loopSource(kinds: readonly number[], intOnly: readonly boolean[], sep: number): string {
  const hi = sep > 13 ? sep : 13;
  const last = kinds.length - 1;
  const locals = kinds.map((k, j) => columnLocals(j, k));
  const fields = kinds.map((k, j) => {
    const after = j < last ? `if (buf[p] !== ${sep}) break row; p++;` : `c = buf[p];
    if (c === 10) p++;
    else if (c === 13) p += buf[p + 1] === 10 ? 2 : 1;
    else if (p < n) break row;`;
    return `${fieldCode(j, k, intOnly[j], sep, hi)}
    ${after}`;
  });
  return `
  const naFirst = na.first;
  ${locals.map((l) => l.load).filter((x) => x).join('\n  ')}
  let c = 0;
  while (p < end && row < cap) {
    const r0 = p;
    c = buf[p];
    if (c === 10 || c === 13) break;
    row: {
    ${fields.join('\n    ')}
    row++;
    continue;
    }
    // Stopped inside the row: take back the missing values recorded for it (the general rules redo it).
    ${kinds.map((k, j) => (k === K_NUM || k === K_STR ? `if (st${j}.nullCount > 0 && st${j}.nulls[st${j}.nullCount - 1] === row) st${j}.nullCount--;` : '')).filter((x) => x).join('\n    ')}
    p = r0;
    break;
  }
  ${locals.map((l) => l.save).filter((x) => x).join('\n  ')}
  at[0] = row;
  return p;`;
}

const cache = new Map<string, RowLoop>();

/**
 * The row loop for a chunk's column kinds (K_*; every one known) and modes' int64 requests, or null
 * when the layout has a column the generated loops do not handle.
 * @example
 * const loop = rowLoop([K_NUM, K_STR], [false, false], 44);
 * const p = loop && loop(buf, buf.length, start, 0, end, cap, states, na, at);
 */
export function rowLoop(kinds: readonly number[], intOnly: readonly boolean[], sep: number): RowLoop | null {
  if (kinds.some((k) => k !== K_NUM && k !== K_DATE && k !== K_BOOL && k !== K_STR && k !== K_SKIP)) return null;
  if (sep === 34 || sep === 10 || sep === 13 || (sep >= 48 && sep <= 57) || sep === 45 || sep === 43 || sep === 46) return null;
  const key = `${sep}:${kinds.join(',')}:${intOnly.map(Number).join('')}`;
  let loop = cache.get(key);
  if (loop === undefined) {
    const make = new Function('P10', 'MONTH_DAYS', 'MONTH_START', 'monthStart', 'slowNumber', 'slowOut',
      `return function csvRows(buf, n, p, row, end, cap, states, na, at) {${loopSource(kinds, intOnly, sep)}\n};`) as (...a: unknown[]) => RowLoop;
    loop = make(P10, MONTH_DAYS, MONTH_START, monthStart, slowNumber, slowOut);
    cache.set(key, loop);
  }
  return loop;
}
