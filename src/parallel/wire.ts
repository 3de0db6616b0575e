/**
 * Columns and indexes on the wire between threads. A column travels as its Arrow buffers (values,
 * validity, offsets, dictionary) plus a small type descriptor, so the receiving thread wraps the very
 * same memory again: buffers on SharedArrayBuffer are shared, never copied (see codec.ts for the
 * rules on non-shared buffers).
 * @module
 */
import * as arrow from 'apache-arrow';
import { Column } from '../frame/column.js';
import { Index, RangeIndex } from '../frame/label-index.js';
import { MultiIndex } from '../frame/multi-index.js';
import { arrowType, type DType } from '../frame/dtypes.js';

/** The Arrow type of a column, as plain data. */
export interface TypeWire {
  dtype: DType;
  /** Dictionary-encoded strings. */
  dict?: boolean;
  /** LargeUtf8 strings (64-bit offsets). */
  large?: boolean;
  /** Date/Timestamp unit and time zone when not the default of the dtype. */
  dateUnit?: number;
  timeUnit?: number;
  tz?: string | null;
}

/** One Arrow Data chunk as plain data (typed arrays, no class instances). */
export interface DataWire {
  type: TypeWire;
  length: number;
  nullCount: number;
  values: ArrayBufferView;
  validity: Uint8Array | null;
  offsets: Int32Array | BigInt64Array | null;
  dictionary: DataWire | null;
}

/** An index as plain data. */
export type IndexWire =
  | { kind: 'range'; start: number; step: number; size: number; name: string | null }
  | { kind: 'flat'; labels: DataWire; name: string | null }
  | { kind: 'multi'; levels: DataWire[]; codes: Int32Array[]; names: (string | null)[] };

function typeWire(col: Column): TypeWire {
  const t = col.data.type;
  const w: TypeWire = { dtype: col.dtype };
  if (arrow.DataType.isDictionary(t)) w.dict = true;
  else if (arrow.DataType.isLargeUtf8(t)) w.large = true;
  else if (arrow.DataType.isTimestamp(t)) {
    w.timeUnit = t.unit;
    w.tz = t.timezone ?? null;
  } else if (arrow.DataType.isDate(t)) w.dateUnit = t.unit;
  return w;
}

function indexType(v: ArrayBufferView): arrow.Int8 | arrow.Int16 | arrow.Int32 | arrow.Uint8 | arrow.Uint16 | arrow.Uint32 {
  if (v instanceof Int8Array) return new arrow.Int8();
  if (v instanceof Int16Array) return new arrow.Int16();
  if (v instanceof Uint8Array) return new arrow.Uint8();
  if (v instanceof Uint16Array) return new arrow.Uint16();
  if (v instanceof Uint32Array) return new arrow.Uint32();
  return new arrow.Int32();
}

function arrowTypeOf(w: TypeWire, values: ArrayBufferView): arrow.DataType {
  if (w.dict) return new arrow.Dictionary(new arrow.Utf8(), indexType(values));
  if (w.large) return new arrow.LargeUtf8();
  if (w.timeUnit !== undefined) return new arrow.Timestamp(w.timeUnit, w.tz ?? null);
  if (w.dateUnit !== undefined) return new arrow.Date_(w.dateUnit);
  return arrowType(w.dtype);
}

/**
 * A column's buffers as plain data; `mapBuf` may swap a buffer (e.g. for a shared copy).
 * @example
 * const w = columnToWire(col, (v) => v); wireToColumn(w).toArray() // same values
 */
export function columnToWire(col: Column, mapBuf: <T extends ArrayBufferView>(v: T) => T): DataWire {
  const d = col.data;
  let dictionary: DataWire | null = null;
  if (arrow.DataType.isDictionary(d.type)) {
    const dv = d.dictionary as arrow.Vector;
    const dd = dv.data.length === 1 ? dv.data[0] : arrow.vectorFromArray([...dv] as (string | null)[], new arrow.Utf8()).data[0];
    dictionary = columnToWire(new Column(dd), mapBuf);
  }
  const offsets = (d.valueOffsets as Int32Array | BigInt64Array | undefined) ?? null;
  return {
    type: typeWire(col),
    length: d.length,
    nullCount: col.validity ? d.nullCount : 0,
    values: mapBuf(d.values as ArrayBufferView),
    validity: col.validity ? mapBuf(col.validity) : null,
    offsets: offsets && offsets.length ? mapBuf(offsets) : null,
    dictionary,
  };
}

/**
 * The Column over the buffers of a DataWire (no copy).
 * @example
 * wireToColumn(columnToWire(col, (v) => v))
 */
export function wireToColumn(w: DataWire): Column {
  const type = arrowTypeOf(w.type, w.values);
  const props: Record<string, unknown> = {
    type,
    length: w.length,
    nullCount: w.nullCount,
    nullBitmap: w.validity ?? undefined,
    data: w.values,
  };
  if (w.offsets) props.valueOffsets = w.offsets;
  if (w.dictionary) props.dictionary = arrow.makeVector(wireToColumn(w.dictionary).data);
  return new Column(arrow.makeData(props as unknown as Parameters<typeof arrow.makeData>[0]) as arrow.Data);
}

/**
 * An index as plain data.
 * @example
 * indexToWire(new RangeIndex(3), (v) => v) // { kind: 'range', start: 0, step: 1, size: 3, name: null }
 */
export function indexToWire(ix: Index, mapBuf: <T extends ArrayBufferView>(v: T) => T): IndexWire {
  if (ix instanceof RangeIndex) return { kind: 'range', start: ix.start, step: ix.step, size: ix.size, name: ix.name };
  if (ix instanceof MultiIndex) {
    return { kind: 'multi', levels: ix.levels.map((l) => columnToWire(l, mapBuf)), codes: ix.codes.map((c) => mapBuf(c)), names: ix.names };
  }
  return { kind: 'flat', labels: columnToWire(ix.column, mapBuf), name: ix.name };
}

/**
 * The Index of an IndexWire.
 * @example
 * wireToIndex({ kind: 'range', start: 0, step: 1, size: 3, name: null }) // RangeIndex(0..2)
 */
export function wireToIndex(w: IndexWire): Index {
  if (w.kind === 'range') return new RangeIndex(w.size, { start: w.start, step: w.step, name: w.name });
  if (w.kind === 'multi') return new MultiIndex(w.levels.map(wireToColumn), w.codes, w.names);
  return new Index(wireToColumn(w.labels), { name: w.name });
}
