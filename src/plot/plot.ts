/**
 * `series.plot()`, `df.plot()` and `da.plot()`: turn data into a Vega-Lite spec wrapped in a `Plot`
 * that renders to SVG/PNG files. Long data is thinned before it goes into the spec (a line keeps at
 * most `maxPoints` points by min/max decimation per bucket; histograms are binned here).
 * @module
 */
import { ValueError } from '../errors.js';
import type { Series } from '../frame/series.js';
import type { DataFrame } from '../frame/dataframe.js';
import type { Scalar } from '../frame/dtypes.js';
import { barSpec, heatmapSpec, histSpec, lineSpec, scatterSpec, type FieldType, type PlotOptions, type PlotRow, type VegaLiteSpec } from './spec.js';
import { renderSvg, saveSpec, svgToPng } from './render.js';

/** A chart: its Vega-Lite spec, and ways to render it. */
export class Plot {
  /** The Vega-Lite specification. */
  readonly spec: VegaLiteSpec;
  constructor(spec: VegaLiteSpec) {
    this.spec = spec;
  }
  /** SVG text. @example const svg = await s.plot().toSVG(); */
  toSVG(): Promise<string> {
    return renderSvg(this.spec);
  }
  /** PNG bytes. @example await writeFile('a.png', await s.plot().toPNG()); */
  async toPNG(scale = 2): Promise<Uint8Array> {
    return svgToPng(await renderSvg(this.spec), scale);
  }
  /** Writes .svg, .png or .json (the spec). @example await df.plot({ x: 'date', y: 'temp' }).save('out/temp.svg'); */
  save(path: string, opts: { scale?: number } = {}): Promise<void> {
    return saveSpec(this.spec, path, opts);
  }
}

/** Options of `series.plot()`. */
export interface SeriesPlotOptions extends PlotOptions {
  kind?: 'line' | 'bar' | 'hist';
  bins?: number;
  maxPoints?: number;
}

/** Options of `df.plot()`. */
export interface FramePlotOptions extends PlotOptions {
  kind?: 'line' | 'bar' | 'hist' | 'scatter';
  /** Column for the x axis (default: the index). */
  x?: string;
  /** Column(s) to plot (default: every numeric column). */
  y?: string | string[];
  color?: string;
  bins?: number;
  maxPoints?: number;
}

function plotValue(v: Scalar): number | string | null {
  if (v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

function fieldTypeOf(sample: Scalar): FieldType {
  if (sample instanceof Date) return 'temporal';
  if (typeof sample === 'number' || typeof sample === 'bigint') return 'quantitative';
  return 'nominal';
}

/** Row positions kept when thinning n rows to about maxPoints (first, last, and each bucket's min and max of `y`). */
function thin(n: number, y: Float64Array[], maxPoints: number): Int32Array {
  if (n <= maxPoints) return Int32Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const keep = new Set<number>([0, n - 1]);
  for (let b = 0; b < buckets; b++) {
    const s = Math.floor((b * n) / buckets);
    const e = Math.floor(((b + 1) * n) / buckets);
    for (const col of y) {
      let lo = s;
      let hi = s;
      for (let i = s; i < e; i++) {
        if (col[i] < col[lo]) lo = i;
        if (col[i] > col[hi]) hi = i;
      }
      keep.add(lo);
      keep.add(hi);
    }
  }
  return Int32Array.from([...keep].sort((a, b) => a - b));
}

/** Histogram rows (bin start, bin end, count) computed here, so millions of values stay out of the spec. */
function binRows(values: Float64Array, field: string, bins: number): PlotRow[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [];
  if (hi === lo) hi = lo + 1;
  const width = (hi - lo) / bins;
  const counts = new Float64Array(bins);
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  }
  return Array.from(counts, (c, b) => ({ [field]: lo + b * width, [`${field}_end`]: lo + (b + 1) * width, count: c }));
}

function binnedHistSpec(rows: PlotRow[], field: string, o: PlotOptions): VegaLiteSpec {
  const spec = histSpec(rows, { ...o, field });
  spec.encoding = {
    x: { field, type: 'quantitative', title: o.xLabel ?? field, bin: { binned: true } },
    x2: { field: `${field}_end` },
    y: { field: 'count', type: 'quantitative', title: o.yLabel ?? 'count' },
  };
  return spec;
}

/**
 * A chart of a Series: a line over the index (default), bars per label, or a histogram.
 * @example
 * await df.col('Age').plot({ kind: 'hist', bins: 20 }).save('out/age.svg');
 */
export function plotSeries(s: Series, opts: SeriesPlotOptions = {}): Plot {
  const name = s.name ?? 'value';
  const kind = opts.kind ?? 'line';
  if (kind !== 'bar' && s.dtype === 'string') throw new ValueError(`Cannot draw a ${kind} plot of string Series '${name}'`);
  if (kind === 'hist') return new Plot(binnedHistSpec(binRows(s.toFloat64(), name, opts.bins ?? 30), name, opts));
  const xName = s.index.name ?? 'index';
  const y = s.dtype === 'string' ? new Float64Array(0) : s.toFloat64();
  const idx = kind === 'line' ? thin(s.length, [y], opts.maxPoints ?? 4000) : Int32Array.from({ length: s.length }, (_, i) => i);
  const rows: PlotRow[] = Array.from(idx, (i) => ({ [xName]: plotValue(s.index.get(i) as Scalar), [name]: plotValue(s.column.get(i)) }));
  if (kind === 'bar') return new Plot(barSpec(rows, { ...opts, x: xName, y: name }));
  const xType = s.length ? fieldTypeOf(s.index.get(0) as Scalar) : 'quantitative';
  return new Plot(lineSpec(rows, { ...opts, x: xName, xType, y: [name] }));
}

/**
 * A chart of a DataFrame: lines (default) of the numeric columns over the index or `x`, bars,
 * a scatter of `x` against `y`, or a histogram of `y`.
 * @example
 * await df.plot({ x: 'date', y: ['temp_max', 'temp_min'] }).save('out/weather.svg');
 */
export function plotFrame(df: DataFrame, opts: FramePlotOptions = {}): Plot {
  const kind = opts.kind ?? 'line';
  const numeric = df.columns.filter((c) => df.column(c).dtype !== 'string' && c !== opts.x);
  const ys = opts.y === undefined ? numeric : typeof opts.y === 'string' ? [opts.y] : opts.y;
  if (ys.length === 0) throw new ValueError('Nothing to plot: the frame has no numeric columns (pass `y`)');
  for (const c of ys) if (df.column(c).dtype === 'string') throw new ValueError(`Column '${c}' is a string column: it cannot be a y axis`);
  if (kind === 'hist') return new Plot(binnedHistSpec(binRows(df.column(ys[0]).toFloat64(), ys[0], opts.bins ?? 30), ys[0], opts));
  const xName = opts.x ?? df.index.name ?? 'index';
  const xAt = (i: number): Scalar => (opts.x ? df.column(opts.x).get(i) : (df.index.get(i) as Scalar));
  const yCols = ys.map((c) => df.column(c).toFloat64());
  const idx = kind === 'line' ? thin(df.length, yCols, opts.maxPoints ?? 4000) : Int32Array.from({ length: df.length }, (_, i) => i);
  const extra = opts.color ? [opts.color] : [];
  const rows: PlotRow[] = Array.from(idx, (i) => {
    const r: PlotRow = { [xName]: plotValue(xAt(i)) };
    ys.forEach((c, k) => {
      r[c] = Number.isFinite(yCols[k][i]) ? yCols[k][i] : null;
    });
    for (const c of extra) r[c] = plotValue(df.column(c).get(i));
    return r;
  });
  if (kind === 'scatter') {
    if (!opts.x) throw new ValueError("A scatter plot needs `x` (a column name)");
    return new Plot(scatterSpec(rows, { ...opts, x: xName, y: ys[0], color: opts.color }));
  }
  if (kind === 'bar') return new Plot(barSpec(rows, { ...opts, x: xName, y: ys[0] }));
  const xType = df.length ? fieldTypeOf(xAt(0)) : 'quantitative';
  return new Plot(lineSpec(rows, { ...opts, x: xName, xType, y: ys }));
}

/** A 2-D grid to draw as a heatmap: row-major values with y (rows) and x (columns) coordinates. */
export interface Grid2D {
  values: ArrayLike<number>;
  y: ArrayLike<number>;
  x: ArrayLike<number>;
  yName: string;
  xName: string;
  name: string;
}

/** Options of heatmaps. */
export interface HeatmapOptions extends PlotOptions {
  scheme?: string;
  reverse?: boolean;
  center?: number;
}

/**
 * A heatmap of a 2-D grid (what `da.plot()` draws for a 2-D DataArray), diverging RdBu by default.
 * @example
 * await plotGrid({ values, y: lat, x: lon, yName: 'lat', xName: 'lon', name: 'tas' }).save('out/tas.png');
 */
export function plotGrid(g: Grid2D, opts: HeatmapOptions = {}): Plot {
  const ny = g.y.length;
  const nx = g.x.length;
  if (g.values.length !== nx * ny) throw new ValueError(`Grid has ${g.values.length} values but ${ny} x ${nx} coordinates`);
  const rows: PlotRow[] = new Array(nx * ny);
  for (let i = 0; i < ny; i++) {
    for (let j = 0; j < nx; j++) {
      const v = g.values[i * nx + j];
      rows[i * nx + j] = { [g.yName]: g.y[i], [g.xName]: g.x[j], [g.name]: Number.isFinite(v) ? v : null };
    }
  }
  return new Plot(heatmapSpec(rows, { ...opts, x: g.xName, y: g.yName, value: g.name, nx, ny }));
}
