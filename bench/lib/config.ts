/**
 * Benchmark configuration: sizes per mode, workload and contender names, data paths.
 * @module
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Quick (CI smoke, small inputs) or full (the sizes of issue 3). */
export type Mode = 'quick' | 'full';

/** Input sizes of one mode. */
export interface Sizes {
  /** Rows of the main table (int key, string key, v, w). */
  rows: number;
  /** Distinct values of the int key. */
  intGroups: number;
  /** Distinct values of the string key. */
  strKeys: number;
  /** Rows of the pivotTable input, and its index / column cardinalities. */
  pivotRows: number;
  pivotIndex: number;
  pivotCols: number;
  /** Rows of the join table; its distinct keys are drawn from [0, joinKeySpace), so about joinRows/joinKeySpace of the main rows match. */
  joinRows: number;
  joinKeySpace: number;
  /** Rows of the mixed-type CSV. */
  csvRows: number;
  /** Wide table for melt/pivot: rows x value columns. */
  wideRows: number;
  wideCols: number;
  /** Distance matrices: [rowsX, rowsY, dims] for d=3 and d=64. */
  cdist3: [number, number, number];
  cdist64: [number, number, number];
  /** Noisy power-law rows and points per row. */
  fitRows: number;
  fitPoints: number;
  /** NetCDF files used (first n of ../shared/datasets/hpda-python/tas*.nc). */
  ncFiles: number;
}

/** Sizes per mode. Full mode is what issue 3 specifies. */
export const SIZES: Record<Mode, Sizes> = {
  full: {
    rows: 10_000_000, intGroups: 1_000, strKeys: 100_000,
    pivotRows: 1_000_000, pivotIndex: 1_000, pivotCols: 20,
    joinRows: 100_000, joinKeySpace: 150_000,
    csvRows: 1_000_000, wideRows: 200_000, wideCols: 20,
    cdist3: [5000, 5000, 3], cdist64: [2000, 2000, 64],
    fitRows: 10_000, fitPoints: 20, ncFiles: 11,
  },
  quick: {
    rows: 20_000, intGroups: 100, strKeys: 1_000,
    pivotRows: 10_000, pivotIndex: 50, pivotCols: 10,
    joinRows: 500, joinKeySpace: 1_500,
    csvRows: 5_000, wideRows: 2_000, wideCols: 5,
    cdist3: [300, 200, 3], cdist64: [100, 80, 64],
    fitRows: 100, fitPoints: 20, ncFiles: 2,
  },
};

/** The workloads, in report order. */
export const WORKLOADS = [
  'groupby-int', 'groupby-str', 'pivot-table', 'csv-read', 'csv-chunked', 'parquet-write', 'parquet-read', 'sort',
  'filter-arith', 'join', 'transform', 'melt-pivot', 'cdist-3-euclidean', 'cdist-3-cityblock',
  'cdist-64-euclidean', 'curve-fit', 'netcdf', 'netcdf-chunked',
] as const;
/** One workload name. */
export type WorkloadId = (typeof WORKLOADS)[number];

/** One line describing each workload (for the report). */
export const WORKLOAD_TEXT: Record<WorkloadId, string> = {
  'groupby-int': 'groupby int key (rows, groups): mean, sum, count of v',
  'groupby-str': 'groupby string key: mean of v',
  'pivot-table': 'pivotTable: mean of x by index a x columns b',
  'csv-read': 'read CSV of mixed types (int, float, string, bool, date)',
  'csv-chunked': 'read a ~1 GB CSV (int, float, string, bool) in chunks of 100,000 rows with flat memory: row count, sum of x, count of true flags (node children capped at --max-old-space-size=256)',
  'parquet-write': 'write the main table to Parquet (snappy)',
  'parquet-read': 'read the main table from Parquet',
  sort: 'sort the main table by float column v (all columns gathered)',
  'filter-arith': 'z = v*w+1, keep rows where v > 0 (all columns)',
  join: 'inner join of the main table with the join table on the string key',
  transform: 'groupby transform: (v - mean) / std per int key',
  'melt-pivot': 'melt a wide table to long form and pivot it back',
  'cdist-3-euclidean': 'cdist euclidean, d=3',
  'cdist-3-cityblock': 'cdist cityblock, d=3',
  'cdist-64-euclidean': 'cdist euclidean, d=64',
  'curve-fit': 'per-row power-law fits a*x^b (fitRows vs pandas apply + scipy curve_fit)',
  netcdf: 'NetCDF: open tas*.nc, time mean and annual means',
  'netcdf-chunked': 'NetCDF: open a ~2 GB NetCDF4 tas(time, lat, lon) with chunks of 120 months, time mean with flat memory (node children capped at --max-old-space-size=256)',
};

/**
 * Per-workload settings of the harness (generic: any workload may use them).
 * - nodeArgs: extra flags of the Node child process that runs a JavaScript contender on this workload
 *   (full mode), e.g. a V8 heap cap; a flag given here replaces the harness's default of the same name
 *   (such as --max-old-space-size=16384). Not applied in the in-process quick mode.
 * - timeoutS: the per-cell time limit of this workload when it is above --timeout (long streaming reads).
 * - inputs: input files whose total size the report prints beside the workload's peak memory.
 */
export interface WorkloadSettings {
  nodeArgs?: string[];
  timeoutS?: number;
  inputs?: (mode: Mode) => string[];
}

/** Settings of the workloads that need any (see WorkloadSettings). */
export const WORKLOAD_SETTINGS: Partial<Record<WorkloadId, WorkloadSettings>> = {
  'csv-chunked': { nodeArgs: ['--max-old-space-size=256'], timeoutS: 400, inputs: (mode) => [path.join(dataDir(mode), 'chunked.csv')] },
  'netcdf-chunked': { nodeArgs: ['--max-old-space-size=256'], timeoutS: 400, inputs: (mode) => [path.join(dataDir(mode), 'chunked.nc')] },
};

/** The contenders, in report order; gridframe first. */
export const CONTENDERS = ['gridframe', 'loop', 'polars', 'duckdb', 'arquero', 'pandas'] as const;
/** One contender name. */
export type ContenderId = (typeof CONTENDERS)[number];

/** What each contender is. */
export const CONTENDER_TEXT: Record<ContenderId, string> = {
  gridframe: 'gridframe through its public API (src/index.ts)',
  loop: 'hand-written single-thread typed-array loops (the JavaScript limit)',
  polars: 'nodejs-polars 0.25.2',
  duckdb: '@duckdb/node-api (in-memory database, results materialised as tables)',
  arquero: 'arquero 8.0.3',
  pandas: 'pandas / numpy / scipy / xarray through /usr/bin/python3',
};

/** The repository root: the nearest folder above this module with package.json and bench/ (this module also runs compiled, from bench/.build/bench/lib). */
export const REPO_ROOT = ((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'bench', 'run.ts')))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`bench: no repository root above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
})();
/** The bench/ folder. */
export const BENCH_DIR = path.join(REPO_ROOT, 'bench');
/** Generated inputs of a mode (git-ignored). */
export function dataDir(mode: Mode): string {
  return path.join(BENCH_DIR, 'data', mode);
}
/** Scratch output (written files) of a mode (git-ignored). */
export function outDir(mode: Mode): string {
  return path.join(BENCH_DIR, 'out', mode);
}
/** The NetCDF inputs of a mode. */
export function ncPaths(mode: Mode): string[] {
  const dir = path.resolve(REPO_ROOT, '..', 'shared', 'datasets', 'hpda-python');
  const out: string[] = [];
  for (let y = 1840; y < 1840 + SIZES[mode].ncFiles; y++) out.push(path.join(dir, `tas${y}.nc`));
  return out;
}
