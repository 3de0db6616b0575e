/**
 * openMfDataset: several files (a list, or a glob such as 'dir/tas*.nc') concatenated along a dimension
 * (default 'time'), lazily: each data variable reads from the files its selection touches.
 * @module
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ValueError, ParseError } from '../../errors.js';
import { Dataset } from '../../nd/dataset.js';
import { Variable } from '../../nd/variable.js';
import { LazyArray, ConcatSource, concatArrays, type ArraySource } from '../../nd/lazy.js';
import type { Coords } from '../../nd/coords.js';
import { openDatasetParts, type OpenOptions } from './read.js';
import { applyChunks } from './chunks.js';

/** Options of openMfDataset. */
export interface OpenMfOptions extends OpenOptions {
  /** The dimension to concatenate along (default 'time'). */
  concatDim?: string;
}

/**
 * Expands a glob with `*` and `?` in the file name part (sorted, as xarray sorts).
 * @example
 * expandGlob('data/tas*.nc')
 */
export function expandGlob(pattern: string): string[] {
  if (!/[*?[]/.test(pattern)) return [pattern];
  const dir = path.dirname(pattern);
  if (/[*?[]/.test(dir)) throw new ValueError(`Only the file name part of a glob may hold wildcards: '${pattern}'`);
  const re = new RegExp(`^${path.basename(pattern).replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  let names: string[];
  try { names = readdirSync(dir); } catch { throw new ParseError(`No such directory: ${dir}`); }
  const out = names.filter((n) => re.test(n)).sort().map((n) => path.join(dir, n));
  if (!out.length) throw new ParseError(`No files match '${pattern}'`);
  return out;
}

function sameEncoding(a: Variable, b: Variable): boolean {
  const ea = { ...a.encoding, source: '' };
  const eb = { ...b.encoding, source: '' };
  return JSON.stringify(ea) === JSON.stringify(eb);
}

/**
 * Opens several files as one Dataset concatenated along `concatDim`.
 * @example
 * const ds = await openMfDataset('../shared/datasets/hpda-python/tas*.nc');
 */
export async function openMfDataset(paths: string | readonly string[], opts: OpenMfOptions = {}): Promise<Dataset> {
  const files = typeof paths === 'string' ? expandGlob(paths) : [...paths];
  if (!files.length) throw new ValueError('openMfDataset needs at least one file');
  const dim = opts.concatDim ?? 'time';
  // the files after the first give only what concatenation needs (see PartOptions)
  const first = await openDatasetParts(files[0], opts, { globalAttrs: true, allAttrs: true });
  const known = new Map<string, { dims: readonly string[]; shape: readonly number[] }>();
  for (const [name, v] of [...Object.entries(first.coords), ...Object.entries(first.variables)]) known.set(name, { dims: v.dims, shape: v.shape });
  const rest = await Promise.all(files.slice(1).map((f) => openDatasetParts(f, opts, { globalAttrs: false, allAttrs: false, eagerCoordsAlong: dim, known })));
  const parts = [first, ...rest];
  for (const [i, p] of parts.entries()) {
    if (!(dim in p.sizes)) throw new ValueError(`${files[i]} has no dimension '${dim}' to concatenate along (dims: ${Object.keys(p.sizes).join(', ')})`);
  }
  const combine = (name: string, pick: (d: Dataset) => Variable | undefined): Variable => {
    const vs = parts.map((p, i) => {
      const v = pick(p);
      if (!v) throw new ValueError(`${files[i]} has no variable '${name}' (present in ${files[0]})`);
      return v;
    });
    const v0 = vs[0];
    if (!v0.dims.includes(dim)) return v0;
    const axis = v0.dims.indexOf(dim);
    const raws = vs.map((v) => v.raw);
    const lazyOk = raws.every((r) => r instanceof LazyArray && r.ndim === r.source.shape.length && r.ranges.every((g, k) => g.start === 0 && g.step === 1 && g.count === r.source.shape[k])) && vs.every((v) => sameEncoding(v, v0));
    if (lazyOk) {
      const l0 = raws[0] as LazyArray;
      const src: ArraySource = new ConcatSource(raws.map((r) => (r as LazyArray).source), axis);
      return new Variable(v0.dims, new LazyArray(src, l0.decode, l0.dtype, { cache: l0.cache, decodeSpec: l0.decodeSpec }), v0.attrs, v0.encoding);
    }
    const arrays = vs.map((v) => v.values);
    const shape = [...arrays[0].shape];
    shape[axis] = arrays.reduce((a, x) => a + x.shape[axis], 0);
    if (arrays[0].dtype === 'string') throw new ValueError(`Cannot concatenate string variable '${name}'`);
    return new Variable(v0.dims, concatArrays(arrays, axis, shape, arrays[0].dtype), v0.attrs, v0.encoding);
  };
  const vars: Record<string, Variable> = {};
  for (const name of Object.keys(first.variables)) vars[name] = combine(name, (d) => d.variables[name]);
  const coords: Coords = {};
  for (const name of Object.keys(first.coords)) coords[name] = combine(name, (d) => d.coords[name]).load();
  const close = (): void => { for (const p of parts) p.close(); };
  const ds = Dataset.fromParts(vars, coords, first.attrs, close);
  return opts.chunks ? applyChunks(ds, opts.chunks, close) : ds;
}
