/**
 * Direct-form distances for few features (d < 16) with WebAssembly SIMD (f64x2): euclidean,
 * sqeuclidean, cityblock and chebyshev. Each metric and d gets its own module, assembled here
 * (wasm-asm.ts) with the feature loop unrolled and X's values of R rows held in registers; a pass
 * computes two columns per instruction, C columns per iteration, over Y stored as panels of C
 * columns (feature-major within a panel). Rows of the result are computed into a block in the
 * module's memory and copied into `out` (the copy costs about a memset; wasm cannot write outside
 * its memory). Columns go in tiles so the memory stays small for any n.
 *
 * Results are bit-identical to the JS kernels (euclidean.ts, minkowski.ts): each lane adds the same
 * terms in the same order (one running sum for d < 4, else the four accumulators of `sqdiff` and
 * `cityblockKernel`; chebyshev's two maxima with `pmax`, which is `if (t > m) m = t`), and wasm
 * never fuses a multiply-add. NaN propagates the same way.
 * @module
 */
import {
  ADD, F64X2_ABS, F64X2_ADD, F64X2_MUL, F64X2_PMAX, F64X2_SQRT, F64X2_SUB, I32, MUL, V128, WA, ZERO,
  ensureBytes, forLoop, funcBody, get, i32, moduleBytes, set, tee, vload, vsplat64, vstore, type WasmMemory,
} from './wasm-asm.js';
import type { DistanceKernel } from './types.js';

/** Metrics with a small-d SIMD kernel. */
export type SmallMetric = 'euclidean' | 'sqeuclidean' | 'cityblock' | 'chebyshev';

/** The SIMD kernels cover 1 <= d <= SMALL_MAX_FEATURES. */
export const SMALL_MAX_FEATURES = 15;
/** Columns per panel (two f64x2 vectors) and rows of X per pass, per metric. */
const C = 4;
const ROWS: Record<SmallMetric, number> = { euclidean: 2, sqeuclidean: 2, cityblock: 4, chebyshev: 4 };
/** Rows of the result per call into the module, rounded up to R (a small block: copied out while in L1/L2; 2 measured ~8% faster than 8 for euclidean, d = 3). */
const BLOCK_ROWS = 2;
/** Doubles of Y per column tile (the panels of one tile stay in L2), and at most this many columns. */
const TILE_DOUBLES = 1 << 16;
const TILE_MAX_COLS = 8192;

// f(xPtr, rows (multiple of R), yPtr (panels), panels, gPtr, gRowBytes)
const P = { x: 0, rows: 1, y: 2, panels: 3, g: 4, gRow: 5 };

/** Which accumulator each feature k adds into, in order: the JS kernels' association. */
function groups(metric: SmallMetric, d: number): number[][] {
  if (metric === 'chebyshev') {
    const g: number[][] = [[], []];
    for (let k = 0; k + 1 < d; k += 2) {
      g[0].push(k);
      g[1].push(k + 1);
    }
    if (d & 1) g[0].push(d - 1);
    return g;
  }
  if (d < 4) return [Array.from({ length: d }, (_, k) => k)];
  const g: number[][] = [[], [], [], []];
  const full = d - (d % 4);
  for (let k = 0; k < full; k++) g[k % 4].push(k);
  for (let k = full; k < d; k++) g[0].push(k);
  return g;
}

function kernelBody(metric: SmallMetric, d: number): number[] {
  const R = ROWS[metric], C2 = C / 2;
  const gr = groups(metric, d);
  const A = gr.length;
  // locals: i32 i, p, py, pg[R]; v128 x[R*d], y, t, acc[R*A]
  const Li = 6, Lp = 7, Lpy = 8, Lpg = 9;
  const nI32 = 4 + R;
  const Lx = 6 + nI32, Ly = Lx + R * d, Lt = Ly + 1, Lacc = Lt + 1;
  const nV = R * d + 2 + R * A;
  const acc = (r: number, a: number): number => Lacc + r * A + a;
  const cheb = metric === 'chebyshev';
  const grp = new Array<number>(d), first = new Array<boolean>(d);
  gr.forEach((ks, a) => {
    ks.forEach((k, q) => {
      grp[k] = a;
      first[k] = q === 0;
    });
  });

  const inner: number[] = [];
  for (let c2 = 0; c2 < C2; c2++) {
    if (cheb) for (let r = 0; r < R; r++) for (let a = 0; a < A; a++) inner.push(...ZERO, ...set(acc(r, a)));
    for (let k = 0; k < d; k++) {
      inner.push(...get(Lpy), ...vload((k * C2 + c2) * 16), ...set(Ly));
      for (let r = 0; r < R; r++) {
        const a = acc(r, grp[k]);
        // t = x - y, then |t| or t·t
        const term = [...get(Lx + r * d + k), ...get(Ly), ...F64X2_SUB];
        if (metric === 'cityblock' || cheb) term.push(...F64X2_ABS);
        else term.push(...tee(Lt), ...get(Lt), ...F64X2_MUL);
        if (cheb) inner.push(...get(a), ...term, ...F64X2_PMAX, ...set(a));
        else if (first[k]) inner.push(...term, ...set(a));
        else inner.push(...get(a), ...term, ...F64X2_ADD, ...set(a));
      }
    }
    for (let r = 0; r < R; r++) {
      inner.push(...get(Lpg + r));
      if (cheb) inner.push(...get(acc(r, 1)), ...get(acc(r, 0)), ...F64X2_PMAX);
      else if (A === 1) inner.push(...get(acc(r, 0)));
      else inner.push(...get(acc(r, 0)), ...get(acc(r, 1)), ...F64X2_ADD, ...get(acc(r, 2)), ...get(acc(r, 3)), ...F64X2_ADD, ...F64X2_ADD);
      if (metric === 'euclidean') inner.push(...F64X2_SQRT);
      inner.push(...vstore(c2 * 16));
    }
  }
  inner.push(...get(Lpy), ...i32(d * C * 8), ...ADD, ...set(Lpy));
  for (let r = 0; r < R; r++) inner.push(...get(Lpg + r), ...i32(C * 8), ...ADD, ...set(Lpg + r));

  const rowBody: number[] = [];
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < d; k++) rowBody.push(...get(P.x), ...get(Li), ...i32(d * 8), ...MUL, ...ADD, ...vsplat64((r * d + k) * 8), ...set(Lx + r * d + k));
    rowBody.push(...get(P.g), ...get(Li), ...i32(r), ...ADD, ...get(P.gRow), ...MUL, ...ADD, ...set(Lpg + r));
  }
  rowBody.push(...get(P.y), ...set(Lpy), ...i32(0), ...set(Lp), ...forLoop(Lp, get(P.panels), i32(1), inner));
  const code = [...i32(0), ...set(Li), ...forLoop(Li, get(P.rows), i32(R), rowBody), 0x0b];
  return funcBody([[nI32, I32], [nV, V128]], code);
}

type SmallFn = (xPtr: number, rows: number, yPtr: number, panels: number, gPtr: number, gRowBytes: number) => void;

let mem: WasmMemory | null | undefined;
const fns = new Map<string, SmallFn | null>();

/** The module for (metric, d), compiled on first use; null when WebAssembly SIMD is unavailable. */
function fnFor(metric: SmallMetric, d: number): SmallFn | null {
  const key = `${metric}:${d}`;
  const have = fns.get(key);
  if (have !== undefined) return have;
  let fn: SmallFn | null = null;
  try {
    if (!WA) throw new Error('no WebAssembly');
    if (mem === undefined) mem = new WA.Memory({ initial: 1 });
    if (mem) fn = new WA.Instance(new WA.Module(moduleBytes('f', 6, [], kernelBody(metric, d))), { env: { mem } }).exports.f as SmallFn;
  } catch (e) {
    if (process.env.GRIDFRAME_DEBUG_WASM) console.error(e);
    fn = null;
  }
  fns.set(key, fn);
  return fn;
}

/**
 * The SIMD kernel for a metric and d features (same signature and results as the JS kernels), or
 * null when d is out of range or WebAssembly SIMD is unavailable.
 * @example
 * const k = smallKernel('cityblock', 3);
 * k?.(X, Y, 3, n, out, 0, m); // out[i * n + j] = |X_i - Y_j|_1
 */
export function smallKernel(metric: SmallMetric, d: number): DistanceKernel | null {
  if (!(d >= 1 && d <= SMALL_MAX_FEATURES)) return null;
  const f = fnFor(metric, d);
  if (!f || !mem) return null;
  const m = mem;
  const R = ROWS[metric];
  return (X, Y, dd, n, out, r0, r1) => run(f, m, R, X, Y, dd, n, out, r0, r1);
}

function run(f: SmallFn, m: WasmMemory, R: number, X: Float64Array, Y: Float64Array, d: number, n: number, out: Float64Array, r0: number, r1: number): void {
  if (r1 <= r0 || n <= 0) return;
  const tile = Math.min(TILE_MAX_COLS, Math.max(C, Math.floor(TILE_DOUBLES / d / C) * C));
  const tn = Math.min(tile, Math.ceil(n / C) * C);
  const blockPad = Math.ceil(BLOCK_ROWS / R) * R;
  // layout (doubles): Y panels tn*d | X block blockPad*d | G block blockPad*tn
  const yOff = 0, xOff = tn * d, gOff = xOff + blockPad * d;
  ensureBytes(m, (gOff + blockPad * tn) * 8);
  const h = new Float64Array(m.buffer);
  for (let j0 = 0; j0 < n; j0 += tn) {
    const cols = Math.min(tn, n - j0), panels = Math.ceil(cols / C);
    // Y panels: element (j, k) of the tile at ((j / C) * d + k) * C + j % C; pad columns are 0.
    for (let p = 0; p < panels; p++) {
      const base = yOff + p * d * C;
      for (let c = 0; c < C; c++) {
        const j = j0 + p * C + c;
        if (j < j0 + cols) for (let k = 0; k < d; k++) h[base + k * C + c] = Y[j * d + k];
        else for (let k = 0; k < d; k++) h[base + k * C + c] = 0;
      }
    }
    const gRow = panels * C;
    for (let i0 = r0; i0 < r1; i0 += blockPad) {
      const rows = Math.min(blockPad, r1 - i0), rowsPad = Math.ceil(rows / R) * R;
      h.set(X.subarray(i0 * d, (i0 + rows) * d), xOff);
      if (rowsPad > rows) h.fill(0, xOff + rows * d, xOff + rowsPad * d);
      f(xOff * 8, rowsPad, yOff * 8, panels, gOff * 8, gRow * 8);
      if (j0 === 0 && cols === n && gRow === n) out.set(h.subarray(gOff, gOff + rows * n), i0 * n);
      else for (let r = 0; r < rows; r++) out.set(h.subarray(gOff + r * gRow, gOff + r * gRow + cols), (i0 + r) * n + j0);
    }
  }
}
