/**
 * Writing a Dataset as NetCDF4 through h5wasm, in the form netCDF-C (ncdump, xarray) reads:
 * creation order tracked, dimension scales (phantom scales for dimensions without a coordinate),
 * `_Netcdf4Dimid` on each scale, fixed-length string attributes. NETCDF3_* formats go to our CDF writer.
 * @module
 */
import { rmSync, existsSync } from 'node:fs';
import { ValueError } from '../../errors.js';
import type { Dataset } from '../../nd/dataset.js';
import type { AttrValue } from '../../nd/variable.js';
import type { TypedArray } from '../../nd/dtype.js';
import { loadH5, h5call, evictFile } from './h5.js';
import { prepareDataset } from '../cf/prepare.js';
import { writeNetcdf3 } from '../netcdf3/write.js';

/** Output formats of toNetcdf. */
export type NetcdfFormat = 'NETCDF4' | 'NETCDF3_CLASSIC' | 'NETCDF3_64BIT' | 'NETCDF3_CDF5';

/** Options of toNetcdf. */
export interface ToNetcdfOptions {
  format?: NetcdfFormat;
  /** NETCDF4 only: deflate (gzip) compression of data variables, as xarray's `encoding={'zlib': True}`. */
  zlib?: boolean;
  /** Deflate level 1-9 (default 4) when `zlib` is on. */
  complevel?: number;
}

/** A chunk shape for compression: whole trailing dims, the leading ones cut so a chunk holds ~1M values. */
function chunkShape(shape: readonly number[]): number[] {
  const out = shape.map((n) => Math.max(1, n));
  let size = out.reduce((a, b) => a * b, 1);
  for (let d = 0; d < out.length && size > 1 << 20; d++) {
    const rest = size / out[d];
    out[d] = Math.max(1, Math.floor((1 << 20) / rest));
    size = rest * out[d];
  }
  return out;
}

const PHANTOM = 'This is a netCDF dimension but not a netCDF variable.';

interface HasAttrsLike {
  create_attribute(name: string, data: string | TypedArray | string[] | number | number[], shape?: number[] | null, dtype?: string | null): void;
}

function typedDtype(t: TypedArray): string {
  if (t instanceof Float64Array) return '<d';
  if (t instanceof Float32Array) return '<f';
  if (t instanceof Int32Array) return '<i';
  if (t instanceof Int16Array) return '<h';
  if (t instanceof Int8Array) return '<b';
  if (t instanceof Uint32Array) return '<I';
  if (t instanceof Uint16Array) return '<H';
  if (t instanceof Uint8Array) return '<B';
  if (t instanceof BigInt64Array) return '<q';
  return '<Q';
}

/** Writes one attribute as netCDF-C expects (strings fixed-length). */
function writeAttr(obj: HasAttrsLike, name: string, v: AttrValue, like?: TypedArray): void {
  if (typeof v === 'string') {
    const n = Math.max(1, Buffer.byteLength(v));
    obj.create_attribute(name, v, null, `S${n}`);
  } else if (typeof v === 'boolean') {
    obj.create_attribute(name, Int8Array.of(v ? 1 : 0), [], '<b');
  } else if (typeof v === 'number' || typeof v === 'bigint') {
    if (like) {
      const t = new (like.constructor as { new (n: number): TypedArray })(1);
      t[0] = (t instanceof BigInt64Array || t instanceof BigUint64Array ? BigInt(v) : Number(v)) as never;
      obj.create_attribute(name, t, [], typedDtype(t));
    } else if (typeof v === 'bigint') obj.create_attribute(name, BigInt64Array.of(v), [], '<q');
    else if (Number.isInteger(v) && Math.abs(v) < 2 ** 31) obj.create_attribute(name, Int32Array.of(v), [], '<i');
    else obj.create_attribute(name, Float64Array.of(v), [], '<d');
  } else if (ArrayBuffer.isView(v)) {
    obj.create_attribute(name, v as TypedArray, [(v as TypedArray).length], typedDtype(v as TypedArray));
  } else if (Array.isArray(v) && v.every((x) => typeof x === 'number')) {
    const nums = v as number[];
    const t = nums.every((x) => Number.isInteger(x) && Math.abs(x) < 2 ** 31) ? Int32Array.from(nums) : Float64Array.from(nums);
    obj.create_attribute(name, t, [t.length], typedDtype(t));
  } else if (Array.isArray(v)) {
    obj.create_attribute(name, (v as string[]).map(String), [v.length]);
  }
}

/**
 * Writes `ds` to `path` (NETCDF4 by default; NETCDF3_CLASSIC, NETCDF3_64BIT and NETCDF3_CDF5 as CDF-1/2/5).
 * @example
 * await toNetcdf(ds, 'out.nc');
 */
export async function toNetcdf(ds: Dataset, path: string, opts: ToNetcdfOptions = {}): Promise<void> {
  const format = opts.format ?? 'NETCDF4';
  if (format === 'NETCDF3_CLASSIC') return writeNetcdf3(ds, path, 1);
  if (format === 'NETCDF3_64BIT') return writeNetcdf3(ds, path, 2);
  if (format === 'NETCDF3_CDF5') return writeNetcdf3(ds, path, 5);
  if (format !== 'NETCDF4') throw new ValueError(`Unknown format '${String(format)}'; expected NETCDF4, NETCDF3_CLASSIC, NETCDF3_64BIT or NETCDF3_CDF5`);
  const level = opts.complevel ?? 4;
  if (opts.zlib && !(Number.isInteger(level) && level >= 1 && level <= 9)) throw new ValueError(`complevel must be an integer from 1 to 9, got ${String(opts.complevel)}`);
  const { dims, vars } = prepareDataset(ds);
  const h5 = await loadH5();
  evictFile(path);
  if (existsSync(path)) rmSync(path);
  const f = h5call(path, 'creating', () => new h5.File(path, 'w', { track_order: true }));
  try {
    h5call(path, 'writing', () => {
      const dimIds = new Map<string, number>();
      dims.forEach(([d], i) => dimIds.set(d, i));
      const written = new Set<string>();
      for (const [d, n] of dims) {
        const coord = vars.find((v) => v.isIndex && v.name === d);
        let ds5;
        if (coord) {
          ds5 = f.create_dataset({ name: d, data: coord.data.flat() as TypedArray | string[], shape: [n], track_order: true });
          ds5.make_scale(d);
          written.add(d);
        } else {
          ds5 = f.create_dataset({ name: d, data: new Float32Array(n), shape: [n], track_order: true });
          ds5.make_scale(`${PHANTOM}${String(n).padStart(10)}`);
        }
        ds5.create_attribute('_Netcdf4Dimid', Int32Array.of(dimIds.get(d) ?? 0), [], '<i');
        if (coord) {
          const like = ArrayBuffer.isView(coord.data.data) ? (coord.data.data as TypedArray) : undefined;
          if (coord.fill !== null) writeAttr(ds5, '_FillValue', coord.fill, like);
          for (const [k, v] of Object.entries(coord.attrs)) writeAttr(ds5, k, v);
        }
      }
      for (const v of vars) {
        if (written.has(v.name)) continue;
        if (dimIds.has(v.name)) throw new ValueError(`Variable '${v.name}' has the name of a dimension but is not its 1-D coordinate`);
        const flat = v.data.flat() as TypedArray | string[];
        const shape = v.data.shape as number[];
        const packed = opts.zlib && !v.isIndex && shape.length > 0 && shape.every((n) => n > 0) && !Array.isArray(flat);
        const d5 = v.dims.length === 0
          ? f.create_dataset({ name: v.name, data: flat, shape: [], track_order: true })
          : packed
            ? f.create_dataset({ name: v.name, data: flat, shape, chunks: chunkShape(shape), compression: 'gzip', compression_opts: level, track_order: true })
            : f.create_dataset({ name: v.name, data: flat, shape, track_order: true });
        v.dims.forEach((d, i) => d5.attach_scale(i, `/${d}`));
        const like = ArrayBuffer.isView(v.data.data) ? (v.data.data as TypedArray) : undefined;
        if (v.fill !== null) writeAttr(d5, '_FillValue', v.fill, like);
        for (const [k, a] of Object.entries(v.attrs)) {
          writeAttr(d5, k, a, k === 'missing_value' ? like : undefined);
        }
      }
      for (const [k, v] of Object.entries(ds.attrs)) writeAttr(f, k, v);
    });
  } finally {
    f.close();
  }
}
