/**
 * Running aggregates (`cumsum`, `cumprod`, `cummax`, `cummin`), `diff` and `shift`.
 * As pandas: missing values stay missing and are skipped (`skipna: false` makes every later row
 * missing); int and bool cumsum/cumprod give int64 (accumulated in float64, so exact up to 2^53),
 * bool cummax/cummin stay bool, dates allow cummax/cummin. `diff` gives float64 with NaN where a row
 * or its partner is missing (dates give milliseconds; pandas gives a timedelta). `shift` keeps the
 * dtype (the rows moved in are null, or `fillValue`).
 * @module
 */
import { Column } from '../column.js';
import { concatColumns, fromEpochMs, fromTyped, fromValues } from '../column-build.js';
import { sliceColumn } from '../column-take.js';
import { alloc } from '../alloc.js';
import { float64ToInt64, isFloatDtype, isIntegerDtype, type Scalar } from '../dtypes.js';
import { TypeError_, ValueError } from '../../errors.js';
import type { Series } from '../series.js';
import type { AggOptions } from '../types.js';
import { boolColumn, packWhere } from './bool-bits.js';

type CumOp = 'cumsum' | 'cumprod' | 'cummax' | 'cummin';

function floatView(c: Column): Float64Array {
  return c.dtype === 'float64' && c.validity === null ? (c.values as Float64Array) : c.toFloat64();
}

/**
 * A running sum, product, maximum or minimum.
 * @example
 * cumulative(new Series([1, null, 2]), 'cumsum').toArray() // [1, null, 3]
 */
export function cumulative(s: Series, op: CumOp, opts: AggOptions = {}): Series {
  const c = s.column;
  const d = c.dtype;
  const time = d === 'date' || d === 'datetime';
  if (d === 'string' || (time && (op === 'cumsum' || op === 'cumprod'))) {
    throw new TypeError_(`${op} is not defined for ${d} values ('${s.name ?? ''}')`);
  }
  const skipna = opts.skipna ?? true;
  const x = floatView(c);
  const n = x.length;
  const out = alloc(Float64Array, n);
  let i = 0;
  if (op === 'cumsum') {
    let acc = 0;
    for (; i < n; i++) {
      const v = x[i];
      if (v !== v) { out[i] = NaN; if (!skipna) break; } else out[i] = acc += v;
    }
  } else if (op === 'cumprod') {
    let acc = 1;
    for (; i < n; i++) {
      const v = x[i];
      if (v !== v) { out[i] = NaN; if (!skipna) break; } else out[i] = acc *= v;
    }
  } else if (op === 'cummax') {
    let acc = -Infinity;
    for (; i < n; i++) {
      const v = x[i];
      if (v !== v) { out[i] = NaN; if (!skipna) break; } else out[i] = acc = v > acc ? v : acc;
    }
  } else {
    let acc = Infinity;
    for (; i < n; i++) {
      const v = x[i];
      if (v !== v) { out[i] = NaN; if (!skipna) break; } else out[i] = acc = v < acc ? v : acc;
    }
  }
  for (i++; i < n; i++) out[i] = NaN;
  return s.withColumn(rebuild(c, out, op));
}

function rebuild(c: Column, out: Float64Array, op: CumOp): Column {
  const d = c.dtype;
  const n = out.length;
  if (isFloatDtype(d)) {
    if (d === 'float64') return fromTyped(out, c.validity, 'float64');
    const o = alloc(Float32Array, n);
    o.set(out);
    return fromTyped(o, c.validity, 'float32');
  }
  if (d === 'date' || d === 'datetime') return fromEpochMs(out, d);
  // Integer and bool inputs: a row is missing where the running value is NaN.
  const validity = c.validity !== null || out.some((v) => v !== v) ? packWhere(n, (i) => out[i] === out[i]) : null;
  if (d === 'bool' && (op === 'cummax' || op === 'cummin')) {
    return boolColumn(packWhere(n, (i) => out[i] === 1), n, validity);
  }
  return fromTyped(float64ToInt64(out, alloc(BigInt64Array, n)), validity, 'int64');
}

/**
 * The difference with the row `periods` earlier (later for a negative `periods`), as float64.
 * @example
 * diff(new Series([1, 4, 9]), 1).toArray() // [NaN, 3, 5]
 */
export function diff(s: Series, periods = 1): Series {
  if (!Number.isInteger(periods)) throw new ValueError(`diff: periods must be an integer, got ${periods}`);
  const d = s.dtype;
  if (!(isIntegerDtype(d) || isFloatDtype(d) || d === 'date' || d === 'datetime')) {
    throw new TypeError_(`diff is not defined for ${d} values ('${s.name ?? ''}')`);
  }
  const x = floatView(s.column);
  const n = x.length;
  const out = alloc(Float64Array, n);
  for (let i = 0; i < n; i++) {
    const j = i - periods;
    out[i] = j >= 0 && j < n ? x[i] - x[j] : NaN;
  }
  if (d === 'float32') {
    const o = alloc(Float32Array, n);
    o.set(out);
    return s.withColumn(fromTyped(o, null, 'float32'));
  }
  return s.withColumn(fromTyped(out, null, 'float64'));
}

/**
 * The values moved down by `periods` rows (up when negative); the rows moved in are null, or
 * `fillValue`. The dtype is kept.
 * @example
 * shift(new Series([1, 2, 3]), 1).toArray() // [null, 1, 2]
 */
export function shift(s: Series, periods = 1, opts: { fillValue?: Scalar } = {}): Series {
  if (!Number.isInteger(periods)) throw new ValueError(`shift: periods must be an integer, got ${periods}`);
  const c = s.column;
  const n = c.length;
  const k = Math.min(Math.abs(periods), n);
  if (k === 0) return s;
  const fill = fromValues(new Array<Scalar>(k).fill(opts.fillValue ?? null), c.dtype, s.name ?? '');
  const kept = periods > 0 ? sliceColumn(c, 0, n - k) : sliceColumn(c, k, n);
  const col = periods > 0 ? concatColumns([fill, kept]) : concatColumns([kept, fill]);
  return s.withColumn(col);
}
