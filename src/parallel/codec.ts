/**
 * Values crossing between the main thread and workers.
 *
 * Zero-copy rules (both directions):
 * - A typed array over a SharedArrayBuffer is passed as is: both threads see the same memory. Column
 *   buffers from `alloc()` above 64 KiB, and every result buffer a worker allocates through `alloc()`,
 *   are shared, so a 10M-row column is never copied.
 * - Main thread to worker: a non-shared buffer of 64 KiB or more is copied ONCE into a
 *   SharedArrayBuffer; for column buffers (immutable) that shared copy is cached, so later tasks over
 *   the same frame reuse it. Smaller buffers are simply cloned (cheaper than a shared allocation).
 * - Worker to main thread: a non-shared buffer of 64 KiB or more that the task returns is
 *   transferred (ownership moves, no copy): a task must not keep using a buffer it returned.
 * DataFrames, Series, Columns and Indexes travel as their buffers (wire.ts) and are rebuilt on the
 * other side around the same memory. Other values go through structured clone.
 * @module
 */
import type { DataFrame } from '../frame/dataframe.js';
import type { Series } from '../frame/series.js';
import type { Column } from '../frame/column.js';
import type { Index } from '../frame/label-index.js';
import type { DataWire, IndexWire } from './wire.js';

const TAG = '__gridframe_wire__';
/** Buffers below this size are cloned rather than shared or transferred. */
export const SHARE_MIN_BYTES = 1 << 16;

type FrameWire = { [TAG]: 'frame'; names: string[]; columns: DataWire[]; index: IndexWire; columnIndex: IndexWire | null };
type SeriesWire = { [TAG]: 'series'; column: DataWire; index: IndexWire; name: string | null };
type ColumnWire = { [TAG]: 'column'; data: DataWire };
type IndexOnWire = { [TAG]: 'index'; index: IndexWire };

interface FrameLib {
  DataFrame: typeof DataFrame;
  Series: typeof Series;
  Column: typeof Column;
  Index: typeof Index;
  wire: typeof import('./wire.js');
}
let lib: Promise<FrameLib> | null = null;

/**
 * The frame classes and the wire format, loaded on first use: plain tasks (numbers, typed arrays)
 * never load the frame layer, so workers start fast, and dataframe.ts can import this area
 * without an import cycle at load time.
 */
function frameLib(): Promise<FrameLib> {
  lib ??= Promise.all([
    import('../frame/dataframe.js'),
    import('../frame/series.js'),
    import('../frame/column.js'),
    import('../frame/label-index.js'),
    import('./wire.js'),
  ]).then(([df, s, c, ix, wire]) => ({ DataFrame: df.DataFrame, Series: s.Series, Column: c.Column, Index: ix.Index, wire }));
  return lib;
}

const sharedCopies = new WeakMap<ArrayBufferView, ArrayBufferView>();

/**
 * A shared copy of a non-shared view (cached when `cache`), or the view itself when shared.
 * @example
 * toShared(new Float64Array(1e6)).buffer instanceof SharedArrayBuffer // true
 */
export function toShared<T extends ArrayBufferView>(v: T, cache = false): T {
  if (v.buffer instanceof SharedArrayBuffer) return v;
  const hit = cache ? sharedCopies.get(v) : undefined;
  if (hit) return hit as T;
  const sab = new SharedArrayBuffer(v.byteLength);
  new Uint8Array(sab).set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  const ctor = v.constructor as new (b: ArrayBufferLike, o: number, n: number) => T;
  const bpe = (v as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
  const out = new ctor(sab, 0, v.byteLength / bpe);
  if (cache) sharedCopies.set(v, out);
  return out;
}

/** Where an encoding happens: the main thread shares big buffers, a worker transfers them. */
export type Side = 'main' | 'worker';

/** An encoded value and the buffers to transfer with it. */
export interface Encoded {
  value: unknown;
  transfer: ArrayBuffer[];
}

function isPlainObject(v: object): boolean {
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null;
}

/**
 * Prepares a value for postMessage.
 * @example
 * const { value, transfer } = await encode({ df, k: 3 }, 'main');
 */
export async function encode(v: unknown, side: Side): Promise<Encoded> {
  const transfer = new Set<ArrayBuffer>();
  const mapView = <T extends ArrayBufferView>(view: T, cache: boolean): T => {
    if (view.byteLength < SHARE_MIN_BYTES || view.buffer instanceof SharedArrayBuffer) return view;
    if (side === 'main') return toShared(view, cache);
    transfer.add(view.buffer as ArrayBuffer);
    return view;
  };
  const colBuf = <T extends ArrayBufferView>(view: T): T => mapView(view, true);
  const c = hasClassInstance(v, 0) ? await frameLib() : null;
  const walk = (x: unknown, depth: number): unknown => {
    if (typeof x !== 'object' || x === null) return x;
    if (ArrayBuffer.isView(x)) return mapView(x, false);
    if (!c) return walkPlain(x, depth);
    const { columnToWire, indexToWire } = c.wire;
    if (x instanceof c.Column) return { [TAG]: 'column', data: columnToWire(x, colBuf) } satisfies ColumnWire;
    if (x instanceof c.Index) return { [TAG]: 'index', index: indexToWire(x, colBuf) } satisfies IndexOnWire;
    if (x instanceof c.DataFrame) {
      const ci = x.columnIndex;
      const flat = ci.nlevels === 1;
      return {
        [TAG]: 'frame',
        names: x.columns,
        columns: x.columnList.map((col) => columnToWire(col, colBuf)),
        index: indexToWire(x.index, colBuf),
        columnIndex: flat ? null : indexToWire(ci, colBuf),
      } satisfies FrameWire;
    }
    if (x instanceof c.Series) {
      return { [TAG]: 'series', column: columnToWire(x.column, colBuf), index: indexToWire(x.index, colBuf), name: x.name } satisfies SeriesWire;
    }
    return walkPlain(x, depth);
  };
  const walkPlain = (x: object, depth: number): unknown => {
    if (depth > 64) return x;
    if (Array.isArray(x)) return x.map((e) => walk(e, depth + 1));
    if (isPlainObject(x)) {
      const out: Record<string, unknown> = {};
      for (const [k, e] of Object.entries(x)) out[k] = walk(e, depth + 1);
      return out;
    }
    return x;
  };
  const value = walk(v, 0);
  return { value, transfer: [...transfer] };
}

/** True when the value holds a class instance that may be a DataFrame or Series. */
function hasClassInstance(x: unknown, depth: number): boolean {
  if (typeof x !== 'object' || x === null || ArrayBuffer.isView(x) || depth > 64) return false;
  if (Array.isArray(x)) return x.some((e) => hasClassInstance(e, depth + 1));
  if (isPlainObject(x)) return Object.values(x).some((e) => hasClassInstance(e, depth + 1));
  return !(x instanceof Date || x instanceof Error || x instanceof Map || x instanceof Set || x instanceof RegExp);
}

function tagOf(x: object): string | undefined {
  const t = (x as Record<string, unknown>)[TAG];
  return typeof t === 'string' ? t : undefined;
}

function hasTag(x: unknown, depth: number): boolean {
  if (typeof x !== 'object' || x === null || ArrayBuffer.isView(x) || depth > 64) return false;
  if (tagOf(x)) return true;
  if (Array.isArray(x)) return x.some((e) => hasTag(e, depth + 1));
  if (isPlainObject(x)) return Object.values(x).some((e) => hasTag(e, depth + 1));
  return false;
}

/**
 * Rebuilds a value received through postMessage (frames, series, columns around the same buffers).
 * @example
 * const args = await decode(message.args);
 */
export async function decode(v: unknown): Promise<unknown> {
  const c = hasTag(v, 0) ? await frameLib() : null;
  const walk = (x: unknown, depth: number): unknown => {
    if (typeof x !== 'object' || x === null || ArrayBuffer.isView(x)) return x;
    const t = tagOf(x);
    if (t && c) {
      const r = fromWire(x, t, c);
      if (r !== undefined) return r;
    }
    if (depth > 64) return x;
    if (Array.isArray(x)) return x.map((e) => walk(e, depth + 1));
    if (isPlainObject(x)) {
      const out: Record<string, unknown> = {};
      for (const [k, e] of Object.entries(x)) out[k] = walk(e, depth + 1);
      return out;
    }
    return x;
  };
  return walk(v, 0);
}

/** The value of one tagged wire object. */
function fromWire(x: object, t: string, c: FrameLib): unknown {
  const { wireToColumn, wireToIndex } = c.wire;
  if (t === 'column') return wireToColumn((x as ColumnWire).data);
  if (t === 'index') return wireToIndex((x as IndexOnWire).index);
  if (t === 'frame') {
    const f = x as FrameWire;
    const cols = f.columns.map(wireToColumn);
    return c.DataFrame.fromColumns(f.names, cols, wireToIndex(f.index), f.columnIndex ? wireToIndex(f.columnIndex) : undefined);
  }
  if (t === 'series') {
    const s = x as SeriesWire;
    return new c.Series(wireToColumn(s.column), { index: wireToIndex(s.index), name: s.name });
  }
  return undefined;
}
