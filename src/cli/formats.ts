/**
 * File formats the CLI knows, detected from the file's first bytes (NetCDF/HDF5/Parquet/Arrow have
 * magic numbers) and otherwise from its extension.
 * @module
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { GridframeError } from '../errors.js';

/** A table or array file format. */
export type Format = 'text' | 'csv' | 'tsv' | 'parquet' | 'arrow' | 'arrows' | 'json' | 'jsonl' | 'netcdf3' | 'netcdf4' | 'hdf5';

const BY_EXT: Record<string, Format> = {
  '.csv': 'csv', '.txt': 'text', '.tsv': 'tsv', '.tab': 'tsv',
  '.parquet': 'parquet', '.pq': 'parquet',
  '.arrow': 'arrow', '.feather': 'arrow', '.ipc': 'arrow', '.arrows': 'arrows',
  '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.nc': 'netcdf4', '.nc4': 'netcdf4', '.cdf': 'netcdf3',
  '.h5': 'hdf5', '.hdf5': 'hdf5', '.he5': 'hdf5',
};

/** The format to write, from the output path's extension. */
export function formatFromPath(path: string): Format {
  const f = BY_EXT[extname(path).toLowerCase()];
  if (!f) throw new GridframeError(`Unknown file type '${extname(path) || path}': use .txt, .csv, .tsv, .parquet, .arrow, .arrows, .json, .jsonl or .nc`);
  return f;
}

/**
 * The format of an existing file: magic bytes first, then the extension. A missing file raises a
 * one-line error.
 * @example
 * await sniffFormat('data.nc') // 'netcdf4'
 */
export async function sniffFormat(path: string): Promise<Format> {
  let head: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      head = Buffer.alloc(8);
      const { bytesRead } = await fh.read(head, 0, 8, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GridframeError(`No such file: ${path}`);
    if (code === 'EISDIR') throw new GridframeError(`${path} is a directory, not a file`);
    throw new GridframeError(`Cannot read ${path}: ${(e as Error).message}`);
  }
  const ascii = head.toString('latin1');
  if (ascii.startsWith('CDF')) return 'netcdf3';
  if (ascii.startsWith('\x89HDF')) {
    const ext = extname(path).toLowerCase();
    return ext === '.h5' || ext === '.hdf5' || ext === '.he5' ? 'hdf5' : 'netcdf4';
  }
  if (ascii.startsWith('PAR1')) return 'parquet';
  if (ascii.startsWith('ARROW1')) return 'arrow';
  const byExt = BY_EXT[extname(path).toLowerCase()];
  if (byExt === 'netcdf4' || byExt === 'netcdf3' || byExt === 'hdf5') {
    throw new GridframeError(`${path} is not a NetCDF/HDF5 file (no CDF or HDF5 signature at its start)`);
  }
  if (byExt === 'parquet') throw new GridframeError(`${path} is not a Parquet file (no PAR1 signature)`);
  return byExt ?? 'csv';
}

/** True for formats that hold labelled N-d arrays rather than a table. */
export function isArrayFormat(f: Format): boolean {
  return f === 'netcdf3' || f === 'netcdf4' || f === 'hdf5';
}
