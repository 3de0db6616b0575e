/**
 * parquet-wasm, loaded on first use: instantiating its WebAssembly module costs ~35 ms that
 * `import 'gridframe'` should not pay. Its Node build is CommonJS, so it loads synchronously and the
 * readers and writers keep their synchronous byte-level functions.
 * @module
 */
import { createRequire } from 'node:module';

/** The parquet-wasm module. */
export type ParquetWasm = typeof import('parquet-wasm');

let mod: ParquetWasm | undefined;

/**
 * The parquet-wasm module (loaded the first time this is called).
 * @example
 * const { readSchema } = parquetWasm();
 */
export function parquetWasm(): ParquetWasm {
  mod ??= createRequire(import.meta.url)('parquet-wasm') as ParquetWasm;
  return mod;
}
