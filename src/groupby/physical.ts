/**
 * Physical groups whose output order is worked out lazily. Integer keys in a small range are grouped
 * by their values as they are (physical group = value - base; an int32 key of values >= 0 is its own
 * codes array, no copy), so factorizing costs one OR (or min/max) pass over the keys. Which physical
 * groups occur (and so the output order, the result index and the number of groups) is found only
 * when asked: from the row counts an aggregation pass computes anyway (`notePresence`), or else by one
 * pass over the codes.
 * @module
 */
import type { Column } from '../frame/column.js';
import type { Groups } from './factorize.js';

/** Largest number of physical groups of the direct integer path (a mean state of it is 2 MiB). */
export const PHYS_MAX = 1 << 16;

/** Builds the distinct keys of the groups in output order (physical ids `order`). */
export type UniquesOf = (order: Int32Array) => Column;

/**
 * Groups over physical ids [0, nphys) whose presence is computed on first use. Output order: the
 * present ids in `rank` order (ascending ids when `rank` is null) with `sort`, else by first appearance.
 * @example
 * const g = new PhysicalGroups(Int32Array.of(2, 0, 2), 3, true, null, (o) => fromTyped(o, null, 'int32'), true);
 * g.ngroups // 2 (group 1 has no rows); g.order // Int32Array [0, 2]
 */
export class PhysicalGroups implements Groups {
  /** Physical group of each row (-1: the row's key is missing and dropped). */
  readonly codes: Int32Array;
  /** Number of physical groups. */
  readonly nphys: number;
  /** True when no code is -1 (every row has a group). */
  readonly nonNegative: boolean;
  readonly #sort: boolean;
  readonly #rank: Int32Array | null;
  readonly #uniquesOf: UniquesOf;
  #present: Uint8Array | null = null;
  #order: Int32Array | null | undefined;
  #uniques: Column[] | undefined;
  #keyCodes: Int32Array[] | undefined;

  /**
   * @param rank physical ids in sorted key order (null: ascending ids are sorted key order)
   * @param uniquesOf the key values of physical ids, as a column of the key's dtype
   * @param nonNegative the caller checked that no code is -1
   */
  constructor(codes: Int32Array, nphys: number, sort: boolean, rank: Int32Array | null, uniquesOf: UniquesOf, nonNegative = false) {
    this.codes = codes;
    this.nphys = nphys;
    this.nonNegative = nonNegative;
    this.#sort = sort;
    this.#rank = rank;
    this.#uniquesOf = uniquesOf;
  }

  /** True while it is not yet known which physical groups occur. */
  get presenceUnknown(): boolean {
    return this.#present === null;
  }

  /**
   * Presence from per-group counts `counts[g * stride + offset]` of an aggregation pass over every row
   * of the codes: usable when the counts add up to the number of rows (no row skipped, so count > 0
   * exactly when the group has rows). Returns whether it was used.
   */
  notePresence(counts: Float64Array, stride: number, offset: number): boolean {
    if (this.#present !== null) return true;
    const n = this.nphys;
    let total = 0;
    for (let g = 0; g < n; g++) total += counts[g * stride + offset];
    if (total !== this.codes.length) return false;
    const present = new Uint8Array(n);
    for (let g = 0; g < n; g++) present[g] = counts[g * stride + offset] > 0 ? 1 : 0;
    this.#present = present;
    return true;
  }

  #presence(): Uint8Array {
    if (this.#present === null) {
      // One spare slot past the groups for rows of code -1 (no branch in the loop).
      const present = new Uint8Array(this.nphys + 1);
      const c = this.codes;
      for (let start = 0; start < c.length; start += BLOCK) markPresent(c, present, this.nphys, start, Math.min(c.length, start + BLOCK));
      this.#present = present.subarray(0, this.nphys);
    }
    return this.#present;
  }

  /** Output group -> physical group, or null when every physical group occurs in order. */
  get order(): Int32Array | null {
    if (this.#order === undefined) this.#order = this.#sort ? this.#sortedOrder() : this.#firstSeenOrder();
    return this.#order;
  }

  #sortedOrder(): Int32Array | null {
    const present = this.#presence();
    const n = this.nphys;
    let k = 0;
    for (let g = 0; g < n; g++) k += present[g];
    const rank = this.#rank;
    if (k === n && rank === null) return null;
    const out = new Int32Array(k);
    for (let j = 0, r = 0; j < n; j++) {
      const g = rank === null ? j : rank[j];
      if (present[g]) out[r++] = g;
    }
    return out;
  }

  #firstSeenOrder(): Int32Array {
    const present = this.#presence();
    let k = 0;
    for (let g = 0; g < this.nphys; g++) k += present[g];
    const seen = new Uint8Array(this.nphys);
    const out = new Int32Array(k);
    const c = this.codes;
    // Stops once every present group was seen (usually early).
    for (let i = 0, r = 0; i < c.length && r < k; i++) {
      const g = c[i];
      if (g >= 0 && seen[g] === 0) {
        seen[g] = 1;
        out[r++] = g;
      }
    }
    return out;
  }

  /** Number of output groups. */
  get ngroups(): number {
    const o = this.order;
    return o === null ? this.nphys : o.length;
  }

  /** The distinct keys, in output order. */
  get uniques(): Column[] {
    if (this.#uniques === undefined) {
      const o = this.order;
      this.#uniques = [this.#uniquesOf(o ?? identity(this.nphys))];
    }
    return this.#uniques;
  }

  /** Codes of each group's key into `uniques` (the identity: uniques are in output order). */
  get keyCodes(): Int32Array[] {
    this.#keyCodes ??= [identity(this.ngroups)];
    return this.#keyCodes;
  }
}

/** Rows per `markPresent` call (a small function called many times is optimized early by V8). */
const BLOCK = 1 << 16;

/** present[g] = 1 for the codes of rows [start, end); code -1 marks the spare slot present[spare]. */
function markPresent(codes: Int32Array, present: Uint8Array, spare: number, start: number, end: number): void {
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const g0 = codes[i];
    const g1 = codes[i + 1];
    const g2 = codes[i + 2];
    const g3 = codes[i + 3];
    present[g0 < 0 ? spare : g0] = 1;
    present[g1 < 0 ? spare : g1] = 1;
    present[g2 < 0 ? spare : g2] = 1;
    present[g3 < 0 ? spare : g3] = 1;
  }
  for (; i < end; i++) {
    const g = codes[i];
    if (g >= 0) present[g] = 1;
  }
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * Presence of a lazily ordered grouping from an aggregation's per-group counts (see
 * `PhysicalGroups.notePresence`); does nothing for other groupings.
 * @example
 * notePresence(ctx.groups, meanState.acc, 4, 2)
 */
export function notePresence(groups: Groups, counts: Float64Array, stride: number, offset: number): void {
  if (groups instanceof PhysicalGroups) groups.notePresence(counts, stride, offset);
}

/** True when the grouping's codes are known to hold no -1. */
export function codesNonNegative(groups: Groups): boolean {
  return groups instanceof PhysicalGroups && groups.nonNegative;
}

/** True when the grouping does not know yet which of its physical groups occur. */
export function presenceUnknown(groups: Groups): boolean {
  return groups instanceof PhysicalGroups && groups.presenceUnknown;
}
