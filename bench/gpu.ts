/**
 * GPU bench (issue #7): cdist 20000x20000 (d=3 and d=64) and fitRows on 1,000,000 rows x 10 points on
 * the WebGPU adapter, 1 warm-up + 3 timed runs (median), achieved GB/s and the fraction of the card's
 * peak memory bandwidth. Checks every answer against the float64 CPU path (max abs diff).
 *   npm run bench:gpu [-- --quick] [--peak-gbs N] [--record]
 * Writes bench/out/GPU-RESULTS.md; --record also writes bench/RESULTS-GPU.md. Exit 2 without an adapter.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as gf from '../src/index.js';
import { getGpu } from '../src/kernels/gpu/device.js';
import { distanceShader, TILE } from '../src/kernels/gpu/shaders.js';
import { fitExpRowsGpu } from '../src/kernels/gpu/fit-gpu.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const RECORD = argv.includes('--record');
const peakArg = argv.indexOf('--peak-gbs');
const PEAK_ARG = peakArg >= 0 ? Number(argv[peakArg + 1]) : null;
if (PEAK_ARG !== null && !(PEAK_ARG > 0)) {
  console.error(`--peak-gbs needs a positive number, got '${argv[peakArg + 1] ?? ''}'`);
  process.exit(1);
}
const CDIST_N = QUICK ? 2000 : 20_000;
const FIT_ROWS = QUICK ? 10_000 : 1_000_000;
const FIT_POINTS = 10;
const WARMUP = 1, REPEATS = 3;

/**
 * Peak memory bandwidth (GB/s) from the vendors' datasheets: NVIDIA H100 datasheet (SXM5 3.35 TB/s,
 * PCIe 2 TB/s), H200 datasheet (4.8 TB/s), A100 datasheet (40GB 1,555 GB/s; 80GB SXM 2,039 GB/s).
 * Matched on the adapter description; first match wins.
 */
const PEAKS: Array<[RegExp, number, string]> = [
  [/H200/i, 4800, 'NVIDIA H200 datasheet'],
  [/H100.*PCIe/i, 2000, 'NVIDIA H100 PCIe datasheet'],
  [/H100/i, 3350, 'NVIDIA H100 SXM5 datasheet'],
  [/A100.*80\s?GB/i, 2039, 'NVIDIA A100 80GB SXM datasheet'],
  [/A100/i, 1555, 'NVIDIA A100 40GB datasheet'],
];

/** Seeded uniform [0, 1) (mulberry32), so reruns time the same inputs. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function matrix(rows: number, d: number, seed: number): { shape: [number, number]; data: Float64Array } {
  const r = rng(seed), data = new Float64Array(rows * d);
  for (let i = 0; i < data.length; i++) data[i] = r() * 100;
  return { shape: [rows, d], data };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function time(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const ts: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    await fn();
    ts.push((performance.now() - t0) / 1000);
  }
  return median(ts);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > m || Number.isNaN(d)) m = d;
  }
  return m;
}

/**
 * The distance shader alone on device-resident inputs (upload done first, nothing read back):
 * the same pipeline, chunking and dispatch as src/kernels/gpu/cdist-gpu.ts, timed with
 * queue.onSubmittedWorkDone (wall clock around the GPU's work, no timestamp queries needed).
 */
async function cdistKernelOnly(X: Float64Array, Y: Float64Array, m: number, n: number, d: number): Promise<number> {
  const { device } = await getGpu();
  const lim = device.limits;
  const maxBytes = Math.min(lim.maxStorageBufferBindingSize, lim.maxBufferSize);
  const chunkRows = Math.max(1, Math.min(m, Math.floor(maxBytes / (n * 4)), TILE * lim.maxComputeWorkgroupsPerDimension));
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module: device.createShaderModule({ code: distanceShader('euclidean') }), entryPoint: 'main' } });
  const buf = (data: Float32Array): GPUBuffer => {
    const b = device.createBuffer({ size: Math.max(16, data.byteLength), usage: 0x80 | 0x8 });
    device.queue.writeBuffer(b, 0, data);
    return b;
  };
  const xb = buf(Float32Array.from(X)), yb = buf(Float32Array.from(Y));
  const out = device.createBuffer({ size: chunkRows * n * 4, usage: 0x80 });
  const chunks: Array<{ params: GPUBuffer; bind: GPUBindGroup; rows: number }> = [];
  for (let r0 = 0; r0 < m; r0 += chunkRows) {
    const rows = Math.min(chunkRows, m - r0);
    const params = device.createBuffer({ size: 32, usage: 0x40 | 0x8 });
    device.queue.writeBuffer(params, 0, new Uint32Array([rows, n, d, r0, 0, 0, 0, 0]));
    const bind = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [xb, yb, out, params].map((b, i) => ({ binding: i, resource: { buffer: b } })) });
    chunks.push({ params, bind, rows });
  }
  const run = async (): Promise<void> => {
    const enc = device.createCommandEncoder();
    for (const c of chunks) {
      const pass = enc.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, c.bind);
      pass.dispatchWorkgroups(Math.ceil(n / TILE), Math.ceil(c.rows / TILE));
      pass.end();
    }
    device.queue.submit([enc.finish()]);
    await device.queue.onSubmittedWorkDone();
  };
  await device.queue.onSubmittedWorkDone(); // uploads finished before the clock starts
  const timer = setInterval(() => undefined, 1 << 30); // Dawn's promises do not keep Node alive
  try {
    return await time(run);
  } finally {
    clearInterval(timer);
    for (const b of [xb, yb, out, ...chunks.map((c) => c.params)]) b.destroy();
  }
}

interface Row { what: string; size: string; stage: string; seconds: number; bytes: number; diff: string }
const rows: Row[] = [];

async function benchCdist(d: number): Promise<void> {
  const n = CDIST_N;
  const X = matrix(n, d, 1 + d), Y = matrix(n, d, 2 + d);
  const bytes = 2 * n * d * 4 + n * n * 4; // float32 inputs + the n x n float32 output
  let gpu: gf.KernelArray | null = null;
  const total = await time(async () => { gpu = await gf.cdist(X, Y, { device: 'gpu' }); });
  const kernel = await cdistKernelOnly(X.data, Y.data, n, n, d);
  // Check against the float64 CPU kernels on the first rows (all rows in --quick).
  const k = QUICK ? n : Math.min(n, 1000);
  const cpu = gf.cdist({ shape: [k, d], data: X.data.subarray(0, k * d) }, Y);
  const diff = gpu === null ? 'n/a' : `${maxAbsDiff((gpu as gf.KernelArray).data, cpu.data, k * n).toExponential(2)} (${k} rows)`;
  const size = `${n}x${n}, d=${d}`;
  rows.push({ what: 'cdist euclidean', size, stage: 'total (upload + kernel + readback to float64)', seconds: total, bytes, diff });
  rows.push({ what: 'cdist euclidean', size, stage: 'kernel only', seconds: kernel, bytes, diff: '' });
}

async function benchFit(): Promise<void> {
  const R = FIT_ROWS, m = FIT_POINTS;
  const x = Float64Array.from({ length: m }, (_, i) => i + 1);
  const r = rng(7), Yd = new Float64Array(R * m);
  for (let i = 0; i < R; i++) {
    const A = 50 + 100 * r(), s = -0.5 - r();
    for (let j = 0; j < m; j++) Yd[i * m + j] = A * x[j] ** s * (1 + 0.02 * (r() - 0.5));
  }
  const Y = { shape: [R, m], data: Yd };
  const p0 = [1, -1];
  const bytes = R * m * 4 + R * 3 * 4; // float32 rows in, [A, s, status] float32 out
  let res: gf.FitRowsResult | null = null;
  const total = await time(async () => { res = await gf.fitRows(Y, 'powerlaw', { p0, x, device: 'gpu' }); });
  const t = Float64Array.from(x, Math.log);
  const stage = await time(() => fitExpRowsGpu(Yd, R, m, t, p0));
  const k = QUICK ? R : Math.min(R, 20_000);
  const cpu = gf.fitRows({ shape: [k, m], data: Yd.subarray(0, k * m) }, 'powerlaw', { p0, x });
  const got = res as gf.FitRowsResult | null;
  const diff = got === null ? 'n/a' : `A ${maxAbsDiff(got.params.A, cpu.params.A, k).toExponential(2)}, s ${maxAbsDiff(got.params.s, cpu.params.s, k).toExponential(2)} (${k} rows)`;
  const size = `${R.toLocaleString('en-US')} rows x ${m}`;
  rows.push({ what: 'fitRows powerlaw', size, stage: 'total (GPU float32 LM + CPU float64 polish)', seconds: total, bytes, diff });
  rows.push({ what: 'fitRows powerlaw', size, stage: 'GPU stage (upload + LM kernel + readback)', seconds: stage, bytes, diff: '' });
}

async function main(): Promise<void> {
  const info = await gf.gpuInfo();
  if (!info.available) {
    console.error(`no GPU adapter: ${info.reason ?? 'unknown reason'}`);
    process.exit(2);
  }
  const adapter = info.adapter ?? 'unknown adapter';
  const hit = PEAKS.find(([re]) => re.test(adapter));
  const peak = PEAK_ARG ?? (hit ? hit[1] : null);
  const peakSrc = PEAK_ARG !== null ? '--peak-gbs' : hit ? hit[2] : 'unknown';
  console.log(`adapter: ${adapter} (backend ${info.backend}${info.software ? ', software rasteriser: CPU, not a GPU' : ''})`);
  console.log(`peak memory bandwidth: ${peak === null ? 'unknown (pass --peak-gbs N)' : `${peak} GB/s (${peakSrc})`}`);
  console.log(`mode: ${QUICK ? 'quick' : 'full'}; ${WARMUP} warm-up + ${REPEATS} runs, median`);
  await benchCdist(3);
  const { device } = await getGpu();
  const lim = Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
  if (CDIST_N * 4 <= lim && os.totalmem() > CDIST_N * CDIST_N * 8 * 3) await benchCdist(64);
  else console.log('cdist d=64 skipped: not enough host memory for the float64 result');
  await benchFit();

  const fmt = (r: Row): string => {
    const gbs = r.bytes / r.seconds / 1e9;
    const frac = peak === null ? 'unknown' : `${((100 * gbs) / peak).toFixed(1)}%`;
    return `| ${r.what} | ${r.size} | ${r.stage} | ${r.seconds.toFixed(4)} | ${(r.bytes / 1e6).toFixed(1)} | ${gbs.toFixed(2)} | ${frac} | ${r.diff} |`;
  };
  const table = [
    '| kernel | size | stage | median s | MB moved | GB/s | of peak | max abs diff vs CPU float64 |',
    '|---|---|---|---:|---:|---:|---:|---|',
    ...rows.map(fmt),
  ].join('\n');
  const md = [
    '# GPU results',
    '',
    `Written by \`npm run bench:gpu${QUICK ? ' -- --quick' : ''}\` on ${new Date().toISOString()}.`,
    `Adapter: ${adapter} (WebGPU backend ${info.backend}${info.software ? '; a software rasteriser on the CPU' : ''}); host ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores.`,
    `Peak memory bandwidth: ${peak === null ? 'unknown' : `${peak} GB/s (${peakSrc})`}. ${WARMUP} warm-up + ${REPEATS} timed runs, median.`,
    '',
    table,
    '',
    'MB moved is the least the kernel must move through the card\'s memory: cdist reads X and Y in float32 and',
    'writes the n x n float32 output; fitRows reads the rows in float32 and writes [A, s, status] per row.',
    'GB/s = MB moved / median time, so rows timed end to end include host work (float32 conversion, PCIe',
    'transfers, the float64 copy-out or polish) and understate the kernel. fitRows\' LM kernel is compute-bound',
    '(iterations re-read each row from cache), so its fraction of peak is a lower bound on how busy the card is.',
    'Kernel only: the cdist shader dispatched on resident buffers, timed by queue.onSubmittedWorkDone.',
    '',
  ].join('\n');
  const outDir = path.join(HERE, 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'GPU-RESULTS.md'), md);
  console.log(`\n${table}\n\nwrote bench/out/GPU-RESULTS.md`);
  if (RECORD) {
    writeFileSync(path.join(HERE, 'RESULTS-GPU.md'), md);
    console.log('wrote bench/RESULTS-GPU.md');
  }
  await gf.releaseGpu();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
