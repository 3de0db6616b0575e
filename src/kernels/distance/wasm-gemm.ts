/**
 * G = A Bᵀ with WebAssembly SIMD (f64x2): the Gram-form product at larger d, about 2x the scalar
 * JS kernel. The module is assembled here from a few opcodes (no toolchain, no binary blob): a
 * 2 x 4 register tile of f64x2 accumulators walks k two features at a time; B is visited in blocks
 * of rows that stay in L1. Rows are padded to an even number of features and the row counts to the
 * tile (zeros do not change dot products). Falls back to gemm.ts when SIMD is unavailable.
 * @module
 */

// --- a tiny assembler --------------------------------------------------------------------------
const uleb = (v: number): number[] => {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
};
const sleb = (v: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
};
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];

const I32 = 0x7f, V128 = 0x7b;
const get = (l: number): number[] => [0x20, ...uleb(l)];
const set = (l: number): number[] => [0x21, ...uleb(l)];
const i32 = (v: number): number[] => [0x41, ...sleb(v)];
const ADD = [0x6a], MUL = [0x6c], LT_U = [0x49];
const vload = (off = 0): number[] => [0xfd, 0x00, 0x03, ...uleb(off)];
const F64X2_ADD = [0xfd, 0xf0, 0x01], F64X2_MUL = [0xfd, 0xf2, 0x01];
const lane = (k: number): number[] => [0xfd, 0x21, k];
const F64_ADD = [0xa0];
const f64store = (off: number): number[] => [0x39, 0x03, ...uleb(off)];
const ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
/** `for (; local < limit; local += step) body` as block/loop. */
const forLoop = (local: number, limit: number[], step: number[], body: number[]): number[] => [
  0x02, 0x40, 0x03, 0x40,
  ...get(local), ...limit, ...LT_U, 0x45, 0x0d, 0x01, // if !(local < limit) break
  ...body,
  ...get(local), ...step, ...ADD, ...set(local),
  0x0c, 0x00, 0x0b, 0x0b,
];

// params: 0 aPtr, 1 rows (even), 2 bPtr, 3 n4 (multiple of 4), 4 gPtr, 5 rowBytes (16·k), 6 blockRows (multiple of 4)
// locals: 7 jb, 8 jend, 9 i, 10 j, 11 k, 12 pa0, 13 pa1, 14 pb0, 15 pb1, 16 pb2, 17 pb3, 18 g0, 19 g1, 20 a0, 21 a1, 22 b, 23..30 acc
function gemmBody(): number[] {
  const acc = (r: number, c: number): number => 23 + r * 4 + c;
  const inner: number[] = [
    ...get(12), ...get(11), ...ADD, ...vload(), ...set(20),
    ...get(13), ...get(11), ...ADD, ...vload(), ...set(21),
  ];
  for (let c = 0; c < 4; c++) {
    inner.push(...get(14 + c), ...get(11), ...ADD, ...vload(), ...set(22));
    for (let r = 0; r < 2; r++) inner.push(...get(acc(r, c)), ...get(20 + r), ...get(22), ...F64X2_MUL, ...F64X2_ADD, ...set(acc(r, c)));
  }
  const tile: number[] = [];
  tile.push(...get(2), ...get(10), ...get(5), ...MUL, ...ADD, ...set(14));
  for (let c = 1; c < 4; c++) tile.push(...get(13 + c), ...get(5), ...ADD, ...set(14 + c));
  for (let a = 0; a < 8; a++) tile.push(...ZERO, ...set(23 + a));
  tile.push(...i32(0), ...set(11), ...forLoop(11, get(5), i32(16), inner));
  // g0 = gPtr + (i * n4 + j) * 8; g1 = g0 + n4 * 8
  tile.push(...get(4), ...get(9), ...get(3), ...MUL, ...get(10), ...ADD, ...i32(8), ...MUL, ...ADD, ...set(18));
  tile.push(...get(18), ...get(3), ...i32(8), ...MUL, ...ADD, ...set(19));
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 4; c++) tile.push(...get(18 + r), ...get(acc(r, c)), ...lane(0), ...get(acc(r, c)), ...lane(1), ...F64_ADD, ...f64store(c * 8));
  }
  const rowPair: number[] = [
    ...get(0), ...get(9), ...get(5), ...MUL, ...ADD, 0x22, ...uleb(12), ...get(5), ...ADD, ...set(13),
    ...get(7), ...set(10), ...forLoop(10, get(8), i32(4), tile),
  ];
  const block: number[] = [
    // jend = min(jb + blockRows, n4)
    ...get(7), ...get(6), ...ADD, ...set(8),
    ...get(8), ...get(3), ...get(8), ...get(3), ...LT_U, 0x1b, ...set(8),
    ...i32(0), ...set(9), ...forLoop(9, get(1), i32(2), rowPair),
  ];
  const code = [...i32(0), ...set(7), ...forLoop(7, get(3), get(6), block), 0x0b];
  const locals = vec([[...uleb(13), I32], [...uleb(11), V128]]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

function assemble(): Uint8Array {
  const type = section(1, vec([[0x60, ...vec(new Array<number[]>(7).fill([I32])), 0x00]]));
  // import "env" "mem": memory, limits min 1 page
  const imp = section(2, vec([[0x03, 0x65, 0x6e, 0x76, 0x03, 0x6d, 0x65, 0x6d, 0x02, 0x00, 0x01]]));
  const func = section(3, vec([[0x00]]));
  const exp = section(7, vec([[0x04, 0x67, 0x65, 0x6d, 0x6d, 0x00, 0x00]]));
  const code = section(10, vec([gemmBody()]));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imp, ...func, ...exp, ...code]);
}

// --- runtime -----------------------------------------------------------------------------------
/** The slice of the WebAssembly JS API used here (the project's lib settings do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (desc: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const WA = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

type GemmFn = (aPtr: number, rows: number, bPtr: number, n4: number, gPtr: number, rowBytes: number, blockRows: number) => void;
let cached: { fn: GemmFn; mem: WasmMemory } | null | undefined;

function instance(): { fn: GemmFn; mem: WasmMemory } | null {
  if (cached !== undefined) return cached;
  try {
    if (!WA) throw new Error('no WebAssembly');
    const mem = new WA.Memory({ initial: 1 });
    const inst = new WA.Instance(new WA.Module(assemble()), { env: { mem } });
    cached = { fn: inst.exports.gemm as GemmFn, mem };
  } catch (e) {
    if (process.env.GRIDFRAME_DEBUG_WASM) console.error(e);
    cached = null;
  }
  return cached;
}

/** True when the SIMD kernel compiled on this runtime. */
export function wasmGemmAvailable(): boolean {
  return instance() !== null;
}

/** Rows of B per L1 block (multiple of 4). */
const BLOCK_ROWS = 32;
/** Rows of A per call (even): the G block is rows x n doubles. */
const A_ROWS = 16;

/**
 * Calls `visit(i0, i1, G, n4)` for row blocks of A with G[(i - i0) * n4 + j] = dot(A_i, B_j),
 * computed by the SIMD kernel. Returns false (and does nothing) when WebAssembly SIMD is unavailable.
 * @example
 * gemmBlocksWasm(A, m, B, n, d, 0, m, (i0, i1, G, n4) => { ... read G ... });
 */
export function gemmBlocksWasm(
  A: Float64Array, B: Float64Array, n: number, d: number, r0: number, r1: number,
  visit: (i0: number, i1: number, G: Float64Array, n4: number) => void,
): boolean {
  const w = instance();
  if (!w) return false;
  const dp = d + (d & 1), rowBytes = dp * 8;
  const n4 = (n + 3) & ~3;
  const rows = r1 - r0;
  const aRows = rows + (rows & 1);
  const bBytes = n4 * rowBytes, aBytes = aRows * rowBytes, gBytes = A_ROWS * n4 * 8;
  const need = bBytes + aBytes + gBytes;
  const have = w.mem.buffer.byteLength;
  if (need > have) w.mem.grow(Math.ceil((need - have) / 65536));
  const heap = new Float64Array(w.mem.buffer);
  const bOff = 0, aOff = bBytes / 8, gOff = (bBytes + aBytes) / 8;
  heap.fill(0, 0, (bBytes + aBytes) / 8);
  for (let j = 0; j < n; j++) heap.set(B.subarray(j * d, j * d + d), bOff + j * dp);
  for (let i = 0; i < rows; i++) heap.set(A.subarray((r0 + i) * d, (r0 + i) * d + d), aOff + i * dp);
  const G = heap.subarray(gOff, gOff + A_ROWS * n4);
  for (let i0 = 0; i0 < rows; i0 += A_ROWS) {
    const cnt = Math.min(A_ROWS, aRows - i0);
    w.fn((aOff + i0 * dp) * 8, cnt, bOff * 8, n4, gOff * 8, rowBytes, BLOCK_ROWS);
    visit(r0 + i0, r0 + Math.min(rows, i0 + A_ROWS), G, n4);
  }
  return true;
}
