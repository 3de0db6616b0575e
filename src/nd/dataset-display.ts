/**
 * xarray-like text of a Dataset.
 * @module
 */
import type { Dataset } from './dataset.js';
import { dtypeName, formatAttrs, formatCoords, previewValues } from './display.js';

/**
 * The REPL text of a Dataset: dimensions, coordinates, data variables, attributes.
 * @example
 * console.log(formatDataset(ds))
 */
export function formatDataset(ds: Dataset): string {
  const sizes = ds.sizes;
  const lines = ['<gridframe.Dataset>'];
  lines.push(`Dimensions:  (${Object.entries(sizes).map(([d, n]) => `${d}: ${n}`).join(', ')})`);
  lines.push(...formatCoords(ds.coords, Object.keys(sizes)));
  const without = Object.keys(sizes).filter((d) => !ds.coords[d]);
  if (without.length) lines.push(`Dimensions without coordinates: ${without.join(', ')}`);
  const names = Object.keys(ds.variables);
  if (names.length) {
    const w = Math.max(...names.map((k) => k.length), 6);
    lines.push('Data variables:');
    for (const k of names) {
      const v = ds.variables[k];
      const dimTxt = v.dims.length ? `(${v.dims.join(', ')}) ` : '';
      lines.push(`    ${k.padEnd(w)} ${dimTxt}${dtypeName(v)} ${previewValues(v)}`);
    }
  }
  lines.push(...formatAttrs(ds.attrs));
  return lines.join('\n');
}
