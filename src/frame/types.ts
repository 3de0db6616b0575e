/**
 * Shared option and selector types of the frame API.
 * @module
 */
import type { Label } from './label-index.js';
import type { Scalar } from './dtypes.js';

/** A label slice for `loc` (both ends inclusive, as pandas) or a position slice for `iloc` (stop exclusive). */
export interface Slice<T = Label> {
  start?: T;
  stop?: T;
}

/** Options of aggregations: `skipna` (default true) skips nulls and NaN as pandas does. */
export interface AggOptions {
  skipna?: boolean;
}

/** Options of std/var: `ddof` (default 1, as pandas). */
export interface VarOptions extends AggOptions {
  ddof?: number;
}

/** Binary arithmetic operators. */
export type ArithOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'mod' | 'floordiv';
/** Comparison operators. */
export type CompareOp = 'gt' | 'ge' | 'lt' | 'le' | 'eq' | 'ne';
/** Elementwise math functions. */
export type MathFn = 'abs' | 'exp' | 'log' | 'log10' | 'log2' | 'sqrt' | 'neg' | 'floor' | 'ceil' | 'sin' | 'cos' | 'tan';
/** Sort options: `ascending` for all keys or one per key; nulls/NaN go last (pandas' default). */
export interface SortOptions {
  ascending?: boolean | boolean[];
  naPosition?: 'last' | 'first';
}
/** A fill value: a scalar for all columns or one per column. */
export type FillValue = Scalar | Record<string, Scalar>;
