/**
 * MultiIndex: hierarchical labels as levels (unique values per level) and integer codes per row,
 * as pandas stores them. A label is a tuple (array) with one value per level.
 * @module
 */
import { Column } from './column.js';
import { fromValues } from './column-build.js';
import { take } from './column-take.js';
import { Index, type Label } from './label-index.js';
import { ValueError } from '../errors.js';
import type { DType, Scalar } from './dtypes.js';

/** Labels with several levels. */
export class MultiIndex extends Index {
  /** Unique values of each level. */
  readonly levels: Column[];
  /** Per level, the code of each row into `levels[k]` (-1 = missing). */
  readonly codes: Int32Array[];
  readonly #names: (string | null)[];

  /**
   * @example
   * new MultiIndex([fromValues(['a', 'b']), fromValues([1, 2])], [Int32Array.of(0, 1), Int32Array.of(0, 0)], ['k', 'n'])
   */
  constructor(levels: Column[], codes: Int32Array[], names?: readonly (string | null)[]) {
    super(null as unknown as Column, { name: null });
    if (levels.length !== codes.length || levels.length < 1) throw new ValueError('MultiIndex needs one codes array per level');
    const n = codes[0].length;
    for (const c of codes) if (c.length !== n) throw new ValueError('MultiIndex codes must all have the same length');
    this.levels = levels;
    this.codes = codes;
    this.#names = names ? [...names] : levels.map(() => null);
    if (this.#names.length !== levels.length) throw new ValueError(`MultiIndex has ${levels.length} levels but ${this.#names.length} names`);
  }

  /**
   * From tuples, levels sorted as pandas sorts them.
   * @example
   * MultiIndex.fromTuples([['bar', 'one'], ['bar', 'two']], { names: ['first', 'second'] })
   */
  static fromTuples(tuples: readonly (readonly Scalar[])[], opts: { names?: (string | null)[] } = {}): MultiIndex {
    if (tuples.length === 0) throw new ValueError('fromTuples needs at least one tuple (the number of levels comes from it)');
    const k = tuples[0].length;
    const arrays: Scalar[][] = [];
    for (let l = 0; l < k; l++) arrays.push(tuples.map((t) => {
      if (t.length !== k) throw new ValueError(`Every tuple needs ${k} values; got ${JSON.stringify(t)}`);
      return t[l];
    }));
    return MultiIndex.fromArrays(arrays, opts);
  }

  /**
   * From one array per level (all the same length).
   * @example
   * MultiIndex.fromArrays([['a', 'a', 'b'], [1, 2, 1]], { names: ['k', 'n'] })
   */
  static fromArrays(arrays: readonly (readonly Scalar[] | Column)[], opts: { names?: (string | null)[] } = {}): MultiIndex {
    const levels: Column[] = [];
    const codes: Int32Array[] = [];
    for (const arr of arrays) {
      const col = arr instanceof Column ? arr : fromValues(arr);
      const { uniques, codes: c } = factorizeSorted(col);
      levels.push(uniques);
      codes.push(c);
    }
    return new MultiIndex(levels, codes, opts.names);
  }

  /**
   * The cartesian product of the levels, the last varying fastest.
   * @example
   * MultiIndex.fromProduct([['bar', 'baz'], ['one', 'two']], { names: ['first', 'second'] })
   */
  static fromProduct(levels: readonly (readonly Scalar[])[], opts: { names?: (string | null)[] } = {}): MultiIndex {
    const sizes = levels.map((l) => l.length);
    const n = sizes.reduce((a, b) => a * b, 1);
    const codes = sizes.map(() => new Int32Array(n));
    let repeat = n;
    for (let l = 0; l < levels.length; l++) {
      repeat /= sizes[l];
      const c = codes[l];
      for (let i = 0; i < n; i++) c[i] = Math.floor(i / repeat) % sizes[l];
    }
    return new MultiIndex(levels.map((l) => fromValues(l)), codes, opts.names);
  }

  override get length(): number {
    return this.codes[0].length;
  }
  override get nlevels(): number {
    return this.levels.length;
  }
  override get names(): (string | null)[] {
    return [...this.#names];
  }
  override get dtype(): DType {
    return this.levels[0].dtype;
  }
  /** A MultiIndex has no single label column; use `getLevelValues(k)`. */
  override get column(): Column {
    return this.getLevelValues(0);
  }
  override get(i: number): Label {
    return this.codes.map((c, l) => (c[i] < 0 ? null : this.levels[l].get(c[i])));
  }
  /**
   * The labels of one level for every row, as a Column.
   * @example
   * mi.getLevelValues('first')
   */
  getLevelValues(level: number | string): Column {
    const l = this.levelNumber(level);
    return take(this.levels[l], this.codes[l]);
  }
  /** The position of a level given by number (negative counts from the end) or name. */
  levelNumber(level: number | string): number {
    if (typeof level === 'number') {
      const l = level < 0 ? this.nlevels + level : level;
      if (l < 0 || l >= this.nlevels) throw new ValueError(`Level ${level} does not exist: the index has ${this.nlevels} levels`);
      return l;
    }
    const l = this.#names.indexOf(level);
    if (l < 0) throw new ValueError(`Level '${level}' not found; levels are ${JSON.stringify(this.#names)}`);
    return l;
  }
  /**
   * This index without the given level (a flat Index when one level remains).
   * @example
   * mi.droplevel(0)
   */
  droplevel(level: number | string): Index {
    const l = this.levelNumber(level);
    const keep = this.levels.map((_, i) => i).filter((i) => i !== l);
    if (keep.length === 1) return new Index(this.getLevelValues(keep[0]), { name: this.#names[keep[0]] });
    return new MultiIndex(keep.map((i) => this.levels[i]), keep.map((i) => this.codes[i]), keep.map((i) => this.#names[i]));
  }
  override take(idx: Int32Array | readonly number[]): MultiIndex {
    const codes = this.codes.map((c) => {
      const out = new Int32Array(idx.length);
      for (let i = 0; i < idx.length; i++) out[i] = idx[i] < 0 ? -1 : c[idx[i]];
      return out;
    });
    return new MultiIndex(this.levels, codes, this.#names);
  }
  override slice(start: number, end: number): MultiIndex {
    return new MultiIndex(this.levels, this.codes.map((c) => c.slice(start, end)), this.#names);
  }
  override rename(name: string | null | (string | null)[]): MultiIndex {
    const names = Array.isArray(name) ? name : this.levels.map((_, i) => (i === 0 ? name : this.#names[i]));
    return new MultiIndex(this.levels, this.codes, names);
  }
  override toString(): string {
    const shown = this.toArray().slice(0, 6).map((l) => JSON.stringify(l)).join(', ');
    return `MultiIndex([${shown}${this.length > 6 ? ', ...' : ''}], names=${JSON.stringify(this.#names)})`;
  }
}

/** Compares two scalars as pandas sorts them (numbers, strings, dates; nulls last). */
export function compareScalars(a: Scalar, b: Scalar): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
  if (Number.isNaN(y)) return -1;
  return x - y;
}

/**
 * Sorted unique values of a column and each row's code into them (nulls get -1).
 * @example
 * factorizeSorted(fromValues(['b', 'a', 'b'])) // uniques ['a', 'b'], codes [1, 0, 1]
 */
export function factorizeSorted(col: Column): { uniques: Column; codes: Int32Array } {
  const vals = col.toArray();
  const seen = new Map<unknown, Scalar>();
  for (const v of vals) {
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
    const k = v instanceof Date ? v.getTime() : v;
    if (!seen.has(k)) seen.set(k, v);
  }
  const uniq = [...seen.values()].sort(compareScalars);
  const pos = new Map<unknown, number>();
  uniq.forEach((v, i) => pos.set(v instanceof Date ? v.getTime() : v, i));
  const codes = new Int32Array(vals.length);
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    codes[i] = v === null || (typeof v === 'number' && Number.isNaN(v)) ? -1 : (pos.get(v instanceof Date ? v.getTime() : v) as number);
  }
  return { uniques: uniq.length ? fromValues(uniq, col.dtype) : fromValues([], col.dtype), codes };
}
