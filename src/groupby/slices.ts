/**
 * Group-wise views for the per-group slow paths (user functions in agg/transform/apply/filter):
 * the rows are gathered ONCE in group order, and each group is then a zero-copy slice, instead of a
 * random-access gather per group.
 * @module
 */
import type { Column } from '../frame/column.js';
import { sliceColumn, take } from '../frame/column-take.js';
import type { DataFrame } from '../frame/dataframe.js';
import type { Index } from '../frame/label-index.js';
import { Series } from '../frame/series.js';
import type { GroupContext } from './context.js';
import type { GroupRows } from './layout.js';

/** Per-group Series and sub-frames over rows sorted by group. */
export class GroupSlices {
  readonly #ctx: GroupContext;
  readonly #rows: GroupRows;
  #index?: Index;
  #frame?: DataFrame;
  readonly #cols = new Map<string, Column>();

  /**
   * @example
   * const sl = new GroupSlices(ctx); sl.series('v', sl.physical(0))
   */
  constructor(ctx: GroupContext) {
    this.#ctx = ctx;
    this.#rows = ctx.rows();
  }
  /** The rows in group order (group g is `order[offsets[g] .. offsets[g+1])`). */
  get rows(): GroupRows {
    return this.#rows;
  }
  /** The physical group of output group r. */
  physical(r: number): number {
    const o = this.#ctx.groups.order;
    return o === null ? r : o[r];
  }
  #sortedIndex(): Index {
    this.#index ??= this.#ctx.frame.index.take(this.#rows.order);
    return this.#index;
  }
  /** Physical group g's values of one column, labelled by their row labels. */
  series(name: string, g: number): Series {
    let col = this.#cols.get(name);
    if (!col) {
      col = take(this.#ctx.frame.column(name), this.#rows.order);
      this.#cols.set(name, col);
    }
    const a = this.#rows.offsets[g];
    const b = this.#rows.offsets[g + 1];
    return new Series(sliceColumn(col, a, b), { name, index: this.#sortedIndex().slice(a, b) });
  }
  /** Physical group g's sub-frame (all columns, keys included, as pandas). */
  frame(g: number): DataFrame {
    this.#frame ??= this.#ctx.frame.take(this.#rows.order);
    const f = this.#frame;
    const a = this.#rows.offsets[g];
    const b = this.#rows.offsets[g + 1];
    return f.withColumns(f.columnList.map((c) => sliceColumn(c, a, b)), f.index.slice(a, b));
  }
}
