/**
 * A tiny WebAssembly assembler shared by the SIMD distance kernels (wasm-gemm.ts, wasm-small.ts):
 * LEB128 encoders, sections, the opcodes those kernels use, a `for` loop, and a module with one
 * exported function over an imported memory. No toolchain, no binary blob.
 * @module
 */

/** Unsigned LEB128. */
export const uleb = (v: number): number[] => {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
};
/** Signed LEB128. */
export const sleb = (v: number): number[] => {
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
export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];

export const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b;
export const get = (l: number): number[] => [0x20, ...uleb(l)];
export const set = (l: number): number[] => [0x21, ...uleb(l)];
export const tee = (l: number): number[] => [0x22, ...uleb(l)];
export const i32 = (v: number): number[] => [0x41, ...sleb(v)];
export const ADD = [0x6a], MUL = [0x6c], LT_U = [0x49];
/** v128.load / v128.store at a constant offset (8-byte alignment hint). */
export const vload = (off = 0): number[] => [0xfd, 0x00, 0x03, ...uleb(off)];
export const vstore = (off = 0): number[] => [0xfd, 0x0b, 0x03, ...uleb(off)];
/** v128.load64_splat: one f64 in both lanes. */
export const vsplat64 = (off = 0): number[] => [0xfd, 0x0a, 0x03, ...uleb(off)];
export const F64X2_ABS = [0xfd, 0xec, 0x01], F64X2_SQRT = [0xfd, 0xef, 0x01], F64X2_ADD = [0xfd, 0xf0, 0x01];
export const F64X2_SUB = [0xfd, 0xf1, 0x01], F64X2_MUL = [0xfd, 0xf2, 0x01], F64X2_PMAX = [0xfd, 0xf7, 0x01];
export const lane = (k: number): number[] => [0xfd, 0x21, k];
export const F64_ADD = [0xa0], F64_SUB = [0xa1], F64_MUL = [0xa2], F64_SQRT = [0x9f], F64_GE = [0x66];
export const I32_EQZ = [0x45], SELECT = [0x1b];
export const f64load = (off: number): number[] => [0x2b, 0x03, ...uleb(off)];
export const f64store = (off: number): number[] => [0x39, 0x03, ...uleb(off)];
export const f64const = (v: number): number[] => [0x44, ...new Uint8Array(new Float64Array([v]).buffer)];
/** v128.const 0. */
export const ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];

/** `for (; local < limit; local += step) body` as block/loop. */
export const forLoop = (local: number, limit: number[], step: number[], body: number[]): number[] => [
  0x02, 0x40, 0x03, 0x40,
  ...get(local), ...limit, ...LT_U, 0x45, 0x0d, 0x01, // if !(local < limit) break
  ...body,
  ...get(local), ...step, ...ADD, ...set(local),
  0x0c, 0x00, 0x0b, 0x0b,
];

/**
 * A function body: local declarations ([count, type] runs) and code (ending with `end`, 0x0b).
 * @example
 * funcBody([[2, I32]], [...get(0), ...set(2), 0x0b]) // one i32 local pair, copies param 0
 */
export function funcBody(locals: [number, number][], code: number[]): number[] {
  const body = [...vec(locals.map(([c, t]) => [...uleb(c), t])), ...code];
  return [...uleb(body.length), ...body];
}

/**
 * A module importing memory "env" "mem" (min 1 page) and exporting one function `name` with
 * `params` i32 parameters and the given results.
 * @example
 * new WebAssembly.Module(moduleBytes('f', 2, [I32], funcBody([], [...get(0), ...get(1), ...ADD, 0x0b])));
 */
export function moduleBytes(name: string, params: number, results: number[], body: number[]): Uint8Array {
  const type = section(1, vec([[0x60, ...vec(new Array<number[]>(params).fill([I32])), ...vec(results.map((r) => [r]))]]));
  const imp = section(2, vec([[0x03, 0x65, 0x6e, 0x76, 0x03, 0x6d, 0x65, 0x6d, 0x02, 0x00, 0x01]]));
  const func = section(3, vec([[0x00]]));
  const nm = [...new TextEncoder().encode(name)];
  const exp = section(7, vec([[...uleb(nm.length), ...nm, 0x00, 0x00]]));
  const code = section(10, vec([body]));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imp, ...func, ...exp, ...code]);
}

/** The slice of the WebAssembly JS API the kernels use (the project's lib settings do not declare it). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
export interface WasmApi {
  Memory: new (desc: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
/** The runtime's WebAssembly, when it has one. */
export const WA = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/**
 * Grows `mem` to hold at least `bytes`.
 * @example
 * ensureBytes(mem, 1 << 20);
 */
export function ensureBytes(mem: WasmMemory, bytes: number): void {
  const have = mem.buffer.byteLength;
  if (bytes > have) mem.grow(Math.ceil((bytes - have) / 65536));
}
