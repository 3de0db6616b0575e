/**
 * Table I/O: CSV, Parquet, Arrow IPC and JSON readers (writers are DataFrame methods: toCsv,
 * toParquet, toArrowFile, toJson). NetCDF/HDF5 readers are exported from src/nd.
 * @module
 */
export { readCsv, parseCsvBytes } from './csv-read.js';
export { readCsvChunks } from './csv-chunks.js';
export { DEFAULT_NA_VALUES, type ReadCsvOptions, type ReadCsvChunksOptions, type OnBadLines } from './csv-options.js';
export type { ToCsvOptions } from './csv-write.js';
export { readParquet, parquetBytesToFrame, type ReadParquetOptions } from './parquet-read.js';
export { parquetBytes, type ToParquetOptions, type ParquetCompression } from './parquet-write.js';
export { readArrow, arrowBytesToFrame, type ReadArrowOptions, type ToArrowOptions } from './arrow-ipc.js';
export { readJson, type ReadJsonOptions } from './json-read.js';
export type { ToJsonOptions } from './json-write.js';
export type { ProgressCallback, ProgressOptions } from './progress.js';
