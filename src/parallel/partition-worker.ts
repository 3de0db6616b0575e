/**
 * The worker side of partitioned frames: runs a partition's pipeline (map / filter / assign steps),
 * then its tail: return the frame, compute partial aggregation states per local group, or apply a
 * function to every row.
 * @module
 */
import { DataFrame } from '../frame/dataframe.js';
import { Series } from '../frame/series.js';
import { Column } from '../frame/column.js';
import { fromTyped, fromValues } from '../frame/column-build.js';
import { filterColumn, maskToIndices, take } from '../frame/column-take.js';
import { checkInput, getAggregation, type AggState } from '../frame/aggs/registry.js';
import type { NumericArray, Scalar } from '../frame/dtypes.js';
import { callModule } from './call-module.js';
import { TaskDefinitionError } from './errors.js';
import { evalColumnExpr, predicateMask, type ColumnExpr, type Predicate } from './exprs.js';
import { factorizeKeys } from '../groupby/factorize.js';

/** A module export, resolved to a file URL on the main thread. */
export interface TaskRef {
  url: string;
  name: string;
  label: string;
}

/** One lazy step of a partitioned frame. */
export type Step =
  | { op: 'map'; task: TaskRef }
  | { op: 'filter'; pred: Predicate | TaskRef }
  | { op: 'assign'; cols: Array<[string, ColumnExpr | TaskRef]> };

/** What a partition task returns after the steps. */
export type Tail =
  | { kind: 'collect' }
  | { kind: 'factorize'; keys: string[]; values: string[] }
  | { kind: 'apply'; task: TaskRef };

/**
 * Phase 1 of a partitioned groupby: the key values of each local group (sorted),
 * each row's local group code (on shared memory, so it goes back and forth without copies), and,
 * when steps changed the partition, the value columns the aggregations need.
 */
export interface LocalKeys {
  keys: Column[];
  codes: Int32Array;
  frame: DataFrame | null;
}

function isRef(x: unknown): x is TaskRef {
  return typeof x === 'object' && x !== null && typeof (x as TaskRef).url === 'string';
}

function maskOf(v: unknown, n: number, label: string): Uint8Array {
  let m: Uint8Array | null = null;
  if (v instanceof Series) m = v.column.boolBytes();
  else if (v instanceof Column) m = v.boolBytes();
  else if (v instanceof Uint8Array) m = v;
  else if (Array.isArray(v)) m = Uint8Array.from(v, (b) => (b ? 1 : 0));
  if (!m) throw new TaskDefinitionError(`filter task ${label} must return a boolean Series, a Uint8Array or a boolean[]; got ${typeof v}`);
  if (m.length !== n) throw new TaskDefinitionError(`filter task ${label} returned ${m.length} values for a partition of ${n} rows`);
  return m;
}

function toColumn(v: unknown, n: number, name: string, label: string): Column | Series {
  let c: Column | Series;
  if (v instanceof Series || v instanceof Column) c = v;
  else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) c = fromTyped(v as NumericArray);
  else if (Array.isArray(v)) c = fromValues(v, undefined, name);
  else throw new TaskDefinitionError(`assign task ${label} for column '${name}' must return a Series, a Column, a typed array or an array; got ${typeof v}`);
  if (c.length !== n) throw new TaskDefinitionError(`assign task ${label} for column '${name}' returned ${c.length} values for a partition of ${n} rows`);
  return c;
}

async function runStep(df: DataFrame, s: Step): Promise<DataFrame> {
  if (s.op === 'map') {
    const out = await callModule(s.task.url, s.task.name, [df]);
    if (!(out instanceof DataFrame)) throw new TaskDefinitionError(`mapPartitions task ${s.task.label} must return a DataFrame, got ${out === null ? 'null' : typeof out}`);
    return out;
  }
  if (s.op === 'filter') {
    const mask = isRef(s.pred) ? maskOf(await callModule(s.pred.url, s.pred.name, [df]), df.length, s.pred.label) : predicateMask(df, s.pred);
    const cols = df.columnList.map((c) => filterColumn(c, mask));
    return df.withColumns(cols, df.index.take(maskToIndices(mask)));
  }
  const add: Record<string, Column | Series> = {};
  for (const [name, e] of s.cols) {
    add[name] = isRef(e) ? toColumn(await callModule(e.url, e.name, [df]), df.length, name, e.label) : evalColumnExpr(df, e);
  }
  return df.assign(add);
}

function factorizePartition(df: DataFrame, keys: readonly string[], values: readonly string[], changed: boolean): LocalKeys {
  // The groupby engine's factorization (sorted local groups; rows with a missing key get -1).
  const g = factorizeKeys(keys.map((k) => df.column(k)));
  const codes = new Int32Array(new SharedArrayBuffer(Math.max(1, g.codes.length) * 4), 0, g.codes.length);
  codes.set(g.codes);
  const keyValues = g.uniques.map((u, k) => (keys.length === 1 ? u : take(u, g.keyCodes[k])));
  return { keys: keyValues, codes, frame: changed ? df.select(values) : null };
}

/**
 * Phase 2 of a partitioned groupby: rows' local codes become global group ids through `map`
 * (local group -> global group, computed on the main thread from all partitions' keys), then every
 * aggregation folds the partition into a state over all `G` global groups; the main thread merges
 * these states with the registry's `merge`.
 * @example
 * aggregatePartition(part, codes, map, G, [['v', 'mean']])
 */
export function aggregatePartition(df: DataFrame, codes: Int32Array, map: Int32Array, G: number, aggs: ReadonlyArray<[string, string]>): AggState[] {
  // The codes are this groupby's own temporary (shared) buffer: map them in place, no new allocation.
  const n = codes.length;
  const global = codes;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c >= 0) global[i] = map[c];
  }
  return aggs.map(([col, name]) => {
    const agg = getAggregation(name);
    const column = df.column(col);
    checkInput(agg, column, col);
    const st = agg.init(G);
    agg.update(st, column, global, G);
    return st;
  });
}

function applyRows(df: DataFrame, fn: (row: Record<string, Scalar>) => unknown): Series {
  const names = df.columns;
  const cols = df.columnList.map((c) => c.toArray());
  const n = df.length;
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, Scalar> = {};
    for (let j = 0; j < names.length; j++) row[names[j]] = cols[j][i];
    out[i] = fn(row);
  }
  return new Series(fromValues(out), { index: df.index });
}

/**
 * Runs a partition: steps, then the tail.
 * @example
 * await runPartition(part, [{ op: 'filter', pred: { col: 'v', op: 'gt', value: 0 } }], { kind: 'collect' })
 */
export async function runPartition(df: DataFrame, steps: readonly Step[], tail: Tail): Promise<DataFrame | LocalKeys | Series> {
  let cur = df;
  for (const s of steps) cur = await runStep(cur, s);
  if (tail.kind === 'collect') return cur;
  if (tail.kind === 'factorize') return factorizePartition(cur, tail.keys, tail.values, steps.length > 0);
  const mod = (await import(tail.task.url)) as Record<string, unknown>;
  const fn = mod[tail.task.name];
  if (typeof fn !== 'function') throw new TaskDefinitionError(`Module ${tail.task.url} has no exported function '${tail.task.name}'`);
  return applyRows(cur, fn as (row: Record<string, Scalar>) => unknown);
}
