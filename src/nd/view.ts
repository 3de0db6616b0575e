/**
 * Views without copies: slicing, transposing, squeezing, broadcasting, new axes.
 * @module
 */
import { ValueError } from '../errors.js';
import { NDArray } from './ndarray.js';

/** A positional slice (stop exclusive, negative values count from the end, step may be negative). */
export interface PosSlice {
  start?: number | null;
  stop?: number | null;
  step?: number | null;
}

/** A selection along one axis: an index (drops the axis), a slice, or null (keep all). */
export type AxisSel = number | PosSlice | null;

/**
 * Normalises a slice against a length as numpy does; returns start, step and the number of elements.
 * @example
 * resolveSlice({ start: -2 }, 5) // { start: 3, step: 1, length: 2 }
 */
export function resolveSlice(s: PosSlice, n: number): { start: number; step: number; length: number } {
  const step = s.step ?? 1;
  if (step === 0 || !Number.isInteger(step)) throw new ValueError('slice step must be a non-zero integer');
  const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);
  let start: number;
  let stop: number;
  if (step > 0) {
    start = s.start == null ? 0 : clamp(s.start < 0 ? s.start + n : s.start, 0, n);
    stop = s.stop == null ? n : clamp(s.stop < 0 ? s.stop + n : s.stop, 0, n);
  } else {
    start = s.start == null ? n - 1 : clamp(s.start < 0 ? s.start + n : s.start, -1, n - 1);
    stop = s.stop == null ? -1 : clamp(s.stop < 0 ? s.stop + n : s.stop, -1, n - 1);
  }
  const length = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
  return { start, step, length };
}

/**
 * Selects along each axis (missing trailing selections keep everything).
 * @example
 * sliceView(a, [0, { start: 1 }])
 */
export function sliceView(a: NDArray, sel: readonly AxisSel[]): NDArray {
  if (sel.length > a.ndim) throw new ValueError(`Too many indices: array has ${a.ndim} dimensions, got ${sel.length}`);
  const shape: number[] = [];
  const strides: number[] = [];
  let offset = a.offset;
  for (let d = 0; d < a.ndim; d++) {
    const s = d < sel.length ? sel[d] : null;
    const n = a.shape[d];
    if (typeof s === 'number') {
      const i = s < 0 ? s + n : s;
      if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new ValueError(`index ${s} is out of bounds for axis ${d} with size ${n}`);
      offset += i * a.strides[d];
    } else if (s === null) {
      shape.push(n);
      strides.push(a.strides[d]);
    } else {
      const r = resolveSlice(s, n);
      if (r.length > 0) offset += r.start * a.strides[d];
      shape.push(r.length);
      strides.push(a.strides[d] * r.step);
    }
  }
  return new NDArray(a.data, shape, { strides, offset, dtype: a.dtype });
}

/**
 * Permutes axes (reverses them by default).
 * @example
 * transposeView(a, [1, 0])
 */
export function transposeView(a: NDArray, axes?: readonly number[]): NDArray {
  const perm = axes ? [...axes] : a.shape.map((_, i) => a.ndim - 1 - i);
  const seen = new Set(perm);
  if (perm.length !== a.ndim || seen.size !== a.ndim || perm.some((p) => !(p >= 0 && p < a.ndim))) {
    throw new ValueError(`axes [${perm.join(', ')}] are not a permutation of ${a.ndim} dimensions`);
  }
  return new NDArray(a.data, perm.map((p) => a.shape[p]), { strides: perm.map((p) => a.strides[p]), offset: a.offset, dtype: a.dtype });
}

/**
 * Drops length-1 axes (all of them, or only those listed).
 * @example
 * squeezeView(NDArray.from([[1, 2]])).shape // [2]
 */
export function squeezeView(a: NDArray, axes?: readonly number[]): NDArray {
  const drop = new Set(axes ?? a.shape.flatMap((d, i) => (d === 1 ? [i] : [])));
  for (const ax of drop) if (a.shape[ax] !== 1) throw new ValueError(`cannot squeeze axis ${ax} of size ${a.shape[ax]}`);
  const keep = a.shape.map((_, i) => i).filter((i) => !drop.has(i));
  return new NDArray(a.data, keep.map((i) => a.shape[i]), { strides: keep.map((i) => a.strides[i]), offset: a.offset, dtype: a.dtype });
}

/**
 * The broadcast shape of several shapes (numpy rules), or a ValueError naming both shapes.
 * @example
 * broadcastShapes([3, 1], [4]) // [3, 4]
 */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const d = nd - s.length + i;
      if (s[i] === out[d] || s[i] === 1) continue;
      if (out[d] === 1) out[d] = s[i];
      else throw new ValueError(`operands could not be broadcast together with shapes ${shapes.map((x) => `(${x.join(',')})`).join(' ')}`);
    }
  }
  return out;
}

/**
 * A view of `a` broadcast to `shape` (stride 0 along broadcast axes).
 * @example
 * broadcastView(NDArray.from([1, 2]), [3, 2])
 */
export function broadcastView(a: NDArray, shape: readonly number[]): NDArray {
  const nd = shape.length;
  if (a.ndim > nd) throw new ValueError(`cannot broadcast shape (${a.shape.join(',')}) to (${shape.join(',')})`);
  const strides = new Array<number>(nd).fill(0);
  for (let i = 0; i < a.ndim; i++) {
    const d = nd - a.ndim + i;
    if (a.shape[i] === shape[d]) strides[d] = a.strides[i];
    else if (a.shape[i] === 1) strides[d] = 0;
    else throw new ValueError(`cannot broadcast shape (${a.shape.join(',')}) to (${shape.join(',')})`);
  }
  return new NDArray(a.data, shape, { strides, offset: a.offset, dtype: a.dtype });
}

/**
 * Inserts a length-1 axis.
 * @example
 * expandDimsView(NDArray.from([1, 2]), 0).shape // [1, 2]
 */
export function expandDimsView(a: NDArray, axis: number): NDArray {
  const ax = axis < 0 ? axis + a.ndim + 1 : axis;
  if (!(ax >= 0 && ax <= a.ndim)) throw new ValueError(`axis ${axis} is out of bounds for ${a.ndim + 1} dimensions`);
  const shape = [...a.shape];
  const strides = [...a.strides];
  shape.splice(ax, 0, 1);
  strides.splice(ax, 0, 0);
  return new NDArray(a.data, shape, { strides, offset: a.offset, dtype: a.dtype });
}
