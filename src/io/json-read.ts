/**
 * `readJson`: pandas' 'records' layout (`[{col: value}, ...]`), JSON lines (`lines: true`) and the
 * 'columns' layout (`{col: {indexLabel: value}}`). Column dtypes are inferred as for `new DataFrame`
 * (all-integer numbers int64, other numbers float64, booleans, strings); `parseDates` turns ISO 8601
 * string columns into datetimes.
 * @module
 */
import { GridframeError, ParseError, ValueError } from '../errors.js';
import { DataFrame } from '../frame/dataframe.js';
import type { Scalar } from '../frame/dtypes.js';
import { RangeIndex } from '../frame/label-index.js';
import { readFileBytes } from './file-errors.js';
import type { ProgressOptions } from './progress.js';

/** Options of `readJson`. */
export interface ReadJsonOptions extends ProgressOptions {
  /** One JSON object per line. */
  lines?: boolean;
  /** 'records' (an array of row objects; the default) or 'columns' (`{col: {label: value}}`). */
  orient?: 'records' | 'columns';
  /** Columns of ISO 8601 strings to read as datetimes. */
  parseDates?: readonly string[];
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ParseError(`Invalid JSON in ${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function recordsFrame(rows: unknown[], where: string, opts: ReadJsonOptions): DataFrame {
  rows.forEach((r, i) => {
    if (!isRecord(r)) throw new ParseError(`${where}: record ${i + 1} is not an object (got ${JSON.stringify(r)?.slice(0, 40)})`);
  });
  const recs = rows as Record<string, unknown>[];
  const names = [...new Set(recs.flatMap((r) => Object.keys(r)))];
  const cols: Record<string, unknown[]> = {};
  for (const n of names) cols[n] = recs.map((r) => r[n] ?? null);
  return build(cols, opts, new RangeIndex(recs.length));
}

function build(cols: Record<string, unknown[]>, opts: ReadJsonOptions, index: RangeIndex | Scalar[]): DataFrame {
  for (const d of opts.parseDates ?? []) {
    const v = cols[d];
    if (!v) throw new ValueError(`parseDates column '${d}' is not in the JSON (columns: ${Object.keys(cols).join(', ')})`);
    cols[d] = v.map((x, i) => {
      if (x === null) return null;
      const t = typeof x === 'string' || typeof x === 'number' ? new Date(x) : null;
      if (!t || Number.isNaN(t.getTime())) throw new ParseError(`Column '${d}', record ${i + 1}: cannot parse ${JSON.stringify(x)} as a datetime`);
      return t;
    });
  }
  try {
    for (const [k, v] of Object.entries(cols)) cols[k] = v.map((x) => ((isRecord(x) && !(x instanceof Date)) || Array.isArray(x) ? JSON.stringify(x) : x));
    return new DataFrame(cols, { index: index instanceof RangeIndex ? index : index });
  } catch (e) {
    if (e instanceof GridframeError) throw new ParseError(e.message);
    throw e;
  }
}

/**
 * Reads JSON records, JSON lines or pandas' 'columns' layout into a DataFrame. A string starting with
 * `[` or `{` is JSON text; any other string is a path.
 * @example
 * const df = await readJson('penguins.json');
 * const ev = await readJson('events.jsonl', { lines: true, parseDates: ['time'] });
 */
export async function readJson(pathOrText: string, opts: ReadJsonOptions = {}): Promise<DataFrame> {
  const trimmed = pathOrText.trimStart();
  const isText = trimmed.startsWith('[') || trimmed.startsWith('{');
  const where = isText ? 'JSON text' : `'${pathOrText}'`;
  const text = isText ? pathOrText : new TextDecoder().decode(await readFileBytes(pathOrText, opts.onProgress));
  if (opts.lines) {
    const rows: unknown[] = [];
    const lines = text.split('\n');
    lines.forEach((ln, i) => {
      if (ln.trim() === '') return;
      rows.push(parseJson(ln, `${where}, line ${i + 1}`));
    });
    return recordsFrame(rows, where, opts);
  }
  const doc = parseJson(text, where);
  const orient = opts.orient ?? (Array.isArray(doc) ? 'records' : 'columns');
  if (orient === 'records') {
    if (!Array.isArray(doc)) throw new ParseError(`${where}: expected an array of records for orient 'records'`);
    return recordsFrame(doc, where, opts);
  }
  if (!isRecord(doc)) throw new ParseError(`${where}: expected an object of columns for orient 'columns'`);
  const names = Object.keys(doc);
  const labels = [...new Set(names.flatMap((n) => (isRecord(doc[n]) ? Object.keys(doc[n]) : [])))];
  const cols: Record<string, unknown[]> = {};
  for (const n of names) {
    const c = doc[n];
    if (!isRecord(c)) throw new ParseError(`${where}: column '${n}' is not an object of {label: value}`);
    cols[n] = labels.map((l) => c[l] ?? null);
  }
  const numeric = labels.every((l) => /^-?\d+$/.test(l));
  const isRange = numeric && labels.every((l, i) => Number(l) === i);
  return build(cols, opts, isRange ? new RangeIndex(labels.length) : numeric ? labels.map(Number) : labels);
}
