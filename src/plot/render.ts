/**
 * Rendering Vega-Lite specs without a browser: vega-lite compiles to Vega, a headless Vega View renders
 * SVG, and resvg turns SVG into PNG. vega and resvg are loaded on first use, so `import 'gridframe'`
 * does not pay for them.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ValueError } from '../errors.js';
import type { VegaLiteSpec } from './spec.js';

/**
 * Renders a Vega-Lite spec to an SVG string.
 * @example
 * const svg = await renderSvg(lineSpec(rows, { x: 'x', xType: 'quantitative', y: ['y'] }));
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const vega = await import('vega');
  const { compile } = await import('vega-lite');
  const vg = compile(spec as unknown as Parameters<typeof compile>[0]).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Renders SVG text to PNG bytes (white background, `scale` times the SVG's size).
 * @example
 * const png = await svgToPng(svg, 2);
 */
export async function svgToPng(svg: string, scale = 1): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, background: 'white', font: { loadSystemFonts: true } });
  return r.render().asPng();
}

/**
 * Writes a spec to `path` as SVG (`.svg`), PNG (`.png`) or the Vega-Lite JSON (`.json`).
 * @example
 * await saveSpec(spec, 'out/temperature.svg');
 */
export async function saveSpec(spec: VegaLiteSpec, path: string, opts: { scale?: number } = {}): Promise<void> {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return writeFile(path, JSON.stringify(spec, null, 2));
  if (ext !== '.svg' && ext !== '.png') throw new ValueError(`Cannot save a plot as '${ext || path}': use .svg, .png or .json`);
  const svg = await renderSvg(spec);
  if (ext === '.svg') return writeFile(path, svg);
  return writeFile(path, await svgToPng(svg, opts.scale ?? 2));
}
