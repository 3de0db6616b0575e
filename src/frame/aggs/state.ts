/**
 * What every aggregation state shares, and the helpers the aggregation files use: the numeric view
 * of an input column, the skipna=false marking pass, and building result columns of the right dtype.
 * @module
 */
import type { Column } from '../column.js';
import { fromBoolBytes, fromEpochMs, fromStrings, fromTyped } from '../column-build.js';
import { packBits } from '../bitmap.js';
import { float64ToInt64, isBigDtype, isIntegerDtype, typedArrayCtor, type DType, type NumericArray } from '../dtypes.js';
import { TypeError_ } from '../../errors.js';

/** The fields every state has. All other fields are typed arrays with one slot per group. */
export interface AggState {
  /** Number of groups. */
  readonly ngroups: number;
  /** Input dtype, set by the first `update` (null before). */
  dtype: DType | null;
  /** 1 where the group saw a missing value (filled only by `markMissing`, for skipna=false). */
  missing: Uint8Array;
}

/** Options read by `value`. */
export interface ValueOptions {
  /** false: a group with a missing value gives NaN (default true: missing values are skipped). */
  skipna?: boolean;
  /** Delta degrees of freedom of var/std (default 1). */
  ddof?: number;
  /** The quantile of `quantile` (default 0.5). */
  q?: number;
}

/** The shared part of a fresh state. */
export function baseState(ngroups: number): AggState {
  return { ngroups, dtype: null, missing: new Uint8Array(ngroups) };
}

/** The dtype of a state fed with `a` then `b` (numbers of different kinds widen to float64). */
export function unifyDtype(a: DType | null, b: DType | null): DType | null {
  if (a === null || a === b) return b;
  if (b === null) return a;
  const isNum = (d: DType) => d !== 'string' && d !== 'date' && d !== 'datetime';
  if (isNum(a) && isNum(b)) return 'float64';
  if ((a === 'date' || a === 'datetime') && (b === 'date' || b === 'datetime')) return 'datetime';
  throw new TypeError_(`Cannot aggregate ${a} and ${b} values together`);
}

/** Records the input dtype (several updates of different numeric dtypes widen to float64). */
export function noteDtype(st: AggState, col: Column): void {
  st.dtype = unifyDtype(st.dtype, col.dtype);
}

/** Merges the shared fields. */
export function mergeBase(into: AggState, from: AggState): void {
  if (into.ngroups !== from.ngroups) throw new TypeError_(`Cannot merge states over ${from.ngroups} groups into ${into.ngroups}`);
  into.dtype = unifyDtype(into.dtype, from.dtype);
  const a = into.missing;
  const b = from.missing;
  for (let g = 0; g < a.length; g++) a[g] |= b[g];
}

/**
 * Numbers of a column as float64 (nulls -> NaN; bools 0/1). Strings and dates are refused.
 * Float64 columns without nulls are returned as they are (no copy).
 */
export function numericValues(col: Column, agg: string): Float64Array {
  if (col.dtype === 'string') throw new TypeError_(`Cannot compute '${agg}' of a string column`);
  return col.toFloat64();
}

/** The codes of all rows in group 0 (used by aggregations without a whole-column fast path). */
export function zeroCodes(codes: Int32Array | null, n: number): Int32Array {
  return codes ?? new Int32Array(n);
}

/** Marks groups that hold a missing value (null, or NaN in floats); one pass, for skipna=false. */
export function markMissing(st: AggState, col: Column, codes: Int32Array | null): void {
  const miss = st.missing;
  const n = col.length;
  if (col.dtype === 'string' || col.dtype === 'bool') {
    const v = col.validity;
    if (!v) return;
    for (let i = 0; i < n; i++) {
      if (((v[i >> 3] >> (i & 7)) & 1) === 0) {
        const g = codes === null ? 0 : codes[i];
        if (g >= 0) miss[g] = 1;
      }
    }
    return;
  }
  const x = col.toFloat64();
  for (let i = 0; i < n; i++) {
    const xv = x[i];
    if (xv !== xv) {
      const g = codes === null ? 0 : codes[i];
      if (g >= 0) miss[g] = 1;
    }
  }
}

/** NaN where a group saw a missing value and skipna is false. */
export function applySkipna(out: Float64Array, st: AggState, opts: ValueOptions | undefined): void {
  if (opts?.skipna !== false) return;
  const m = st.missing;
  for (let g = 0; g < out.length; g++) if (m[g]) out[g] = NaN;
}

/** A float64 result column. */
export function floatResult(vals: Float64Array): Column {
  return fromTyped(vals, null, 'float64');
}

/** An int64 result column from integral float64 values. */
export function int64Result(vals: Float64Array): Column {
  return fromTyped(float64ToInt64(vals), null, 'int64');
}

/**
 * A result column of `dtype` from float64 values (ints, bools, dates as epoch ms); `valid[g] === 0`
 * (or a NaN value) makes the row null. Used by min/max/first/last, which keep the input dtype.
 */
export function typedResult(vals: Float64Array, valid: Uint8Array, dtype: DType): Column {
  const n = vals.length;
  const anyNull = valid.some((v) => v === 0);
  if (dtype === 'float64' || dtype === 'float32') {
    const out = new Float64Array(n);
    for (let g = 0; g < n; g++) out[g] = valid[g] ? vals[g] : NaN;
    return dtype === 'float32' ? fromTyped(Float32Array.from(out), null, 'float32') : fromTyped(out, null, 'float64');
  }
  const bitmap = anyNull ? packBits(valid, n) : null;
  if (dtype === 'date' || dtype === 'datetime') {
    const out = new Float64Array(n);
    for (let g = 0; g < n; g++) out[g] = valid[g] ? vals[g] : NaN;
    return fromEpochMs(out, dtype);
  }
  if (dtype === 'bool') {
    const b = new Uint8Array(n);
    for (let g = 0; g < n; g++) b[g] = valid[g] && vals[g] ? 1 : 0;
    return fromBoolBytes(b, bitmap);
  }
  const clean = new Float64Array(n);
  for (let g = 0; g < n; g++) clean[g] = valid[g] ? vals[g] : 0;
  if (isBigDtype(dtype)) return fromTyped(float64ToInt64(clean), bitmap, 'int64');
  if (isIntegerDtype(dtype)) {
    const ctor = typedArrayCtor(dtype) as unknown as { from(a: ArrayLike<number>): NumericArray };
    return fromTyped(ctor.from(clean), bitmap, dtype);
  }
  throw new TypeError_(`No typed result for dtype ${dtype}`);
}

/** A string result column (null where the group had no value). */
export function stringResult(vals: readonly (string | null)[]): Column {
  return fromStrings(vals);
}

/** Merges two per-group string picks with `better(a, b)` true when b should replace a. */
export function mergeStrings(into: (string | null)[], from: readonly (string | null)[], better: (a: string, b: string) => boolean): void {
  for (let g = 0; g < into.length; g++) {
    const b = from[g];
    if (b === null) continue;
    const a = into[g];
    if (a === null || better(a, b)) into[g] = b;
  }
}
