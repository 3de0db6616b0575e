/**
 * Dataset -> DataFrame: one column per data variable over the product of all dimensions.
 * @module
 */
import { ValueError } from '../errors.js';
import { DataFrame } from '../frame/dataframe.js';
import type { Series } from '../frame/series.js';
import type { Index } from '../frame/label-index.js';
import { DataArray } from './dataarray.js';
import type { Dataset } from './dataset.js';
import { Variable } from './variable.js';

/**
 * Broadcasts every data variable to all dimensions (in dataset order) and makes them columns.
 * @example
 * datasetToFrame(ds)
 */
export function datasetToFrame(ds: Dataset): DataFrame {
  const sizes = ds.sizes;
  const dims = Object.keys(sizes);
  const names = ds.names;
  if (!names.length) throw new ValueError('Dataset has no data variables to convert');
  const cols: Record<string, Series> = {};
  let index: Index | null = null;
  for (const k of names) {
    const v = ds.variables[k];
    const b = new Variable(dims, v.broadcastTo(dims, sizes).contiguous());
    const s = DataArray.fromParts(b, ds.coords, k).toSeries();
    cols[k] = s;
    index = s.index;
  }
  return new DataFrame(cols, { index: index ?? undefined });
}
