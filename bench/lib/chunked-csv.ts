/**
 * The input of the csv-chunked workload: one large CSV (about 1 GB in full mode, a few MB in quick mode)
 * of int, float, string and bool columns, generated once (seeded) into bench/data/<mode>/chunked.csv.
 * It is written streaming, a block of rows at a time with backpressure, never whole in memory, and has
 * its own stamp so the other inputs are not regenerated when it changes.
 * @module
 */
import { createWriteStream, existsSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { Rng } from './rng.js';
import { dataDir, type Mode } from './config.js';

/** Rows of the chunked CSV per mode (full: about 1 GB of text; quick: a few MB). */
export const CHUNKED_CSV_ROWS: Record<Mode, number> = { full: 35_000_000, quick: 100_000 };

/** Bump when the generated file changes. */
const CHUNKED_VERSION = 1;

/** The header of the chunked CSV: int, float, string, bool. */
export const CHUNKED_CSV_HEADER = 'id,x,name,flag';

/** The chunked CSV of a mode. */
export function chunkedCsvPath(mode: Mode): string {
  return path.join(dataDir(mode), 'chunked.csv');
}

/** Size of the chunked CSV in bytes, or undefined when it is not generated yet. */
export function chunkedCsvBytes(mode: Mode): number | undefined {
  const f = chunkedCsvPath(mode);
  return existsSync(f) ? statSync(f).size : undefined;
}

/**
 * Writes `rows` rows: id = row number, x = 100·N(0,1) with 3 decimals, name = 's<0..49999>',
 * flag = true with probability 0.3. Blocks of 20,000 rows; waits for 'drain' when the stream is full.
 */
async function writeChunkedCsv(file: string, rows: number, rng: Rng): Promise<void> {
  const out = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await Promise.race([once(out, 'drain'), failed]);
  };
  await write(`${CHUNKED_CSV_HEADER}\n`);
  const block: string[] = [];
  for (let i = 0; i < rows; i++) {
    const x = (rng.normal() * 100).toFixed(3);
    const name = `s${rng.int(50_000)}`;
    block.push(`${i},${x},${name},${rng.uniform() < 0.3 ? 'true' : 'false'}\n`);
    if (block.length === 20_000) {
      await write(block.join(''));
      block.length = 0;
    }
  }
  if (block.length) await write(block.join(''));
  await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed]);
}

/** Generates the chunked CSV of `mode` unless it exists with the current version and size; returns its path. */
export async function ensureChunkedCsv(mode: Mode, log: (msg: string) => void = () => {}): Promise<string> {
  const file = chunkedCsvPath(mode);
  const stamp = `${file}.done.json`;
  const want = JSON.stringify({ version: CHUNKED_VERSION, rows: CHUNKED_CSV_ROWS[mode] });
  if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return file;
  mkdirSync(path.dirname(file), { recursive: true });
  const t0 = performance.now();
  log(`generating ${file} (${CHUNKED_CSV_ROWS[mode].toLocaleString('en')} rows) ...`);
  // a private temporary name, renamed when complete: a concurrent bench run never reads half a file
  const tmp = `${file}.${process.pid}.tmp`;
  await writeChunkedCsv(tmp, CHUNKED_CSV_ROWS[mode], new Rng(8));
  renameSync(tmp, file);
  writeFileSync(stamp, want);
  log(`generated ${(statSync(file).size / 1e6).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return file;
}
