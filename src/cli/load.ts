/**
 * Opening any supported file as a DataFrame (tables) or a Dataset (NetCDF/HDF5), with a progress
 * callback for the table readers.
 * @module
 */
import type { DataFrame } from '../frame/dataframe.js';
import { readCsv } from '../io/csv-read.js';
import { readParquet } from '../io/parquet-read.js';
import { readArrow } from '../io/arrow-ipc.js';
import { readJson } from '../io/json-read.js';
import { openDataset } from '../nd/index.js';
import type { Dataset } from '../nd/index.js';
import { readText, wordCounts } from './text.js';
import { isArrayFormat, sniffFormat, type Format } from './formats.js';

/** A progress callback: bytes done and total. */
export type Progress = (done: number, total: number) => void;

/** An opened file: a table, or a dataset of N-d arrays. */
export type Opened =
  | { kind: 'table'; format: Format; df: DataFrame }
  | { kind: 'dataset'; format: Format; ds: Dataset }
  | { kind: 'text'; format: Format; text: string };

/**
 * Opens a file of any supported format.
 * @example
 * const f = await openAny('titanic.csv');
 */
export async function openAny(path: string, onProgress?: Progress): Promise<Opened> {
  const format = await sniffFormat(path);
  if (isArrayFormat(format)) return { kind: 'dataset', format, ds: await openDataset(path) };
  if (format === 'text') return { kind: 'text', format, text: await readText(path) };
  return { kind: 'table', format, df: await readTable(path, format, onProgress) };
}

/** Reads a table file of a known format. */
export async function readTable(path: string, format: Format, onProgress?: Progress): Promise<DataFrame> {
  switch (format) {
    case 'csv': return readCsv(path, { onProgress });
    case 'tsv': return readCsv(path, { sep: '\t', onProgress });
    case 'parquet': return readParquet(path, { onProgress });
    case 'arrow': case 'arrows': return readArrow(path);
    case 'json': return readJson(path);
    case 'jsonl': return readJson(path, { lines: true });
    default: throw new Error(`${format} is not a table format`);
  }
}

/**
 * Opens a file as a table; NetCDF/HDF5 datasets become one through `toDataFrame()`, texts their word counts.
 * @example
 * const df = await openAsTable('tas.nc');
 */
export async function openAsTable(path: string, onProgress?: Progress): Promise<DataFrame> {
  const o = await openAny(path, onProgress);
  if (o.kind === 'text') return wordCounts(o.text);
  return o.kind === 'table' ? o.df : o.ds.toDataFrame();
}
