/**
 * Late binding of the Series class for the `.str` / `.dt` accessors. `Index` (label-index.ts) offers
 * `index.str` and `index.dt`, so the accessors are loaded while `Index` is still being defined; if they
 * imported series.ts, its module graph (which reaches `class MultiIndex extends Index`) would run before
 * `Index` exists. series.ts registers itself here instead.
 * @module
 */
import type { Column } from '../column.js';
import type { Index } from '../label-index.js';
import type { Series } from '../series.js';

type SeriesCtor = new (values: Column, opts: { index: Index; name: string | null }) => Series;
let ctor: SeriesCtor | null = null;

/**
 * Called once by series.ts.
 * @example
 * registerSeriesClass(Series)
 */
export function registerSeriesClass(c: SeriesCtor): void {
  ctor = c;
}

/**
 * A Series over `col` with `index` and `name`.
 * @example
 * makeSeries(col, index, 'a')
 */
export function makeSeries(col: Column, index: Index, name: string | null): Series {
  if (ctor === null) throw new Error('gridframe: the Series class is not loaded; import gridframe from its package root');
  return new ctor(col, { index, name });
}
