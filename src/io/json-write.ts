/**
 * `df.toJson(path?)`: pandas' `to_json` layouts 'records' (`[{col: value}, ...]`, or one object per
 * line with `lines: true`) and 'columns' (`{col: {indexLabel: value}}`). Values are encoded per column
 * once; NaN and nulls become `null`, datetimes ISO 8601 strings (or epoch ms with `dateFormat: 'epoch'`),
 * int64 beyond 2^53 are written as exact digits.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { ValueError } from '../errors.js';
import type { Column } from '../frame/column.js';
import type { DataFrame } from '../frame/dataframe.js';
import { int64ToFloat64 } from '../frame/dtypes.js';
import { fileError } from './file-errors.js';
import { writeColumns } from './frame-columns.js';

/** Options of `toJson`. */
export interface ToJsonOptions {
  /** 'records' (default) or 'columns'. */
  orient?: 'records' | 'columns';
  /** One JSON object per line (records only). */
  lines?: boolean;
  /** Datetimes as ISO 8601 strings (default) or epoch milliseconds. */
  dateFormat?: 'iso' | 'epoch';
  /** For records: include the index as leading field(s); default: only when it is not a plain RangeIndex. */
  index?: boolean;
}

/** Each row of a column as JSON text. */
export function jsonValues(col: Column, dateFormat: 'iso' | 'epoch'): string[] {
  const n = col.length;
  const out = new Array<string>(n);
  const valid = col.validity;
  const ok = (i: number): boolean => valid === null || ((valid[i >> 3] >> (i & 7)) & 1) === 1;
  switch (col.dtype) {
    case 'string': {
      const { codes, dictionary } = col.dictionaryCodes();
      const enc = dictionary.map((s) => JSON.stringify(s));
      for (let i = 0; i < n; i++) out[i] = codes[i] < 0 ? 'null' : enc[codes[i]];
      return out;
    }
    case 'bool': {
      const b = col.boolBytes();
      for (let i = 0; i < n; i++) out[i] = ok(i) ? (b[i] ? 'true' : 'false') : 'null';
      return out;
    }
    case 'date': case 'datetime': {
      const ms = col.toFloat64();
      for (let i = 0; i < n; i++) {
        const t = ms[i];
        out[i] = t !== t ? 'null' : dateFormat === 'epoch' ? String(t) : `"${new Date(t).toISOString()}"`;
      }
      return out;
    }
    case 'int64': case 'uint64': {
      const big = col.values as BigInt64Array;
      const f = int64ToFloat64(big);
      for (let i = 0; i < n; i++) out[i] = !ok(i) ? 'null' : Math.abs(f[i]) <= Number.MAX_SAFE_INTEGER ? String(f[i]) : String(big[i]);
      return out;
    }
    default: {
      const v = col.values as Float64Array;
      for (let i = 0; i < n; i++) out[i] = ok(i) && Number.isFinite(v[i]) ? String(v[i]) : 'null';
      return out;
    }
  }
}

/**
 * JSON text of a frame, or written to `path`.
 * @example
 * await toJson(df) // '[{"a":1,"b":"x"}]'
 * await toJson(df, 'out.jsonl', { lines: true });
 */
export async function toJson(df: DataFrame, path?: string, opts: ToJsonOptions = {}): Promise<string | undefined> {
  const orient = opts.orient ?? 'records';
  const dateFormat = opts.dateFormat ?? 'iso';
  if (orient !== 'records' && orient !== 'columns') throw new ValueError(`orient must be 'records' or 'columns', got ${JSON.stringify(orient)}`);
  if (opts.lines && orient !== 'records') throw new ValueError("lines: true needs orient: 'records'");
  let text: string;
  const n = df.length;
  if (orient === 'records') {
    const { names, cols } = writeColumns(df, opts.index);
    const keys = names.map((k) => JSON.stringify(k) + ':');
    const vals = cols.map((c) => jsonValues(c, dateFormat));
    const rows = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      let r = '{';
      for (let k = 0; k < keys.length; k++) r += (k ? ',' : '') + keys[k] + vals[k][i];
      rows[i] = r + '}';
    }
    text = opts.lines ? rows.map((r) => r + '\n').join('') : '[' + rows.join(',') + ']';
  } else {
    const labels = df.index.toArray().map((l) => JSON.stringify(l instanceof Date ? l.toISOString() : Array.isArray(l) ? l.join(',') : String(l)) + ':');
    const parts = df.columns.map((name, k) => {
      const v = jsonValues(df.columnList[k], dateFormat);
      let s = JSON.stringify(name) + ':{';
      for (let i = 0; i < n; i++) s += (i ? ',' : '') + labels[i] + v[i];
      return s + '}';
    });
    text = '{' + parts.join(',') + '}';
  }
  if (path === undefined) return text;
  try {
    await writeFile(path, text);
  } catch (e) {
    throw fileError(e, path);
  }
  return undefined;
}
