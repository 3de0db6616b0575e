/**
 * Gram-form distances with WebAssembly SIMD (f64x2): the product A Bᵀ plus the finishing
 * |a|² + |b|² − 2 a·b and sqrt, about 2x the scalar JS kernel. The module is assembled here from a few opcodes (no toolchain, no binary blob): a
 * 2 x 4 register tile of f64x2 accumulators walks k two features at a time; B is visited in blocks
 * of rows that stay in L1. Rows are padded to an even number of features and the row counts to the
 * tile (zeros do not change dot products). Falls back to gemm.ts when SIMD is unavailable.
 * @module
 */

import {
  ADD, F64, F64_ADD, F64_GE, F64_MUL, F64_SQRT, F64_SUB, F64X2_ADD, F64X2_MUL, I32, I32_EQZ, LT_U, MUL, SELECT, V128, WA, ZERO,
  f64const, f64load, f64store, forLoop, get, i32, lane, section, set, uleb, vec, vload, type WasmMemory,
} from './wasm-asm.js';

// params: aPtr, rows (even), bPtr, n4 (multiple of 4), gPtr, rowBytes (16·k), blockRows (multiple of 4),
//         nxPtr (squared norms of the A rows), nyPtr (of the B rows), root (1: sqrt)
const P = { a: 0, rows: 1, b: 2, n4: 3, g: 4, rowBytes: 5, blockRows: 6, nx: 7, ny: 8, root: 9 };
const L = { jb: 10, jend: 11, i: 12, j: 13, k: 14, pa0: 15, pa1: 16, pb0: 17, g0: 21, a0: 23, b: 25, acc0: 26, T: 34, S: 35, c: 36, cnt: 37 };

/**
 * For each (i, j): g = A_i·B_j, t = |A_i|² + |B_j|², s = t − 2g; stores sqrt(s) (or s), or −1 where
 * !(s >= GUARD·t) (cancellation, or NaN/inf inputs: the caller recomputes those pairs directly).
 * Returns how many pairs were flagged, so the caller scans only when there are some.
 */
function gramBody(guard: number): number[] {
  const acc = (r: number, c: number): number => L.acc0 + r * 4 + c;
  const inner: number[] = [
    ...get(L.pa0), ...get(L.k), ...ADD, ...vload(), ...set(L.a0),
    ...get(L.pa1), ...get(L.k), ...ADD, ...vload(), ...set(L.a0 + 1),
  ];
  for (let c = 0; c < 4; c++) {
    inner.push(...get(L.pb0 + c), ...get(L.k), ...ADD, ...vload(), ...set(L.b));
    for (let r = 0; r < 2; r++) inner.push(...get(acc(r, c)), ...get(L.a0 + r), ...get(L.b), ...F64X2_MUL, ...F64X2_ADD, ...set(acc(r, c)));
  }
  const tile: number[] = [];
  tile.push(...get(P.b), ...get(L.j), ...get(P.rowBytes), ...MUL, ...ADD, ...set(L.pb0));
  for (let c = 1; c < 4; c++) tile.push(...get(L.pb0 + c - 1), ...get(P.rowBytes), ...ADD, ...set(L.pb0 + c));
  for (let a = 0; a < 8; a++) tile.push(...ZERO, ...set(L.acc0 + a));
  tile.push(...i32(0), ...set(L.k), ...forLoop(L.k, get(P.rowBytes), i32(16), inner));
  // g0 = gPtr + (i * n4 + j) * 8; g1 = g0 + n4 * 8
  tile.push(...get(P.g), ...get(L.i), ...get(P.n4), ...MUL, ...get(L.j), ...ADD, ...i32(8), ...MUL, ...ADD, ...set(L.g0));
  tile.push(...get(L.g0), ...get(P.n4), ...i32(8), ...MUL, ...ADD, ...set(L.g0 + 1));
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 4; c++) {
      tile.push(
        // T = nx[i + r] + ny[j + c]
        ...get(P.nx), ...get(L.i), ...i32(8), ...MUL, ...ADD, ...f64load(r * 8),
        ...get(P.ny), ...get(L.j), ...i32(8), ...MUL, ...ADD, ...f64load(c * 8), ...F64_ADD, ...set(L.T),
        // S = T - 2 (lane0 + lane1)
        ...get(L.T), ...get(acc(r, c)), ...lane(0), ...get(acc(r, c)), ...lane(1), ...F64_ADD, ...f64const(2), ...F64_MUL, ...F64_SUB, ...set(L.S),
        // store !(S >= guard·T) ? -1 : (root ? sqrt(S) : S); cnt += flagged
        ...get(L.g0 + r), ...f64const(-1),
        ...get(L.S), ...F64_SQRT, ...get(L.S), ...get(P.root), ...SELECT,
        ...get(L.S), ...get(L.T), ...f64const(guard), ...F64_MUL, ...F64_GE, ...I32_EQZ, 0x22, ...uleb(L.c), ...SELECT,
        ...f64store(c * 8),
        ...get(L.cnt), ...get(L.c), ...ADD, ...set(L.cnt),
      );
    }
  }
  const rowPair: number[] = [
    ...get(P.a), ...get(L.i), ...get(P.rowBytes), ...MUL, ...ADD, 0x22, ...uleb(L.pa0), ...get(P.rowBytes), ...ADD, ...set(L.pa1),
    ...get(L.jb), ...set(L.j), ...forLoop(L.j, get(L.jend), i32(4), tile),
  ];
  const block: number[] = [
    // jend = min(jb + blockRows, n4)
    ...get(L.jb), ...get(P.blockRows), ...ADD, ...set(L.jend),
    ...get(L.jend), ...get(P.n4), ...get(L.jend), ...get(P.n4), ...LT_U, ...SELECT, ...set(L.jend),
    ...i32(0), ...set(L.i), ...forLoop(L.i, get(P.rows), i32(2), rowPair),
  ];
  const code = [...i32(0), ...set(L.jb), ...forLoop(L.jb, get(P.n4), get(P.blockRows), block), ...get(L.cnt), 0x0b];
  const locals = vec([[...uleb(13), I32], [...uleb(11), V128], [...uleb(2), F64], [...uleb(2), I32]]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

function assemble(guard: number): Uint8Array {
  const type = section(1, vec([[0x60, ...vec(new Array<number[]>(10).fill([I32])), 0x01, I32]]));
  // import "env" "mem": memory, limits min 1 page
  const imp = section(2, vec([[0x03, 0x65, 0x6e, 0x76, 0x03, 0x6d, 0x65, 0x6d, 0x02, 0x00, 0x01]]));
  const func = section(3, vec([[0x00]]));
  const exp = section(7, vec([[0x04, 0x67, 0x72, 0x61, 0x6d, 0x00, 0x00]])); // export "gram"
  const code = section(10, vec([gramBody(guard)]));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imp, ...func, ...exp, ...code]);
}

// --- runtime -----------------------------------------------------------------------------------
type GramFn = (aPtr: number, rows: number, bPtr: number, n4: number, gPtr: number, rowBytes: number, blockRows: number, nxPtr: number, nyPtr: number, root: number) => number;
let cached: { fn: GramFn; mem: WasmMemory } | null | undefined;

/** Below this fraction of |x|² + |y|² a Gram value is flagged for direct recomputation. */
export const GUARD = 0.05;

function instance(): { fn: GramFn; mem: WasmMemory } | null {
  if (cached !== undefined) return cached;
  try {
    if (!WA) throw new Error('no WebAssembly');
    const mem = new WA.Memory({ initial: 1 });
    const inst = new WA.Instance(new WA.Module(assemble(GUARD)), { env: { mem } });
    cached = { fn: inst.exports.gram as GramFn, mem };
  } catch (e) {
    if (process.env.GRIDFRAME_DEBUG_WASM) console.error(e);
    cached = null;
  }
  return cached;
}

/**
 * True when the SIMD kernel compiled on this runtime.
 * @example
 * wasmGramAvailable() // true on Node >= 16
 */
export function wasmGramAvailable(): boolean {
  return instance() !== null;
}

/** Rows of B per L1 block (multiple of 4). */
const BLOCK_ROWS = 32;
/** Rows of A per call (even): the G block is rows x n4 doubles. */
const A_ROWS = 16;

/**
 * Euclidean (root) or squared distances of rows [r0, r1) of A against the n rows of B through the
 * Gram form, in blocks of A rows: `visit(i0, i1, G, n4, flagged)` gets G[(i - i0) * n4 + j], with
 * −1 where a direct recomputation is needed (`flagged` counts them, padding included). nx / ny: squared row norms of A (all rows) and B.
 * Returns false (and does nothing) when WebAssembly SIMD is unavailable.
 * @example
 * gramBlocksWasm(A, B, n, d, 0, m, nx, ny, true, (i0, i1, G, n4) => { ... });
 */
export function gramBlocksWasm(
  A: Float64Array, B: Float64Array, n: number, d: number, r0: number, r1: number,
  nx: Float64Array, ny: Float64Array, root: boolean,
  visit: (i0: number, i1: number, G: Float64Array, n4: number, flagged: number) => void,
): boolean {
  const w = instance();
  if (!w) return false;
  const dp = d + (d & 1), rowBytes = dp * 8;
  const n4 = (n + 3) & ~3;
  const rows = r1 - r0;
  const aRows = rows + (rows & 1);
  // layout (doubles): B n4*dp | A aRows*dp | nx aRows | ny n4 | G A_ROWS*n4
  const bOff = 0, aOff = n4 * dp, nxOff = aOff + aRows * dp, nyOff = nxOff + aRows, gOff = nyOff + n4;
  const need = (gOff + A_ROWS * n4) * 8;
  const have = w.mem.buffer.byteLength;
  if (need > have) w.mem.grow(Math.ceil((need - have) / 65536));
  const heap = new Float64Array(w.mem.buffer);
  heap.fill(0, 0, gOff);
  for (let j = 0; j < n; j++) heap.set(B.subarray(j * d, j * d + d), bOff + j * dp);
  for (let i = 0; i < rows; i++) heap.set(A.subarray((r0 + i) * d, (r0 + i) * d + d), aOff + i * dp);
  heap.set(nx.subarray(r0, r1), nxOff);
  heap.set(ny.subarray(0, n), nyOff);
  const G = heap.subarray(gOff, gOff + A_ROWS * n4);
  for (let i0 = 0; i0 < rows; i0 += A_ROWS) {
    const cnt = Math.min(A_ROWS, aRows - i0);
    const flagged = w.fn((aOff + i0 * dp) * 8, cnt, bOff * 8, n4, gOff * 8, rowBytes, BLOCK_ROWS, (nxOff + i0) * 8, nyOff * 8, root ? 1 : 0);
    visit(r0 + i0, r0 + Math.min(rows, i0 + A_ROWS), G, n4, flagged);
  }
  return true;
}
