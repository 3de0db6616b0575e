/**
 * h5wasm access: loading the module once (lazily, so importing gridframe stays fast), checking a file before HDF5 sees it (so a missing, foreign or
 * truncated file is a clear ParseError instead of an HDF5 diagnostic dump), and wrapping h5wasm errors.
 * @module
 */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { GridframeError, ParseError } from '../../errors.js';

/** The h5wasm namespace (File, Dataset, ...). */
export type H5 = typeof import('h5wasm/node').default;
/** An open h5wasm file. */
export type H5File = InstanceType<H5['File']>;

/** The Emscripten module under h5wasm (its heap, malloc/free and the raw dataset reader). */
export type H5Module = typeof import('h5wasm/node').Module;

let ready: Promise<H5> | null = null;
let wasmModule: H5Module | null = null;

/**
 * Loads h5wasm once.
 * @example
 * const h5 = await loadH5();
 */
export function loadH5(): Promise<H5> {
  ready ??= import('h5wasm/node').then(async (m) => {
    await m.default.ready;
    wasmModule = m.Module;
    return m.default;
  });
  return ready;
}

/**
 * The loaded Emscripten module (null before `loadH5` resolved), for reading straight from its heap.
 * @example
 * const mod = h5Module(); // after await loadH5()
 */
export function h5Module(): H5Module | null {
  return wasmModule;
}

/** The kinds of file gridframe's array readers know. */
export type FileKind = 'hdf5' | 'cdf1' | 'cdf2' | 'cdf5';

const HDF5_SIG = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

function readBytes(path: string, pos: number, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(n);
    const got = readSync(fd, b, 0, n, pos);
    return b.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

function readOffset(b: Buffer, at: number, size: number): number {
  if (size === 8) return Number(b.readBigUInt64LE(at));
  if (size === 4) return b.readUInt32LE(at);
  return b.readUInt16LE(at);
}

/**
 * Identifies a NetCDF/HDF5 file by its signature; a ParseError for a missing, foreign or truncated file.
 * @example
 * sniffArrayFile('tas1840.nc') // 'hdf5'
 */
export function sniffArrayFile(path: string): FileKind {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ParseError(`${path} is not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof GridframeError) throw e;
    throw new ParseError(`No such file: ${path}`);
  }
  const head = readBytes(path, 0, 64);
  if (head.length >= 4 && head[0] === 0x43 && head[1] === 0x44 && head[2] === 0x46) {
    if (head[3] === 1) return 'cdf1';
    if (head[3] === 2) return 'cdf2';
    if (head[3] === 5) return 'cdf5';
    throw new ParseError(`${path}: unknown NetCDF-3 version byte ${head[3]}`);
  }
  // HDF5 superblocks sit at 0, 512, 1024, ...
  for (let base = 0; base < Math.min(size, 1 << 20); base = base === 0 ? 512 : base * 2) {
    const b = base === 0 ? head : readBytes(path, base, 64);
    if (b.length < 8 || !HDF5_SIG.every((c, i) => b[i] === c)) continue;
    const version = b[8];
    let eof = -1;
    if (version <= 1 && b.length >= 48) {
      const so = b[13];
      const at = (version === 0 ? 24 : 28) + 2 * so;
      eof = readOffset(b, at, so);
    } else if (version >= 2 && b.length >= 48) {
      const so = b[9];
      eof = readOffset(b, 12 + 2 * so, so);
    }
    if (eof > 0 && eof !== 2 ** 64 - 1 && base + eof > size) {
      throw new ParseError(`${path} is truncated: the HDF5 superblock says ${base + eof} bytes, the file has ${size}`);
    }
    return 'hdf5';
  }
  throw new ParseError(`${path} is not a NetCDF or HDF5 file (no CDF or HDF5 signature)`);
}

/**
 * Runs `fn` turning h5wasm's errors into a short ParseError that names the file.
 * @example
 * h5call('a.nc', 'reading tas', () => ds.slice(ranges))
 */
export function h5call<T>(path: string, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GridframeError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new ParseError(`${path}: HDF5 error while ${what}: ${msg.split('\n')[0].slice(0, 300)}`);
  }
}

interface Cached {
  file: H5File;
  mtimeMs: number;
  size: number;
}
const open = new Map<string, Cached>();
const MAX_OPEN = 32;

/**
 * A read-only handle from a small LRU of open files (as xarray's file manager), so lazy reads do not
 * reopen a file each time; a file changed on disk since it was opened is reopened.
 * @example
 * const f = cachedFile(h5, 'tas1840.nc');
 */
export function cachedFile(h5: H5, path: string): H5File {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new ParseError(`No such file: ${path}`);
  const hit = open.get(path);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) {
    open.delete(path);
    open.set(path, hit);
    return hit.file;
  }
  if (hit) evictFile(path);
  const file = h5call(path, 'opening', () => new h5.File(path, 'r'));
  open.set(path, { file, mtimeMs: st.mtimeMs, size: st.size });
  while (open.size > MAX_OPEN) {
    const oldest = open.keys().next().value as string;
    evictFile(oldest);
  }
  return file;
}

/** Closes a cached handle (before the file is written, or when a Dataset is closed). */
export function evictFile(path: string): void {
  const hit = open.get(path);
  if (!hit) return;
  open.delete(path);
  try { hit.file.close(); } catch { /* already closed */ }
}

