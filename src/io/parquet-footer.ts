/**
 * Parquet file layout from the footer (Thrift FileMetaData), and new files assembled from the column
 * chunks of others without re-encoding them:
 * - `subsetFile`: only some top-level columns and row groups of a file (column projection that reads
 *   and decodes only the selected column chunks, and the halves of a parallel read);
 * - `joinFiles`: files of one schema, one after the other (the halves of a parallel write).
 * Chunks move to new positions, so their offsets are shifted; page-index and bloom-filter references are
 * dropped (optional structures whose own absolute offsets would need rewriting too).
 *
 * FileMetaData fields: 2 schema, 3 num_rows, 4 row_groups, 5 key_value_metadata, 7 column_orders.
 * RowGroup: 1 columns, 3 num_rows, 5 file_offset, 7 ordinal. ColumnChunk: 2 file_offset, 3 meta_data,
 * 4-7 page index. ColumnMetaData: 7 total_compressed_size, 9 data_page_offset, 10 index_page_offset,
 * 11 dictionary_page_offset, 14-15 bloom filter. SchemaElement: 4 name, 5 num_children.
 * @module
 */
import * as arrow from 'apache-arrow';
import { ParseError } from '../errors.js';
import { T, decodeStruct, encodeStruct, field, setField, type TList, type TStruct } from './parquet-thrift.js';

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** A decoded footer and where it starts in the file. */
export interface Footer {
  meta: TStruct;
  /** Byte offset of the Thrift footer (the column chunks lie before it). */
  start: number;
}

/** One column chunk's bytes in the file. */
export interface ChunkRange { start: number; length: number }

/** The file's layout: top-level columns (with their leaf columns) and row groups (with chunk ranges). */
export interface Layout {
  names: string[];
  /** Leaf column indexes [first, end) of each top-level column. */
  leaves: [number, number][];
  rowGroups: { rows: number; chunks: ChunkRange[] }[];
}

const bad = (why: string): ParseError => new ParseError(`not a valid Parquet file (truncated or corrupt?): ${why}`);

/**
 * The Thrift footer length from the last 8 bytes of a file (`tail`), checked against the file size.
 * @example
 * footerLength(last8, size)
 */
export function footerLength(tail: Uint8Array, size: number): number {
  if (size < 12 || tail.length < 8) throw bad('too short');
  for (let i = 0; i < 4; i++) if (tail[tail.length - 4 + i] !== MAGIC[i]) throw bad('no PAR1 magic at the end');
  const len = new DataView(tail.buffer, tail.byteOffset + tail.length - 8, 4).getUint32(0, true);
  if (len + 12 > size) throw bad(`footer length ${len} is larger than the file`);
  return len;
}

/**
 * Decodes the footer of a whole file in memory.
 * @example
 * const { meta } = readFooter(bytes);
 */
export function readFooter(bytes: Uint8Array): Footer {
  const len = footerLength(bytes.subarray(Math.max(0, bytes.length - 8)), bytes.length);
  for (let i = 0; i < 4; i++) if (bytes[i] !== MAGIC[i]) throw bad('no PAR1 magic at the start');
  const start = bytes.length - 8 - len;
  return { meta: decodeStruct(bytes, start, start + len), start };
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : NaN);
const list = (s: TStruct, id: number): TList => {
  const v = field(s, id);
  if (typeof v !== 'object' || v === null || !('items' in v)) throw bad(`footer field ${id} is missing`);
  return v;
};
const structs = (l: TList): TStruct[] => l.items.map((x) => {
  if (typeof x !== 'object' || x === null || !('fields' in x)) throw bad('footer list of structs holds something else');
  return x;
});

function chunkRange(chunk: TStruct, dataEnd: number): ChunkRange {
  const md = field(chunk, 3);
  if (typeof md !== 'object' || md === null || !('fields' in md)) throw bad('a column chunk has no metadata (or lives in another file)');
  const data = num(field(md, 9));
  const dict = num(field(md, 11));
  const start = dict > 0 && dict < data ? dict : data;
  const length = num(field(md, 7));
  if (!(start >= 4 && length >= 0 && start + length <= dataEnd)) throw bad(`a column chunk lies outside the file (${start}+${length})`);
  return { start, length };
}

/**
 * Top-level columns, their leaves, and the row groups' chunk ranges.
 * @example
 * layoutOf(readFooter(bytes)).rowGroups.length
 */
export function layoutOf(f: Footer): Layout {
  const schema = structs(list(f.meta, 2));
  if (schema.length === 0) throw bad('empty schema');
  const names: string[] = [];
  const leaves: [number, number][] = [];
  let el = 1;
  let leaf = 0;
  // Walks one subtree; returns after its last element.
  const walk = (depth: number): void => {
    if (el >= schema.length || depth > 64) throw bad('schema tree is inconsistent');
    const kids = num(field(schema[el++], 5));
    if (!(kids > 0)) { leaf++; return; }
    for (let k = 0; k < kids; k++) walk(depth + 1);
  };
  const top = num(field(schema[0], 5));
  for (let i = 0; i < top; i++) {
    const nm = field(schema[el] ?? { fields: [] }, 4);
    names.push(nm instanceof Uint8Array ? decoder.decode(nm) : '');
    const first = leaf;
    walk(0);
    leaves.push([first, leaf]);
  }
  if (el !== schema.length) throw bad('schema tree is inconsistent');
  const rowGroups = structs(list(f.meta, 4)).map((rg) => {
    const chunks = structs(list(rg, 1)).map((c) => chunkRange(c, f.start));
    if (chunks.length !== leaf) throw bad('a row group has the wrong number of column chunks');
    return { rows: num(field(rg, 3)), chunks };
  });
  return { names, leaves, rowGroups };
}

/** Shifts a chunk's offsets by `delta` and drops its page-index and bloom-filter references. */
function moveChunk(chunk: TStruct, delta: number): TStruct {
  const out: TStruct = { fields: chunk.fields.filter((x) => x.id < 4 || x.id > 7) };
  const shift = (s: TStruct, id: number): void => {
    const v = field(s, id);
    if (typeof v === 'bigint' && v > 0n) setField(s, id, T.I64, v + BigInt(delta));
  };
  shift(out, 2);
  const md = field(out, 3) as TStruct;
  const md2: TStruct = { fields: md.fields.filter((x) => x.id !== 14 && x.id !== 15) };
  for (const id of [9, 10, 11]) shift(md2, id);
  setField(out, 3, T.STRUCT, md2);
  return out;
}

/** The finished file: "PAR1", the chunk bytes, the footer, its length, "PAR1". */
function assemble(body: readonly Uint8Array[], meta: TStruct): Uint8Array[] {
  const foot = encodeStruct(meta);
  const tail = new Uint8Array(8);
  new DataView(tail.buffer).setUint32(0, foot.length, true);
  tail.set(MAGIC, 4);
  return [Uint8Array.from(MAGIC), ...body, foot, tail];
}

/** Concatenates byte pieces into one buffer. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A file to assemble: "PAR1", then the bytes of `chunks` (ranges of the source file) in order, then `footer`. */
export interface SubsetPlan {
  chunks: ChunkRange[];
  /** The Thrift footer, its length and the closing "PAR1". */
  footer: Uint8Array;
  /** Total size of the file. */
  size: number;
}

/**
 * The plan of a file holding only the top-level columns `keep` (indexes, in the order wanted) of row
 * groups `groups`; `arrowSchema` (base64 of the selected fields' Arrow schema) replaces the ARROW:schema
 * metadata when the file has one (null drops it).
 * @example
 * const plan = subsetFile(footer, layout, [0, 2], [1], null);
 */
export function subsetFile(f: Footer, layout: Layout, keep: readonly number[], groups: readonly number[], arrowSchema: string | null): SubsetPlan {
  const meta: TStruct = { fields: f.meta.fields.map((x) => ({ ...x })) };
  const schema = structs(list(f.meta, 2));
  // Schema elements of each top-level column: from its first element to the next column's.
  const starts: number[] = [];
  let el = 1;
  for (let i = 0; i < layout.names.length; i++) {
    starts.push(el);
    let pending = 1;
    while (pending > 0) {
      pending--;
      const kids = num(field(schema[el++], 5));
      if (kids > 0) pending += kids;
    }
  }
  starts.push(schema.length);
  const root: TStruct = { fields: schema[0].fields.map((x) => ({ ...x })) };
  setField(root, 5, T.I32, keep.length);
  const newSchema = [root, ...keep.flatMap((c) => schema.slice(starts[c], starts[c + 1]))];
  setField(meta, 2, T.LIST, { elem: T.STRUCT, items: newSchema });
  const leafIdx = keep.flatMap((c) => Array.from({ length: layout.leaves[c][1] - layout.leaves[c][0] }, (_, k) => layout.leaves[c][0] + k));
  const orders = field(f.meta, 7);
  if (orders && typeof orders === 'object' && 'items' in orders) setField(meta, 7, T.LIST, { elem: orders.elem, items: leafIdx.map((i) => orders.items[i]) });
  const ranges: ChunkRange[] = [];
  let pos = 4;
  let rows = 0;
  const allGroups = structs(list(f.meta, 4));
  const newGroups = groups.map((g, ordinal) => {
    const rg = allGroups[g];
    const chunks = structs(list(rg, 1));
    const out: TStruct = { fields: rg.fields.map((x) => ({ ...x })) };
    const firstPos = pos;
    const moved = leafIdx.map((li) => {
      const r = layout.rowGroups[g].chunks[li];
      ranges.push(r);
      const c = moveChunk(chunks[li], pos - r.start);
      pos += r.length;
      return c;
    });
    setField(out, 1, T.LIST, { elem: T.STRUCT, items: moved });
    if (field(out, 5) !== undefined) setField(out, 5, T.I64, BigInt(firstPos));
    if (field(out, 6) !== undefined) setField(out, 6, T.I64, BigInt(pos - firstPos));
    if (field(out, 7) !== undefined) setField(out, 7, T.I16, ordinal);
    rows += layout.rowGroups[g].rows;
    return out;
  });
  setField(meta, 4, T.LIST, { elem: T.STRUCT, items: newGroups });
  setField(meta, 3, T.I64, BigInt(rows));
  withArrowSchema(meta, arrowSchema);
  const footer = concatBytes(assemble([], meta).slice(1));
  return { chunks: ranges, footer, size: pos + footer.length };
}

/**
 * The bytes of a planned file, in `into` (when it is large enough) or a new buffer; `readInto(dst, at,
 * range)` fills `dst[at..at + range.length)` with the source bytes of a chunk.
 * @example
 * const bytes = materialize(plan, (dst, at, r) => dst.set(src.subarray(r.start, r.start + r.length), at));
 */
export function materialize(plan: SubsetPlan, readInto: (dst: Uint8Array, at: number, r: ChunkRange) => void, into?: Uint8Array): Uint8Array {
  const out = into && into.length >= plan.size ? into.subarray(0, plan.size) : new Uint8Array(plan.size);
  out.set(MAGIC, 0);
  let at = 4;
  for (const r of plan.chunks) {
    readInto(out, at, r);
    at += r.length;
  }
  out.set(plan.footer, at);
  return out;
}

/**
 * An Arrow schema as Parquet keeps it in the ARROW:schema metadata (base64 of the IPC schema message),
 * or null when apache-arrow cannot serialise it.
 * @example
 * arrowSchemaBase64(table.schema)
 */
export function arrowSchemaBase64(schema: arrow.Schema): string | null {
  const meta = new Map([...schema.metadata].filter(([k]) => k !== 'ARROW:schema'));
  try {
    const ipc = arrow.tableToIPC(new arrow.Table(new arrow.Schema(schema.fields, meta)), 'stream');
    // The stream is the schema message then an 8-byte end marker.
    return Buffer.from(ipc.subarray(0, ipc.length - 8)).toString('base64');
  } catch {
    return null;
  }
}

/** The key-value metadata list with ARROW:schema replaced by `arrowSchema` (dropped when null). */
function withArrowSchema(meta: TStruct, arrowSchema: string | null): void {
  const kv = field(meta, 5);
  if (!kv || typeof kv !== 'object' || !('items' in kv)) return;
  const items = structs(kv).flatMap((e) => {
    const k = field(e, 1);
    if (!(k instanceof Uint8Array) || decoder.decode(k) !== 'ARROW:schema') return [e];
    return arrowSchema === null ? [] : [{ fields: [{ id: 1, type: T.BINARY, value: k }, { id: 2, type: T.BINARY, value: encoder.encode(arrowSchema) }] }];
  });
  setField(meta, 5, T.LIST, { elem: T.STRUCT, items });
}

/**
 * One file holding the row groups of `files` in order (same schema; the first file's metadata kept,
 * its ARROW:schema replaced by `arrowSchema` when given).
 * @example
 * const bytes = concatBytes(joinFiles([partA, partB]));
 */
export function joinFiles(files: readonly Uint8Array[], arrowSchema?: string): Uint8Array[] {
  const footers = files.map((b) => readFooter(b));
  const meta: TStruct = { fields: footers[0].meta.fields.map((x) => ({ ...x })) };
  const body: Uint8Array[] = [];
  const groups: TStruct[] = [];
  let pos = 4;
  let rows = 0n;
  files.forEach((bytes, i) => {
    const f = footers[i];
    const delta = pos - 4;
    for (const rg of structs(list(f.meta, 4))) {
      const out: TStruct = { fields: rg.fields.map((x) => ({ ...x })) };
      setField(out, 1, T.LIST, { elem: T.STRUCT, items: structs(list(rg, 1)).map((c) => moveChunk(c, delta)) });
      const fo = field(out, 5);
      if (typeof fo === 'bigint') setField(out, 5, T.I64, fo + BigInt(delta));
      if (field(out, 7) !== undefined) setField(out, 7, T.I16, groups.length);
      groups.push(out);
    }
    const n = field(f.meta, 3);
    rows += typeof n === 'bigint' ? n : 0n;
    body.push(bytes.subarray(4, f.start));
    pos += f.start - 4;
  });
  setField(meta, 4, T.LIST, { elem: T.STRUCT, items: groups });
  setField(meta, 3, T.I64, rows);
  if (arrowSchema !== undefined) withArrowSchema(meta, arrowSchema);
  return assemble(body, meta);
}

