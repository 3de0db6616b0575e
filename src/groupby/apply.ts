/**
 * `apply`: a function per group's sub-frame (key columns included, as pandas), results combined as
 * pandas combines them: scalars -> a Series indexed by the group keys; Series sharing one index -> a
 * frame with a row per group and a column per label; frames (or Series with differing indexes) ->
 * stacked, with the group keys prepended to their index.
 * @module
 */
import type { Column } from '../frame/column.js';
import { concatColumns, fromFloat64, fromValues } from '../frame/column-build.js';
import { DataFrame } from '../frame/dataframe.js';
import { MultiIndex } from '../frame/multi-index.js';
import { Series } from '../frame/series.js';
import type { Scalar } from '../frame/dtypes.js';
import type { Label } from '../frame/label-index.js';
import { ValueError } from '../errors.js';
import type { GroupContext } from './context.js';
import { GroupSlices } from './slices.js';

/** What an applied function may return. */
export type ApplyResult = DataFrame | Series | Scalar;

/**
 * Applies `fn` to each group and combines the results.
 * @example
 * applyGroups(ctx, (g) => g.col('v').max() - g.col('v').min()) // Series indexed by the keys
 */
export function applyGroups(ctx: GroupContext, fn: (group: DataFrame) => ApplyResult): Series | DataFrame {
  const sl = new GroupSlices(ctx);
  const ng = ctx.groups.ngroups;
  const results: ApplyResult[] = [];
  for (let g = 0; g < ng; g++) results.push(fn(sl.frame(sl.physical(g))));
  if (results.every((r) => !(r instanceof Series) && !(r instanceof DataFrame))) {
    const vals = results as Scalar[];
    const col = vals.every((v) => typeof v === 'number' || v === null) ? fromFloat64(Float64Array.from(vals, (v) => (v === null ? NaN : (v as number)))) : fromValues(vals);
    return new Series(col, { index: ctx.resultIndex });
  }
  if (results.every((r) => r instanceof Series)) {
    const ss = results as Series[];
    const first = ss[0];
    if (ss.every((s) => s.index.equals(first.index))) {
      // One row per group, one column per label of the shared index.
      const labels = first.index.toArray().map((l) => String(l));
      const cols: Column[] = labels.map((_, j) => fromValues(ss.map((s) => s.column.get(j))));
      return DataFrame.fromColumns(labels, cols, ctx.resultIndex);
    }
    const frames = ss.map((s) => s.toFrame(s.name ?? '0'));
    const out = stackFrames(ctx, frames);
    return new Series(out.columnList[0], { index: out.index, name: first.name });
  }
  if (results.every((r) => r instanceof DataFrame)) return stackFrames(ctx, results as DataFrame[]);
  throw new ValueError('apply: the function must return the same kind of value (scalar, Series or DataFrame) for every group');
}

/** Frames stacked group after group, their index prefixed with the group key(s). */
function stackFrames(ctx: GroupContext, frames: DataFrame[]): DataFrame {
  const names = frames[0].columns;
  for (const f of frames) {
    if (f.columns.join('\u0000') !== names.join('\u0000')) throw new ValueError(`apply: every group must return the same columns; got ${JSON.stringify(f.columns)} and ${JSON.stringify(names)}`);
  }
  const cols = names.map((n) => concatColumns(frames.map((f) => f.column(n))));
  const nk = ctx.groups.uniques.length;
  const keyArrays: Scalar[][] = Array.from({ length: nk }, () => []);
  const inner: Label[][] = [];
  let innerLevels = 1;
  frames.forEach((f, g) => {
    const key = ctx.resultIndex.get(g);
    const kv = nk === 1 ? [key as Scalar] : (key as Scalar[]);
    const labels = f.index.toArray();
    innerLevels = f.index.nlevels;
    for (const l of labels) {
      for (let k = 0; k < nk; k++) keyArrays[k].push(kv[k]);
      inner.push(Array.isArray(l) ? [...(l as Scalar[])] : [l as Scalar]);
    }
  });
  const innerArrays: Scalar[][] = Array.from({ length: innerLevels }, (_, k) => inner.map((t) => t[k] as Scalar));
  const innerNames = frames[0].index.names;
  const index = MultiIndex.fromArrays([...keyArrays, ...innerArrays], { names: [...ctx.keyNames, ...innerNames] });
  return DataFrame.fromColumns(names, cols, index);
}
