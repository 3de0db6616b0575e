/**
 * Deterministic data generator (seeded): writes the same inputs for every contender to bench/data/<mode>/.
 * Raw binaries (.i32/.f64, little-endian) and JSON string lists feed the in-memory contenders; Parquet
 * copies (written with nodejs-polars, snappy) feed polars, DuckDB and the Parquet-read workload; the
 * mixed-type CSV is written directly.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import path from 'node:path';
import pl from 'nodejs-polars';
import { Rng } from './rng.js';
import { SIZES, dataDir, type Mode, type Sizes } from './config.js';
import { wideNames } from './data.js';
import { ensureChunkedCsv } from './chunked-csv.js';
import { ensureChunkedNc } from './chunked-nc.js';

/** Bump when the generated data changes, so old folders are regenerated. */
const DATA_VERSION = 3;

function writeBin(dir: string, name: string, arr: Int32Array | Float64Array): void {
  const ext = arr instanceof Int32Array ? 'i32' : 'f64';
  writeFileSync(path.join(dir, `${name}.${ext}`), new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength));
}

function writeJson(dir: string, name: string, v: unknown): void {
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(v));
}

function sub(root: string, name: string): string {
  const d = path.join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
}

/** The string key's values: 'k0', 'k1', ... */
export function keyString(n: number): string {
  return `k${n}`;
}

function genMain(root: string, s: Sizes, rng: Rng): void {
  const d = sub(root, 'main');
  const n = s.rows;
  const ikey = new Int32Array(n);
  const skey = new Int32Array(n);
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ikey[i] = rng.int(s.intGroups);
    skey[i] = rng.int(s.strKeys);
    v[i] = rng.normal();
    w[i] = rng.uniform() * 100;
  }
  const dict = Array.from({ length: s.strKeys }, (_, k) => keyString(k));
  writeBin(d, 'ikey', ikey);
  writeBin(d, 'skey', skey);
  writeBin(d, 'v', v);
  writeBin(d, 'w', w);
  writeJson(d, 'skey.dict', dict);
  const strs = pl.Series('skey', dict).gather(Array.from(skey));
  const df = pl.DataFrame([pl.Series('ikey', ikey), strs, pl.Series('v', v), pl.Series('w', w)]);
  df.writeParquet(path.join(root, 'main.parquet'), { compression: 'snappy' });
}

function genJoin(root: string, s: Sizes, rng: Rng): void {
  const d = sub(root, 'join');
  const perm = new Int32Array(s.joinKeySpace);
  for (let i = 0; i < perm.length; i++) perm[i] = i;
  for (let i = perm.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  const keys = Array.from(perm.subarray(0, s.joinRows), keyString);
  const x = new Float64Array(s.joinRows);
  for (let i = 0; i < x.length; i++) x[i] = rng.uniform();
  writeJson(d, 'key', keys);
  writeBin(d, 'x', x);
  pl.DataFrame([pl.Series('skey', keys), pl.Series('x', x)]).writeParquet(path.join(root, 'join.parquet'), { compression: 'snappy' });
}

function genPivot(root: string, s: Sizes, rng: Rng): void {
  const d = sub(root, 'pivot');
  const n = s.pivotRows;
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = rng.int(s.pivotIndex);
    b[i] = rng.int(s.pivotCols);
    x[i] = rng.normal() + b[i];
  }
  writeBin(d, 'a', a);
  writeBin(d, 'b', b);
  writeBin(d, 'x', x);
  pl.DataFrame([pl.Series('a', a), pl.Series('b', b), pl.Series('x', x)]).writeParquet(path.join(root, 'pivot.parquet'), { compression: 'snappy' });
}

function genWide(root: string, s: Sizes, rng: Rng): void {
  const d = sub(root, 'wide');
  const id = new Int32Array(s.wideRows);
  for (let i = 0; i < id.length; i++) id[i] = i;
  writeBin(d, 'id', id);
  const series: pl.Series[] = [pl.Series('id', id)];
  for (const name of wideNames(s.wideCols)) {
    const c = new Float64Array(s.wideRows);
    for (let i = 0; i < c.length; i++) c[i] = rng.normal();
    writeBin(d, name, c);
    series.push(pl.Series(name, c));
  }
  pl.DataFrame(series).writeParquet(path.join(root, 'wide.parquet'), { compression: 'snappy' });
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

async function genCsv(root: string, s: Sizes, rng: Rng): Promise<void> {
  const out = createWriteStream(path.join(root, 'mixed.csv'));
  out.write('id,price,name,flag,day\n');
  const day0 = Date.UTC(2000, 0, 1) / 86400000;
  const chunk: string[] = [];
  for (let i = 0; i < s.csvRows; i++) {
    const price = (rng.uniform() * 1000).toFixed(3);
    const name = `item-${rng.int(10_000)}`;
    const flag = rng.uniform() < 0.3 ? 'true' : 'false';
    const dt = new Date((day0 + rng.int(365 * 30)) * 86400000);
    const day = `${dt.getUTCFullYear()}-${pad2(dt.getUTCMonth() + 1)}-${pad2(dt.getUTCDate())}`;
    chunk.push(`${i},${price},${name},${flag},${day}\n`);
    if (chunk.length === 10_000) {
      out.write(chunk.join(''));
      chunk.length = 0;
    }
  }
  out.write(chunk.join(''));
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

function genMatrices(root: string, s: Sizes, rng: Rng): void {
  const d = sub(root, 'cdist');
  for (const [nx, ny, dim] of [s.cdist3, s.cdist64]) {
    for (const [name, n] of [[`x${dim}`, nx], [`y${dim}`, ny]] as const) {
      const m = new Float64Array(n * dim);
      for (let i = 0; i < m.length; i++) m[i] = rng.uniform();
      writeBin(d, name, m);
    }
  }
}

function genCurves(root: string, s: Sizes, rng: Rng): void {
  const d = sub(root, 'curves');
  const p = s.fitPoints;
  const x = new Float64Array(p);
  for (let j = 0; j < p; j++) x[j] = 1 + (9 * j) / (p - 1);
  const y = new Float64Array(s.fitRows * p);
  for (let r = 0; r < s.fitRows; r++) {
    const a = 1 + 4 * rng.uniform();
    const b = -0.5 - 1.5 * rng.uniform();
    for (let j = 0; j < p; j++) y[r * p + j] = a * Math.pow(x[j], b) + 0.01 * a * rng.normal();
  }
  writeBin(d, 'x', x);
  writeBin(d, 'y', y);
}

/** Generates the inputs of `mode` unless they already exist; returns the data folder. */
export async function ensureData(mode: Mode, log: (msg: string) => void = () => {}): Promise<string> {
  const root = dataDir(mode);
  const stamp = path.join(root, 'DONE.json');
  const want = JSON.stringify({ version: DATA_VERSION, sizes: SIZES[mode] });
  // the chunked CSV (csv-chunked, ~1 GB in full mode) has its own stamp; it is made after the folder is (re)built
  // so has the chunked NetCDF (netcdf-chunked, ~2 GB in full mode)
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) {
    await ensureChunkedCsv(mode, log);
    await ensureChunkedNc(mode, log);
    return root;
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const s = SIZES[mode];
  const t0 = performance.now();
  log(`generating ${mode} inputs in ${root} ...`);
  genMain(root, s, new Rng(1));
  genJoin(root, s, new Rng(2));
  genPivot(root, s, new Rng(3));
  genWide(root, s, new Rng(4));
  await genCsv(root, s, new Rng(5));
  genMatrices(root, s, new Rng(6));
  genCurves(root, s, new Rng(7));
  writeFileSync(stamp, want);
  log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await ensureChunkedCsv(mode, log);
  await ensureChunkedNc(mode, log);
  return root;
}
