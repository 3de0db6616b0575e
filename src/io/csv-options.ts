/**
 * Options of the CSV reader and their normalised form, plus pandas' default NA strings and a fast
 * byte-level NA matcher.
 * @module
 */
import { ValueError } from '../errors.js';
import type { DType } from '../frame/dtypes.js';
import type { ProgressCallback } from './progress.js';

/** What to do with a row whose field count differs from the header's (pandas `on_bad_lines`). */
export type OnBadLines = 'error' | 'skip' | 'warn';

/** Options of `readCsv` (pandas `read_csv` names in camelCase). */
export interface ReadCsvOptions {
  /** Field separator, one byte (default ','). */
  sep?: string;
  /** Row number of the header (default 0), or null when the file has none (columns are named 0, 1, ...). */
  header?: number | null;
  /** Column names to use (replaces the header row when `header` is null). */
  names?: readonly string[];
  /** Column (name or position) to use as the row index. */
  indexCol?: string | number | null;
  /** Only these columns (names or positions), in file order. */
  usecols?: readonly (string | number)[];
  /** Force a dtype per column; a value that does not parse is a ParseError naming column, line and value. */
  dtype?: Record<string, DType>;
  /**
   * Columns to parse as ISO 8601 datetimes, or `true` to turn every column whose values all parse as
   * ISO 8601 into a datetime column. By default (as pandas) date-like text stays a string column.
   */
  parseDates?: readonly string[] | boolean;
  /** Extra strings read as missing (added to pandas' defaults unless `keepDefaultNa` is false). */
  naValues?: readonly string[];
  /** Keep pandas' default NA strings (default true). */
  keepDefaultNa?: boolean;
  /** Read at most this many data rows. */
  nrows?: number;
  /** Skip this many lines at the start of the file (before the header). */
  skiprows?: number;
  /** A row with the wrong number of fields: throw (default), drop it, or drop it with a warning. */
  onBadLines?: OnBadLines;
  /** Called with each warning (default: `process.emitWarning`). */
  onWarning?: (message: string) => void;
  /** Called as bytes of a file are read: (bytesRead, totalBytes). */
  onProgress?: ProgressCallback;
}

/** Options of `readCsvChunks`: those of `readCsv` plus the number of rows per chunk. */
export interface ReadCsvChunksOptions extends Omit<ReadCsvOptions, 'indexCol'> {
  /** Rows per DataFrame (default 100,000). */
  chunkSize?: number;
  /** Bytes read from the file at a time (default 4 MiB). */
  readBytes?: number;
}

/** pandas' default NA strings (`pandas._libs.parsers.STR_NA_VALUES`). */
export const DEFAULT_NA_VALUES: readonly string[] = [
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN',
  '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null',
];

/**
 * Tests byte spans against a set of NA strings without decoding them: a first-byte table rejects most
 * fields with one lookup, then candidates of the right length are compared byte by byte.
 */
export class NaMatcher {
  readonly empty: boolean;
  /**
   * True when an NA string reads as a number too ('-999', '0', '1.5'): number parsers must then test
   * the NA strings before the number (other NA strings can never be numbers, so they test them after).
   */
  readonly numericLike: boolean;
  /** 1 at the first byte of each non-empty NA string (a field starting with any other byte is not NA). */
  readonly first = new Uint8Array(256);
  readonly #byLen = new Map<number, Uint8Array[]>();

  constructor(values: readonly string[]) {
    const enc = new TextEncoder();
    this.empty = values.includes('');
    this.numericLike = values.some((v) => /^[+-]?(\d+\.?\d*|\.\d+)$/.test(v));
    for (const v of values) {
      if (v === '') continue;
      const b = enc.encode(v);
      this.first[b[0]] = 1;
      const list = this.#byLen.get(b.length) ?? [];
      list.push(b);
      this.#byLen.set(b.length, list);
    }
  }

  /** True when buf[s, e) is one of the NA strings. */
  isNa(buf: Uint8Array, s: number, e: number): boolean {
    if (s === e) return this.empty;
    if (this.first[buf[s]] === 0) return false;
    const list = this.#byLen.get(e - s);
    if (list === undefined) return false;
    outer: for (const cand of list) {
      for (let i = 0; i < cand.length; i++) if (cand[i] !== buf[s + i]) continue outer;
      return true;
    }
    return false;
  }
}

/** The validated, defaulted options the reader works with. */
export interface CsvConfig {
  sep: number;
  header: number | null;
  names: readonly string[] | null;
  usecols: readonly (string | number)[] | null;
  dtype: Record<string, DType>;
  parseDates: ReadonlySet<string> | true | null;
  na: NaMatcher;
  nrows: number;
  skiprows: number;
  onBadLines: OnBadLines;
  warn: (message: string) => void;
  /** The NA strings `na` matches (sent to workers, which build their own matcher). */
  naValues: readonly string[];
}

function nonNegInt(v: number | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  if (!Number.isInteger(v) || v < 0) throw new ValueError(`${name} must be a non-negative integer, got ${String(v)}`);
  return v;
}

/**
 * Validates options and fills in defaults.
 * @example
 * csvConfig({ sep: ';' }).sep // 59
 */
export function csvConfig(opts: ReadCsvOptions): CsvConfig {
  const sep = opts.sep ?? ',';
  if (sep.length !== 1 || sep.charCodeAt(0) > 127 || sep === '"' || sep === '\n' || sep === '\r') {
    throw new ValueError(`sep must be a single ASCII character other than a quote or newline, got ${JSON.stringify(sep)}`);
  }
  const onBadLines = opts.onBadLines ?? 'error';
  if (!['error', 'skip', 'warn'].includes(onBadLines)) {
    throw new ValueError(`onBadLines must be 'error', 'skip' or 'warn', got ${JSON.stringify(onBadLines)}`);
  }
  const header = opts.header === undefined ? 0 : opts.header;
  if (header !== null) nonNegInt(header, 'header', 0);
  const naList = [...(opts.keepDefaultNa === false ? [] : DEFAULT_NA_VALUES), ...(opts.naValues ?? [])];
  const pd = opts.parseDates;
  return {
    sep: sep.charCodeAt(0),
    header,
    names: opts.names ?? null,
    usecols: opts.usecols ?? null,
    dtype: opts.dtype ?? {},
    parseDates: pd === true ? true : pd === undefined || pd === false ? null : new Set(pd),
    na: new NaMatcher(naList),
    nrows: nonNegInt(opts.nrows, 'nrows', 2147483647),
    skiprows: nonNegInt(opts.skiprows, 'skiprows', 0),
    onBadLines,
    warn: opts.onWarning ?? ((m: string) => process.emitWarning(m, 'ParserWarning')),
    naValues: naList,
  };
}
