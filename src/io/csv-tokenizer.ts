/**
 * CSV tokenizer over raw UTF-8 bytes. It records where each field starts and ends (column-major per
 * row in flat Int32Arrays) and the line each row starts on; it creates no strings and no row objects.
 *
 * Why hand-written: papaparse and csv-parse hand back an array (or object) of JS strings per row, so a
 * 1M-row file costs millions of short-lived strings before any number is parsed. Here numbers are
 * parsed straight from the byte spans into typed arrays (csv-parse-values.ts), and strings are copied as
 * bytes into Arrow's UTF-8 layout (csv-columns.ts).
 *
 * Quoting follows RFC 4180: a field that starts with `"` runs to the next lone `"`, `""` inside is an
 * escaped quote, and separators and newlines inside are data. An escaped field is marked by storing
 * its end as `~end` (negative) so builders know to unescape it. Blank lines are skipped (pandas'
 * `skip_blank_lines`). LF and CRLF (and lone CR) end a row.
 * @module
 */
import { ParseError } from '../errors.js';
import type { OnBadLines } from './csv-options.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Field spans of parsed rows: field j of row r is bytes [starts[r*ncols+j], |ends[r*ncols+j]|). */
export class FieldTable {
  nrows = 0;
  starts: Int32Array;
  ends: Int32Array;
  /** 1-based line number on which each row starts (for error messages). */
  lines: Int32Array;

  constructor(readonly ncols: number, rowCapacity = 1024) {
    const cap = Math.max(16, rowCapacity);
    this.starts = new Int32Array(cap * ncols);
    this.ends = new Int32Array(cap * ncols);
    this.lines = new Int32Array(cap);
  }

  /** Room for at least `rows` rows. */
  reserve(rows: number): void {
    if (rows <= this.lines.length) return;
    const cap = Math.max(rows, this.lines.length * 2);
    const grow = (a: Int32Array, n: number): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts, cap * this.ncols);
    this.ends = grow(this.ends, cap * this.ncols);
    this.lines = grow(this.lines, cap);
  }

  /** Forgets all rows (keeps the buffers). */
  clear(): void {
    this.nrows = 0;
  }
}

/** State carried between calls when tokenizing a stream in pieces. */
export interface TokenizeResult {
  /** Offset of the first byte not consumed (the start of an incomplete row when not final). */
  pos: number;
  /** Line number at `pos`. */
  line: number;
  /** True when the row limit stopped the scan. */
  full: boolean;
}

/** Options of one tokenize call. */
export interface TokenizeOptions {
  sep: number;
  /** True when `end` is the end of the input (an open quote there is an error, not an incomplete row). */
  final: boolean;
  /** Stop after the table holds this many rows. */
  maxRows: number;
  onBadLines: OnBadLines;
  warn: (message: string) => void;
}

/** Result for a row that is not complete in this piece: keeps the rows finished so far. */
function incomplete(table: FieldTable, rows: number, pos: number, line: number): TokenizeResult {
  table.nrows = rows;
  return { pos, line, full: false };
}

function badRow(line: number, expected: number, found: number): string {
  return `Line ${line}: expected ${expected} fields, found ${found}`;
}

/**
 * Appends the rows in buf[pos, end) to `table`. Stops at `maxRows`, or (when not final) before a row
 * that is not complete in the buffer.
 * @example
 * const t = new FieldTable(2);
 * tokenize(bytes, 0, bytes.length, 1, t, { sep: 44, final: true, maxRows: 1e9, onBadLines: 'error', warn: console.warn });
 */
export function tokenize(buf: Uint8Array, pos: number, end: number, line: number, table: FieldTable, o: TokenizeOptions): TokenizeResult {
  const sep = o.sep;
  const hi = sep > CR ? sep : CR;
  const ncols = table.ncols;
  const final = o.final;
  let starts = table.starts;
  let ends = table.ends;
  let row = table.nrows;
  if (row >= o.maxRows) return { pos, line, full: true };
  let base = row * ncols;
  let p = pos;
  let rowStart = p;
  let rowLine = line;
  let k = 0;
  while (p < end) {
    let c = buf[p];
    if (k === 0) {
      // Blank line: skip it.
      if (c === LF || c === CR) {
        if (c === CR && p + 1 >= end && !final) return incomplete(table, row, rowStart, rowLine);
        p += c === CR && p + 1 < end && buf[p + 1] === LF ? 2 : 1;
        line++;
        rowStart = p;
        rowLine = line;
        continue;
      }
    }
    let fs: number;
    let fe: number;
    if (c === QUOTE) {
      let q = p + 1;
      let esc = false;
      const quoteLine = line;
      for (;;) {
        if (q >= end) {
          if (!final) return incomplete(table, row, rowStart, rowLine);
          throw new ParseError(`Line ${quoteLine}: unterminated quoted field (a '"' opened here is never closed)`);
        }
        c = buf[q];
        if (c === QUOTE) {
          if (q + 1 < end) {
            if (buf[q + 1] !== QUOTE) break;
            esc = true;
            q += 2;
            continue;
          }
          if (!final) return incomplete(table, row, rowStart, rowLine);
          break;
        }
        if (c === LF) line++;
        q++;
      }
      fs = p + 1;
      fe = esc ? ~q : q;
      p = q + 1;
      if (p >= end && !final) return incomplete(table, row, rowStart, rowLine);
      if (p < end) {
        c = buf[p];
        if (c !== sep && c !== LF && c !== CR) {
          throw new ParseError(`Line ${line}: unexpected character ${JSON.stringify(String.fromCharCode(c))} after a closing quote (field ${k + 1})`);
        }
      }
    } else {
      fs = p;
      // Bytes above max(sep, CR) can be neither: one comparison for most bytes (letters, digits, '.', '-').
      for (;;) {
        while (p < end && buf[p] > hi) p++;
        if (p >= end) break;
        c = buf[p];
        if (c === sep || c === LF || c === CR) break;
        p++;
      }
      if (p >= end && !final) return incomplete(table, row, rowStart, rowLine);
      fe = p;
    }
    if (k < ncols) {
      starts[base + k] = fs;
      ends[base + k] = fe;
    }
    k++;
    let rowDone = false;
    if (p >= end) rowDone = true;
    else {
      c = buf[p];
      if (c === sep) {
        p++;
        if (p >= end) {
          if (!final) return incomplete(table, row, rowStart, rowLine);
          // A trailing separator at the end of input: one more, empty field.
          if (k < ncols) {
            starts[base + k] = p;
            ends[base + k] = p;
          }
          k++;
          rowDone = true;
        }
      } else {
        // A CR at the end of a piece may be half of a CRLF: wait for the next piece.
        if (c === CR && p + 1 >= end && !final) return incomplete(table, row, rowStart, rowLine);
        p += c === CR && p + 1 < end && buf[p + 1] === LF ? 2 : 1;
        line++;
        rowDone = true;
      }
    }
    if (rowDone) {
      if (k !== ncols) {
        const msg = badRow(rowLine, ncols, k);
        if (o.onBadLines === 'error') throw new ParseError(msg);
        if (o.onBadLines === 'warn') o.warn(`Skipping ${msg.charAt(0).toLowerCase()}${msg.slice(1)}`);
      } else {
        table.lines[row] = rowLine;
        row++;
        base += ncols;
        if (row >= o.maxRows) {
          table.nrows = row;
          return { pos: p, line, full: true };
        }
        if (row >= table.lines.length) {
          table.nrows = row;
          table.reserve(row * 2);
          starts = table.starts;
          ends = table.ends;
        }
      }
      k = 0;
      rowStart = p;
      rowLine = line;
    }
  }
  table.nrows = row;
  return { pos: p, line, full: false };
}

/**
 * Reads one row as strings (slow path for the header), returning the fields and where the next row starts.
 * @example
 * readRowStrings(bytes, 0, bytes.length, 44) // { fields: ['a', 'b'], pos: 4, lines: 1 }
 */
export function readRowStrings(buf: Uint8Array, pos: number, end: number, sep: number): { fields: string[]; pos: number; lines: number } {
  let p = pos;
  let lines = 0;
  // Skip blank lines before the row.
  while (p < end && (buf[p] === LF || buf[p] === CR)) {
    if (buf[p] === LF || !(p + 1 < end && buf[p + 1] === LF)) lines++;
    p++;
  }
  if (p >= end) return { fields: [], pos: p, lines };
  let k = 0;
  const fields: string[] = [];
  const dec = new TextDecoder();
  while (p <= end) {
    let s: number;
    let e: number;
    let esc = false;
    if (p < end && buf[p] === QUOTE) {
      let q = p + 1;
      for (;;) {
        if (q >= end) throw new ParseError(`Line ${lines + 1}: unterminated quoted field in the header`);
        if (buf[q] === QUOTE) {
          if (q + 1 < end && buf[q + 1] === QUOTE) {
            esc = true;
            q += 2;
            continue;
          }
          break;
        }
        if (buf[q] === LF) lines++;
        q++;
      }
      s = p + 1;
      e = q;
      p = q + 1;
    } else {
      s = p;
      while (p < end && buf[p] !== sep && buf[p] !== LF && buf[p] !== CR) p++;
      e = p;
    }
    let text = dec.decode(buf.subarray(s, e));
    if (esc) text = text.replaceAll('""', '"');
    fields.push(text);
    k++;
    if (p < end && buf[p] === sep) {
      p++;
      continue;
    }
    if (p < end && buf[p] !== LF && buf[p] !== CR) {
      throw new ParseError(`Line ${lines + 1}: unexpected character after a closing quote in field ${k}`);
    }
    if (p < end) p += buf[p] === CR && p + 1 < end && buf[p + 1] === LF ? 2 : 1;
    lines++;
    break;
  }
  return { fields, pos: p, lines };
}
