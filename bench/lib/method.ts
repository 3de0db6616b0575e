/**
 * The method section of bench/RESULTS.md: what is timed and how the contenders get their inputs.
 * @module
 */

/** Markdown describing how the numbers are produced. */
export const METHOD = `### Method

- Inputs are generated once, deterministically (seeded), into bench/data/ (git-ignored): raw little-endian
  binaries and JSON string lists, Parquet copies (snappy) and the mixed-type CSV. Loading them into each
  contender is not timed, except in csv-read, csv-chunked, parquet-read, netcdf and netcdf-chunked, where reading is
  the workload.
- csv-chunked reads one ~1 GB CSV (bench/data/full/chunked.csv) in chunks of 100,000 rows: gridframe with
  \`readCsvChunks\` in a Node process capped at \`--max-old-space-size=256\` (the file is ~4× that heap), pandas
  with \`read_csv(chunksize=100_000)\`, polars with \`scanCSV(...).select(...).collect({ streaming: true })\`,
  DuckDB with one \`SELECT count(*), sum(x), ... FROM read_csv(...)\`. polars and DuckDB plan the query, so they
  may skip converting the columns it does not use; gridframe and pandas parse every column. The memory table
  shows the file size beside the workload: peak RSS far below it means the read streamed. polars memory-maps
  the file, so its RSS counts the file's page-cache pages it touched (measured: ~1 GB RssFile + ~0.6 GB RssAnon).
- netcdf-chunked reads one ~2 GB NetCDF4 file (bench/data/full/chunked.nc, float32 \`tas(7680, 180, 360)\`,
  one month per HDF5 chunk, generated streaming with h5wasm) in chunks of 120 months and takes the time mean:
  gridframe with \`openDataset(f, { chunks: { time: 120 } })\` and \`.chunk().mean('time').compute()\` (the
  pool's workers read their chunks from the file) in a Node process capped at \`--max-old-space-size=256\`;
  xarray with \`open_dataset(f, chunks={'time': 120})\` and dask's threaded scheduler. Peak RSS far below the
  file size, and the same for 240 or 7,680 months, means the reduction streamed.
- Every cell (contender × workload) runs in a fresh process (\`node --expose-gc bench/.build/bench/child.js\`,
  the tsc output of src/ and bench/ compiled by the harness first from tsconfig.bench.json, as users run the
  package's compiled dist/ — \`--tsx\` runs the sources through tsx instead, whose loader hooks make h5wasm's
  4 MB module take ~2.8 s and ~700 MB to load; or \`python3 bench/runners/pandas_runner.py\`): one warm-up, then the timed runs; the median is reported.
  Garbage is collected before each run. Peak memory is the process's RSS high-water mark (getrusage
  maxrss), so it includes the inputs and, for polars and DuckDB, their native heaps.
- Representations as a user of each tool would have them: gridframe and the loop hold the string key
  dictionary-encoded (as gridframe's readers produce it); polars and DuckDB read the Parquet file (Utf8 /
  VARCHAR); pandas holds object strings; arquero holds JS strings. DuckDB materialises every result as a
  table (CREATE TABLE AS); arquero's lazy verbs are reified.
- Threads: polars and DuckDB use every core; the loop is single-threaded by design; gridframe uses what
  its API does by default.
- Every contender digests its result the same way (bench/lib/answer.ts: group sums, weighted means, row
  counts, sums of distances, ...); the digests are compared with gridframe's (else the loop's) and a
  differing cell is marked ≠. \`npx vitest run test/bench\` runs the same check on the quick inputs.
- pandas: Debian's python3-pandas has no pyarrow/fastparquet, so pandas has no Parquet cells. Curve fits
  are \`df.apply(lambda row: curve_fit(...), axis=1)\`; NetCDF is xarray \`open_dataset\` per file +
  \`concat\` on time, \`mean('time')\` and \`groupby('time.year').mean()\`.
`;
