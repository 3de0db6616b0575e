/**
 * GroupBy: `df.groupby(keys)`. Keys are factorized once (lazily) to dense codes; every verb then
 * works on those codes: aggregations in one typed-array pass per column (src/frame/aggs), transform,
 * apply, filter and cumulative operations in their own files.
 * @module
 */
import type { Column } from '../frame/column.js';
import { fromTyped } from '../frame/column-build.js';
import { float64ToInt64 } from '../frame/dtypes.js';
import { DataFrame } from '../frame/dataframe.js';
import { RangeIndex, type Index, type Label } from '../frame/label-index.js';
import { MultiIndex } from '../frame/multi-index.js';
import { Series } from '../frame/series.js';
import { acceptsDtype, getAggregation } from '../frame/aggs/registry.js';
import type { MeanState } from '../frame/aggs/mean.js';
import { unknownName, ValueError } from '../errors.js';
import { factorizeKeys, type Groups } from './factorize.js';
import { resolveKey, type GroupKey, type ResolvedKey } from './keys.js';
import { groupIndex, groupRows, outputRows, type GroupRows } from './layout.js';
import type { GroupContext } from './context.js';
import { aggregate, type AggSpec } from './agg.js';
import { transformFrame, type TransformFunc } from './transform.js';
import { applyGroups, type ApplyResult } from './apply.js';
import { filterGroups } from './filter.js';
import { cumcount, cumulativeColumn, type CumOp } from './cumulative.js';
import { SeriesGroupBy } from './series-groupby.js';

export type { GroupKey } from './keys.js';

/** Options of `groupby`. */
export interface GroupByOptions {
  /** Groups in sorted key order (default true), else in order of first appearance. */
  sort?: boolean;
  /** Leave out rows whose key is missing (default true); false: missing keys form a group. */
  dropna?: boolean;
  /** Keys become the result's index (default true); false: they become leading columns. */
  asIndex?: boolean;
}

/** Options of the shorthand aggregations. */
export interface GroupAggOptions {
  /** Aggregate only the columns the aggregation accepts (default false: others raise a TypeError_). */
  numericOnly?: boolean;
  /** Delta degrees of freedom of std/var (default 1). */
  ddof?: number;
}

/** A frame grouped by one or more keys (pandas `DataFrameGroupBy`). */
export class GroupBy implements GroupContext {
  /** The grouped frame. */
  readonly frame: DataFrame;
  /** The resolved keys. */
  readonly keys: readonly ResolvedKey[];
  /** The options. */
  readonly options: Readonly<GroupByOptions>;
  readonly #selection: readonly string[] | null;
  #groups?: Groups;
  #rows?: GroupRows;
  #index?: Index;
  /** Mean states per column (see GroupContext.meanStates). */
  readonly meanStates: Map<string, MeanState>;

  /**
   * @example
   * new GroupBy(df, ['Sex', 'Child']).col('Survived').mean()
   */
  constructor(frame: DataFrame, by: GroupKey | readonly GroupKey[], opts: GroupByOptions = {}, selection: readonly string[] | null = null, share?: GroupBy) {
    this.frame = frame;
    this.options = opts;
    this.#selection = selection;
    if (selection) for (const s of selection) if (!frame.has(s)) throw unknownName('column', s, frame.columns);
    if (share) {
      // A column selection of an existing grouping: reuse its keys and codes.
      this.keys = share.keys;
      this.#groups = share.#groups;
      this.#rows = share.#rows;
      this.#index = share.#index;
      this.meanStates = share.meanStates;
      return;
    }
    this.meanStates = new Map();
    const list = Array.isArray(by) ? (by as readonly GroupKey[]) : [by as GroupKey];
    if (list.length === 0) throw new ValueError('groupby needs at least one key');
    this.keys = list.map((k) => resolveKey(frame, k));
  }

  /** Group codes and distinct keys (computed once). */
  get groups(): Groups {
    this.#groups ??= factorizeKeys(this.keys.map((k) => k.column), { sort: this.options.sort, dropna: this.options.dropna, physical: true });
    return this.#groups;
  }
  /** Number of groups. */
  get ngroups(): number {
    return this.groups.ngroups;
  }
  /** Key names. */
  get keyNames(): (string | null)[] {
    return this.keys.map((k) => k.name);
  }
  /** The index of a result with one row per group. */
  get resultIndex(): Index {
    this.#index ??= groupIndex(this.groups.uniques, this.groups.keyCodes, this.keyNames);
    return this.#index;
  }
  /** The aggregated columns: the selection, or every column that is not a key. */
  get valueNames(): string[] {
    if (this.#selection) return [...this.#selection];
    const keyCols = new Set(this.keys.map((k) => k.fromColumn).filter((c): c is string => c !== null));
    return this.frame.columns.filter((c) => !keyCols.has(c));
  }
  /** Rows of each group (computed once). @example df.groupby('k').rows() */
  rows(): GroupRows {
    this.#rows ??= groupRows(this.groups.codes, this.groups.nphys);
    return this.#rows;
  }

  /**
   * One column, grouped (pandas `gb['col']`).
   * @example
   * df.groupby('Sex').col('Survived').mean()
   */
  col(name: string): SeriesGroupBy {
    if (!this.frame.has(name)) throw unknownName('column', name, this.frame.columns);
    return new SeriesGroupBy(this, name);
  }
  /**
   * Some columns, grouped (pandas `gb[['a', 'b']]`).
   * @example
   * df.groupby('k').select(['a', 'b']).sum()
   */
  select(names: readonly string[]): GroupBy {
    void this.groups; // factorize once, shared by the selection
    return new GroupBy(this.frame, [], this.options, names, this);
  }

  /**
   * Aggregates: a name, a list (MultiIndex columns), or per column.
   * @example
   * df.groupby('k').agg({ v: ['mean', 'sum'], w: 'max' })
   */
  agg(spec: AggSpec, opts: GroupAggOptions = {}): DataFrame {
    return this.#finish(aggregate(this, spec, { ddof: opts.ddof }));
  }
  /** Same as `agg`. @example df.groupby('k').aggregate('sum') */
  aggregate(spec: AggSpec): DataFrame {
    return this.agg(spec);
  }
  #shorthand(name: string, opts: GroupAggOptions & { q?: number } = {}): DataFrame {
    let cols = this.valueNames;
    if (opts.numericOnly) {
      const agg = getAggregation(name);
      cols = cols.filter((c) => acceptsDtype(agg, this.frame.column(c).dtype));
    }
    const view = this.#selection === null && !opts.numericOnly ? this : this.select(cols);
    return this.#finish(aggregate(view, name, { ddof: opts.ddof, q: opts.q }));
  }
  /** Keys as leading columns when `asIndex: false`. */
  #finish(out: DataFrame): DataFrame {
    if (this.options.asIndex !== false) return out;
    const idx = this.resultIndex;
    const names: string[] = [];
    const cols: Column[] = [];
    this.keys.forEach((k, j) => {
      names.push(k.name ?? `key_${j}`);
      cols.push(idx instanceof MultiIndex ? idx.getLevelValues(j) : idx.column);
    });
    return DataFrame.fromColumns([...names, ...out.columns], [...cols, ...out.columnList], new RangeIndex(out.length));
  }

  /** Mean per group. @example df.groupby('k').mean() */
  mean(opts?: GroupAggOptions): DataFrame { return this.#shorthand('mean', opts); }
  /** Sum per group (0 for all-missing). @example df.groupby('k').sum() */
  sum(opts?: GroupAggOptions): DataFrame { return this.#shorthand('sum', opts); }
  /** Product per group. @example df.groupby('k').prod() */
  prod(opts?: GroupAggOptions): DataFrame { return this.#shorthand('prod', opts); }
  /** Non-missing values per group and column. @example df.groupby('k').count() */
  count(): DataFrame { return this.#shorthand('count'); }
  /** Minimum per group (numbers, strings, dates). @example df.groupby('k').min() */
  min(opts?: GroupAggOptions): DataFrame { return this.#shorthand('min', opts); }
  /** Maximum per group. @example df.groupby('k').max() */
  max(opts?: GroupAggOptions): DataFrame { return this.#shorthand('max', opts); }
  /** Sample standard deviation per group (ddof 1). @example df.groupby('k').std() */
  std(opts?: GroupAggOptions): DataFrame { return this.#shorthand('std', opts); }
  /** Sample variance per group (ddof 1). @example df.groupby('k').var() */
  var(opts?: GroupAggOptions): DataFrame { return this.#shorthand('var', opts); }
  /** Median per group. @example df.groupby('k').median() */
  median(opts?: GroupAggOptions): DataFrame { return this.#shorthand('median', opts); }
  /** Quantile per group (linear interpolation). @example df.groupby('k').quantile(0.9) */
  quantile(q = 0.5, opts?: GroupAggOptions): DataFrame { return this.#shorthand('quantile', { ...opts, q }); }
  /** First non-missing value per group. @example df.groupby('k').first() */
  first(): DataFrame { return this.#shorthand('first'); }
  /** Last non-missing value per group. @example df.groupby('k').last() */
  last(): DataFrame { return this.#shorthand('last'); }
  /** Distinct non-missing values per group and column. @example df.groupby('k').nunique() */
  nunique(): DataFrame { return this.#shorthand('nunique'); }

  /**
   * Rows per group, as a Series indexed by the keys.
   * @example
   * df.groupby('Sex').size()
   */
  size(): Series {
    const { codes, nphys, order } = this.groups;
    const counts = new Float64Array(nphys);
    for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) counts[codes[i]]++;
    const out = order === null ? counts : Float64Array.from(order, (p) => counts[p]);
    return new Series(fromTyped(float64ToInt64(out), null, 'int64'), { index: this.resultIndex });
  }

  /**
   * Same-length result: an aggregation broadcast to the rows, or a function per group.
   * @example
   * df.groupby('month').transform((s) => s.sub(s.mean()).div(s.std()))
   */
  transform(fn: TransformFunc): DataFrame {
    return transformFrame(this, fn);
  }
  /**
   * A function per group's sub-frame, results combined as pandas does.
   * @example
   * df.groupby('k').apply((g) => g.col('v').max())
   */
  apply(fn: (group: DataFrame) => ApplyResult): Series | DataFrame {
    return applyGroups(this, fn);
  }
  /**
   * Rows of the groups for which `fn` is true.
   * @example
   * df.groupby('k').filter((g) => g.length >= 2)
   */
  filter(fn: (group: DataFrame) => boolean): DataFrame {
    return filterGroups(this, fn);
  }

  #cum(op: CumOp): DataFrame {
    const names = this.valueNames;
    return DataFrame.fromColumns(names, names.map((n) => cumulativeColumn(this, n, op)), this.frame.index);
  }
  /** Cumulative sum within each group. @example df.groupby('k').cumsum() */
  cumsum(): DataFrame { return this.#cum('cumsum'); }
  /** Cumulative product within each group. @example df.groupby('k').cumprod() */
  cumprod(): DataFrame { return this.#cum('cumprod'); }
  /** Cumulative maximum within each group. @example df.groupby('k').cummax() */
  cummax(): DataFrame { return this.#cum('cummax'); }
  /** Cumulative minimum within each group. @example df.groupby('k').cummin() */
  cummin(): DataFrame { return this.#cum('cummin'); }
  /** Position of each row within its group. @example df.groupby('k').cumcount() */
  cumcount(): Series { return new Series(cumcount(this), { index: this.frame.index }); }

  /**
   * The sub-frame of one group, by its key (a tuple for several keys).
   * @example
   * df.groupby('Sex').getGroup('female')
   */
  getGroup(key: Label): DataFrame {
    const pos = this.resultIndex.getLoc(key);
    return this.frame.take(outputRows(this.groups, this.rows(), pos[0]));
  }
  /** Iterates over [key, sub-frame] pairs in group order. */
  *[Symbol.iterator](): IterableIterator<[Label, DataFrame]> {
    const idx = this.resultIndex;
    for (let g = 0; g < this.ngroups; g++) yield [idx.get(g), this.frame.take(outputRows(this.groups, this.rows(), g))];
  }
}
