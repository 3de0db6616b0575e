/**
 * Value equality of Datasets (xarray's `equals`; with attrs, `identical`).
 * @module
 */
import type { Dataset } from './dataset.js';
import type { Variable, Attrs } from './variable.js';

function sameValues(a: Variable, b: Variable): boolean {
  if (a.dims.length !== b.dims.length || a.dims.some((d, i) => d !== b.dims[i])) return false;
  if (a.shape.some((n, i) => n !== b.shape[i])) return false;
  const x = a.values.flat();
  const y = b.values.flat();
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  for (let i = 0; i < x.length; i++) {
    const p = x[i];
    const q = y[i];
    if (p !== q && !(typeof p === 'number' && typeof q === 'number' && Number.isNaN(p) && Number.isNaN(q))) {
      if (typeof p === 'bigint' || typeof q === 'bigint' ? Number(p) !== Number(q) : true) return false;
    }
  }
  return true;
}

function sameAttrs(a: Attrs, b: Attrs): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => k in b && JSON.stringify(Array.from(typeof a[k] === 'object' ? (a[k] as ArrayLike<unknown>) : [a[k]], String)) === JSON.stringify(Array.from(typeof b[k] === 'object' ? (b[k] as ArrayLike<unknown>) : [b[k]], String)));
}

function sameMap(a: Record<string, Variable>, b: Record<string, Variable>, attrs: boolean): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.join('\u0000') !== kb.join('\u0000')) return false;
  return ka.every((k) => sameValues(a[k], b[k]) && (!attrs || sameAttrs(a[k].attrs, b[k].attrs)));
}

/**
 * True when both datasets hold the same variables and coordinates with equal values.
 * @example
 * datasetEquals(ds, back, true)
 */
export function datasetEquals(a: Dataset, b: Dataset, attrs: boolean): boolean {
  return sameMap(a.variables, b.variables, attrs) && sameMap(a.coords, b.coords, attrs) && (!attrs || sameAttrs(a.attrs, b.attrs));
}
