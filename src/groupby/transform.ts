/**
 * `transform`: a result the same length as the input, aligned with its rows. A registered name is
 * aggregated once per group and broadcast back through the codes (one gather); transform('mean')
 * then transform('std') on one grouping read the column's group sums once (agg.ts keeps them on the
 * grouping, and std adds one pass of squared deviations). A function is called
 * per group with the group's values as a Series and may return a Series of the group's length or a
 * scalar (broadcast).
 * @module
 */
import type { Column } from '../frame/column.js';
import { fromFloat64, fromValues } from '../frame/column-build.js';
import { take } from '../frame/column-take.js';
import { alloc } from '../frame/alloc.js';
import { DataFrame } from '../frame/dataframe.js';
import { Series } from '../frame/series.js';
import { isNumericDtype, type Scalar } from '../frame/dtypes.js';
import { ValueError } from '../errors.js';
import { aggregateFuncs } from './agg.js';
import type { GroupContext } from './context.js';
import { GroupSlices } from './slices.js';

/** What `transform` takes: an aggregation name, or a function of a group's values. */
export type TransformFunc = string | ((values: Series) => Series | Scalar);

/**
 * One column transformed group by group (rows whose key is dropped come out missing).
 * @example
 * transformColumn(ctx, 'v', 'mean') // each row gets its group's mean
 */
export function transformColumn(ctx: GroupContext, name: string, fn: TransformFunc): Column {
  const { codes } = ctx.groups;
  if (typeof fn === 'string') return broadcast(aggregateFuncs(ctx, name, [fn], {}, true)[0], codes);
  const n = ctx.frame.length;
  const sl = new GroupSlices(ctx);
  const { order, offsets } = sl.rows;
  let num: Float64Array | null = new Float64Array(n).fill(NaN);
  let any: Scalar[] | null = null;
  for (let k = 0; k < ctx.groups.ngroups; k++) {
    const g = sl.physical(k);
    const r = order.subarray(offsets[g], offsets[g + 1]);
    const res = fn(sl.series(name, g));
    if (res instanceof Series) {
      if (res.length !== r.length) throw new ValueError(`transform: the function returned ${res.length} values for a group of ${r.length} rows (column '${name}')`);
      if (num !== null && (isNumericDtype(res.dtype) || res.dtype === 'bool')) {
        const x = res.toFloat64();
        for (let j = 0; j < r.length; j++) num[r[j]] = x[j];
        continue;
      }
      any = any ?? toScalars(num, n);
      num = null;
      for (let j = 0; j < r.length; j++) any[r[j]] = res.column.get(j);
    } else {
      if (num !== null && (typeof res === 'number' || res === null)) {
        const v = res === null ? NaN : res;
        for (let j = 0; j < r.length; j++) num[r[j]] = v;
        continue;
      }
      any = any ?? toScalars(num, n);
      num = null;
      for (let j = 0; j < r.length; j++) any[r[j]] = res;
    }
  }
  return num !== null ? fromFloat64(num) : fromValues(any as Scalar[], undefined, name);
}

/**
 * Per-group results spread to the rows through the codes (a row of a dropped key gets null). A
 * float64 result without nulls (mean, std, sum of floats, ...) takes one tight loop over the codes,
 * with a validity bitmap only when some code is -1; other dtypes go through `take`.
 */
function broadcast(res: Column, codes: Int32Array): Column {
  if (res.dtype !== 'float64' || res.validity !== null) return take(res, codes);
  const vals = res.values as Float64Array;
  const n = codes.length;
  const out = alloc(Float64Array, n);
  let neg = 0;
  for (let start = 0; start < n; start += BLOCK) neg |= spread(vals, codes, out, start, Math.min(n, start + BLOCK));
  // Rare: a dropped key; `take` gives its rows a null.
  return neg < 0 ? take(res, codes) : fromFloat64(out);
}

/** Rows per `spread` call (a small function called many times is optimized early by V8). */
const BLOCK = 1 << 16;

/**
 * out[i] = vals[codes[i]] over [start, end), four rows per iteration; returns the OR of the codes
 * (negative: a dropped key).
 */
function spread(vals: Float64Array, codes: Int32Array, out: Float64Array, start: number, end: number): number {
  let neg = 0;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const c0 = codes[i];
    const c1 = codes[i + 1];
    const c2 = codes[i + 2];
    const c3 = codes[i + 3];
    neg |= c0 | c1 | c2 | c3;
    // No branch: a negative code is caught by the caller (twice as fast as a select).
    out[i] = vals[c0];
    out[i + 1] = vals[c1];
    out[i + 2] = vals[c2];
    out[i + 3] = vals[c3];
  }
  for (; i < end; i++) {
    const c = codes[i];
    neg |= c;
    out[i] = vals[c];
  }
  return neg;
}

function toScalars(num: Float64Array | null, n: number): Scalar[] {
  const out = new Array<Scalar>(n).fill(null);
  if (num) for (let i = 0; i < n; i++) if (num[i] === num[i]) out[i] = num[i];
  return out;
}

/**
 * Every value column transformed; the result keeps the frame's index.
 * @example
 * transformFrame(ctx, (s) => s.sub(s.mean()).div(s.std()))
 */
export function transformFrame(ctx: GroupContext, fn: TransformFunc): DataFrame {
  const names = [...ctx.valueNames];
  return DataFrame.fromColumns(names, names.map((nm) => transformColumn(ctx, nm, fn)), ctx.frame.index);
}
