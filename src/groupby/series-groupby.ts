/**
 * SeriesGroupBy: one column of a grouped frame (`df.groupby(k).col('v')`). Aggregations give a
 * Series indexed by the group keys (named as the column); a list of aggregations gives a frame.
 * @module
 */
import { concatColumns, fromValues } from '../frame/column-build.js';
import { take } from '../frame/column-take.js';
import { DataFrame } from '../frame/dataframe.js';
import { MultiIndex } from '../frame/multi-index.js';
import { Index } from '../frame/label-index.js';
import { Series } from '../frame/series.js';
import type { GroupContext } from './context.js';
import { aggLabel, aggregateFuncs, type AggFunc } from './agg.js';
import { transformColumn, type TransformFunc } from './transform.js';
import { cumulativeColumn, type CumOp } from './cumulative.js';
import { outputRows } from './layout.js';
import type { ValueOptions } from '../frame/aggs/state.js';

/** One grouped column (pandas `SeriesGroupBy`). */
export class SeriesGroupBy {
  /** The grouping. */
  readonly ctx: GroupContext;
  /** The column's name. */
  readonly name: string;

  /**
   * @example
   * new SeriesGroupBy(df.groupby('Sex'), 'Survived').mean()
   */
  constructor(ctx: GroupContext, name: string) {
    this.ctx = ctx;
    this.name = name;
  }

  #one(f: AggFunc, opts: ValueOptions = {}): Series {
    const col = aggregateFuncs(this.ctx, this.name, [f], opts)[0];
    return new Series(col, { index: this.ctx.resultIndex, name: this.name });
  }

  /**
   * One aggregation (a Series) or several (a frame with a column per aggregation).
   * @example
   * df.groupby('k').col('v').agg(['mean', 'max'])
   */
  agg(spec: AggFunc): Series;
  agg(spec: readonly AggFunc[]): DataFrame;
  agg(spec: AggFunc | readonly AggFunc[]): Series | DataFrame {
    if (!Array.isArray(spec)) return this.#one(spec as AggFunc);
    const funcs = spec as readonly AggFunc[];
    const cols = aggregateFuncs(this.ctx, this.name, funcs);
    const names = funcs.map(aggLabel);
    return DataFrame.fromColumns(names, cols, this.ctx.resultIndex, new Index(names));
  }

  /** Mean per group. @example gb.col('Survived').mean() */
  mean(): Series { return this.#one('mean'); }
  /** Sum per group. @example df.groupby('k').col('v').sum() */
  sum(): Series { return this.#one('sum'); }
  /** Product per group. @example df.groupby('k').col('v').prod() */
  prod(): Series { return this.#one('prod'); }
  /** Non-missing values per group. @example df.groupby('k').col('v').count() */
  count(): Series { return this.#one('count'); }
  /** Rows per group (missing values included). @example df.groupby('k').col('v').size() */
  size(): Series { return this.#one('size'); }
  /** Minimum per group. @example df.groupby('k').col('v').min() */
  min(): Series { return this.#one('min'); }
  /** Maximum per group. @example df.groupby('k').col('v').max() */
  max(): Series { return this.#one('max'); }
  /** Sample standard deviation (ddof 1 unless given). @example df.groupby('k').col('v').std() */
  std(opts: { ddof?: number } = {}): Series { return this.#one('std', opts); }
  /** Sample variance (ddof 1 unless given). @example df.groupby('k').col('v').var() */
  var(opts: { ddof?: number } = {}): Series { return this.#one('var', opts); }
  /** Median per group. @example df.groupby('k').col('v').median() */
  median(): Series { return this.#one('median'); }
  /**
   * Quantile per group (linear interpolation); several q give a Series with q as the inner index level.
   * @example
   * gb.col('v').quantile([0.25, 0.75])
   */
  quantile(q: number | readonly number[] = 0.5): Series {
    if (typeof q === 'number') return this.#one('quantile', { q });
    const qs = [...q];
    const cols = qs.map((qi) => aggregateFuncs(this.ctx, this.name, ['quantile'], { q: qi })[0]);
    const ng = this.ctx.groups.ngroups;
    const nq = qs.length;
    const idx = new Int32Array(ng * nq);
    for (let r = 0; r < ng; r++) for (let j = 0; j < nq; j++) idx[r * nq + j] = j * ng + r;
    const values = take(concatColumns(cols), idx);
    const rix = this.ctx.resultIndex;
    const outer = rix instanceof MultiIndex ? { levels: rix.levels, codes: rix.codes } : { levels: [rix.column], codes: [Int32Array.from({ length: ng }, (_, r) => r)] };
    const codes = outer.codes.map((c) => Int32Array.from({ length: ng * nq }, (_, p) => c[Math.floor(p / nq)]));
    codes.push(Int32Array.from({ length: ng * nq }, (_, p) => p % nq));
    const index = new MultiIndex([...outer.levels, fromValues(qs, 'float64')], codes, [...rix.names, null]);
    return new Series(values, { index, name: this.name });
  }
  /** First non-missing value per group. @example df.groupby('k').col('v').first() */
  first(): Series { return this.#one('first'); }
  /** Last non-missing value per group. @example df.groupby('k').col('v').last() */
  last(): Series { return this.#one('last'); }
  /** Distinct non-missing values per group. @example df.groupby('k').col('v').nunique() */
  nunique(): Series { return this.#one('nunique'); }

  /**
   * Same-length result aligned with the frame's rows.
   * @example
   * gb.col('no2').transform((s) => s.sub(s.mean()).div(s.std()))
   */
  transform(fn: TransformFunc): Series {
    return new Series(transformColumn(this.ctx, this.name, fn), { index: this.ctx.frame.index, name: this.name });
  }
  /**
   * A function of each group's values; scalar results give a Series indexed by the keys.
   * @example
   * gb.col('v').apply((s) => s.max() as number - (s.min() as number))
   */
  apply(fn: (values: Series) => number | string | boolean | null): Series {
    return this.#one(fn);
  }
  /**
   * The rows of groups where `fn` is true, as a Series.
   * @example
   * gb.col('v').filter((s) => s.length > 1)
   */
  filter(fn: (values: Series) => boolean): Series {
    const col = this.ctx.frame.column(this.name);
    const rows = this.ctx.rows();
    const keep: number[] = [];
    for (let g = 0; g < this.ctx.groups.ngroups; g++) {
      const r = outputRows(this.ctx.groups, rows, g);
      const s = new Series(col, { index: this.ctx.frame.index, name: this.name }).take(r);
      if (fn(s)) keep.push(...r);
    }
    keep.sort((a, b) => a - b);
    return new Series(col, { index: this.ctx.frame.index, name: this.name }).take(keep);
  }

  #cum(op: CumOp): Series {
    return new Series(cumulativeColumn(this.ctx, this.name, op), { index: this.ctx.frame.index, name: this.name });
  }
  /** Cumulative sum within each group. @example df.groupby('k').col('v').cumsum() */
  cumsum(): Series { return this.#cum('cumsum'); }
  /** Cumulative product within each group. @example df.groupby('k').col('v').cumprod() */
  cumprod(): Series { return this.#cum('cumprod'); }
  /** Cumulative maximum within each group. @example df.groupby('k').col('v').cummax() */
  cummax(): Series { return this.#cum('cummax'); }
  /** Cumulative minimum within each group. @example df.groupby('k').col('v').cummin() */
  cummin(): Series { return this.#cum('cummin'); }
}
