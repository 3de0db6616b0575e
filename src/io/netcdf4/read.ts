/**
 * NetCDF4 (HDF5) reading into a Dataset: metadata (dims from dimension scales, attributes, CF decoding
 * plans) eagerly, coordinate variables eagerly, data variables lazily (hyperslab reads on `values`/`load`).
 * NetCDF-3 files are handed to our CDF reader.
 * @module
 */
import path from 'node:path';
import { KeyError } from '../../errors.js';
import { Dataset } from '../../nd/dataset.js';
import { Variable, type Attrs } from '../../nd/variable.js';
import { LazyArray } from '../../nd/lazy.js';
import type { Coords } from '../../nd/coords.js';
import { planDecode } from '../cf/decode.js';
import { loadH5, sniffArrayFile, h5call, cachedFile, evictFile, type H5, type H5File } from './h5.js';
import { H5Source, dtypeFromMeta, readAttrs } from './h5-source.js';
import { readNetcdf3, charsToStrings } from '../netcdf3/read.js';

/** Options of openDataset/loadDataset. */
export interface OpenOptions {
  /** CF decoding of `_FillValue`/`missing_value`/`scale_factor`/`add_offset` (default true). */
  maskAndScale?: boolean;
  /** Decode `"<unit> since <date>"` times (default true). */
  decodeTimes?: boolean;
  /** HDF5 group to read (default the root). */
  group?: string;
}

const PHANTOM = 'This is a netCDF dimension but not a netCDF variable';

interface RawVar {
  name: string;
  dims: string[];
  shape: number[];
  source: H5Source;
  attrs: Attrs;
  isDimOnly: boolean;
  /** A netCDF char array (1-byte fixed strings): its last dimension joins into strings. */
  isChar: boolean;
}

function scanGroup(h5: H5, f: H5File, file: string, group: string): RawVar[] {
  const g = group === '/' ? f : f.get(group);
  if (!(g instanceof h5.Group)) throw new KeyError(`${file} has no group '${group}'`);
  const out: RawVar[] = [];
  const phony = new Map<number, string>();
  for (const name of g.keys()) {
    const obj = g.get(name);
    if (!(obj instanceof h5.Dataset)) continue;
    const full = group === '/' ? `/${name}` : `${group}/${name}`;
    const shape = obj.shape ?? [];
    const dtype = dtypeFromMeta(obj.metadata, `${file}:${full}`);
    const attrs = obj.attrs;
    const attrNames = Object.keys(attrs);
    const isScale = attrNames.includes('CLASS') && String(attrs.CLASS.value) === 'DIMENSION_SCALE';
    const scaleName = isScale ? String(attrs.NAME?.value ?? '') : '';
    const dims = shape.map((n, i) => {
      let scales: string[] = [];
      try { scales = obj.get_attached_scales(i); } catch { scales = []; }
      if (scales.length) return path.posix.basename(scales[0]);
      if (isScale && shape.length === 1) return name;
      if (!phony.has(n)) phony.set(n, `phony_dim_${phony.size}`);
      return phony.get(n) as string;
    });
    out.push({ name, dims, shape, source: new H5Source(h5, file, full, shape, dtype), attrs: readAttrs(obj, attrs), isDimOnly: isScale && scaleName.startsWith(PHANTOM), isChar: dtype === 'string' && obj.metadata.size === 1 && !obj.metadata.vlen && shape.length > 0 });
  }
  return out;
}

/**
 * Opens a NetCDF4/HDF5 (or NetCDF-3) file: coordinates are read now, data variables when used.
 * @example
 * const ds = await openDataset('tas1840.nc');
 * const tas = ds.get('tas').isel({ time: 0 }).values; // reads one 160 x 320 slab
 */
export async function openDataset(file: string, opts: OpenOptions = {}): Promise<Dataset> {
  return openDatasetParts(file, opts, true);
}

/**
 * openDataset, optionally without the file's global attributes (openMfDataset keeps only the first
 * file's, as xarray's default `combine_attrs='override'`, and CMIP6 files carry ~50 of them).
 * @example
 * const ds = await openDatasetParts('tas1841.nc', {}, false); // ds.attrs is {}
 */
export async function openDatasetParts(file: string, opts: OpenOptions, globalAttrs: boolean): Promise<Dataset> {
  const kind = sniffArrayFile(file);
  if (kind !== 'hdf5') return readNetcdf3(file, opts);
  const h5 = await loadH5();
  const f = cachedFile(h5, file);
  const raws = h5call(file, 'reading metadata', () => scanGroup(h5, f, file, opts.group ?? '/'));
  const g = (opts.group ?? '/') === '/' ? f : f.get(opts.group ?? '/');
  const attrs = globalAttrs && g instanceof h5.Group ? readAttrs(g) : {};
  const ds = assemble(raws, attrs, opts);
  return Dataset.fromParts(ds.variables, ds.coords, ds.attrs, () => evictFile(file));
}

function assemble(raws: RawVar[], globalAttrs: Attrs, opts: OpenOptions): Dataset {
  const coordNames = new Set<string>();
  for (const r of raws) {
    if (r.isDimOnly) continue;
    if (r.dims.length === 1 && r.dims[0] === r.name) coordNames.add(r.name);
    const c = r.attrs.coordinates;
    if (typeof c === 'string') for (const n of c.trim().split(/\s+/)) coordNames.add(n);
  }
  const vars: Record<string, Variable> = {};
  const coords: Coords = {};
  for (const r of raws) {
    if (r.isDimOnly) continue;
    const attrs = { ...r.attrs };
    if (typeof attrs.coordinates === 'string' && attrs.coordinates.split(/\s+/).every((n) => raws.some((x) => x.name === n))) delete attrs.coordinates;
    const plan = planDecode(r.source.dtype, attrs, opts);
    const isCoord = coordNames.has(r.name);
    const v = r.isChar
      ? new Variable(r.dims.slice(0, -1), charsToStrings(new LazyArray(r.source, null, 'string').load(), r.shape), plan.attrs, { source: r.source.file })
      : new Variable(r.dims, new LazyArray(r.source, plan.decode, plan.dtype), plan.attrs, { ...plan.encoding, source: r.source.file });
    if (isCoord) coords[r.name] = v.load();
    else vars[r.name] = v;
  }
  return Dataset.fromParts(vars, coords, globalAttrs);
}

/**
 * Opens a file and reads every variable into memory.
 * @example
 * const ds = await loadDataset('ds1.nc');
 */
export async function loadDataset(file: string, opts: OpenOptions = {}): Promise<Dataset> {
  return (await openDataset(file, opts)).load();
}

