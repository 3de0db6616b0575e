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
import { applyChunks } from './chunks.js';

/** Options of openDataset/loadDataset. */
export interface OpenOptions {
  /** CF decoding of `_FillValue`/`missing_value`/`scale_factor`/`add_offset` (default true). */
  maskAndScale?: boolean;
  /** Decode `"<unit> since <date>"` times (default true). */
  decodeTimes?: boolean;
  /** HDF5 group to read (default the root). */
  group?: string;
  /**
   * Keep a data variable's values in memory once read in full, so using it again does not read the
   * file again (xarray's `cache`; default true, false when `chunks` is given).
   */
  cache?: boolean;
  /**
   * Chunk lengths by dimension (xarray's `chunks`, -1 for a whole dimension): reductions of the data
   * variables then read and reduce one chunk at a time, in flat memory, and `da.chunk()` cuts these
   * chunks for the worker pool.
   */
  chunks?: Readonly<Record<string, number>>;
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

/** Attributes that change how a variable decodes or which variables are coordinates. */
const CF_ATTRS: ReadonlySet<string> = new Set(['_FillValue', 'missing_value', 'scale_factor', 'add_offset', 'units', 'calendar', 'coordinates']);

function scanGroup(h5: H5, f: H5File, file: string, group: string, part: PartOptions): RawVar[] {
  const g = group === '/' ? f : f.get(group);
  if (!(g instanceof h5.Group)) throw new KeyError(`${file} has no group '${group}'`);
  const out: RawVar[] = [];
  const phony = new Map<number, string>();
  const along = part.eagerCoordsAlong;
  const scale = part.known && along !== undefined ? g.get(along) : null;
  // length of the concatenation dimension in this file (-1: unknown, scan every variable fully)
  const alongLen = scale instanceof h5.Dataset && scale.metadata.shape?.length === 1 ? scale.metadata.shape[0] : -1;
  for (const name of g.keys()) {
    const obj = g.get(name);
    if (!(obj instanceof h5.Dataset)) continue;
    const full = group === '/' ? `/${name}` : `${group}/${name}`;
    const meta = obj.metadata;
    const shape = meta.shape ?? [];
    const dtype = dtypeFromMeta(meta, `${file}:${full}`);
    const k = part.known?.get(name);
    if (k && alongLen >= 0 && !shape.includes(alongLen) && k.shape.length === shape.length && k.shape.every((n, i) => n === shape[i])) {
      // no axis of this file's concatenation length, so not along it: the first file's variable is
      // used as it is (xarray's override), this one only has to exist with the same shape
      out.push({ name, dims: [...k.dims], shape, source: new H5Source(h5, file, full, shape, dtype), attrs: {}, isDimOnly: false, isChar: false });
      continue;
    }
    const attrNames = Object.keys(obj.attrs);
    const isScale = attrNames.includes('CLASS') && String(obj.get_attribute('CLASS', false)) === 'DIMENSION_SCALE';
    const scaleName = isScale && attrNames.includes('NAME') ? String(obj.get_attribute('NAME', false) ?? '') : '';
    const dims = shape.map((n, i) => {
      // a dimension scale is its own dimension (HDF5 never attaches scales to a scale)
      if (isScale && shape.length === 1) return name;
      let scales: string[] = [];
      try { scales = obj.get_attached_scales(i); } catch { scales = []; }
      if (scales.length) return path.posix.basename(scales[0]);
      if (!phony.has(n)) phony.set(n, `phony_dim_${phony.size}`);
      return phony.get(n) as string;
    });
    const attrs = readAttrs(obj, attrNames, part.allAttrs ? undefined : CF_ATTRS);
    out.push({ name, dims, shape, source: new H5Source(h5, file, full, shape, dtype), attrs, isDimOnly: isScale && scaleName.startsWith(PHANTOM), isChar: dtype === 'string' && meta.size === 1 && !meta.vlen && shape.length > 0 });
  }
  return out;
}

/**
 * Opens a NetCDF4/HDF5 (or NetCDF-3) file: coordinates are read now, data variables when used.
 * With `chunks`, reductions of data variables go one chunk at a time.
 * @example
 * const ds = await openDataset('tas1840.nc');
 * const tas = ds.get('tas').isel({ time: 0 }).values; // reads one 160 x 320 slab
 * const clim = (await openDataset('big.nc', { chunks: { time: 12 } })).get('tas').mean('time');
 */
export async function openDataset(file: string, opts: OpenOptions = {}): Promise<Dataset> {
  const ds = await openDatasetParts(file, opts, { globalAttrs: true, allAttrs: true });
  return opts.chunks ? applyChunks(ds, opts.chunks, () => ds.close()) : ds;
}

/** How openMfDataset opens each of its files. */
export interface PartOptions {
  /** Read the file's global attributes (openMfDataset keeps only the first file's, as xarray's default `combine_attrs='override'`). */
  globalAttrs: boolean;
  /** Read every variable attribute (false: only those CF decoding and coordinate detection need). */
  allAttrs: boolean;
  /** When set, only coordinates along this dimension are read now; the others stay lazy. */
  eagerCoordsAlong?: string;
  /**
   * Dims and shapes of the first file's variables: a variable with the same shape and no axis along
   * `eagerCoordsAlong` is taken without reading its attributes or dimension scales.
   */
  known?: ReadonlyMap<string, { dims: readonly string[]; shape: readonly number[] }>;
}

/**
 * openDataset for one file of several: the files after the first give only what concatenation needs
 * (CMIP6 files carry ~50 global attributes and ~10 per variable that xarray drops in favour of the first file's).
 * @example
 * const ds = await openDatasetParts('tas1841.nc', {}, { globalAttrs: false, allAttrs: false, eagerCoordsAlong: 'time' });
 */
export async function openDatasetParts(file: string, opts: OpenOptions, part: PartOptions): Promise<Dataset> {
  const kind = sniffArrayFile(file);
  if (kind !== 'hdf5') return readNetcdf3(file, opts);
  const h5 = await loadH5();
  const f = cachedFile(h5, file);
  const raws = h5call(file, 'reading metadata', () => scanGroup(h5, f, file, opts.group ?? '/', part));
  const g = (opts.group ?? '/') === '/' ? f : f.get(opts.group ?? '/');
  const attrs = part.globalAttrs && g instanceof h5.Group ? readAttrs(g) : {};
  const ds = assemble(raws, attrs, opts, part.eagerCoordsAlong);
  return Dataset.fromParts(ds.variables, ds.coords, ds.attrs, () => evictFile(file));
}

function assemble(raws: RawVar[], globalAttrs: Attrs, opts: OpenOptions, eagerAlong?: string): Dataset {
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
      : new Variable(r.dims, new LazyArray(r.source, plan.decode, plan.dtype, { cache: opts.cache ?? !opts.chunks, decodeSpec: { raw: r.source.dtype, attrs, maskAndScale: opts.maskAndScale, decodeTimes: opts.decodeTimes } }), plan.attrs, { ...plan.encoding, source: r.source.file });
    if (isCoord) coords[r.name] = eagerAlong === undefined || v.dims.includes(eagerAlong) ? v.load() : v;
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

