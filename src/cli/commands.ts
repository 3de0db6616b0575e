/**
 * The CLI's commands as plain async functions returning text (main.ts wires them to commander), so
 * tests call them without spawning a process.
 * @module
 */
import { inspect } from 'node:util';
import { GridframeError } from '../errors.js';
import { formatFromPath } from './formats.js';
import { textInfo } from './text.js';
import { openAny, type Progress } from './load.js';
import { wordCounts } from './text.js';

/**
 * `gridframe info FILE`: schema and shape of a table, or dims/coords/variables/attrs of a dataset.
 * @example
 * console.log(await infoCommand('titanic.csv'));
 */
export async function infoCommand(path: string, onProgress?: Progress): Promise<string> {
  const o = await openAny(path, onProgress);
  if (o.kind === 'dataset') return `format: ${o.format}\n${inspect(o.ds)}`;
  if (o.kind === 'text') return `format: text\n${textInfo(o.text)}`;
  return `format: ${o.format}\nshape: (${o.df.shape[0]}, ${o.df.shape[1]})\n${o.df.info()}`;
}

/**
 * `gridframe head FILE -n N`: the first rows (of the dataset's table form for NetCDF/HDF5).
 * @example
 * console.log(await headCommand('titanic.csv', 5));
 */
export async function headCommand(path: string, n: number, onProgress?: Progress): Promise<string> {
  if (!Number.isInteger(n) || n < 0) throw new GridframeError(`-n must be a non-negative integer, got ${n}`);
  const o = await openAny(path, onProgress);
  if (o.kind === 'text') return o.text.split(/\r?\n/).slice(0, n).join('\n');
  const df = o.kind === 'table' ? o.df : o.ds.toDataFrame();
  return inspect(df.head(n));
}

/**
 * `gridframe describe FILE`: summary statistics of the numeric columns.
 * @example
 * console.log(await describeCommand('titanic.csv'));
 */
export async function describeCommand(path: string, onProgress?: Progress): Promise<string> {
  const o = await openAny(path, onProgress);
  if (o.kind === 'text') {
    const wc = wordCounts(o.text);
    return `${inspect(wc.head(10))}\n${inspect(wc.describe())}`;
  }
  return inspect((o.kind === 'table' ? o.df : o.ds.toDataFrame()).describe());
}

/**
 * `gridframe convert IN OUT`: between CSV, TSV, Parquet, Arrow (file/stream) and JSON (records/lines);
 * NetCDF/HDF5 inputs become tables through toDataFrame, or NetCDF again when OUT ends in .nc.
 * @example
 * await convertCommand('titanic.csv', 'titanic.parquet');
 */
export async function convertCommand(input: string, output: string, onProgress?: Progress): Promise<string> {
  const outFormat = formatFromPath(output);
  const o = await openAny(input, onProgress);
  if (outFormat === 'netcdf4' || outFormat === 'netcdf3') {
    if (o.kind !== 'dataset') throw new GridframeError('Writing NetCDF needs a NetCDF/HDF5 input (a table has no dimensions to write)');
    await o.ds.toNetcdf(output, { format: outFormat === 'netcdf3' ? 'NETCDF3_64BIT' : 'NETCDF4' });
    return `wrote ${output}`;
  }
  const df = o.kind === 'dataset' ? o.ds.toDataFrame().resetIndex() : o.kind === 'text' ? wordCounts(o.text) : o.df;
  switch (outFormat) {
    case 'csv': await df.toCsv(output); break;
    case 'tsv': await df.toCsv(output, { sep: '\t' }); break;
    case 'parquet': await df.toParquet(output); break;
    case 'arrow': await df.toArrowFile(output); break;
    case 'arrows': await df.toArrowFile(output, { format: 'stream' }); break;
    case 'json': await df.toJson(output); break;
    case 'jsonl': await df.toJson(output, { lines: true }); break;
    default: throw new GridframeError(`Cannot write ${outFormat}`);
  }
  return `wrote ${output} (${df.shape[0]} rows x ${df.shape[1]} columns)`;
}
