/** Public exports of plotting. @module */
export { Plot, plotSeries, plotFrame, plotGrid, type SeriesPlotOptions, type FramePlotOptions, type Grid2D, type HeatmapOptions } from './plot.js';
export { renderSvg, svgToPng, saveSpec } from './render.js';
export { lineSpec, barSpec, histSpec, scatterSpec, heatmapSpec, type VegaLiteSpec, type PlotOptions, type PlotRow } from './spec.js';
export { plotDataArray, type DataArrayPlotOptions } from './dataarray.js';
