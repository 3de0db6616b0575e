/**
 * `readParquet` through parquet-wasm's synchronous reader (parquet-decode.ts).
 *
 * - `columns` and `rowGroups` are pushed down by rewriting the footer (parquet-footer.ts): a smaller
 *   file of only the selected column chunks is assembled and decoded, so unselected columns are neither
 *   read from disk nor decoded. (parquet-wasm's synchronous `readParquet` ignores its `columns` option,
 *   and its asynchronous `ParquetFile` reader panics on some corrupt pages inside a promise callback, an
 *   uncatchable `RuntimeError: unreachable` that kills the process.)
 * - A large read is split by row groups in two: one part is decoded in a worker (src/parallel/pool.ts)
 *   with its own parquet-wasm instance while the main thread decodes the other, then the columns are
 *   joined. Each part holds only its own chunk bytes, read from the file straight into its buffer.
 * parquet-wasm's WebAssembly memory grows to hold a part plus its decoded table and never shrinks.
 * @module
 */
import { closeSync, openSync, statSync } from 'node:fs';
import * as arrow from 'apache-arrow';
import { GridframeError, ParseError, unknownName, ValueError } from '../errors.js';
import { alloc } from '../frame/alloc.js';
import { Column } from '../frame/column.js';
import { concatColumns, joinValidity } from '../frame/column-concat.js';
import type { DataFrame } from '../frame/dataframe.js';
import { poolInfo, runInWorker } from '../parallel/pool.js';
import { resolveTask } from '../parallel/task.js';
import { frameFromColumns } from './arrow-concat.js';
import { fileError, readFileBytes, readFully } from './file-errors.js';
import { INDEX_META_KEY, parseIndexMeta } from './frame-columns.js';
import { decodeParquet, handOff, message, parquetSchema, releaseScratch, takeScratch } from './parquet-decode.js';
import type { ColumnTargets, Values } from './parquet-ffi.js';
import type { PartSource } from './parquet-task.js';
import { arrowSchemaBase64, footerLength, layoutOf, materialize, subsetFile, type Footer, type Layout, type SubsetPlan } from './parquet-footer.js';
import { decodeStruct } from './parquet-thrift.js';
import type { ProgressCallback, ProgressOptions } from './progress.js';

/** Options of `readParquet`. */
export interface ReadParquetOptions extends ProgressOptions {
  /** Only these columns (only their column chunks are read and decoded). */
  columns?: readonly string[];
  /** Only these row groups (0-based). */
  rowGroups?: readonly number[];
}

/**
 * Tuning of the parallel read: a read of at least `parallelMinBytes` of column chunks, over two or more
 * row groups, on a machine with two or more cores, decodes half of it in a worker. Below it a worker's
 * start and hand-over cost more than they save.
 */
export const parquetReadTuning = { parallelMinBytes: 32 << 20 };

function checkGroups(groups: readonly number[] | undefined): void {
  for (const g of groups ?? []) if (!Number.isInteger(g) || g < 0) throw new ValueError(`Row group ${g} is not a valid row group number`);
}

/** What to read: the selected columns (in order) and row groups, and the file's layout. */
interface Selection {
  names: string[];
  keep: number[];
  groups: number[];
  layout: Layout;
  schemaB64: string | null;
  metadata: Map<string, string>;
}

function select(f: Footer, full: arrow.Schema, opts: ReadParquetOptions, what: string): Selection {
  const layout = layoutOf(f);
  const all = layout.names;
  let names = all;
  if (opts.columns) {
    for (const c of opts.columns) if (!all.includes(c)) throw unknownName('column', c, all);
    // In the order asked for (as pandas/pyarrow), plus the stored index columns so the frame gets its index back.
    const indexNames = parseIndexMeta(full.metadata.get(INDEX_META_KEY));
    names = [...new Set([...opts.columns, ...indexNames.filter((c) => all.includes(c))])];
  }
  const count = layout.rowGroups.length;
  const groups = opts.rowGroups ? [...opts.rowGroups] : layout.rowGroups.map((_, i) => i);
  if (groups.some((g) => g >= count)) {
    throw new ParseError(`Cannot read row groups [${groups.join(', ')}] of Parquet ${what}: it has ${count} row group${count === 1 ? '' : 's'}`);
  }
  const keep = names.map((n) => all.indexOf(n));
  return { names, keep, groups, layout, schemaB64: arrowSchemaBase64(new arrow.Schema(names.map((n) => full.fields.find((f) => f.name === n) as arrow.Field), full.metadata)), metadata: full.metadata };
}

function footerOf(bytes: Uint8Array, what: string): Footer {
  try {
    const len = footerLength(bytes.subarray(Math.max(0, bytes.length - 8)), bytes.length);
    const start = bytes.length - 8 - len;
    return { meta: decodeStruct(bytes, start, start + len), start };
  } catch (e) {
    throw new ParseError(`${what} is not a valid Parquet file (truncated or corrupt?): ${message(e)}`);
  }
}

/** Bytes of the selected chunks of some row groups. */
function chunkBytes(sel: Selection, groups: readonly number[]): number {
  let n = 0;
  for (const g of groups) for (const c of sel.keep) for (let l = sel.layout.leaves[c][0]; l < sel.layout.leaves[c][1]; l++) n += sel.layout.rowGroups[g].chunks[l].length;
  return n;
}

/**
 * The share of the bytes the main thread decodes: a little under half, as it also joins the string
 * columns and builds the frame once both parts are in.
 */
const MAIN_SHARE = 0.45;

/** The row groups split in two consecutive runs (the first about MAIN_SHARE of the bytes), or null when one run it is. */
function halves(sel: Selection): [number[], number[]] | null {
  const total = chunkBytes(sel, sel.groups);
  if (sel.groups.length < 2 || total < parquetReadTuning.parallelMinBytes || poolInfo().workers < 2) return null;
  let acc = 0;
  for (let i = 0; i < sel.groups.length - 1; i++) {
    acc += chunkBytes(sel, [sel.groups[i]]);
    if (acc >= total * MAIN_SHARE) return [sel.groups.slice(0, i + 1), sel.groups.slice(i + 1)];
  }
  return [sel.groups.slice(0, -1), sel.groups.slice(-1)];
}

function frameOf(sel: Pick<Selection, 'names' | 'metadata'>, cols: readonly Column[], what: string): DataFrame {
  try {
    return frameFromColumns(sel.names, cols, sel.metadata);
  } catch (e) {
    if (e instanceof GridframeError) throw e;
    throw new ParseError(`Cannot read Parquet ${what}: ${message(e)}`);
  }
}

/**
 * Decodes Parquet bytes into a frame.
 * @example
 * parquetBytesToFrame(parquetBytes(df), { columns: ['a'] })
 */
export function parquetBytesToFrame(bytes: Uint8Array, opts: Omit<ReadParquetOptions, 'onProgress'> = {}, what = 'input'): DataFrame {
  checkGroups(opts.rowGroups);
  if (!opts.columns && !opts.rowGroups) {
    const { schema, cols } = decodeParquet(bytes, what);
    return frameOf({ names: schema.fields.map((f) => f.name), metadata: schema.metadata }, cols, what);
  }
  const f = footerOf(bytes, what);
  const sel = selectOrParseError(f, parquetSchema(bytes, what), opts, what);
  const plan = subsetFile(f, sel.layout, sel.keep, sel.groups, sel.schemaB64);
  const part = materialize(plan, (dst, at, r) => dst.set(bytes.subarray(r.start, r.start + r.length), at));
  return frameOf(sel, decodeParquet(part, what).cols, what);
}

function selectOrParseError(f: Footer, full: arrow.Schema, opts: ReadParquetOptions, what: string): Selection {
  try {
    return select(f, full, opts, what);
  } catch (e) {
    if (e instanceof GridframeError) throw e;
    throw new ParseError(`${what} is not a valid Parquet file (truncated or corrupt?): ${message(e)}`);
  }
}

/** A planned part read from the file (its chunks straight into place). */
function readPart(fd: number, plan: SubsetPlan, progress: { done: number; total: number; cb?: ProgressCallback }): Uint8Array {
  const ranges: { at: number; start: number; length: number }[] = [];
  const out = materialize(plan, (_dst, at, r) => ranges.push({ at, ...r }), takeScratch(plan.size));
  for (const r of ranges) {
    readFully(fd, out, r.at, r.length, r.start);
    progress.done += r.length;
    progress.cb?.(progress.done, progress.total);
  }
  return out;
}

/** Decodes a part read into the scratch buffer, then gives the buffer back. */
function decodeScratch(part: Uint8Array, what: string, targets?: ColumnTargets): Column[] {
  try {
    return decodeParquet(part, what, targets).cols;
  } finally {
    releaseScratch(part);
  }
}

/** The worker task, resolved on first use (not when gridframe is imported). */
let partTaskCache: ReturnType<typeof resolveTask> | undefined;
const partTask = (): ReturnType<typeof resolveTask> => (partTaskCache ??= resolveTask({ module: new URL('./parquet-task.js', import.meta.url).href, name: 'decodeParquetPart' }, 'readParquet'));

async function readSelected(fd: number, path: string, size: number, opts: ReadParquetOptions, what: string): Promise<DataFrame> {
  const tail = new Uint8Array(8);
  readFully(fd, tail, 0, Math.min(8, size), Math.max(0, size - 8));
  let f: Footer;
  let full: arrow.Schema;
  try {
    const len = footerLength(tail, size);
    const foot = new Uint8Array(len + 12);
    foot.set([0x50, 0x41, 0x52, 0x31], 0);
    readFully(fd, foot, 4, len + 8, size - 8 - len);
    f = { meta: decodeStruct(foot, 4, 4 + len), start: size - 8 - len };
    full = parquetSchema(foot, what);
  } catch (e) {
    throw new ParseError(`${what} is not a valid Parquet file (truncated or corrupt?): ${message(e)}`);
  }
  const sel = selectOrParseError(f, full, opts, what);
  const split = halves(sel);
  const progress = { done: 0, total: chunkBytes(sel, sel.groups), cb: opts.onProgress };
  progress.cb?.(0, progress.total);
  if (!split) {
    const part = readPart(fd, subsetFile(f, sel.layout, sel.keep, sel.groups, sel.schemaB64), progress);
    return frameOf(sel, decodeScratch(part, what), what);
  }
  // Fixed-width columns are assembled in shared buffers: each thread copies its rows straight into place.
  const rowsOf = (gs: readonly number[]): number => gs.reduce((s, g) => s + sel.layout.rowGroups[g].rows, 0);
  const [na, nb] = [rowsOf(split[0]), rowsOf(split[1])];
  const targets = sel.names.map((name) => sharedTarget(full.fields.find((x) => x.name === name)?.type, na + nb));
  // The worker reads and decodes the second half while the main thread reads and decodes the first.
  const plan = subsetFile(f, sel.layout, sel.keep, split[1], sel.schemaB64);
  const source: PartSource = { path, plan };
  const inWorker = runInWorker(partTask(), [source, { values: targets, at: na }]).then(
    (r) => {
      progress.done += plan.chunks.reduce((n, c) => n + c.length, 0);
      progress.cb?.(progress.done, progress.total);
      return r as { cols: Column[]; inTarget: boolean[] };
    },
    (e: unknown) => new ParseError(`Cannot read Parquet ${what}: ${message(e)}`),
  );
  let mine: Column[];
  try {
    await handOff();
    mine = decodeScratch(readPart(fd, subsetFile(f, sel.layout, sel.keep, split[0], sel.schemaB64), progress), what, { values: targets, at: 0 });
  } finally {
    await inWorker;
  }
  const theirs = await inWorker;
  if (theirs instanceof Error) throw theirs;
  const cols = mine.map((c, i) => {
    const t = targets[i];
    const o = theirs.cols[i];
    if (!t || c.values.buffer !== t.buffer || !theirs.inTarget[i]) return joinTwo(c, o);
    const n = na + nb;
    return new Column(arrow.makeData({ type: c.data.type as arrow.Int32, length: n, nullCount: c.nullCount + o.nullCount, nullBitmap: joinValidity([c, o], n) ?? undefined, data: t as Int32Array }));
  });
  return frameOf(sel, cols, what);
}

/**
 * Two parts of a column joined; two plain Utf8 parts (offset 0, Int32 offsets) by two copies and one
 * pass over the second part's offsets, else by the core's `concatColumns`.
 */
function joinTwo(a: Column, b: Column): Column {
  const utf8 = (c: Column): boolean => arrow.DataType.isUtf8(c.data.type) && c.data.offset === 0;
  if (!utf8(a) || !utf8(b)) return concatColumns([a, b]);
  const [na, nb] = [a.length, b.length];
  const ao = a.data.valueOffsets as Int32Array;
  const bo = b.data.valueOffsets as Int32Array;
  const aBytes = ao[na] - ao[0];
  const bBytes = bo[nb] - bo[0];
  if (ao[0] !== 0 || aBytes + bBytes > 0x7fffffff) return concatColumns([a, b]);
  const offsets = alloc(Int32Array, na + nb + 1);
  offsets.set(ao.subarray(0, na + 1));
  const shift = aBytes - bo[0];
  for (let i = 1; i <= nb; i++) offsets[na + i] = bo[i] + shift;
  const data = alloc(Uint8Array, aBytes + bBytes);
  data.set((a.data.values as Uint8Array).subarray(0, aBytes));
  data.set((b.data.values as Uint8Array).subarray(bo[0], bo[nb]), aBytes);
  const n = na + nb;
  return new Column(arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: a.nullCount + b.nullCount, nullBitmap: joinValidity([a, b], n) ?? undefined, valueOffsets: offsets, data }));
}

/** A buffer over shared memory for `n` values of a fixed-width type (null for other types). */
function sharedTarget(t: arrow.DataType | undefined, n: number): Values | null {
  if (!t || !(arrow.DataType.isInt(t) || arrow.DataType.isFloat(t) || arrow.DataType.isDate(t) || arrow.DataType.isTimestamp(t) || arrow.DataType.isTime(t) || arrow.DataType.isDuration(t))) return null;
  const Ctor = (t as unknown as { ArrayType: { new (b: SharedArrayBuffer): Values; BYTES_PER_ELEMENT: number } }).ArrayType;
  return new Ctor(new SharedArrayBuffer(n * Ctor.BYTES_PER_ELEMENT));
}

/**
 * Reads a Parquet file into a DataFrame, keeping int64, dictionaries, timestamps and nulls; an index
 * written by `toParquet` is restored. A truncated or corrupt file is a ParseError.
 * @example
 * const df = await readParquet('flights-3m.parquet', { columns: ['delay', 'distance'] });
 */
export async function readParquet(path: string, opts: ReadParquetOptions = {}): Promise<DataFrame> {
  checkGroups(opts.rowGroups);
  const what = `'${path}'`;
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw fileError(e, path);
  }
  if (!opts.columns && !opts.rowGroups && (size < parquetReadTuning.parallelMinBytes || poolInfo().workers < 2)) {
    return parquetBytesToFrame(await readFileBytes(path, opts.onProgress), {}, what);
  }
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return await readSelected(fd, path, size, opts, what);
  } catch (e) {
    throw e instanceof GridframeError ? e : fileError(e, path);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
