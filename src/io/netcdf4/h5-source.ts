/**
 * A lazily read HDF5 dataset: dtype from h5wasm metadata, hyperslab reads that open the file,
 * read one contiguous block per dimension (strided HDF5 selections are slow in h5wasm), and close it.
 * @module
 */
import { ParseError } from '../../errors.js';
import { NDArray } from '../../nd/ndarray.js';
import { ctorOf, type NDType, type TypedArray } from '../../nd/dtype.js';
import { ConcatSource, type ArraySource, type Range, type SourceSpec } from '../../nd/lazy.js';
import type { AttrValue, Attrs } from '../../nd/variable.js';
import { h5call, cachedFile, h5Module, loadH5, type H5 } from './h5.js';

/** What h5wasm reports about a dataset's type. */
interface H5Meta {
  type: number;
  size: number;
  signed: boolean;
  vlen?: boolean;
}

/**
 * The NDType of an h5wasm dataset (integers, floats, strings); others are a ParseError.
 * @example
 * dtypeFromMeta({ type: 1, size: 4, signed: false }) // 'float32'
 */
export function dtypeFromMeta(m: H5Meta, where: string): NDType {
  if (m.type === 1) {
    if (m.size === 4) return 'float32';
    if (m.size === 8) return 'float64';
  } else if (m.type === 0) {
    const bits = m.size * 8;
    if ([8, 16, 32, 64].includes(bits)) return `${m.signed ? 'int' : 'uint'}${bits}` as NDType;
  } else if (m.type === 3) return 'string';
  throw new ParseError(`${where}: unsupported HDF5 data type (class ${m.type}, ${m.size} bytes)`);
}

/**
 * Converts an h5wasm attribute value to an attribute (one-element arrays become scalars).
 * @example
 * attrValue(new Float32Array([1e20])) // 1e20 as a number
 */
export function attrValue(v: unknown): AttrValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  if (ArrayBuffer.isView(v)) {
    const t = v as TypedArray;
    if (t.length === 1) return attrValue(t[0]);
    return t;
  }
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return v.length === 1 ? (v[0] as string) : (v as string[]);
    if (v.every((x) => typeof x === 'number')) return v.length === 1 ? (v[0] as number) : (v as number[]);
  }
  return undefined;
}

/** Attributes HDF5/netCDF use internally, hidden from users. */
export const INTERNAL_ATTRS = new Set(['CLASS', 'NAME', 'REFERENCE_LIST', 'DIMENSION_LIST', '_Netcdf4Dimid', '_Netcdf4Coordinates', '_nc3_strict', '_NCProperties', '_SuperblockVersion', '_IsNetcdf4']);

/** What readAttrs needs of an h5wasm object. */
interface HasH5Attrs {
  attrs: Record<string, { value: unknown }>;
  get_attribute(name: string, jsonCompatible: boolean): unknown;
}

/**
 * Reads the user-visible attributes of an h5wasm object (only those in `only`, when given).
 * @example
 * readAttrs(f.get('tas'), Object.keys(f.get('tas').attrs), new Set(['units']))
 */
export function readAttrs(obj: HasH5Attrs, names: readonly string[] = Object.keys(obj.attrs), only?: ReadonlySet<string>): Attrs {
  const out: Attrs = {};
  // by name: h5wasm's `attrs[k]` builds an Attribute (one metadata read) before reading the value (a
  // second one); get_attribute reads it once. Internal ones (DIMENSION_LIST, REFERENCE_LIST: costly
  // references) are never touched.
  for (const k of names) {
    if (INTERNAL_ATTRS.has(k) || (only && !only.has(k))) continue;
    let v: unknown;
    try { v = obj.get_attribute(k, false); } catch { continue; }
    const av = attrValue(v);
    if (av !== undefined) out[k] = av;
  }
  return out;
}

/** Converts what h5wasm `slice`/`value` returned into an NDArray of `shape`. */
export function toArray(v: unknown, shape: readonly number[], dtype: NDType, where: string): NDArray {
  if (dtype === 'string') {
    const arr = Array.isArray(v) ? v.map(String) : [String(v)];
    return new NDArray(arr, shape, { dtype: 'string' });
  }
  if (ArrayBuffer.isView(v)) return new NDArray(v as TypedArray, shape, { dtype });
  if (typeof v === 'number' || typeof v === 'bigint') {
    const a = dtype === 'int64' ? BigInt64Array.of(BigInt(v)) : dtype === 'uint64' ? BigUint64Array.of(BigInt(v)) : Float64Array.of(Number(v));
    return dtype === 'int64' || dtype === 'uint64' ? new NDArray(a, shape, { dtype }) : new NDArray(a, shape).astype(dtype);
  }
  throw new ParseError(`${where}: unexpected value returned by HDF5`);
}

/** A dataset in an HDF5 file, read on demand. */
export class H5Source implements ArraySource {
  readonly shape: readonly number[];
  readonly dtype: NDType;

  /**
   * @example
   * new H5Source(h5, 'tas1840.nc', '/tas', [12, 160, 320], 'float32')
   */
  constructor(readonly h5: H5, readonly file: string, readonly path: string, shape: readonly number[], dtype: NDType) {
    this.shape = shape;
    this.dtype = dtype;
  }

  /** How a worker opens this dataset again. */
  spec(): SourceSpec {
    return { kind: 'h5', file: this.file, path: this.path, shape: [...this.shape], dtype: this.dtype };
  }

  read(ranges: readonly Range[]): NDArray {
    const where = `${this.file}:${this.path}`;
    const counts = ranges.map((r) => r.count);
    if (this.dtype !== 'string' && this.shape.length > 0 && ranges.every((r) => r.step === 1) && counts.every((c) => c > 0)) {
      // straight from the wasm heap into the result: one copy
      const out = new (ctorOf(this.dtype))(counts.reduce((a, b) => a * b, 1));
      if (this.readInto(ranges, out, 0)) return new NDArray(out, counts, { dtype: this.dtype });
    }
    const f = cachedFile(this.h5, this.file);
    {
      const ds = f.get(this.path);
      if (!(ds instanceof this.h5.Dataset)) throw new ParseError(`${where} is not a dataset`);
      if (this.shape.length === 0) return toArray(h5call(this.file, `reading ${this.path}`, () => ds.value), [], this.dtype, where);
      if (counts.some((c) => c === 0)) return NDArray.full(counts, 0, this.dtype === 'string' ? 'float64' : this.dtype);
      const span = ranges.map((r) => (r.count - 1) * r.step + 1);
      const sel = ranges.map((r, i) => [r.start, r.start + span[i]] as [number, number]);
      const raw = h5call(this.file, `reading ${this.path}`, () => ds.slice(sel));
      const block = toArray(raw, span, this.dtype, where);
      if (ranges.every((r) => r.step === 1)) return block;
      return block.slice(ranges.map((r) => ({ step: r.step }))).contiguous();
    }
  }

  /** Reads a unit-step numeric hyperslab from the wasm heap straight into `out` (one copy). */
  readInto(ranges: readonly Range[], out: TypedArray, at: number): boolean {
    const mod = h5Module();
    if (!mod || this.dtype === 'string' || this.shape.length === 0 || ranges.some((r) => r.step !== 1)) return false;
    const n = ranges.reduce((a, r) => a * r.count, 1);
    if (n === 0) return true;
    // the dtype came from the dataset's HDF5 type, so a buffer of its array type has the file's element size
    if (!(out instanceof ctorOf(this.dtype))) return false;
    const fileId = cachedFile(this.h5, this.file).file_id;
    const nbytes = n * out.BYTES_PER_ELEMENT;
    const ptr = mod._malloc(nbytes);
    if (ptr === 0) return false;
    try {
      if (ptr % out.BYTES_PER_ELEMENT !== 0) return false;
      const status = h5call(this.file, `reading ${this.path}`, () => mod.get_dataset_data(fileId, this.path, ranges.map((r) => BigInt(r.count)), ranges.map((r) => BigInt(r.start)), ranges.map(() => 1n), BigInt(ptr)));
      if (status < 0) throw new ParseError(`${this.file}: HDF5 error while reading ${this.path}`);
      const Ctor = out.constructor as { new (b: ArrayBufferLike, off: number, len: number): TypedArray };
      out.set(new Ctor(mod.HEAPU8.buffer, ptr, n) as never, at);
    } finally {
      mod._free(ptr);
    }
    return true;
  }
}

/**
 * Opens a source again from its spec (in a worker thread: h5wasm is loaded there on first use).
 * @example
 * const src = await sourceFromSpec({ kind: 'h5', file: 'tas.nc', path: '/tas', shape: [12, 160, 320], dtype: 'float32' });
 */
export async function sourceFromSpec(spec: SourceSpec): Promise<ArraySource> {
  if (spec.kind === 'concat') return new ConcatSource(await Promise.all(spec.parts.map(sourceFromSpec)), spec.axis);
  return new H5Source(await loadH5(), spec.file, spec.path, spec.shape, spec.dtype);
}
