/**
 * Index alignment for binary operations, as pandas does it: when both sides share one index (the same
 * object, or equal labels in the same order) nothing moves; otherwise the result has the union of the
 * labels (sorted, as pandas sorts a union of unequal indexes) and each side is gathered onto it, with
 * null where a side lacks the label. Duplicated labels give the outer join of the matches.
 * @module
 */
import { Column } from '../column.js';
import { fromValues } from '../column-build.js';
import { take } from '../column-take.js';
import { Index, RangeIndex, labelKey, type Label } from '../label-index.js';
import { MultiIndex, compareScalars } from '../multi-index.js';
import type { Scalar } from '../dtypes.js';
import type { Series } from '../series.js';

/** Positions of each result row in the left and right inputs (-1: absent); null means "same rows". */
export interface IndexAlignment {
  index: Index;
  left: Int32Array | null;
  right: Int32Array | null;
}

/**
 * Compares two labels (scalars, or tuples level by level), nulls last.
 * @example
 * compareLabels(['a', 2], ['a', 10]) // < 0
 */
export function compareLabels(a: Label, b: Label): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareScalars(a[i] as Scalar, b[i] as Scalar);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return compareScalars(a as Scalar, b as Scalar);
}

/** True when every label is of one sortable kind (pandas leaves a union of mixed labels unsorted). */
function sortable(labels: readonly Label[]): boolean {
  let kind: string | null = null;
  for (const l of labels) {
    if (l === null) continue;
    const k = Array.isArray(l) ? 'tuple' : l instanceof Date ? 'date' : typeof l === 'bigint' ? 'number' : typeof l;
    if (kind === null) kind = k;
    else if (kind !== k) return false;
  }
  return true;
}

/** Builds an index over `labels`, keeping a MultiIndex shape and the name both sides share. */
function indexOf(labels: Label[], a: Index, b: Index): Index {
  if (a instanceof MultiIndex && labels.length > 0) {
    const names = a.names.map((n, i) => (n === b.names[i] ? n : null));
    return MultiIndex.fromTuples(labels as Scalar[][], { names });
  }
  const name = a.name === b.name ? a.name : null;
  const dtype = labels.length === 0 ? a.dtype : undefined;
  return new Index(fromValues(labels as Scalar[], dtype), { name });
}

/**
 * Aligns two indexes: the shared index when they are equal, else the sorted union of the labels (an
 * outer join when labels repeat).
 * @example
 * alignIndexes(new Index(['b', 'a']), new Index(['a', 'c'])) // index a, b, c; left [1, 0, -1]; right [0, -1, 1]
 */
export function alignIndexes(a: Index, b: Index): IndexAlignment {
  if (a === b || sameLabels(a, b)) return { index: a, left: null, right: null };
  const la = a.toArray();
  const lb = b.toArray();
  const posA = positions(la);
  const posB = positions(lb);
  const keys: Label[] = [];
  const seen = new Set<string | number | boolean | null>();
  for (const l of [...la, ...lb]) {
    const k = labelKey(l);
    if (!seen.has(k)) {
      seen.add(k);
      keys.push(l);
    }
  }
  if (sortable(keys)) keys.sort(compareLabels);
  const labels: Label[] = [];
  const left: number[] = [];
  const right: number[] = [];
  for (const l of keys) {
    const k = labelKey(l);
    const pa = posA.get(k) ?? [-1];
    const pb = posB.get(k) ?? [-1];
    for (const i of pa) {
      for (const j of pb) {
        labels.push(l);
        left.push(i);
        right.push(j);
      }
    }
  }
  return { index: indexOf(labels, a, b), left: Int32Array.from(left), right: Int32Array.from(right) };
}

/**
 * `a.equals(b)` with a typed-array fast path for flat indexes of one dtype (no label boxing).
 * @example
 * sameLabels(new Index([1, 2]), new Index([1, 2])) // true
 */
export function sameLabels(a: Index, b: Index): boolean {
  if (a.length !== b.length || a.nlevels !== b.nlevels) return false;
  if (a.nlevels === 1 && !(a instanceof RangeIndex) && !(b instanceof RangeIndex) && a.dtype === b.dtype &&
    a.column.validity === null && b.column.validity === null && a.dtype !== 'bool') {
    const n = a.length;
    if (a.dtype === 'string') {
      const sa = a.column.strings();
      const sb = b.column.strings();
      for (let i = 0; i < n; i++) if (sa[i] !== sb[i]) return false;
      return true;
    }
    const va = a.column.values;
    const vb = b.column.values;
    const bytes = n * va.BYTES_PER_ELEMENT;
    const words = bytes % 4 === 0 && va.byteOffset % 4 === 0 && vb.byteOffset % 4 === 0;
    const wa = words ? new Int32Array(va.buffer, va.byteOffset, bytes >> 2) : new Uint8Array(va.buffer, va.byteOffset, bytes);
    const wb = words ? new Int32Array(vb.buffer, vb.byteOffset, bytes >> 2) : new Uint8Array(vb.buffer, vb.byteOffset, bytes);
    for (let i = 0; i < wa.length; i++) if (wa[i] !== wb[i]) return false;
    return true;
  }
  return a.equals(b);
}

function positions(labels: readonly Label[]): Map<string | number | boolean | null, number[]> {
  const m = new Map<string | number | boolean | null, number[]>();
  labels.forEach((l, i) => {
    const k = labelKey(l);
    const p = m.get(k);
    if (p) p.push(i);
    else m.set(k, [i]);
  });
  return m;
}

/**
 * Rows of `col` at `idx` (-1 gives null), or `col` itself when `idx` is null.
 * @example
 * gather(col, alignIndexes(a, b).left)
 */
export function gather(col: Column, idx: Int32Array | null): Column {
  return idx === null ? col : take(col, idx);
}

/**
 * Two Series brought onto one index: the columns to combine row by row and the result index.
 * @example
 * const { index, left, right } = alignSeries(s1, s2); // left/right have index.length rows
 */
export function alignSeries(a: Series, b: Series): { index: Index; left: Column; right: Column } {
  const al = alignIndexes(a.index, b.index);
  return { index: al.index, left: gather(a.column, al.left), right: gather(b.column, al.right) };
}

/**
 * The name pandas gives the result of a binary operation: the shared name, else none.
 * @example
 * resultName(new Series([1], { name: 'a' }), 2) // 'a'
 */
export function resultName(a: Series, b: unknown): string | null {
  if (b !== null && typeof b === 'object' && 'name' in b && 'column' in b) return (b as Series).name === a.name ? a.name : null;
  return a.name;
}
