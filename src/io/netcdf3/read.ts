/**
 * NetCDF-3 reader (CDF-1, CDF-2, CDF-5) into typed arrays: the header is parsed, big-endian values are
 * byte-swapped in one pass per variable, record variables are gathered record by record, and char arrays
 * become strings. Returns an in-memory Dataset, CF-decoded like the NetCDF4 reader.
 * @module
 */
import { readFileSync } from 'node:fs';
import { ParseError } from '../../errors.js';
import { NDArray } from '../../nd/ndarray.js';
import { ctorOf, type NDType, type TypedArray } from '../../nd/dtype.js';
import { Dataset } from '../../nd/dataset.js';
import { Variable, type Attrs, type AttrValue } from '../../nd/variable.js';
import type { Coords } from '../../nd/coords.js';
import { planDecode } from '../cf/decode.js';
import { NC, NC_ATTRIBUTE, NC_DIMENSION, NC_DTYPE, NC_SIZE, NC_VARIABLE, pad4, type CdfVersion } from './types.js';

interface Dim { name: string; size: number }
interface VarHeader { name: string; dimids: number[]; attrs: Attrs; type: number; vsize: number; begin: number }

class Cursor {
  pos = 0;
  constructor(readonly buf: Buffer, readonly file: string, readonly version: CdfVersion) {}
  need(n: number): void {
    if (this.pos + n > this.buf.length) throw new ParseError(`${this.file} is truncated: the NetCDF header needs ${this.pos + n} bytes, the file has ${this.buf.length}`);
  }
  u32(): number { this.need(4); const v = this.buf.readUInt32BE(this.pos); this.pos += 4; return v; }
  u64(): number {
    this.need(8);
    const v = this.buf.readBigUInt64BE(this.pos);
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ParseError(`${this.file}: a header count or offset is too large (${v}) — is the file corrupt?`);
    return Number(v);
  }
  nonNeg(): number { return this.version === 5 ? this.u64() : this.u32(); }
  offset(): number { return this.version === 1 ? this.u32() : this.u64(); }
  name(): string {
    const n = this.nonNeg();
    this.need(n);
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += pad4(n);
    return s;
  }
}

/** Reads `n` big-endian values of nc_type `type` starting at `pos` into a native typed array. */
function readValues(buf: Buffer, pos: number, n: number, type: number, file: string): TypedArray | string {
  const size = NC_SIZE[type];
  if (size === undefined) throw new ParseError(`${file}: unknown nc_type ${type}`);
  if (pos + n * size > buf.length) throw new ParseError(`${file} is truncated: data at offset ${pos} needs ${n * size} bytes, the file has ${buf.length}`);
  if (type === NC.CHAR) return buf.toString('latin1', pos, pos + n);
  const bytes = new Uint8Array(n * size);
  bytes.set(buf.subarray(pos, pos + n * size));
  if (size === 2) for (let i = 0; i < bytes.length; i += 2) { const t = bytes[i]; bytes[i] = bytes[i + 1]; bytes[i + 1] = t; }
  else if (size === 4) for (let i = 0; i < bytes.length; i += 4) { let t = bytes[i]; bytes[i] = bytes[i + 3]; bytes[i + 3] = t; t = bytes[i + 1]; bytes[i + 1] = bytes[i + 2]; bytes[i + 2] = t; }
  else if (size === 8) for (let i = 0; i < bytes.length; i += 8) bytes.subarray(i, i + 8).reverse();
  const Ctor = ctorOf(NC_DTYPE[type]) as unknown as { new (b: ArrayBuffer, o: number, n: number): TypedArray };
  return new Ctor(bytes.buffer, 0, n);
}

function attrList(c: Cursor): Attrs {
  const tag = c.u32();
  const n = c.nonNeg();
  const out: Attrs = {};
  if (tag === 0 && n === 0) return out;
  if (tag !== NC_ATTRIBUTE) throw new ParseError(`${c.file}: corrupt header (expected an attribute list at byte ${c.pos - 8})`);
  for (let i = 0; i < n; i++) {
    const name = c.name();
    const type = c.u32();
    const len = c.nonNeg();
    const size = NC_SIZE[type];
    if (size === undefined) throw new ParseError(`${c.file}: attribute '${name}' has unknown type ${type}`);
    const v = readValues(c.buf, c.pos, len, type, c.file);
    c.pos += pad4(len * size);
    let av: AttrValue;
    if (typeof v === 'string') av = v.replace(/\0+$/, '');
    else if (v.length === 1) av = typeof v[0] === 'bigint' ? Number(v[0]) : (v[0] as number);
    else av = v;
    out[name] = av;
  }
  return out;
}

/**
 * Reads a CDF-1/2/5 file into a Dataset.
 * @example
 * const ds = await readNetcdf3('ds1.nc');
 */
export async function readNetcdf3(file: string, opts: { maskAndScale?: boolean; decodeTimes?: boolean } = {}): Promise<Dataset> {
  let buf: Buffer;
  try { buf = readFileSync(file); } catch { throw new ParseError(`No such file: ${file}`); }
  return parseNetcdf3(buf, file, opts);
}

/**
 * Parses CDF bytes into a Dataset.
 * @example
 * parseNetcdf3(readFileSync('a.nc'), 'a.nc')
 */
export function parseNetcdf3(buf: Buffer, file: string, opts: { maskAndScale?: boolean; decodeTimes?: boolean } = {}): Dataset {
  if (buf.length < 4 || buf.toString('latin1', 0, 3) !== 'CDF' || ![1, 2, 5].includes(buf[3])) throw new ParseError(`${file} is not a NetCDF-3 file`);
  const c = new Cursor(buf, file, buf[3] as CdfVersion);
  c.pos = 4;
  let numrecs = c.nonNeg();
  const dims: Dim[] = [];
  const dtag = c.u32();
  const nd = c.nonNeg();
  if (!(dtag === 0 && nd === 0)) {
    if (dtag !== NC_DIMENSION) throw new ParseError(`${file}: corrupt header (expected the dimension list)`);
    for (let i = 0; i < nd; i++) dims.push({ name: c.name(), size: c.nonNeg() });
  }
  const gattrs = attrList(c);
  const vtag = c.u32();
  const nv = c.nonNeg();
  const headers: VarHeader[] = [];
  if (!(vtag === 0 && nv === 0)) {
    if (vtag !== NC_VARIABLE) throw new ParseError(`${file}: corrupt header (expected the variable list)`);
    for (let i = 0; i < nv; i++) {
      const name = c.name();
      const ndims = c.nonNeg();
      const dimids: number[] = [];
      for (let k = 0; k < ndims; k++) {
        const id = c.nonNeg();
        if (id >= dims.length) throw new ParseError(`${file}: variable '${name}' refers to dimension ${id}, but there are ${dims.length}`);
        dimids.push(id);
      }
      const attrs = attrList(c);
      const type = c.u32();
      const vsize = c.nonNeg();
      const begin = c.offset();
      headers.push({ name, dimids, attrs, type, vsize, begin });
    }
  }
  const recDim = dims.findIndex((d) => d.size === 0);
  const isRec = (h: VarHeader): boolean => h.dimids.length > 0 && h.dimids[0] === recDim;
  const recVars = headers.filter(isRec);
  const recSize = recVars.length === 1 ? recVars[0].dimids.slice(1).reduce((a, id) => a * dims[id].size, 1) * NC_SIZE[recVars[0].type] : recVars.reduce((a, h) => a + h.vsize, 0);
  if (numrecs === 0xffffffff && recVars.length) numrecs = Math.floor((buf.length - Math.min(...recVars.map((h) => h.begin))) / recSize);
  const vars: Record<string, Variable> = {};
  const coords: Coords = {};
  for (const h of headers) {
    const shape = h.dimids.map((id) => (id === recDim ? numrecs : dims[id].size));
    const dimNames = h.dimids.map((id) => dims[id].name);
    const n = shape.reduce((a, b) => a * b, 1);
    let data: NDArray;
    if (isRec(h)) {
      const per = n / Math.max(numrecs, 1);
      const parts: (TypedArray | string)[] = [];
      for (let r = 0; r < numrecs; r++) parts.push(readValues(buf, h.begin + r * recSize, per, h.type, file));
      data = joinParts(parts, shape, h.type);
    } else data = joinParts([readValues(buf, h.begin, n, h.type, file)], shape, h.type);
    let dimsOut = dimNames;
    if (h.type === NC.CHAR) {
      dimsOut = dimNames.slice(0, -1);
      data = charsToStrings(data, shape);
    }
    const plan = planDecode(data.dtype, h.attrs, opts);
    const decoded = plan.decode ? plan.decode(data) : data;
    const v = new Variable(dimsOut, decoded, plan.attrs, { ...plan.encoding, source: file });
    if (dimsOut.length === 1 && dimsOut[0] === h.name) coords[h.name] = v;
    else vars[h.name] = v;
  }
  for (const v of Object.values(vars)) {
    const cn = v.attrs.coordinates;
    if (typeof cn === 'string') {
      for (const name of cn.trim().split(/\s+/)) if (vars[name]) { coords[name] = vars[name]; delete vars[name]; }
      delete v.attrs.coordinates;
    }
  }
  return Dataset.fromParts(vars, coords, gattrs);
}

function joinParts(parts: (TypedArray | string)[], shape: number[], type: number): NDArray {
  if (type === NC.CHAR) {
    const s = parts.join('');
    return new NDArray(Array.from(s), shape, { dtype: 'string' });
  }
  const dtype: NDType = NC_DTYPE[type];
  if (parts.length === 1) return new NDArray(parts[0] as TypedArray, shape, { dtype });
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new (ctorOf(dtype))(n) as Float64Array;
  let off = 0;
  for (const p of parts) { out.set(p as Float64Array, off); off += (p as TypedArray).length; }
  return new NDArray(out, shape, { dtype });
}

/** Joins the last dimension of a char array into strings (trailing NULs dropped). */
export function charsToStrings(a: NDArray, shape: readonly number[]): NDArray {
  if (shape.length === 0) return a;
  const w = shape[shape.length - 1];
  const chars = a.flat() as string[];
  const n = chars.length / Math.max(w, 1);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(chars.slice(i * w, (i + 1) * w).join('').replace(/\0+$/, ''));
  return new NDArray(out, shape.slice(0, -1), { dtype: 'string' });
}
