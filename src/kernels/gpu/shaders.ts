/**
 * WGSL for distance matrices: one invocation per output, 16 x 16 workgroups, X and Y tiles of 16
 * rows x 16 features staged in workgroup memory. The metric is spliced in as an accumulate step and
 * a finishing expression (float32 throughout).
 * @module
 */
import type { Metric } from '../distance/types.js';

/** Tile edge (workgroup is TILE x TILE). */
export const TILE = 16;

const OPS: Record<Metric, { acc: string; fin: string }> = {
  euclidean: { acc: 'let t = a - b; acc = acc + t * t;', fin: 'sqrt(acc)' },
  sqeuclidean: { acc: 'let t = a - b; acc = acc + t * t;', fin: 'acc' },
  cityblock: { acc: 'acc = acc + abs(a - b);', fin: 'acc' },
  chebyshev: { acc: 'acc = max(acc, abs(a - b));', fin: 'acc' },
  minkowski: { acc: 'acc = acc + pow(abs(a - b), P.p);', fin: 'pow(acc, 1.0 / P.p)' },
  cosine: { acc: 'acc = acc + a * b; xx = xx + a * a; yy = yy + b * b;', fin: 'clamp(1.0 - acc / (sqrt(xx) * sqrt(yy)), 0.0, 2.0)' },
};

/**
 * The compute shader for a metric. Bindings: X (rows x d), Y (n x d), out (rows of this chunk x n), params.
 * @example
 * device.createShaderModule({ code: distanceShader('cityblock') });
 */
export function distanceShader(metric: Metric): string {
  const op = OPS[metric];
  return /* wgsl */ `
struct Params { rows: u32, n: u32, d: u32, r0: u32, p: f32, pad0: f32, pad1: f32, pad2: f32 }
@group(0) @binding(0) var<storage, read> X: array<f32>;
@group(0) @binding(1) var<storage, read> Y: array<f32>;
@group(0) @binding(2) var<storage, read_write> D: array<f32>;
@group(0) @binding(3) var<uniform> P: Params;
const T: u32 = ${TILE}u;
var<workgroup> xs: array<f32, ${TILE * TILE}>;
var<workgroup> ys: array<f32, ${TILE * TILE}>;

@compute @workgroup_size(${TILE}, ${TILE})
fn main(@builtin(local_invocation_id) l: vec3u, @builtin(workgroup_id) w: vec3u) {
  let i = w.y * T + l.y;
  let j = w.x * T + l.x;
  let yrow = w.x * T + l.y;
  var acc: f32 = 0.0;
  var xx: f32 = 0.0;
  var yy: f32 = 0.0;
  for (var k0: u32 = 0u; k0 < P.d; k0 = k0 + T) {
    let k = k0 + l.x;
    var xv: f32 = 0.0;
    var yv: f32 = 0.0;
    if (i < P.rows && k < P.d) { xv = X[(P.r0 + i) * P.d + k]; }
    if (yrow < P.n && k < P.d) { yv = Y[yrow * P.d + k]; }
    xs[l.y * T + l.x] = xv;
    ys[l.y * T + l.x] = yv;
    workgroupBarrier();
    let kmax = min(T, P.d - k0);
    for (var q: u32 = 0u; q < kmax; q = q + 1u) {
      let a = xs[l.y * T + q];
      let b = ys[l.x * T + q];
      ${op.acc}
    }
    workgroupBarrier();
  }
  if (i < P.rows && j < P.n) {
    D[i * P.n + j] = ${op.fin};
  }
}
`;
}
