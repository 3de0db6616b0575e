/**
 * Missing values on a DataFrame (missing = null, or NaN in a float column, as pandas): `isna`,
 * `dropna`, `fillna`, `ffill`, `bfill`. Per-column work reuses the Series helpers in missing.ts.
 * @module
 */
import type { DataFrame } from '../dataframe.js';
import type { Column } from '../column.js';
import { filterColumn, maskToIndices, take } from '../column-take.js';
import type { Scalar } from '../dtypes.js';
import type { FillValue } from '../types.js';
import { TypeError_, ValueError } from '../../errors.js';
import { boolColumn, invertBits } from './bool-bits.js';
import { fillColumn, fillSources, hasMissing, missingBits } from './missing.js';
import { frameOf } from './frame-select.js';

/**
 * Per cell, true where missing (`negate`: true where present), as bool columns.
 * @example
 * isnaFrame(df, false)
 */
export function isnaFrame(df: DataFrame, negate: boolean): DataFrame {
  const n = df.length;
  const cols = df.columnList.map((c) => {
    const bits = missingBits(c);
    return boolColumn(negate ? invertBits(bits, n) : bits, n);
  });
  return df.withColumns(cols);
}

/**
 * Rows without missing values: `how: 'any'` (default) drops a row with any missing cell among
 * `subset` (default: all columns), `how: 'all'` only a row where all of them are missing.
 * @example
 * dropnaFrame(df, { subset: ['Age'] })
 */
export function dropnaFrame(df: DataFrame, opts: { how?: 'any' | 'all'; subset?: readonly string[] } = {}): DataFrame {
  const how = opts.how ?? 'any';
  if (how !== 'any' && how !== 'all') throw new ValueError(`how must be 'any' or 'all', got '${String(how)}'`);
  const names = opts.subset ? [...opts.subset] : df.columns;
  const cols = names.map((nm) => df.column(nm));
  const n = df.length;
  const missing = new Uint8Array(n);
  const withMissing = cols.filter(hasMissing);
  // Nothing missing, or (how 'all') some column never missing: no row goes.
  if (withMissing.length === 0 || (how === 'all' && withMissing.length < cols.length)) return df;
  for (const c of withMissing) {
    const bits = missingBits(c);
    for (let i = 0; i < n; i++) missing[i] += (bits[i >> 3] >> (i & 7)) & 1;
  }
  const need = how === 'any' ? 1 : cols.length;
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) keep[i] = missing[i] >= need ? 0 : 1;
  const pos = maskToIndices(keep);
  if (pos.length === n) return df;
  return df.withColumns(df.columnList.map((c) => filterColumn(c, keep)), df.index.take(pos));
}

/** True when a scalar can fill a column of this dtype without changing its kind. */
function fits(c: Column, v: Scalar): boolean {
  switch (c.dtype) {
    case 'string': return typeof v === 'string';
    case 'bool': return typeof v === 'boolean';
    case 'date':
    case 'datetime': return v instanceof Date;
    default: return typeof v === 'number' || typeof v === 'bigint';
  }
}

/**
 * Missing values replaced. A scalar fills every column whose dtype can hold it (numbers fill numeric
 * columns, strings string columns, booleans bool columns, Dates date columns) and leaves the others
 * as they are — pandas would turn them into `object` columns, which gridframe does not have. An
 * object `{ col: value }` fills the named columns; a value that does not fit its column, or an
 * unknown column, is an error. An integer column filled with a non-integer becomes float64.
 * @example
 * fillnaFrame(df, { Age: 30, Embarked: 'S' })
 */
export function fillnaFrame(df: DataFrame, value: FillValue): DataFrame {
  const names = df.columns;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const per = value as Record<string, Scalar>;
    for (const k of Object.keys(per)) df.column(k);
    const cols = df.columnList.map((c, j) => {
      const v = per[names[j]];
      if (v === undefined || v === null || !hasMissing(c)) return c;
      if (!fits(c, v)) throw new TypeError_(`Cannot fill ${c.dtype} column '${names[j]}' with ${JSON.stringify(String(v))}`);
      return fillColumn(c, v, names[j]);
    });
    return df.withColumns(cols);
  }
  const v = value as Scalar;
  if (v === null) return df;
  return df.withColumns(df.columnList.map((c, j) => (fits(c, v) && hasMissing(c) ? fillColumn(c, v, names[j]) : c)));
}

function fillFrame(df: DataFrame, dir: 1 | -1, limit?: number): DataFrame {
  if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) throw new ValueError(`limit must be a positive integer, got ${limit}`);
  const cols = df.columnList.map((c) => (hasMissing(c) ? take(c, fillSources(c, dir, limit ?? Infinity)) : c));
  return frameOf(df, df.columns, cols, df.index);
}

/**
 * Each missing value replaced by the last valid value above it in its column (at most `limit` in a row).
 * @example
 * ffillFrame(df, { limit: 1 })
 */
export function ffillFrame(df: DataFrame, opts: { limit?: number } = {}): DataFrame {
  return fillFrame(df, 1, opts.limit);
}

/**
 * Each missing value replaced by the next valid value below it in its column (at most `limit` in a row).
 * @example
 * bfillFrame(df)
 */
export function bfillFrame(df: DataFrame, opts: { limit?: number } = {}): DataFrame {
  return fillFrame(df, -1, opts.limit);
}
