/**
 * The aggregation registry. Each aggregation is defined ONCE, as a mergeable state, so grouped
 * (`df.groupby(k).mean()`), whole-column (`s.mean()`) and parallel (partial states computed in
 * workers over row ranges, merged on the main thread) aggregation share one definition.
 *
 * ## Contract
 * - `init(ngroups)` returns a fresh state: a plain object whose fields are typed arrays with one slot
 *   per group (plus a few plain fields: `dtype`, and for strings/value lists plain arrays). States are
 *   structured-cloneable, so a worker can post one back; numeric arrays may live on SharedArrayBuffer.
 * - `update(state, column, codes, ngroups)` folds a whole column into the state in one typed-array
 *   scatter loop (no per-element callbacks). `codes[i]` is row i's group in [0, ngroups), or -1 to skip
 *   the row (a null key under `dropna`); `codes === null` means one group (whole-column aggregation).
 *   Call it several times (e.g. once per chunk) to accumulate; missing values (null, NaN) are skipped.
 * - `merge(into, from)` folds another partial state over the same groups into `into`. Order matters
 *   only for `first`/`last`: `from` must cover rows that come AFTER those of `into`.
 * - `value(state, opts)` gives the result as a Column with one row per group. `opts.skipna === false`
 *   makes groups that saw a missing value NaN (the driver marks them with `markMissing`, below);
 *   `ddof` (var/std, default 1) and `q` (quantile, default 0.5) are read here too.
 *
 * Input kinds: `numeric` aggregations take numbers and bools (and refuse strings/dates with a
 * TypeError_ naming the column); `any` aggregations take every dtype (min/max compare strings and dates).
 * @module
 */
import type { Column } from '../column.js';
import type { DType } from '../dtypes.js';
import { KeyError, TypeError_, unknownName } from '../../errors.js';
import { sum } from './sum.js';
import { prod } from './prod.js';
import { mean } from './mean.js';
import { std, variance } from './var.js';
import { min } from './min.js';
import { max } from './max.js';
import { count } from './count.js';
import { size } from './size.js';
import { median } from './median.js';
import { quantile } from './quantile.js';
import { first } from './first.js';
import { last } from './last.js';
import { nunique } from './nunique.js';
import type { AggState, ValueOptions } from './state.js';
import { markMissing } from './state.js';

export type { AggState, ValueOptions } from './state.js';

/** Which input dtypes an aggregation accepts. */
export type AggInput = 'numeric' | 'any';

/** One aggregation: a mergeable state with init / update / merge / value. */
export interface Aggregation<S extends AggState = AggState> {
  /** The name users pass ('mean', 'sum', ...). */
  readonly name: string;
  /** The input dtypes it accepts. */
  readonly input: AggInput;
  /** A fresh state for `ngroups` groups. */
  init(ngroups: number): S;
  /** Folds a whole column into the state (codes -1 skip a row; null codes = one group). */
  update(state: S, column: Column, codes: Int32Array | null, ngroups: number): void;
  /** Folds a partial state over the same groups into `into`. */
  merge(into: S, from: S): void;
  /** The result, one row per group. */
  value(state: S, opts?: ValueOptions): Column;
}

const REGISTRY = new Map<string, Aggregation>(
  ([sum, prod, mean, variance, std, min, max, count, size, median, quantile, first, last, nunique] as Aggregation[])
    .map((a) => [a.name, a]),
);

/** Names of every registered aggregation. */
export const AGGREGATION_NAMES: readonly string[] = [...REGISTRY.keys()];

/**
 * The aggregation called `name`, or a KeyError listing near names.
 * @example
 * const agg = getAggregation('mean');
 * const st = agg.init(2);
 * agg.update(st, fromValues([1, 2, 3]), Int32Array.of(0, 1, 1), 2);
 * agg.value(st).toArray(); // [1, 2.5]
 */
export function getAggregation(name: string): Aggregation {
  const a = REGISTRY.get(name);
  if (!a) throw new KeyError(`${unknownName('aggregation', name, AGGREGATION_NAMES).message} Known aggregations: ${AGGREGATION_NAMES.join(', ')}.`);
  return a;
}

/** True when `dtype` is accepted by `agg`. */
export function acceptsDtype(agg: Aggregation, dtype: DType): boolean {
  if (agg.input === 'any') return true;
  return dtype !== 'string' && dtype !== 'date' && dtype !== 'datetime';
}

/**
 * Throws a TypeError_ naming the column when `agg` cannot take its dtype.
 * @example
 * checkInput(getAggregation('mean'), df.column('Name'), 'Name') // TypeError_: ... 'Name' ...
 */
export function checkInput(agg: Aggregation, column: Column, name: string): void {
  if (!acceptsDtype(agg, column.dtype)) {
    throw new TypeError_(`Cannot compute '${agg.name}' of column '${name}': its dtype is ${column.dtype}, not numeric`);
  }
}

/** Options of `aggregateColumn`. */
export interface AggregateOptions extends ValueOptions {
  /** The column's name, for error messages. */
  name?: string;
}

/**
 * Runs one aggregation over one column: init, update (one pass), value. `skipna: false` adds one
 * pass that marks groups holding a missing value.
 * @example
 * aggregateColumn('sum', fromValues([1, 2, 3]), Int32Array.of(0, 1, 0), 2).toArray() // [4, 2]
 */
export function aggregateColumn(name: string, column: Column, codes: Int32Array | null, ngroups: number, opts: AggregateOptions = {}): Column {
  const agg = getAggregation(name);
  checkInput(agg, column, opts.name ?? '');
  const st = agg.init(ngroups);
  agg.update(st, column, codes, ngroups);
  if (opts.skipna === false) markMissing(st, column, codes);
  return agg.value(st, opts);
}
