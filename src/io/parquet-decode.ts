/**
 * Decoding one Parquet file in memory with parquet-wasm's synchronous reader (its panics on corrupt
 * pages are thrown to the caller, and the module keeps working) into gridframe columns: through the C
 * Data Interface (parquet-ffi.ts, one copy out of wasm memory) or, for column types that path does
 * not handle, through Arrow IPC and apache-arrow.
 * @module
 */
import * as arrow from 'apache-arrow';
import type { Table as WasmTable } from 'parquet-wasm';
import { ParseError } from '../errors.js';
import type { Column } from '../frame/column.js';
import { columnFromVector } from './arrow-concat.js';
import { wasmTableColumns, type ColumnTargets } from './parquet-ffi.js';
import { footerLength } from './parquet-footer.js';
import { parquetWasm } from './parquet-wasm.js';

/** Rows per decoded batch: large, as parquet-wasm's default of 1024 rows is slow. */
const BATCH_ROWS = 1 << 20;

/** Parts smaller than this are read into fresh buffers. */
const SCRATCH_MIN = 16 << 20;
/** How long a part buffer is kept for the next read. */
const SCRATCH_KEEP_MS = 5000;
let scratch: Uint8Array | undefined;
let scratchTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * A buffer of at least `size` bytes for a part about to be copied into wasm memory: the one a read of
 * the last few seconds gave back when it is large enough and not much larger, else a new one (undefined
 * for small parts: allocate). Reusing it spares the page faults of a fresh 100 MB buffer on repeated
 * reads. One user at a time: taking it clears it until `releaseScratch`.
 * @example
 * const buf = takeScratch(plan.size);
 */
export function takeScratch(size: number): Uint8Array | undefined {
  const b = scratch;
  scratch = undefined;
  if (size < SCRATCH_MIN) return undefined;
  return b && b.length >= size && b.length <= size * 1.5 ? b : new Uint8Array(Math.ceil(size * 1.25));
}

/**
 * Gives a part buffer back for the next read; it is dropped after SCRATCH_KEEP_MS (an unref'd timer,
 * never keeping the process alive).
 * @example
 * releaseScratch(buf);
 */
export function releaseScratch(b: Uint8Array): void {
  if (b.buffer.byteLength < SCRATCH_MIN || b.buffer instanceof SharedArrayBuffer) return;
  scratch = new Uint8Array(b.buffer);
  clearTimeout(scratchTimer);
  scratchTimer = setTimeout(() => {
    scratch = undefined;
  }, SCRATCH_KEEP_MS);
  scratchTimer.unref();
}

/**
 * Resolves once the event loop has turned: a task just given to the worker pool is posted to its worker
 * (argument encoding and the pool's dispatch run in promise callbacks), so the worker starts on it
 * before this thread goes into synchronous work. Without it the worker's part began only after the main
 * thread's part, one after the other.
 * @example
 * const theirs = runInWorker(task, args); await handOff(); doMyPart();
 */
export function handOff(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The message of anything thrown (parquet-wasm throws strings). */
export function message(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : JSON.stringify(e) ?? String(e);
}

/**
 * The footer of a file as a file of its own ("PAR1", footer, length, "PAR1"), so reading the schema does
 * not copy the whole file into wasm memory; the bytes themselves when they have no valid tail.
 */
function footerOnly(bytes: Uint8Array): Uint8Array {
  let len: number;
  try {
    len = footerLength(bytes.subarray(Math.max(0, bytes.length - 8)), bytes.length);
  } catch {
    return bytes;
  }
  const out = new Uint8Array(len + 12);
  out.set(bytes.subarray(0, 4), 0);
  out.set(bytes.subarray(bytes.length - 8 - len), 4);
  return out;
}

/**
 * The Arrow schema of a Parquet file (from its footer).
 * @example
 * parquetSchema(bytes).fields.map((f) => f.name)
 */
export function parquetSchema(bytes: Uint8Array, what = 'input'): arrow.Schema {
  try {
    return arrow.tableFromIPC(parquetWasm().readSchema(footerOnly(bytes)).intoIPCStream()).schema;
  } catch (e) {
    throw new ParseError(`${what} is not a valid Parquet file (truncated or corrupt?): ${message(e)}`);
  }
}

/**
 * Every column of a Parquet file in memory, with its Arrow schema (fixed-width columns copied into
 * `targets` when given, see parquet-ffi.ts).
 * @example
 * const { schema, cols } = decodeParquet(bytes);
 */
export function decodeParquet(bytes: Uint8Array, what = 'input', targets?: ColumnTargets): { schema: arrow.Schema; cols: Column[] } {
  const schema = parquetSchema(bytes, what);
  const pw = parquetWasm();
  let table: WasmTable;
  try {
    table = pw.readParquet(bytes, { batchSize: BATCH_ROWS });
  } catch (e) {
    throw new ParseError(`Cannot read Parquet ${what} (truncated or corrupt?): ${message(e)}`);
  }
  let cols: Column[] | null;
  try {
    cols = wasmTableColumns(pw, table, schema, targets);
  } catch (e) {
    table.free();
    throw new ParseError(`Cannot read Parquet ${what}: ${message(e)}`);
  }
  if (cols) {
    table.free();
    return { schema, cols };
  }
  // intoIPCStream consumes the table.
  const t = arrow.tableFromIPC(table.intoIPCStream());
  return {
    schema,
    cols: schema.fields.map((f, i) => {
      const v = t.getChildAt(i) as arrow.Vector;
      try {
        return columnFromVector(v);
      } catch (e) {
        throw new ParseError(`Column '${f.name}' has Arrow type ${String(v.type)}, which gridframe cannot hold (${message(e)})`);
      }
    }),
  };
}
