/**
 * cdist on WebGPU: inputs centred in float64 (translation-invariant metrics) then sent as float32,
 * the output computed in row chunks that fit the adapter's storage-buffer limit, read back into a
 * float64 result whose `device` is 'gpu'. `device: 'auto'` takes the GPU only for a hardware adapter
 * and a large problem, else the float64 CPU kernels.
 * @module
 */
import { KernelArray } from '../array.js';
import { cdistCpu, type DistanceProblem } from '../distance/cdist.js';
import { alloc } from '../../frame/alloc.js';
import { getGpu, gpuInfo, keepAlive } from './device.js';
import { distanceShader, TILE } from './shaders.js';
import type { Metric } from '../distance/types.js';

// WebGPU constants (GPUBufferUsage / GPUMapMode in the spec), so no globals need installing.
const MAP_READ = 0x1, COPY_SRC = 0x4, COPY_DST = 0x8, UNIFORM = 0x40, STORAGE = 0x80;

/** Below this many m·n·d operations, 'auto' stays on the CPU. */
const AUTO_MIN_WORK = 2e8;

const pipelines = new WeakMap<GPUDevice, Map<Metric, GPUComputePipeline>>();

function pipelineFor(device: GPUDevice, metric: Metric): GPUComputePipeline {
  let m = pipelines.get(device);
  if (!m) pipelines.set(device, (m = new Map()));
  let p = m.get(metric);
  if (!p) {
    p = device.createComputePipeline({ layout: 'auto', compute: { module: device.createShaderModule({ code: distanceShader(metric) }), entryPoint: 'main' } });
    m.set(metric, p);
  }
  return p;
}

/** X and Y as float32, shifted by the column means of both (not for cosine) to keep float32 precision. */
function toF32(pr: DistanceProblem): { x: Float32Array; y: Float32Array } {
  const { X, Y } = pr;
  const d = X.cols;
  const shift = new Float64Array(d);
  if (pr.metric !== 'cosine') {
    for (let i = 0; i < X.rows * d; i++) shift[i % d] += X.data[i];
    for (let i = 0; i < Y.rows * d; i++) shift[i % d] += Y.data[i];
    for (let k = 0; k < d; k++) shift[k] = Number.isFinite(shift[k]) ? shift[k] / (X.rows + Y.rows) : 0;
  }
  const x = new Float32Array(X.rows * d), y = new Float32Array(Y.rows * d);
  for (let i = 0; i < x.length; i++) x[i] = X.data[i] - shift[i % d];
  for (let i = 0; i < y.length; i++) y[i] = Y.data[i] - shift[i % d];
  return { x, y };
}

function upload(device: GPUDevice, data: Float32Array): GPUBuffer {
  const buf = device.createBuffer({ size: Math.max(16, data.byteLength), usage: STORAGE | COPY_DST });
  device.queue.writeBuffer(buf, 0, data.buffer, data.byteOffset, data.byteLength);
  return buf;
}

/**
 * Runs a prepared problem on the GPU (float32), keeping Node alive until the result is read back.
 * @example
 * const d = await cdistGpu(prepare(X, Y, {})); // d.device === 'gpu'
 */
export function cdistGpu(pr: DistanceProblem): Promise<KernelArray> {
  return keepAlive(() => runGpu(pr));
}

async function runGpu(pr: DistanceProblem): Promise<KernelArray> {
  const { device, info } = await getGpu();
  const m = pr.X.rows, n = pr.Y.rows, d = pr.X.cols;
  const { x, y } = toF32(pr);
  const pipeline = pipelineFor(device, pr.metric);
  const lim = device.limits;
  const maxBytes = Math.min(lim.maxStorageBufferBindingSize, lim.maxBufferSize);
  if (n * 4 > maxBytes) throw new RangeError(`cdist on the GPU: one output row of ${n} values exceeds the adapter's buffer limit (${maxBytes} bytes)`);
  const chunkRows = Math.max(1, Math.min(m, Math.floor(maxBytes / (n * 4)), TILE * lim.maxComputeWorkgroupsPerDimension));
  const xb = upload(device, x), yb = upload(device, y);
  const outBuf = device.createBuffer({ size: chunkRows * n * 4, usage: STORAGE | COPY_SRC });
  const readBuf = device.createBuffer({ size: chunkRows * n * 4, usage: MAP_READ | COPY_DST });
  const params = device.createBuffer({ size: 32, usage: UNIFORM | COPY_DST });
  const bind = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [
      { binding: 0, resource: { buffer: xb } },
      { binding: 1, resource: { buffer: yb } },
      { binding: 2, resource: { buffer: outBuf } },
      { binding: 3, resource: { buffer: params } },
    ],
  });
  const result = alloc(Float64Array, m * n);
  const pbytes = new ArrayBuffer(32);
  const pu = new Uint32Array(pbytes), pf = new Float32Array(pbytes);
  try {
    for (let r0 = 0; r0 < m; r0 += chunkRows) {
      const rows = Math.min(chunkRows, m - r0);
      pu[0] = rows;
      pu[1] = n;
      pu[2] = d;
      pu[3] = r0;
      pf[4] = pr.p;
      device.queue.writeBuffer(params, 0, pbytes);
      const enc = device.createCommandEncoder();
      const pass = enc.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bind);
      pass.dispatchWorkgroups(Math.ceil(n / TILE), Math.ceil(rows / TILE));
      pass.end();
      enc.copyBufferToBuffer(outBuf, 0, readBuf, 0, rows * n * 4);
      device.queue.submit([enc.finish()]);
      await readBuf.mapAsync(MAP_READ, 0, rows * n * 4);
      const f = new Float32Array(readBuf.getMappedRange(0, rows * n * 4));
      const base = r0 * n;
      for (let k = 0; k < f.length; k++) result[base + k] = f[k];
      readBuf.unmap();
    }
  } finally {
    for (const b of [xb, yb, outBuf, readBuf, params]) b.destroy();
  }
  return new KernelArray(result, [m, n], 'gpu', info.adapter);
}

/**
 * The GPU path of `cdist`: 'gpu' runs on the adapter (or throws why none is available); 'auto'
 * uses it for a hardware adapter and m·n·d of at least 2e8, else the CPU kernels.
 * @example
 * const d = await cdistDevice(prepare(X, Y, {}), 'auto'); // d.device tells which ran
 */
export async function cdistDevice(
  pr: DistanceProblem, device: 'gpu' | 'auto', cpu: (pr: DistanceProblem) => KernelArray | Promise<KernelArray> = cdistCpu,
): Promise<KernelArray> {
  if (device === 'auto') {
    const work = pr.X.rows * pr.Y.rows * pr.X.cols;
    if (work < AUTO_MIN_WORK) return cpu(pr);
    const info = await gpuInfo();
    if (!info.available || info.software) return cpu(pr);
  }
  return cdistGpu(pr);
}
