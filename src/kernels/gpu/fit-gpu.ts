/**
 * fitRows on WebGPU for the exponential family (powerlaw A·x^s = A·e^(s·ln x), exponential
 * A·e^(k·x)): one invocation per row runs Levenberg–Marquardt in float32 with the analytic
 * Jacobian (WGSL below); every row is then polished in float64 on the CPU from the GPU's answer
 * (typically 1–3 steps), so the results equal the CPU path's to float64 precision. Rows the GPU
 * could not fit are refitted on the CPU from p0.
 * @module
 */
import { getGpu, keepAlive } from './device.js';

const MAP_READ = 0x1, COPY_SRC = 0x4, COPY_DST = 0x8, UNIFORM = 0x40, STORAGE = 0x80;
const WG = 64;

const SHADER = /* wgsl */ `
struct Params { rows: u32, m: u32, maxIter: u32, pad: u32, a0: f32, k0: f32, ftol: f32, pad2: f32 }
@group(0) @binding(0) var<storage, read> Y: array<f32>;
@group(0) @binding(1) var<storage, read> T: array<f32>;
@group(0) @binding(2) var<storage, read_write> OUT: array<f32>;
@group(0) @binding(3) var<uniform> P: Params;

fn cost(base: u32, A: f32, k: f32) -> f32 {
  var s: f32 = 0.0;
  for (var i: u32 = 0u; i < P.m; i = i + 1u) {
    let r = A * exp(k * T[i]) - Y[base + i];
    s = s + r * r;
  }
  return s;
}

@compute @workgroup_size(${WG})
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let row = gid.x;
  if (row >= P.rows) { return; }
  let base = row * P.m;
  var A = P.a0;
  var k = P.k0;
  var S = cost(base, A, k);
  var status: f32 = 0.0;
  var mu: f32 = 1.0;
  if (!(S <= 3.0e38)) { status = 2.0; }
  var it: u32 = 0u;
  loop {
    if (status != 0.0 || it >= P.maxIter) { break; }
    it = it + 1u;
    var a11: f32 = 0.0; var a12: f32 = 0.0; var a22: f32 = 0.0; var g1: f32 = 0.0; var g2: f32 = 0.0;
    for (var i: u32 = 0u; i < P.m; i = i + 1u) {
      let e = exp(k * T[i]);
      let r = A * e - Y[base + i];
      let j2 = A * T[i] * e;
      a11 = a11 + e * e; a12 = a12 + e * j2; a22 = a22 + j2 * j2;
      g1 = g1 + e * r; g2 = g2 + j2 * r;
    }
    var accepted = false;
    for (var tries: u32 = 0u; tries < 30u; tries = tries + 1u) {
      let m11 = a11 * (1.0 + mu);
      let m22 = a22 * (1.0 + mu);
      let det = m11 * m22 - a12 * a12;
      let d1 = (-g1 * m22 + g2 * a12) / det;
      let d2 = (-g2 * m11 + g1 * a12) / det;
      let Sn = cost(base, A + d1, k + d2);
      if (Sn <= S) {
        let rel = (S - Sn) / max(S, 1e-30);
        A = A + d1; k = k + d2; S = Sn;
        mu = max(mu * 0.3333, 1e-7);
        accepted = true;
        if (rel < P.ftol) { status = 1.0; }
        break;
      }
      mu = mu * 4.0;
    }
    if (!accepted) { status = 1.0; }
  }
  OUT[row * 3u] = A;
  OUT[row * 3u + 1u] = k;
  OUT[row * 3u + 2u] = status;
}
`;

/**
 * Float32 fits of A·exp(k·t_i) to every row of Y (rows x m) on the GPU: [A, k, status] per row
 * (status 1 converged, 2 NaN at p0, 0 ran out of iterations).
 * @example
 * const r = await fitExpRowsGpu(Y, rows, m, Float64Array.from(x, Math.log), [100, -1]);
 */
export function fitExpRowsGpu(Y: Float64Array, rows: number, m: number, t: Float64Array, p0: readonly number[]): Promise<{ out: Float32Array; adapter: string | null }> {
  return keepAlive(async () => {
    const { device, info } = await getGpu();
    const lim = device.limits;
    const maxRows = Math.min(Math.floor(Math.min(lim.maxStorageBufferBindingSize, lim.maxBufferSize) / (m * 4)), WG * lim.maxComputeWorkgroupsPerDimension);
    const module = device.createShaderModule({ code: SHADER });
    const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
    const result = new Float32Array(rows * 3);
    const tb = device.createBuffer({ size: Math.max(16, m * 4), usage: STORAGE | COPY_DST });
    device.queue.writeBuffer(tb, 0, Float32Array.from(t));
    const params = device.createBuffer({ size: 32, usage: UNIFORM | COPY_DST });
    const chunk = Math.max(1, Math.min(rows, maxRows));
    const yb = device.createBuffer({ size: Math.max(16, chunk * m * 4), usage: STORAGE | COPY_DST });
    const ob = device.createBuffer({ size: Math.max(16, chunk * 12), usage: STORAGE | COPY_SRC });
    const rb = device.createBuffer({ size: Math.max(16, chunk * 12), usage: MAP_READ | COPY_DST });
    const bind = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [{ binding: 0, resource: { buffer: yb } }, { binding: 1, resource: { buffer: tb } }, { binding: 2, resource: { buffer: ob } }, { binding: 3, resource: { buffer: params } }],
    });
    const pbytes = new ArrayBuffer(32);
    const pu = new Uint32Array(pbytes), pf = new Float32Array(pbytes);
    try {
      for (let r0 = 0; r0 < rows; r0 += chunk) {
        const n = Math.min(chunk, rows - r0);
        device.queue.writeBuffer(yb, 0, Float32Array.from(Y.subarray(r0 * m, (r0 + n) * m)));
        pu[0] = n;
        pu[1] = m;
        pu[2] = 200;
        pf[4] = p0[0];
        pf[5] = p0[1];
        pf[6] = 1e-6;
        device.queue.writeBuffer(params, 0, pbytes);
        const enc = device.createCommandEncoder();
        const pass = enc.beginComputePass();
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bind);
        pass.dispatchWorkgroups(Math.ceil(n / WG));
        pass.end();
        enc.copyBufferToBuffer(ob, 0, rb, 0, n * 12);
        device.queue.submit([enc.finish()]);
        await rb.mapAsync(MAP_READ, 0, n * 12);
        result.set(new Float32Array(rb.getMappedRange(0, n * 12)), r0 * 3);
        rb.unmap();
      }
    } finally {
      for (const b of [tb, params, yb, ob, rb]) b.destroy();
    }
    return { out: result, adapter: info.adapter };
  });
}
