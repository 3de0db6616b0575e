/**
 * Turning Arrow tables of several record batches (Parquet row groups, IPC batches) into gridframe
 * frames. Chunks are joined by the core `fromVector` (src/frame/column-concat.ts); this file adds what
 * only files carry: decimals as float64 and the stored index.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from '../frame/alloc.js';
import { Column } from '../frame/column.js';
import { fromVector } from '../frame/column-build.js';
import { joinValidity } from '../frame/column-concat.js';
import { DataFrame } from '../frame/dataframe.js';
import { ParseError } from '../errors.js';
import { utf8ToDictionary } from './utf8-dictionary.js';
import { parseIndexMeta, splitIndex, INDEX_META_KEY } from './frame-columns.js';

/**
 * One Column from the chunks of an Arrow vector.
 * @example
 * columnFromVector(table.getChild('a')!)
 */
export function columnFromVector(v: arrow.Vector): Column {
  const t = v.type;
  if (arrow.DataType.isDecimal(t)) return decimalToFloat64(v, t);
  return fromVector(v);
}

/**
 * Decimal columns (DuckDB, Spark and databases write them) become float64: the little-endian two's
 * complement words of each value are summed as doubles and divided by 10^scale.
 */
function decimalToFloat64(v: arrow.Vector, t: arrow.Decimal): Column {
  const n = v.length;
  const out = alloc(Float64Array, n);
  const words = t.bitWidth / 32;
  const scale = 10 ** t.scale;
  let row = 0;
  const parts: Column[] = [];
  for (const d of v.data) {
    const w = d.values as Uint32Array;
    const base = d.offset * words;
    for (let i = 0; i < d.length; i++) {
      const o = base + i * words;
      let x = (w[o + words - 1] | 0) * 2 ** (32 * (words - 1));
      for (let k = words - 2; k >= 0; k--) x += w[o + k] * 2 ** (32 * k);
      out[row + i] = x / scale;
    }
    parts.push(new Column(arrow.makeData({ type: new arrow.Float64(), length: d.length, nullCount: d.nullCount, nullBitmap: d.nullBitmap, data: out.subarray(row, row + d.length) })));
    row += d.length;
  }
  const validity = joinValidity(parts, n);
  const nulls = validity ? parts.reduce((s, c) => s + c.nullCount, 0) : 0;
  if (validity) for (let i = 0; i < n; i++) if (!((validity[i >> 3] >> (i & 7)) & 1)) out[i] = NaN;
  return new Column(arrow.makeData({ type: new arrow.Float64(), length: n, nullCount: nulls, nullBitmap: validity ?? undefined, data: out }));
}

/**
 * A DataFrame from an Arrow table; columns listed in the schema metadata `gridframe:index` (written by
 * toParquet/toArrowFile) become the index again.
 * @example
 * frameFromArrow(arrow.tableFromIPC(bytes))
 */
export function frameFromArrow(table: arrow.Table): DataFrame {
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((name, i) => {
    const v = table.getChildAt(i) as arrow.Vector;
    try {
      return columnFromVector(v);
    } catch (e) {
      throw new ParseError(`Column '${name}' has Arrow type ${String(v.type)}, which gridframe cannot hold (${e instanceof Error ? e.message : String(e)})`);
    }
  });
  return frameFromColumns(names, cols, table.schema.metadata);
}

/**
 * A DataFrame from named columns read from a file; low-cardinality plain strings become dictionaries
 * and the columns named in the metadata `gridframe:index` become the index.
 * @example
 * frameFromColumns(['a'], [col], new Map())
 */
export function frameFromColumns(names: readonly string[], columns: readonly Column[], metadata: ReadonlyMap<string, string>): DataFrame {
  // Low-cardinality strings stored plain (Parquet writers often declare them so) become dictionaries.
  const cols = columns.map((c) => (c.dtype === 'string' && !c.isDictionary ? utf8ToDictionary(c) ?? c : c));
  const parts = splitIndex([...names], cols, parseIndexMeta(metadata.get(INDEX_META_KEY)));
  return DataFrame.fromColumns(parts.names, parts.cols, parts.index);
}

/**
 * An Arrow table of the given columns with the index names in its metadata.
 * @example
 * arrowTable(['a'], [col], [])
 */
export function arrowTable(names: readonly string[], cols: readonly Column[], indexNames: readonly string[]): arrow.Table {
  return arrowTableOf(names, cols.map((c) => c.data), indexNames);
}

/**
 * An Arrow table of Arrow data of equal lengths, with the index names in its metadata.
 * @example
 * arrowTableOf(['a'], [col.data], [])
 */
export function arrowTableOf(names: readonly string[], datas: readonly arrow.Data[], indexNames: readonly string[]): arrow.Table {
  const fields = names.map((nm, i) => new arrow.Field(nm, datas[i].type, true));
  const meta = new Map<string, string>();
  if (indexNames.length) meta.set(INDEX_META_KEY, JSON.stringify(indexNames));
  const schema = new arrow.Schema(fields, meta);
  const n = datas.length ? datas[0].length : 0;
  const struct = arrow.makeData({ type: new arrow.Struct(fields), length: n, nullCount: 0, children: [...datas] });
  return new arrow.Table(schema, [new arrow.RecordBatch(schema, struct)]);
}
