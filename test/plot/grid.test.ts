import { describe, expect, it } from 'vitest';
import { heatmapSpec } from '../../src/plot/spec.js';
import { plotGrid } from '../../src/plot/plot.js';
import { renderSvg, svgToPng } from '../../src/plot/render.js';

describe('heatmap of a 2-D grid', () => {
  const g = { values: Float64Array.of(1, 2, 3, NaN, 5, 6), y: [10, 20], x: [0, 1, 2], yName: 'lat', xName: 'lon', name: 'tas' };

  it('lays out one row per cell, row-major, NaN as null', () => {
    const p = plotGrid(g, { center: 0 });
    const values = (p.spec.data as { values: Record<string, unknown>[] }).values;
    expect(values).toHaveLength(6);
    expect(values[4]).toEqual({ lat: 20, lon: 1, tas: 5 });
    expect(values[3]).toEqual({ lat: 20, lon: 0, tas: null });
    const color = (p.spec.encoding as Record<string, { scale: Record<string, unknown> }>).color.scale;
    expect(color).toEqual({ scheme: 'redblue', reverse: true, domainMid: 0 });
  });

  it('refuses a grid whose values do not match its coordinates', () => {
    expect(() => plotGrid({ ...g, values: [1, 2] })).toThrow(/Grid has 2 values but 2 x 3 coordinates/);
  });

  it('renders to SVG with one rect per finite cell and to a PNG', async () => {
    const svg = await renderSvg(heatmapSpec(
      [{ a: 0, b: 0, v: 1 }, { a: 0, b: 1, v: 2 }, { a: 1, b: 0, v: 3 }],
      { x: 'a', y: 'b', value: 'v', nx: 2, ny: 2 },
    ));
    expect(svg.startsWith('<svg')).toBe(true);
    const rects = svg.match(/aria-roledescription="rect mark"[^>]*fill="rgb\((\d+), (\d+), (\d+)\)"/g) ?? [];
    expect(rects).toHaveLength(3);
    // Reversed RdBu: the lowest value is blue, the highest red.
    const rgb = rects.map((r) => (r.match(/rgb\((\d+), (\d+), (\d+)\)/) as RegExpMatchArray).slice(1).map(Number));
    expect(rgb[0][2]).toBeGreaterThan(rgb[0][0]);
    expect(rgb[2][0]).toBeGreaterThan(rgb[2][2]);
    const png = await svgToPng(svg, 1);
    expect(Array.from(png.subarray(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });
});
