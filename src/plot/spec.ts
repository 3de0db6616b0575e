/**
 * Vega-Lite specs for the plots gridframe draws: line, bar, histogram, scatter and heatmap. Specs are
 * plain JSON objects; rendering (render.ts) is separate so a user can also hand a spec to any
 * Vega-Lite tool.
 * @module
 */

/** A Vega-Lite specification (JSON). */
export type VegaLiteSpec = Record<string, unknown>;

/** Plot options common to every kind. */
export interface PlotOptions {
  title?: string;
  width?: number;
  height?: number;
  /** Axis titles. */
  xLabel?: string;
  yLabel?: string;
}

/** A row of plot data. */
export type PlotRow = Record<string, number | string | null>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

function base(opts: PlotOptions, data: PlotRow[]): VegaLiteSpec {
  const spec: VegaLiteSpec = {
    $schema: SCHEMA,
    width: opts.width ?? 600,
    height: opts.height ?? 300,
    data: { values: data },
    background: 'white',
  };
  if (opts.title) spec.title = opts.title;
  return spec;
}

/** Type of a field for Vega-Lite: temporal for dates (ISO strings), quantitative for numbers, nominal otherwise. */
export type FieldType = 'quantitative' | 'temporal' | 'nominal' | 'ordinal';

/**
 * A line chart of one or more series sharing an x field.
 * @example
 * lineSpec(rows, { x: 'date', xType: 'temporal', y: ['temp'] })
 */
export function lineSpec(data: PlotRow[], o: PlotOptions & { x: string; xType: FieldType; y: string[]; seriesField?: string }): VegaLiteSpec {
  const spec = base(o, data);
  const x = { field: o.x, type: o.xType, title: o.xLabel ?? o.x };
  if (o.y.length === 1) {
    spec.mark = { type: 'line', tooltip: true };
    spec.encoding = { x, y: { field: o.y[0], type: 'quantitative', title: o.yLabel ?? o.y[0], scale: { zero: false } } };
  } else {
    spec.transform = [{ fold: o.y, as: ['series', 'value'] }];
    spec.mark = { type: 'line', tooltip: true };
    spec.encoding = {
      x,
      y: { field: 'value', type: 'quantitative', title: o.yLabel ?? 'value', scale: { zero: false } },
      color: { field: 'series', type: 'nominal', title: null },
    };
  }
  return spec;
}

/**
 * A bar chart: one bar per category.
 * @example
 * barSpec(rows, { x: 'Sex', y: 'Survived' })
 */
export function barSpec(data: PlotRow[], o: PlotOptions & { x: string; y: string }): VegaLiteSpec {
  const spec = base(o, data);
  spec.mark = { type: 'bar', tooltip: true };
  spec.encoding = {
    x: { field: o.x, type: 'nominal', sort: null, title: o.xLabel ?? o.x },
    y: { field: o.y, type: 'quantitative', title: o.yLabel ?? o.y },
  };
  return spec;
}

/**
 * A histogram of one numeric field.
 * @example
 * histSpec(rows, { field: 'Age', bins: 30 })
 */
export function histSpec(data: PlotRow[], o: PlotOptions & { field: string; bins?: number }): VegaLiteSpec {
  const spec = base(o, data);
  spec.mark = { type: 'bar', tooltip: true };
  spec.encoding = {
    x: { field: o.field, type: 'quantitative', bin: { maxbins: o.bins ?? 30 }, title: o.xLabel ?? o.field },
    y: { aggregate: 'count', type: 'quantitative', title: o.yLabel ?? 'count' },
  };
  return spec;
}

/**
 * A scatter plot of two numeric fields.
 * @example
 * scatterSpec(rows, { x: 'Age', y: 'Fare' })
 */
export function scatterSpec(data: PlotRow[], o: PlotOptions & { x: string; y: string; color?: string }): VegaLiteSpec {
  const spec = base(o, data);
  spec.mark = { type: 'point', tooltip: true, filled: true, opacity: 0.6 };
  const enc: Record<string, unknown> = {
    x: { field: o.x, type: 'quantitative', title: o.xLabel ?? o.x, scale: { zero: false } },
    y: { field: o.y, type: 'quantitative', title: o.yLabel ?? o.y, scale: { zero: false } },
  };
  if (o.color) enc.color = { field: o.color, type: 'nominal' };
  spec.encoding = enc;
  return spec;
}

/**
 * A heatmap of a 2-D grid (rows = y, columns = x) with a colour scheme; diverging schemes (default
 * 'redblue', reversed so warm is red, like matplotlib's RdBu_r) are centred on `center` when given.
 * @example
 * heatmapSpec(rows, { x: 'lon', y: 'lat', value: 'tas', nx: 320, ny: 160 })
 */
export function heatmapSpec(
  data: PlotRow[],
  o: PlotOptions & { x: string; y: string; value: string; nx: number; ny: number; scheme?: string; reverse?: boolean; center?: number },
): VegaLiteSpec {
  const spec = base({ width: 640, height: Math.round((640 * o.ny) / Math.max(1, o.nx)), ...o }, data);
  const scale: Record<string, unknown> = { scheme: o.scheme ?? 'redblue', reverse: o.reverse ?? true };
  if (o.center !== undefined) scale.domainMid = o.center;
  // Stroke each cell in its own colour so anti-aliasing leaves no seams between cells.
  spec.mark = { type: 'rect', strokeWidth: 0.6 };
  spec.encoding = {
    stroke: { field: o.value, type: 'quantitative', scale, legend: null },
    x: { field: o.x, type: 'ordinal', title: o.xLabel ?? o.x, axis: { labelOverlap: 'greedy', labelAngle: 0, format: '.0f' } },
    y: { field: o.y, type: 'ordinal', title: o.yLabel ?? o.y, sort: 'descending', axis: { labelOverlap: 'greedy', format: '.0f' } },
    color: { field: o.value, type: 'quantitative', title: o.value, scale },
  };
  spec.config = { axis: { grid: false }, view: { stroke: null } };
  return spec;
}
