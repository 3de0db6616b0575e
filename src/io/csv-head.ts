/**
 * The part of a CSV before the data: BOM, skipped lines, header names; and which columns to build how.
 * @module
 */
import { ParseError, unknownName, ValueError } from '../errors.js';
import type { CsvConfig } from './csv-options.js';
import type { ColumnPlan } from './csv-infer.js';
import { readRowStrings } from './csv-tokenizer.js';

/** Where the data rows begin, and the column names. */
export interface CsvHead {
  names: string[];
  pos: number;
  line: number;
}

/** Skips a UTF-8 BOM, `skiprows` lines and the header; returns the names (deduplicated as pandas: a, a.1). */
export function readHead(buf: Uint8Array, end: number, cfg: CsvConfig): CsvHead {
  let pos = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let line = 1;
  for (let i = 0; i < cfg.skiprows && pos < end; i++) {
    while (pos < end && buf[pos] !== 10) pos++;
    if (pos < end) pos++;
    line++;
  }
  let names: string[];
  if (cfg.header === null) {
    const first = readRowStrings(buf, pos, end, cfg.sep);
    names = cfg.names ? [...cfg.names] : first.fields.map((_, i) => String(i));
  } else {
    for (let i = 0; i < cfg.header && pos < end; i++) {
      const r = readRowStrings(buf, pos, end, cfg.sep);
      pos = r.pos;
      line += r.lines;
    }
    const r = readRowStrings(buf, pos, end, cfg.sep);
    if (r.fields.length === 0) throw new ParseError('No columns to parse from file (it is empty or has only blank lines)');
    pos = r.pos;
    line += r.lines;
    names = cfg.names ? [...cfg.names] : r.fields;
  }
  const seen = new Map<string, number>();
  names = names.map((n) => {
    const k = seen.get(n);
    seen.set(n, (k ?? 0) + 1);
    return k === undefined ? n : `${n}.${k}`;
  });
  return { names, pos, line };
}

/** Positions of the columns to keep (`usecols`), in file order. */
export function selectColumns(names: readonly string[], usecols: CsvConfig['usecols']): number[] {
  if (!usecols) return names.map((_, i) => i);
  const keep = new Set<number>();
  for (const u of usecols) {
    if (typeof u === 'number') {
      if (!Number.isInteger(u) || u < 0 || u >= names.length) throw new ValueError(`usecols position ${u} is out of range for ${names.length} columns`);
      keep.add(u);
    } else {
      const i = names.indexOf(u);
      if (i < 0) throw unknownName('column', u, names);
      keep.add(i);
    }
  }
  return [...keep].sort((a, b) => a - b);
}

/** The build plan of each kept column. */
export function planColumns(names: readonly string[], cols: readonly number[], cfg: CsvConfig): ColumnPlan[] {
  for (const k of Object.keys(cfg.dtype)) if (!names.includes(k)) throw unknownName('column in dtype', k, names);
  if (cfg.parseDates instanceof Set) for (const k of cfg.parseDates) if (!names.includes(k)) throw unknownName('column in parseDates', k, names);
  return cols.map((i) => ({
    name: names[i],
    dtype: cfg.dtype[names[i]] ?? null,
    date: cfg.parseDates instanceof Set && cfg.parseDates.has(names[i]),
    inferDates: cfg.parseDates === true,
  }));
}

