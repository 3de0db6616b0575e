/**
 * groupby along one dimension: by a 1-D coordinate or a time component ('time.year', 'time.month',
 * 'time.day', 'time.hour', 'time.dayofyear', 'time.season'), then reduce each group.
 * Runs of consecutive positions are reduced through views (no copy); other groups are gathered.
 * @module
 */
import { unknownName, ValueError } from '../errors.js';
import { NDArray } from './ndarray.js';
import { Variable } from './variable.js';
import type { Coords } from './coords.js';
import type { ReduceOp, ReduceOptions } from './reduce.js';
import { reduceVariable } from './reduce-dims.js';
import { concatArrays } from './lazy.js';
import { groupReduceAxis } from './group-reduce.js';
import { calendarFields, normalizeCalendar } from '../io/cf/calendar.js';

/** Group codes along a dimension and the labels of the groups (a coordinate on the new dimension). */
export interface GroupKey {
  /** The dimension grouped along. */
  dim: string;
  /** Group of each position along `dim` (-1: in no group). */
  codes: Int32Array;
  /** Name of the result dimension. */
  newDim: string;
  /** Labels of the groups (1-D along newDim). */
  labels: Variable;
}

const SEASON = ['DJF', 'DJF', 'MAM', 'MAM', 'MAM', 'JJA', 'JJA', 'JJA', 'SON', 'SON', 'SON', 'DJF'];

function factorize(values: readonly (number | string)[], dim: string, newDim: string, dtype: 'float64' | 'string' | 'int64'): GroupKey {
  const uniq = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const pos = new Map(uniq.map((u, i) => [u, i]));
  const codes = Int32Array.from(values, (v) => pos.get(v) ?? -1);
  const labels = dtype === 'string'
    ? new NDArray(uniq.map(String), [uniq.length], { dtype: 'string' })
    : new NDArray(Float64Array.from(uniq as number[]), [uniq.length]);
  return { dim, codes, newDim, labels: new Variable([newDim], labels) };
}

/**
 * Resolves a groupby key against coordinates.
 * @example
 * groupKey(da.coords, da.dims, 'time.year')
 */
export function groupKey(coords: Coords, dims: readonly string[], key: string): GroupKey {
  const dot = key.indexOf('.');
  if (dot > 0 && !(key in coords)) {
    const base = key.slice(0, dot);
    const part = key.slice(dot + 1);
    const c = coords[base];
    if (!c) throw unknownName('coordinate', base, Object.keys(coords));
    if (c.dtype !== 'datetime' || c.dims.length !== 1) throw new ValueError(`'${key}' needs a 1-D time coordinate; '${base}' holds ${c.dtype}`);
    const cal = normalizeCalendar(c.encoding.calendar);
    const ms = c.values.toFloat64();
    const vals: (number | string)[] = [];
    for (let i = 0; i < ms.length; i++) {
      const f = calendarFields(ms[i], cal);
      switch (part) {
        case 'year': vals.push(f.year); break;
        case 'month': vals.push(f.month); break;
        case 'day': vals.push(f.day); break;
        case 'hour': vals.push(f.hour); break;
        case 'season': vals.push(SEASON[f.month - 1]); break;
        case 'dayofyear': {
          let doy = f.day;
          for (let m = 1; m < f.month; m++) doy += daysInMonth(f.year, m, cal);
          vals.push(doy);
          break;
        }
        default: throw new ValueError(`Unknown time component '${part}'; expected year, month, day, hour, dayofyear or season`);
      }
    }
    return factorize(vals, c.dims[0], part, part === 'season' ? 'string' : 'int64');
  }
  const c = coords[key];
  if (!c) throw unknownName('coordinate', key, [...Object.keys(coords), ...dims]);
  if (c.dims.length !== 1) throw new ValueError(`groupby needs a 1-D coordinate; '${key}' has dims [${c.dims.join(', ')}]`);
  const flat = c.values.flat();
  const vals = Array.isArray(flat) ? flat : Array.from(flat as ArrayLike<number | bigint>, Number);
  const g = factorize(vals, c.dims[0], key, Array.isArray(flat) ? 'string' : 'float64');
  if (c.dtype === 'datetime') {
    const lab = g.labels.values;
    g.labels = new Variable([key], new NDArray(lab.data, lab.shape, { dtype: 'datetime' }), {}, c.encoding);
  }
  return g;
}

function daysInMonth(year: number, month: number, cal: ReturnType<typeof normalizeCalendar>): number {
  if (cal === '360_day') return 30;
  const base = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (month !== 2) return base;
  if (cal === 'noleap' || cal === '365_day') return 28;
  if (cal === 'all_leap' || cal === '366_day') return 29;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * Reduces each group of `v` along `g.dim`; the result has `g.newDim` where `g.dim` was.
 * @example
 * groupReduceVariable(tas.variable, key, 'mean')
 */
export function groupReduceVariable(v: Variable, g: GroupKey, op: ReduceOp | 'median', opts?: ReduceOptions): Variable {
  const ax = v.dims.indexOf(g.dim);
  if (ax < 0) return v;
  const n = g.labels.shape[0];
  if (op !== 'median' && v.dtype !== 'string') {
    const out = groupReduceAxis(v.values, ax, g.codes, n, op, opts);
    return new Variable(v.dims.map((d) => (d === g.dim ? g.newDim : d)), out);
  }
  const members: number[][] = Array.from({ length: n }, () => []);
  g.codes.forEach((c, i) => { if (c >= 0) members[c].push(i); });
  const parts: NDArray[] = [];
  let restDims: string[] = [];
  for (const pos of members) {
    let sub: Variable;
    const run = pos.length > 0 && pos[pos.length - 1] - pos[0] === pos.length - 1;
    if (run) sub = v.isel({ [g.dim]: { start: pos[0], stop: pos[pos.length - 1] + 1 } });
    else sub = v.take(g.dim, pos);
    const r = reduceVariable(sub, op, g.dim, opts);
    restDims = [...r.dims];
    const arr = r.values.contiguous();
    parts.push(arr.dtype === 'float32' ? new NDArray(new Float32Array(arr.data as Float32Array), arr.shape) : arr);
  }
  const inner = parts[0]?.shape ?? [];
  const stacked = concatArrays(parts.map((p) => p.reshape([1, ...p.shape])), 0, [n, ...inner], parts[0]?.dtype ?? 'float64');
  const dims = [g.newDim, ...restDims];
  const order = [...restDims.slice(0, ax), g.newDim, ...restDims.slice(ax)];
  return new Variable(dims, stacked).transpose(order);
}

/** A grouped object: call a reduction to get one value per group. */
export class GroupBy<T> {
  readonly #run: (op: ReduceOp | 'median', opts?: ReduceOptions) => T;
  /** The group key (dimension, codes, labels). */
  readonly key: GroupKey;

  /**
   * @example
   * new GroupBy(key, (op, opts) => ...)
   */
  constructor(key: GroupKey, run: (op: ReduceOp | 'median', opts?: ReduceOptions) => T) {
    this.key = key;
    this.#run = run;
  }
  /** Mean of each group. */
  mean(opts?: ReduceOptions): T { return this.#run('mean', opts); }
  /** Sum of each group. */
  sum(opts?: ReduceOptions): T { return this.#run('sum', opts); }
  /** Minimum of each group. */
  min(opts?: ReduceOptions): T { return this.#run('min', opts); }
  /** Maximum of each group. */
  max(opts?: ReduceOptions): T { return this.#run('max', opts); }
  /** Standard deviation of each group (ddof 0). */
  std(opts?: ReduceOptions): T { return this.#run('std', opts); }
  /** Variance of each group (ddof 0). */
  var(opts?: ReduceOptions): T { return this.#run('var', opts); }
  /** Median of each group. */
  median(opts?: ReduceOptions): T { return this.#run('median', opts); }
  /** Count of non-NaN values in each group. */
  count(): T { return this.#run('count'); }
  /** Number of groups. */
  get ngroups(): number { return this.key.labels.shape[0]; }
}
