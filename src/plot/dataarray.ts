/**
 * `da.plot()`: a 2-D DataArray as a heatmap (its first dim on the y axis, as xarray draws it), a 1-D
 * one as a line over its coordinate.
 * @module
 */
import { ValueError } from '../errors.js';
import type { DataArray } from '../nd/dataarray.js';
import { plotGrid, plotSeries, type HeatmapOptions, type Plot, type SeriesPlotOptions } from './plot.js';

/** Options of `da.plot()`: heatmap options for 2-D arrays, line options for 1-D ones. */
export type DataArrayPlotOptions = HeatmapOptions & SeriesPlotOptions;

function coordValues(da: DataArray, dim: string, n: number): Float64Array {
  const c = da.coords[dim];
  if (!c) return Float64Array.from({ length: n }, (_, i) => i);
  if (c.dtype === 'string') throw new ValueError(`Cannot draw a heatmap over the string coordinate '${dim}'`);
  return c.values.toFloat64();
}

/**
 * Draws a DataArray: a heatmap for 2-D (diverging RdBu, centred with `center`), a line for 1-D.
 * @example
 * await tas.mean('time').plot({ center: 0 }).save('out/mean.png');
 */
export function plotDataArray(da: DataArray, opts: DataArrayPlotOptions = {}): Plot {
  if (da.ndim === 1) return plotSeries(da.toSeries(), opts);
  if (da.ndim !== 2) {
    throw new ValueError(`plot() draws 1-D and 2-D arrays; this one has dims (${da.dims.join(', ')}): reduce or select first, e.g. da.mean('time')`);
  }
  const [yDim, xDim] = da.dims;
  const [ny, nx] = da.shape;
  return plotGrid({
    values: da.values.toFloat64(),
    y: coordValues(da, yDim, ny),
    x: coordValues(da, xDim, nx),
    yName: yDim,
    xName: xDim,
    name: da.name ?? 'value',
  }, { title: opts.title ?? (da.attrs.long_name as string | undefined), ...opts });
}
