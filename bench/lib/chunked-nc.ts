/**
 * The input of the netcdf-chunked workload: one large NetCDF4 file (about 2 GB in full mode, a few
 * hundred KB in quick mode) holding a CMIP6-like monthly `tas(time, lat, lon)` in float32 on a 1° grid,
 * HDF5-chunked one month per chunk (as CMIP6 files are), with `_FillValue` 1e20 and CF time units.
 * It is generated once (seeded) into bench/data/<mode>/chunked.nc with h5wasm, a block of months at a
 * time (the dataset is created with one block, resized to its full length, then written slice by
 * slice), never whole in memory, and has its own stamp so the other inputs are not regenerated.
 * @module
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Rng } from './rng.js';
import { dataDir, type Mode } from './config.js';

/** Grid and length of the chunked NetCDF per mode: full 7,680 months x 180 x 360 float32 = 1.99 GB. */
export const CHUNKED_NC: Record<Mode, { months: number; lat: number; lon: number; chunk: number }> = {
  full: { months: 7680, lat: 180, lon: 360, chunk: 120 },
  quick: { months: 48, lat: 18, lon: 36, chunk: 10 },
};

/** Bump when the generated file changes. */
const VERSION = 1;

/** The chunked NetCDF of a mode. */
export function chunkedNcPath(mode: Mode): string {
  return path.join(dataDir(mode), 'chunked.nc');
}

/**
 * tas in K: 300 − 40·sin²(lat) − seasonal ±8·sin(lat) + a trend of 0.002 K per month + uniform noise of ±2 K.
 * Months are written `block` at a time.
 */
async function writeChunkedNc(file: string, mode: Mode, rng: Rng): Promise<void> {
  const { months, lat, lon } = CHUNKED_NC[mode];
  const { default: h5 } = await import('h5wasm/node');
  await h5.ready;
  const f = new h5.File(file, 'w', { track_order: true });
  try {
    const lats = Float64Array.from({ length: lat }, (_, i) => -90 + (180 / lat) * (i + 0.5));
    const lons = Float64Array.from({ length: lon }, (_, i) => (360 / lon) * (i + 0.5));
    const time = Float64Array.from({ length: months }, (_, m) => Math.floor(m / 12) * 365 + 15 + Math.floor(((m % 12) * 365) / 12));
    const scale = (name: string, data: Float64Array, id: number, attrs: Record<string, string>): void => {
      const d = f.create_dataset({ name, data, shape: [data.length], track_order: true });
      d.make_scale(name);
      d.create_attribute('_Netcdf4Dimid', Int32Array.of(id), [], '<i');
      for (const [k, v] of Object.entries(attrs)) d.create_attribute(k, v, null, `S${Math.max(1, v.length)}`);
    };
    scale('time', time, 0, { standard_name: 'time', units: 'days since 1850-01-01 00:00:00', calendar: 'noleap', axis: 'T' });
    scale('lat', lats, 1, { standard_name: 'latitude', units: 'degrees_north', axis: 'Y' });
    scale('lon', lons, 2, { standard_name: 'longitude', units: 'degrees_east', axis: 'X' });
    const block = Math.min(months, 120);
    const plane = lat * lon;
    const base = new Float32Array(plane);
    const amp = new Float32Array(plane);
    for (let i = 0; i < lat; i++) {
      const s = Math.sin((lats[i] * Math.PI) / 180);
      for (let j = 0; j < lon; j++) {
        base[i * lon + j] = 300 - 40 * s * s;
        amp[i * lon + j] = 8 * s;
      }
    }
    const buf = new Float32Array(block * plane);
    const fill = (m0: number, n: number): Float32Array => {
      for (let t = 0; t < n; t++) {
        const m = m0 + t;
        const season = Math.cos((2 * Math.PI * ((m % 12) + 0.5)) / 12);
        const trend = 0.002 * m;
        const o = t * plane;
        for (let k = 0; k < plane; k++) buf[o + k] = base[k] - amp[k] * season + trend + 4 * (rng.uniform() - 0.5);
      }
      return buf.subarray(0, n * plane);
    };
    const tas = f.create_dataset({ name: 'tas', data: fill(0, block), shape: [block, lat, lon], maxshape: [null, lat, lon], chunks: [1, lat, lon], track_order: true });
    if (months > block) tas.resize([months, lat, lon]);
    ['time', 'lat', 'lon'].forEach((d, i) => tas.attach_scale(i, `/${d}`));
    tas.create_attribute('_Netcdf4Coordinates', Int32Array.of(0, 1, 2), [3], '<i');
    tas.create_attribute('_FillValue', Float32Array.of(1e20), [], '<f');
    for (const [k, v] of Object.entries({ standard_name: 'air_temperature', units: 'K', cell_methods: 'area: time: mean' })) tas.create_attribute(k, v, null, `S${v.length}`);
    for (let m0 = block; m0 < months; m0 += block) {
      const n = Math.min(block, months - m0);
      tas.write_slice([[m0, m0 + n], [0, lat], [0, lon]], fill(m0, n));
    }
    f.create_attribute('title', 'gridframe bench: synthetic monthly tas', null, 'S38');
  } finally {
    f.close();
  }
}

/** Generates the chunked NetCDF of `mode` unless it exists with the current version; returns its path. */
export async function ensureChunkedNc(mode: Mode, log: (msg: string) => void = () => {}): Promise<string> {
  const file = chunkedNcPath(mode);
  const stamp = `${file}.done.json`;
  const want = JSON.stringify({ version: VERSION, ...CHUNKED_NC[mode] });
  if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return file;
  mkdirSync(path.dirname(file), { recursive: true });
  const t0 = performance.now();
  const { months, lat, lon } = CHUNKED_NC[mode];
  log(`generating ${file} (${months} x ${lat} x ${lon} float32) ...`);
  // a private temporary name, renamed when complete: a concurrent bench run never reads half a file
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeChunkedNc(tmp, mode, new Rng(9));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  renameSync(tmp, file);
  writeFileSync(stamp, want);
  log(`generated ${(statSync(file).size / 1e6).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return file;
}
