/**
 * `agg`: named aggregations (through the registry in src/frame/aggs, one pass per column and
 * aggregation) and user functions (called once per group with the group's values as a Series).
 * Several aggregations for a column give MultiIndex columns (column, aggregation), as pandas.
 * mean, sum and count of a numeric column share ONE pass (a mean state: compensated sum and count
 * per group), kept on the grouping for later calls; var/std take one more pass over those sums
 * (squared deviations from the group means). The same counts tell a lazily ordered grouping
 * (physical.ts) which groups occur, so grouping an int or dictionary key costs no pass of its own.
 * @module
 */
import type { Column } from '../frame/column.js';
import { fromValues } from '../frame/column-build.js';
import { take } from '../frame/column-take.js';
import { DataFrame } from '../frame/dataframe.js';
import { Index } from '../frame/label-index.js';
import { MultiIndex } from '../frame/multi-index.js';
import { Series } from '../frame/series.js';
import type { Scalar } from '../frame/dtypes.js';
import { acceptsDtype, aggregateColumn, checkInput, getAggregation } from '../frame/aggs/registry.js';
import { MEAN_COUNT_OFFSET, MEAN_COUNT_STRIDE, mean, meanStateCount, meanStateSum, meanUpdate, type MeanState } from '../frame/aggs/mean.js';
import { std, variance, varianceFromSums, type VarState } from '../frame/aggs/var.js';
import type { ValueOptions } from '../frame/aggs/state.js';
import { unknownName, ValueError } from '../errors.js';
import type { GroupContext } from './context.js';
import { GroupSlices } from './slices.js';
import { codesNonNegative, notePresence, presenceUnknown } from './physical.js';

/** An aggregation: a registered name ('mean', 'sum', ...) or a function of a group's values. */
export type AggFunc = string | ((values: Series) => Scalar);

/** What `agg` takes: one aggregation, a list (for every column), or per column. */
export type AggSpec = AggFunc | readonly AggFunc[] | Readonly<Record<string, AggFunc | readonly AggFunc[]>>;

/** The label of an aggregation in result columns. */
export function aggLabel(f: AggFunc): string {
  return typeof f === 'string' ? f : f.name || '<lambda>';
}

/**
 * One column aggregated by several functions; mean/sum/count share one pass when asked together.
 * @example
 * aggregateFuncs(ctx, 'v', ['mean', 'sum']) // [mean column, sum column]
 */
export function aggregateFuncs(ctx: GroupContext, name: string, funcs: readonly AggFunc[], opts: ValueOptions = {}, physical = false): Column[] {
  const res = physicalAggregates(ctx, name, funcs, opts);
  const order = ctx.groups.order;
  return physical || order === null ? res : res.map((c) => take(c, order));
}

/** The aggregations a mean state answers (mean, sum, count: one pass for all three). */
const FROM_MEAN_STATE = new Set(['mean', 'sum', 'count']);

/**
 * True when mean/sum/count of a numeric column go through one shared mean state: when two of them
 * are asked, or when the grouping has yet to learn which groups occur (the state's counts tell it).
 */
function useMeanState(ctx: GroupContext, named: readonly string[]): boolean {
  const k = named.filter((f) => FROM_MEAN_STATE.has(f)).length;
  if (k === 0) return false;
  return (named.includes('mean') && k >= 2) || presenceUnknown(ctx.groups);
}

/** One result row per physical group (see Groups.order). */
function physicalAggregates(ctx: GroupContext, name: string, funcs: readonly AggFunc[], opts: ValueOptions): Column[] {
  const col = ctx.frame.column(name);
  const { codes, nphys: ngroups } = ctx.groups;
  const named = funcs.filter((f): f is string => typeof f === 'string');
  for (const f of named) checkInput(getAggregation(f), col, name);
  const moments = opts.skipna !== false && acceptsDtype(mean, col.dtype);
  let meanState = moments ? (ctx.meanStates.get(name) ?? null) : null;
  if (meanState === null && moments && useMeanState(ctx, named)) meanState = meanStateOf(ctx, name);
  let varState: VarState | null = null;
  return funcs.map((f) => {
    if (typeof f !== 'string') return applyPerGroup(ctx, name, f);
    if (meanState !== null) {
      if (f === 'mean') return mean.value(meanState, opts);
      if (f === 'sum') return meanStateSum(meanState, opts);
      if (f === 'count') return meanStateCount(meanState);
    }
    if (moments && (f === 'var' || f === 'std')) {
      // Two passes: group sums (shared with mean/sum/count, and kept for later calls), then
      // squared deviations from the group means.
      meanState ??= meanStateOf(ctx, name);
      varState ??= varianceFromSums(meanState.acc, MEAN_COUNT_STRIDE, col, codes);
      return (f === 'var' ? variance : std).value(varState, opts);
    }
    return aggregateColumn(f, col, codes, ngroups, { ...opts, name });
  });
}

/** The mean state of a column over the grouping: computed once, kept in `ctx.meanStates`. */
function meanStateOf(ctx: GroupContext, name: string): MeanState {
  let st = ctx.meanStates.get(name);
  if (st === undefined) {
    st = mean.init(ctx.groups.nphys);
    meanUpdate(st, ctx.frame.column(name), ctx.groups.codes, codesNonNegative(ctx.groups));
    // Its counts cover every row when no value was missing: they also say which groups occur.
    notePresence(ctx.groups, st.acc, MEAN_COUNT_STRIDE, MEAN_COUNT_OFFSET);
    ctx.meanStates.set(name, st);
  }
  return st;
}

/** A user function per group (slow path: one Series per group), one result per physical group. */
function applyPerGroup(ctx: GroupContext, name: string, fn: (values: Series) => Scalar): Column {
  const sl = new GroupSlices(ctx);
  const { nphys, ngroups } = ctx.groups;
  const out = new Array<Scalar>(nphys).fill(null);
  for (let k = 0; k < ngroups; k++) {
    const g = sl.physical(k);
    out[g] = fn(sl.series(name, g));
  }
  return fromValues(out, undefined, name);
}

/** Normalizes a spec to (column, functions) pairs and whether labels need two levels. */
function normalize(ctx: GroupContext, spec: AggSpec): { pairs: Array<[string, AggFunc[]]>; multi: boolean } {
  if (typeof spec === 'string' || typeof spec === 'function') return { pairs: ctx.valueNames.map((n) => [n, [spec]]), multi: false };
  if (Array.isArray(spec)) {
    const funcs = spec as readonly AggFunc[];
    if (funcs.length === 0) throw new ValueError('agg needs at least one aggregation');
    return { pairs: ctx.valueNames.map((n) => [n, [...funcs]]), multi: true };
  }
  const obj = spec as Readonly<Record<string, AggFunc | readonly AggFunc[]>>;
  const pairs: Array<[string, AggFunc[]]> = [];
  let multi = false;
  for (const [name, f] of Object.entries(obj)) {
    if (!ctx.frame.has(name)) throw unknownName('column', name, ctx.valueNames);
    if (Array.isArray(f)) multi = true;
    pairs.push([name, Array.isArray(f) ? [...(f as readonly AggFunc[])] : [f as AggFunc]]);
  }
  if (pairs.length === 0) throw new ValueError('agg needs at least one column');
  return { pairs, multi };
}

/**
 * The grouped frame aggregated by `spec`: a frame with one row per group.
 * @example
 * aggregate(ctx, { v: ['mean', 'sum'], w: 'max' }) // columns (v, mean), (v, sum), (w, max)
 */
export function aggregate(ctx: GroupContext, spec: AggSpec, opts: ValueOptions = {}): DataFrame {
  const { pairs, multi } = normalize(ctx, spec);
  const names: string[] = [];
  const cols: Column[] = [];
  const tuples: [string, string][] = [];
  for (const [name, funcs] of pairs) {
    const res = aggregateFuncs(ctx, name, funcs, opts);
    funcs.forEach((f, k) => {
      const label = aggLabel(f);
      names.push(multi ? `${name}_${label}` : name);
      tuples.push([name, label]);
      cols.push(res[k]);
    });
  }
  const columnIndex = multi ? columnTuples(tuples) : new Index(names);
  return DataFrame.fromColumns(names, cols, ctx.resultIndex, columnIndex);
}

/** A two-level column MultiIndex that keeps the given order (codes into first-seen levels). */
export function columnTuples(tuples: readonly (readonly string[])[], names?: readonly (string | null)[]): MultiIndex {
  const k = tuples[0].length;
  const levels: string[][] = Array.from({ length: k }, () => []);
  const maps = levels.map(() => new Map<string, number>());
  const codes = levels.map(() => new Int32Array(tuples.length));
  tuples.forEach((t, i) => {
    for (let l = 0; l < k; l++) {
      let c = maps[l].get(t[l]);
      if (c === undefined) {
        c = levels[l].length;
        maps[l].set(t[l], c);
        levels[l].push(t[l]);
      }
      codes[l][i] = c;
    }
  });
  return new MultiIndex(levels.map((l) => fromValues(l, 'string')), codes, names ?? levels.map(() => null));
}
