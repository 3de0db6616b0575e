/**
 * Grouped cumulative operations (cumsum, cumprod, cummax, cummin, cumcount) in one pass over the
 * rows with one running value per group. A missing value stays missing and is skipped, as pandas.
 * Integer columns without nulls keep int64 for cumsum/cumprod/cummax/cummin.
 * @module
 */
import type { Column } from '../frame/column.js';
import { fromFloat64, fromTyped } from '../frame/column-build.js';
import { float64ToInt64, isIntegerDtype } from '../frame/dtypes.js';
import { TypeError_ } from '../errors.js';
import type { GroupContext } from './context.js';

/** A grouped cumulative operation. */
export type CumOp = 'cumsum' | 'cumprod' | 'cummax' | 'cummin';

/**
 * One column's grouped cumulative values (rows with a dropped key are missing).
 * @example
 * cumulativeColumn(ctx, 'v', 'cumsum')
 */
export function cumulativeColumn(ctx: GroupContext, name: string, op: CumOp): Column {
  const col = ctx.frame.column(name);
  if (col.dtype === 'string' || col.dtype === 'date' || col.dtype === 'datetime') {
    throw new TypeError_(`Cannot compute '${op}' of column '${name}': its dtype is ${col.dtype}, not numeric`);
  }
  const { codes, nphys: ngroups } = ctx.groups;
  const x = col.toFloat64();
  const n = x.length;
  const init = op === 'cumsum' ? 0 : op === 'cumprod' ? 1 : op === 'cummax' ? -Infinity : Infinity;
  const acc = new Float64Array(ngroups).fill(init);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = codes[i];
    const v = x[i];
    if (g < 0 || v !== v) {
      out[i] = NaN;
      continue;
    }
    let a = acc[g];
    if (op === 'cumsum') a += v;
    else if (op === 'cumprod') a *= v;
    else if (op === 'cummax') a = v > a ? v : a;
    else a = v < a ? v : a;
    acc[g] = a;
    out[i] = a;
  }
  const intLike = (isIntegerDtype(col.dtype) || col.dtype === 'bool') && col.validity === null && !codes.some((c) => c < 0);
  if (intLike && out.every((v) => Number.isSafeInteger(v))) return fromTyped(float64ToInt64(out), null, 'int64');
  return fromFloat64(out);
}

/**
 * The position of each row within its group, from 0 (pandas `cumcount`); rows whose key is
 * dropped are missing.
 * @example
 * cumcount(ctx) // [0, 0, 1, ...]
 */
export function cumcount(ctx: GroupContext): Column {
  const { codes, nphys: ngroups } = ctx.groups;
  const seen = new Float64Array(ngroups);
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i];
    out[i] = g < 0 ? NaN : seen[g]++;
  }
  return codes.some((c) => c < 0) ? fromFloat64(out) : fromTyped(float64ToInt64(out), null, 'int64');
}
