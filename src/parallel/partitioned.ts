/**
 * `df.partition(n)`: a frame split into row ranges processed in worker threads (dask.dataframe).
 * Steps (`mapPartitions`, `filter`, `assign`) are lazy and fused: each partition runs its whole
 * pipeline in one worker task. `collect()`, `groupby(keys).agg(spec)` and `apply(task)` run it.
 *
 * groupby: each worker aggregates its rows into partial states (the aggregation registry's mergeable
 * states), the main thread merges them. Results equal the single-threaded ones exactly for counts,
 * sizes, min/max, first/last, nunique and integer sums; float sums and means (and var/std, merged by
 * Chan's formula) differ only by floating-point reassociation (a few ulps; partitions change the
 * order of additions).
 * @module
 */
import type { DataFrame } from '../frame/dataframe.js';
import type { Series } from '../frame/series.js';
import { sliceColumn } from '../frame/column-take.js';
import { concatColumns, fromFloat64 } from '../frame/column-build.js';
import { isNumericDtype } from '../frame/dtypes.js';
import { Index, RangeIndex } from '../frame/label-index.js';
import { MultiIndex } from '../frame/multi-index.js';
import { KeyError, ValueError } from '../errors.js';
import { AbortError } from './errors.js';
import { howToWriteTask, resolveTask } from './task.js';
import { runInWorker } from './pool.js';
import { isColumnExpr, isPredicate, type ColumnExpr, type Predicate } from './exprs.js';
import { globalGroups, mergeStates, type AggPlan } from './groupby-merge.js';
import type { AggState } from '../frame/aggs/registry.js';
import type { LocalKeys, Step, Tail, TaskRef } from './partition-worker.js';
import type { ModuleTask } from './task.js';

/** Options of the running verbs. */
export interface PartitionRunOptions {
  signal?: AbortSignal;
  /** Called after each partition: partitions done / total. */
  onProgress?: (p: { done: number; total: number }) => void;
}

/** An aggregation spec: one name or names for all value columns, or per column. */
export type PartitionedAggSpec = string | readonly string[] | Record<string, string | readonly string[]>;

function ref(task: unknown, where: string): TaskRef {
  if (typeof task === 'function') throw new ValueError(howToWriteTask(where));
  const r = resolveTask(task, where);
  if (r.kind !== 'module') throw new ValueError(`${where}: expected { module, name }`);
  return { url: r.url, name: r.name, label: r.label };
}

/** A frame split into row partitions; lazy steps, run in worker threads. */
export class PartitionedFrame {
  /** The partitions (row ranges of the source frame, sharing its buffers). */
  readonly partitions: readonly DataFrame[];
  /** The lazy steps, applied to every partition in a worker. */
  readonly steps: readonly Step[];

  constructor(partitions: readonly DataFrame[], steps: readonly Step[] = []) {
    if (partitions.length === 0) throw new ValueError('A partitioned frame needs at least one partition');
    this.partitions = partitions;
    this.steps = steps;
  }

  /** Number of partitions. */
  get npartitions(): number {
    return this.partitions.length;
  }

  #with(step: Step): PartitionedFrame {
    return new PartitionedFrame(this.partitions, [...this.steps, step]);
  }

  /**
   * Applies a module task `(part: DataFrame) => DataFrame` to every partition (lazy).
   * @example
   * pf.mapPartitions({ module: new URL('./tasks.mjs', import.meta.url).href, name: 'clean' })
   */
  mapPartitions(task: ModuleTask): PartitionedFrame {
    return this.#with({ op: 'map', task: ref(task, 'mapPartitions()') });
  }

  /**
   * Keeps rows where a predicate holds: a built-in `{ col, op, value }` (op gt/ge/lt/le/eq/ne, or
   * isna/notna) or a module task `(part) => boolean Series | Uint8Array | boolean[]` (lazy).
   * @example
   * pf.filter({ col: 'v', op: 'gt', value: 0 })
   */
  filter(pred: Predicate | ModuleTask): PartitionedFrame {
    if (isPredicate(pred)) return this.#with({ op: 'filter', pred });
    return this.#with({ op: 'filter', pred: ref(pred, 'filter()') });
  }

  /**
   * New columns from a built-in expression (`{ col: 'a', op: 'mul', value: 2 }`, `{ col: 'a', op: 'add', other: 'b' }`)
   * or a module task `(part) => Series | typed array | array` (lazy).
   * @example
   * pf.assign({ w: { col: 'v', op: 'mul', value: 2 } })
   */
  assign(cols: Record<string, ColumnExpr | ModuleTask>): PartitionedFrame {
    const list: Array<[string, ColumnExpr | TaskRef]> = Object.entries(cols).map(([k, v]) => [k, isColumnExpr(v) ? v : ref(v, `assign() of '${k}'`)]);
    return this.#with({ op: 'assign', cols: list });
  }

  /**
   * Groups by key columns; `.agg(spec)` aggregates in the workers and merges on this thread.
   * @example
   * await pf.groupby('k').agg({ v: 'mean' })
   */
  groupby(keys: string | readonly string[]): PartitionedGroupBy {
    return new PartitionedGroupBy(this, typeof keys === 'string' ? [keys] : [...keys]);
  }

  /**
   * Calls a module task `(row: Record<string, Scalar>) => value` on every row, in the workers.
   * @example
   * const s = await pf.apply({ module: url, name: 'score' });
   */
  async apply(task: ModuleTask, opts: PartitionRunOptions = {}): Promise<Series> {
    const parts = (await this.run({ kind: 'apply', task: ref(task, 'apply()') }, opts)) as Series[];
    const { Series: S } = await import('../frame/series.js');
    return new S(concatColumns(parts.map((p) => p.column)), { index: concatIndex(parts.map((p) => p.index)) });
  }

  /**
   * Runs the steps and concatenates the partitions into one frame.
   * @example
   * const df2 = await df.partition(4).filter({ col: 'v', op: 'gt', value: 0 }).collect();
   */
  async collect(opts: PartitionRunOptions = {}): Promise<DataFrame> {
    const parts = (await this.run({ kind: 'collect' }, opts)) as DataFrame[];
    return concatFrames(parts);
  }

  /** Runs every partition with a tail, in parallel, results in partition order. */
  run(tail: Tail, opts: PartitionRunOptions = {}): Promise<unknown[]> {
    const task = { kind: 'builtin' as const, op: 'partition', label: 'partition' };
    return this.runEach((i, signal) => runInWorker(task, [this.partitions[i], this.steps, tail], { signal }), opts);
  }

  /** Runs `job(i)` for every partition at once; cancels the others at the first failure or abort. */
  async runEach(job: (i: number, signal: AbortSignal) => Promise<unknown>, opts: PartitionRunOptions = {}): Promise<unknown[]> {
    if (opts.signal?.aborted) throw new AbortError('The partitioned computation was aborted before it started');
    const ctl = new AbortController();
    const onAbort = (): void => ctl.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    let done = 0;
    const total = this.partitions.length;
    try {
      return await Promise.all(
        this.partitions.map(async (_, i) => {
          const r = await job(i, ctl.signal);
          done++;
          opts.onProgress?.({ done, total });
          return r;
        }),
      ).catch((e: unknown) => {
        ctl.abort();
        throw opts.signal?.aborted && !(e instanceof AbortError) ? new AbortError('The partitioned computation was aborted', { cause: e }) : e;
      });
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  toString(): string {
    return `PartitionedFrame(npartitions=${this.npartitions}, steps=[${this.steps.map((s) => s.op).join(', ')}])`;
  }
}

/** `pf.groupby(keys)`: aggregation in workers, merge on the main thread. */
export class PartitionedGroupBy {
  readonly #pf: PartitionedFrame;
  readonly #keys: string[];

  constructor(pf: PartitionedFrame, keys: string[]) {
    this.#pf = pf;
    this.#keys = keys;
  }

  /**
   * Aggregates: `'mean'`, `['sum', 'count']` (all non-key columns) or `{ v: 'mean', w: ['min', 'max'] }`.
   * Lazy: `.collect(opts)` runs it (or `await` it directly).
   * @example
   * await df.partition(2).groupby('k').agg({ v: ['mean', 'sum'] }).collect()
   */
  agg(spec: PartitionedAggSpec): PendingFrame {
    const first = this.#pf.partitions[0];
    const valueCols = this.#pf.steps.length ? null : first.columns.filter((c) => !this.#keys.includes(c));
    if (this.#pf.steps.length === 0) for (const k of this.#keys) first.column(k);
    const plan = aggPlan(spec, valueCols, this.#keys);
    const keys = this.#keys;
    const pf = this.#pf;
    const values = [...new Set(plan.aggs.map(([c]) => c))];
    return new PendingFrame(async (opts) => {
      const total = pf.npartitions * 2;
      let done = 0;
      const progress = { ...opts, onProgress: opts.onProgress ? () => opts.onProgress?.({ done: ++done, total }) : undefined };
      const local = (await pf.run({ kind: 'factorize', keys, values }, progress)) as LocalKeys[];
      const groups = globalGroups(local.map((l) => l.keys), keys);
      const task = { kind: 'builtin' as const, op: 'aggregate', label: 'aggregate' };
      const states = (await pf.runEach(
        (i, signal) => runInWorker(task, [local[i].frame ?? pf.partitions[i], local[i].codes, groups.maps[i], groups.G, plan.aggs], { signal }),
        progress,
      )) as AggState[][];
      return mergeStates(states, groups, plan);
    });
  }
}

/** A frame computed on demand: `collect(opts)` runs it; it can also be awaited directly. */
export class PendingFrame implements PromiseLike<DataFrame> {
  readonly #run: (opts: PartitionRunOptions) => Promise<DataFrame>;

  constructor(run: (opts: PartitionRunOptions) => Promise<DataFrame>) {
    this.#run = run;
  }

  /**
   * Runs the computation.
   * @example
   * const out = await pf.groupby('k').agg('mean').collect({ onProgress: console.log });
   */
  collect(opts: PartitionRunOptions = {}): Promise<DataFrame> {
    return this.#run(opts);
  }

  then<A = DataFrame, B = never>(onFulfilled?: ((v: DataFrame) => A | PromiseLike<A>) | null, onRejected?: ((e: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.collect().then(onFulfilled, onRejected);
  }
}

function aggPlan(spec: PartitionedAggSpec, valueCols: string[] | null, keys: readonly string[]): AggPlan {
  if (typeof spec === 'string' || Array.isArray(spec)) {
    if (!valueCols) throw new ValueError(`agg('${String(spec)}') after mapPartitions/assign needs the columns named: use agg({ col: '${String(spec)}' })`);
    const names = typeof spec === 'string' ? [spec] : (spec as string[]);
    return buildPlan(Object.fromEntries(valueCols.map((c) => [c, typeof spec === 'string' ? spec : names])), keys);
  }
  return buildPlan(spec as Record<string, string | readonly string[]>, keys);
}

function buildPlan(spec: Record<string, string | readonly string[]>, keys: readonly string[]): AggPlan {
  const entries = Object.entries(spec);
  if (!entries.length) throw new ValueError('agg() needs at least one aggregation');
  for (const [c] of entries) if (keys.includes(c)) throw new KeyError(`Column '${c}' is a group key; it cannot also be aggregated`);
  const nested = entries.some(([, v]) => typeof v !== 'string');
  const aggs: Array<[string, string]> = [];
  for (const [c, v] of entries) for (const a of typeof v === 'string' ? [v] : v) aggs.push([c, a]);
  return { aggs, labels: nested ? aggs.map(([c, a]) => [c, a] as [string, string]) : aggs.map(([c]) => c) };
}

function concatIndex(ixs: readonly Index[]): Index {
  if (ixs.every((ix) => ix instanceof RangeIndex)) {
    const r = ixs as RangeIndex[];
    const nonEmpty = r.filter((x) => x.size > 0);
    const ok = nonEmpty.every((x, i) => x.step === nonEmpty[0].step && (i === 0 || x.start === nonEmpty[i - 1].start + nonEmpty[i - 1].size * x.step));
    if (ok) {
      const f = nonEmpty[0] ?? r[0];
      return new RangeIndex(nonEmpty.reduce((s, x) => s + x.size, 0), { start: f.start, step: f.step, name: f.name });
    }
  }
  if (ixs.every((ix) => ix instanceof MultiIndex)) {
    const m = ixs as MultiIndex[];
    const levels = m[0].levels.map((_, k) => concatColumns(m.map((x) => x.getLevelValues(k))));
    return MultiIndex.fromArrays(levels, { names: m[0].names });
  }
  return new Index(concatColumns(ixs.map((ix) => ix.column)), { name: ixs[0].name });
}

/** One frame from partition results (same columns in the same order). */
function concatFrames(parts: readonly DataFrame[]): DataFrame {
  const f = parts[0];
  const names = f.columns;
  for (const p of parts) {
    if (p.columns.join('\u0000') !== names.join('\u0000')) {
      throw new ValueError(`Partitions returned different columns: [${names.join(', ')}] and [${p.columns.join(', ')}]`);
    }
  }
  const cols = names.map((name, j) => {
    let list = parts.map((p) => p.columnList[j]);
    const dtypes = new Set(list.map((c) => c.dtype));
    if (dtypes.size > 1) {
      // Partitions may infer different numeric dtypes (int64 in one, float64 in another): promote to float64, as pandas.concat does.
      if (![...dtypes].every((d) => isNumericDtype(d) || d === 'bool')) {
        throw new ValueError(`Partitions returned column '${name}' with different dtypes: ${[...dtypes].join(', ')}`);
      }
      list = list.map((c) => fromFloat64(c.toFloat64()));
    }
    return concatColumns(list);
  });
  return f.withColumns(cols, concatIndex(parts.map((p) => p.index)));
}

/**
 * Splits a frame into `n` row ranges of nearly equal size (at most one per row; buffers shared).
 * @example
 * const pf = partition(df, 4); // also df.partition(4)
 */
export function partition(df: DataFrame, n: number): PartitionedFrame {
  if (!Number.isInteger(n) || n < 1) throw new ValueError(`partition(n): n must be a positive integer, got ${String(n)}`);
  const rows = df.length;
  const k = Math.max(1, Math.min(n, rows));
  const parts: DataFrame[] = [];
  // Boundaries on multiples of 8 rows for large partitions, so validity bitmaps need no bit shifting.
  const a = rows / k >= 64 ? 8 : 1;
  const at = (i: number): number => (i >= k ? rows : Math.min(rows, Math.round((rows * i) / k / a) * a));
  for (let i = 0; i < k; i++) {
    const s = at(i);
    const e = at(i + 1);
    parts.push(df.withColumns(df.columnList.map((c) => sliceColumn(c, s, e)), df.index.slice(s, e)));
  }
  return new PartitionedFrame(parts);
}
