/**
 * Arithmetic between DataArrays: align index coordinates (inner join, as xarray's default), then
 * broadcast by dimension name (result dims: the left operand's, then the right's new ones).
 * @module
 */
import { ValueError } from '../errors.js';
import { DataArray } from './dataarray.js';
import { Variable } from './variable.js';
import { binary, compare, type BinaryOp, type CompareOp } from './elementwise.js';
import type { Indexer } from './select.js';
import type { Coords } from './coords.js';

function labelsOf(v: Variable): (number | string)[] {
  const flat = v.values.flat();
  return Array.isArray(flat) ? flat : Array.from(flat as ArrayLike<number | bigint>, Number);
}

/**
 * Aligns two arrays on their shared index coordinates (inner join).
 * @example
 * const [a2, b2] = align(a, b);
 */
export function align(a: DataArray, b: DataArray): [DataArray, DataArray] {
  const ia: Record<string, Indexer> = {};
  const ib: Record<string, Indexer> = {};
  for (const d of a.dims) {
    if (!b.dims.includes(d)) continue;
    const ca = a.coords[d];
    const cb = b.coords[d];
    if (!ca || !cb || ca.dims[0] !== d || cb.dims[0] !== d) {
      if (a.sizes[d] !== b.sizes[d]) {
        throw new ValueError(`cannot align: dimension '${d}' has size ${a.sizes[d]} on the left and ${b.sizes[d]} on the right, and no coordinate labels to align by`);
      }
      continue;
    }
    const la = labelsOf(ca);
    const lb = labelsOf(cb);
    if (la.length === lb.length && la.every((x, i) => x === lb[i])) continue;
    const pos = new Map<number | string, number>();
    lb.forEach((x, i) => { if (!pos.has(x)) pos.set(x, i); });
    const pa: number[] = [];
    const pb: number[] = [];
    la.forEach((x, i) => { const j = pos.get(x); if (j !== undefined) { pa.push(i); pb.push(j); } });
    ia[d] = pa;
    ib[d] = pb;
  }
  if (Object.keys(ia).length === 0) return [a, b];
  return [a.isel(ia), b.isel(ib)];
}

function combine(a0: DataArray, other: DataArray | number, fn: (x: Variable, y: Variable | number, dims: string[], sizes: Record<string, number>) => Variable): DataArray {
  if (typeof other === 'number') {
    return DataArray.fromParts(fn(a0.variable, other, [...a0.dims], a0.sizes), a0.coords, a0.name);
  }
  const [a, b] = align(a0, other);
  const dims = [...a.dims, ...b.dims.filter((d) => !a.dims.includes(d))];
  const sizes: Record<string, number> = { ...b.sizes, ...a.sizes };
  for (const d of b.dims) if (a.dims.includes(d) && a.sizes[d] !== b.sizes[d]) {
    throw new ValueError(`operands have different sizes along '${d}': ${a.sizes[d]} vs ${b.sizes[d]}`);
  }
  const coords: Coords = { ...b.coords, ...a.coords };
  const name = a.name === b.name ? a.name : null;
  return DataArray.fromParts(fn(a.variable, b.variable, dims, sizes), coords, name);
}

/**
 * `a <op> b` with alignment and broadcasting by dimension name; attributes are dropped (as xarray).
 * @example
 * arith('sub', tas, 273.15)
 */
export function arith(op: BinaryOp, a: DataArray, b: DataArray | number): DataArray {
  return combine(a, b, (x, y, dims, sizes) => {
    const xv = x.broadcastTo(dims, sizes);
    const yv = typeof y === 'number' ? y : y.broadcastTo(dims, sizes);
    return new Variable(dims, binary(op, xv, yv));
  });
}

/**
 * Elementwise comparison with alignment; a bool DataArray.
 * @example
 * compareArrays('gt', tas, 300)
 */
export function compareArrays(op: CompareOp, a: DataArray, b: DataArray | number): DataArray {
  return combine(a, b, (x, y, dims, sizes) => {
    const xv = x.broadcastTo(dims, sizes);
    const yv = typeof y === 'number' ? y : y.broadcastTo(dims, sizes);
    return new Variable(dims, compare(op, xv, yv));
  });
}
