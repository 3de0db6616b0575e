/**
 * NetCDF-3 writer: CDF-1 (classic), CDF-2 (64-bit offsets), CDF-5 (64-bit data, unsigned types).
 * Fixed-size dimensions only (no record dimension); strings become char arrays with a `string<N>` dimension.
 * @module
 */
import { writeFileSync } from 'node:fs';
import { ValueError } from '../../errors.js';
import type { Dataset } from '../../nd/dataset.js';
import { NDArray } from '../../nd/ndarray.js';
import type { AttrValue } from '../../nd/variable.js';
import type { TypedArray } from '../../nd/dtype.js';
import { prepareDataset } from '../cf/prepare.js';
import { DTYPE_NC, NC, NC_ATTRIBUTE, NC_DIMENSION, NC_SIZE, NC_VARIABLE, pad4, type CdfVersion } from './types.js';

/** Grows a big-endian byte buffer. */
class Out {
  buf = Buffer.alloc(1024);
  pos = 0;
  constructor(readonly version: CdfVersion) {}
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const b = Buffer.alloc(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(b, 0, 0, this.pos);
    this.buf = b;
  }
  u32(v: number): void { this.ensure(4); this.buf.writeUInt32BE(v >>> 0, this.pos); this.pos += 4; }
  u64(v: number): void { this.ensure(8); this.buf.writeBigUInt64BE(BigInt(v), this.pos); this.pos += 8; }
  nonNeg(v: number): void { if (this.version === 5) this.u64(v); else this.u32(v); }
  offset(v: number): void { if (this.version === 1) this.u32(v); else this.u64(v); }
  bytes(b: Uint8Array): void { this.ensure(pad4(b.length)); this.buf.set(b, this.pos); this.pos += pad4(b.length); }
  name(s: string): void { const b = Buffer.from(s, 'utf8'); this.nonNeg(b.length); this.bytes(b); }
}

/** Big-endian bytes of a typed array as nc_type `type`. */
function beBytes(values: TypedArray, type: number): Uint8Array {
  const size = NC_SIZE[type];
  const n = values.length;
  const out = Buffer.alloc(n * size);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    switch (type) {
      case NC.BYTE: out.writeInt8(Number(v), i); break;
      case NC.UBYTE: out.writeUInt8(Number(v), i); break;
      case NC.SHORT: out.writeInt16BE(Number(v), i * 2); break;
      case NC.USHORT: out.writeUInt16BE(Number(v), i * 2); break;
      case NC.INT: out.writeInt32BE(Number(v), i * 4); break;
      case NC.UINT: out.writeUInt32BE(Number(v), i * 4); break;
      case NC.FLOAT: out.writeFloatBE(Number(v), i * 4); break;
      case NC.DOUBLE: out.writeDoubleBE(Number(v), i * 8); break;
      case NC.INT64: out.writeBigInt64BE(BigInt(v), i * 8); break;
      case NC.UINT64: out.writeBigUInt64BE(BigInt(v), i * 8); break;
      default: throw new ValueError(`cannot write nc_type ${type}`);
    }
  }
  return out;
}

function ncTypeOf(data: NDArray, version: CdfVersion, name: string): { type: number; values: TypedArray } {
  let arr = data;
  let type = DTYPE_NC[arr.dtype];
  if (version !== 5 && type !== undefined && type >= NC.UBYTE) {
    // CDF-1/2 have no unsigned or 64-bit types: narrow to int32 when every value fits (as xarray does)
    const x = arr.toFloat64();
    for (const v of x) if (!(Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31)) {
      throw new ValueError(`Variable '${name}' (${arr.dtype}) does not fit the NETCDF3 int32 type; use format 'NETCDF3_CDF5' or 'NETCDF4'`);
    }
    arr = arr.astype('int32');
    type = NC.INT;
  }
  if (type === undefined) throw new ValueError(`Variable '${name}' has dtype ${arr.dtype}, which NetCDF-3 cannot store`);
  return { type, values: arr.flat() as TypedArray };
}

function attrBytes(v: AttrValue, version: CdfVersion, like?: number): { type: number; n: number; bytes: Uint8Array } | null {
  if (typeof v === 'string') { const b = Buffer.from(v, 'utf8'); return { type: NC.CHAR, n: b.length, bytes: b }; }
  if (typeof v === 'boolean') return { type: NC.BYTE, n: 1, bytes: Int8Array.of(v ? 1 : 0) as unknown as Uint8Array };
  let t: TypedArray;
  if (typeof v === 'number' || typeof v === 'bigint') t = Float64Array.of(Number(v));
  else if (ArrayBuffer.isView(v)) t = v as TypedArray;
  else if (Array.isArray(v) && v.every((x) => typeof x === 'number')) t = Float64Array.from(v as number[]);
  else if (Array.isArray(v)) { const b = Buffer.from((v as string[]).join(','), 'utf8'); return { type: NC.CHAR, n: b.length, bytes: b }; }
  else return null;
  const allInt = Array.from(t as ArrayLike<number | bigint>, Number).every((x) => Number.isInteger(x) && Math.abs(x) < 2 ** 31);
  let type: number;
  if (like !== undefined) type = like;
  else if (typeof v === 'number' || Array.isArray(v)) type = allInt ? NC.INT : NC.DOUBLE;
  else type = DTYPE_NC[ncDtypeOfTyped(t)] ?? NC.DOUBLE;
  if (version !== 5 && type >= NC.UBYTE) type = NC.DOUBLE;
  const vals = type === NC.INT64 || type === NC.UINT64 ? BigInt64Array.from(Array.from(t as ArrayLike<number | bigint>, (x) => BigInt(x))) : Float64Array.from(t as ArrayLike<number>, Number);
  return { type, n: t.length, bytes: beBytes(vals, type) };
}

function ncDtypeOfTyped(t: TypedArray): 'int8' | 'int16' | 'int32' | 'float32' | 'float64' | 'uint8' | 'uint16' | 'uint32' | 'int64' | 'uint64' {
  if (t instanceof Float32Array) return 'float32';
  if (t instanceof Int32Array) return 'int32';
  if (t instanceof Int16Array) return 'int16';
  if (t instanceof Int8Array) return 'int8';
  if (t instanceof Uint8Array) return 'uint8';
  if (t instanceof Uint16Array) return 'uint16';
  if (t instanceof Uint32Array) return 'uint32';
  if (t instanceof BigInt64Array) return 'int64';
  if (t instanceof BigUint64Array) return 'uint64';
  return 'float64';
}

function writeAttrs(o: Out, attrs: [string, AttrValue, number?][]): void {
  const items = attrs.map(([k, v, like]) => [k, attrBytes(v, o.version, like)] as const).filter((x) => x[1] !== null);
  if (!items.length) { o.u32(0); o.nonNeg(0); return; }
  o.u32(NC_ATTRIBUTE);
  o.nonNeg(items.length);
  for (const [k, a] of items) {
    if (!a) continue;
    o.name(k);
    o.u32(a.type);
    o.nonNeg(a.n);
    o.bytes(a.bytes);
  }
}

interface Planned { name: string; dims: string[]; type: number; data: Uint8Array; attrs: [string, AttrValue, number?][] }

/**
 * Writes `ds` as CDF-1 (1), CDF-2 (2) or CDF-5 (5).
 * @example
 * await writeNetcdf3(ds, 'out.nc', 2);
 */
export async function writeNetcdf3(ds: Dataset, path: string, version: CdfVersion): Promise<void> {
  const { dims, vars } = prepareDataset(ds);
  const allDims = [...dims];
  const planned: Planned[] = [];
  for (const v of vars) {
    let dimsOut = v.dims;
    let type: number;
    let data: Uint8Array;
    if (v.data.dtype === 'string') {
      const strs = v.data.flat() as string[];
      const enc = strs.map((s) => Buffer.from(s, 'utf8'));
      const w = Math.max(1, ...enc.map((b) => b.length));
      const sd = `string${w}`;
      if (!allDims.some(([d]) => d === sd)) allDims.push([sd, w]);
      dimsOut = [...v.dims, sd];
      data = Buffer.alloc(enc.length * w);
      enc.forEach((b, i) => data.set(b, i * w));
      type = NC.CHAR;
    } else {
      const t = ncTypeOf(v.data, version, v.name);
      type = t.type;
      data = beBytes(t.values, type);
    }
    const attrs: [string, AttrValue, number?][] = [];
    if (v.fill !== null && type !== NC.CHAR) attrs.push(['_FillValue', v.fill, type]);
    for (const [k, a] of Object.entries(v.attrs)) attrs.push([k, a, k === 'missing_value' ? type : undefined]);
    planned.push({ name: v.name, dims: dimsOut, type, data, attrs });
  }
  const dimIndex = new Map(allDims.map(([d], i) => [d, i]));
  const header = (begins: number[]): Out => {
    const o = new Out(version);
    o.bytes(Buffer.from([0x43, 0x44, 0x46, version]));
    o.nonNeg(0);
    if (allDims.length) { o.u32(NC_DIMENSION); o.nonNeg(allDims.length); for (const [d, n] of allDims) { o.name(d); o.nonNeg(n); } } else { o.u32(0); o.nonNeg(0); }
    writeAttrs(o, Object.entries(ds.attrs));
    if (planned.length) {
      o.u32(NC_VARIABLE);
      o.nonNeg(planned.length);
      planned.forEach((p, i) => {
        o.name(p.name);
        o.nonNeg(p.dims.length);
        for (const d of p.dims) o.nonNeg(dimIndex.get(d) ?? 0);
        writeAttrs(o, p.attrs);
        o.u32(p.type);
        const vsize = pad4(p.data.length);
        o.nonNeg(version !== 5 && vsize >= 2 ** 32 - 4 ? 2 ** 32 - 1 : vsize);
        o.offset(begins[i]);
      });
    } else { o.u32(0); o.nonNeg(0); }
    return o;
  };
  const headerSize = header(planned.map(() => 0)).pos;
  const begins: number[] = [];
  let at = headerSize;
  for (const p of planned) { begins.push(at); at += pad4(p.data.length); }
  if (version === 1 && at > 2 ** 31 - 1) throw new ValueError(`The data (${at} bytes) is too large for NETCDF3_CLASSIC; use NETCDF3_64BIT`);
  const o = header(begins);
  for (const p of planned) o.bytes(p.data);
  writeFileSync(path, o.buf.subarray(0, o.pos));
}
