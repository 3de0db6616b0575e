/**
 * Preparing a Dataset for writing: dimension order, and each variable CF-encoded with its attributes
 * (the `coordinates` attribute lists non-index coordinates, so readers restore them as coordinates).
 * @module
 */
import { ValueError } from '../../errors.js';
import type { Dataset } from '../../nd/dataset.js';
import type { NDArray } from '../../nd/ndarray.js';
import type { Attrs } from '../../nd/variable.js';
import { encodeVariable } from './encode.js';

/** A variable ready to write. */
export interface PreparedVar {
  name: string;
  dims: string[];
  data: NDArray;
  attrs: Attrs;
  fill: number | null;
  isIndex: boolean;
}

/**
 * The dims (name -> size, in first-use order) and the encoded variables (index coordinates first).
 * @example
 * const { dims, vars } = prepareDataset(ds);
 */
export function prepareDataset(ds: Dataset): { dims: [string, number][]; vars: PreparedVar[] } {
  const sizes = ds.sizes;
  const order: string[] = [];
  const note = (d: string): void => { if (!order.includes(d)) order.push(d); };
  for (const [k, c] of Object.entries(ds.coords)) if (c.dims.length === 1 && c.dims[0] === k) note(k);
  for (const v of [...Object.values(ds.coords), ...Object.values(ds.variables)]) v.dims.forEach(note);
  const extra = Object.entries(ds.coords).filter(([k, c]) => !(c.dims.length === 1 && c.dims[0] === k)).map(([k]) => k);
  const vars: PreparedVar[] = [];
  const add = (name: string, isIndex: boolean, isData: boolean): void => {
    const v = isData ? ds.variables[name] : ds.coords[name];
    const enc = encodeVariable(v.values, v.attrs, v.encoding);
    const attrs = { ...enc.attrs };
    if (isData) {
      const mine = extra.filter((c) => ds.coords[c].dims.every((d) => v.dims.includes(d)));
      if (mine.length) attrs.coordinates = mine.join(' ');
    }
    if (name.includes('/')) throw new ValueError(`Variable name '${name}' may not contain '/'`);
    vars.push({ name, dims: [...v.dims], data: enc.data, attrs, fill: enc.fill, isIndex });
  };
  for (const k of Object.keys(ds.coords)) if (!extra.includes(k)) add(k, true, false);
  for (const k of extra) add(k, false, false);
  for (const k of Object.keys(ds.variables)) add(k, false, true);
  return { dims: order.map((d) => [d, sizes[d]]), vars };
}
