/**
 * `s.str`: vectorised string methods (pandas `Series.str`). On a dictionary-encoded column each
 * method runs once per distinct value and rows read the result through their code — the fast path
 * for low-cardinality text. Missing values stay missing: bool results (contains, startswith, ...)
 * are null there unless `na` is given (filters read null as false); `len` is a nullable int64.
 * Differences from pandas: patterns are JavaScript regular expressions, `replace` uses `$1` for
 * groups, `split` always expands into a DataFrame (a Series cannot hold lists; use `splitGet` for one
 * part), lengths count code points as Python does.
 * @module
 */
import { Column } from '../column.js';
import { fromCodes, fromStrings, fromTyped } from '../column-build.js';
import { alloc } from '../alloc.js';
import { float64ToInt64 } from '../dtypes.js';
import { TypeError_, ValueError } from '../../errors.js';
import type { Index } from '../label-index.js';
import type { Series } from '../series.js';
import { makeSeries } from './series-class.js';
import type { DataFrame } from '../dataframe.js';
import { boolColumn, newBits } from '../ops/bool-bits.js';
import { pyCharAt, pySlice, pySplit, pyStrip, toRegExp } from './str-helpers.js';

/** String methods of a Series. */
export class StringAccessor {
  readonly #col: Column;
  readonly #index: Index;
  readonly #name: string | null;

  /**
   * @example
   * new Series(['a', 'B']).str.lower().toArray() // ['a', 'b']
   */
  constructor(column: Column, index: Index, name: string | null) {
    if (column.dtype !== 'string') {
      throw new TypeError_(`Can only use .str with string values; '${name ?? ''}' is ${column.dtype} (astype('string') first)`);
    }
    this.#col = column;
    this.#index = index;
    this.#name = name;
  }

  #wrap(c: Column): Series {
    return makeSeries(c, this.#index, this.#name);
  }

  /** Applies `fn` once per distinct value (dictionary columns) or per row; null results are missing. */
  #mapStrings(fn: (s: string) => string | null): Series {
    const c = this.#col;
    if (c.isDictionary) {
      const { codes, dictionary } = c.dictionaryCodes();
      const seen = new Map<string, number>();
      const dict: string[] = [];
      const remap = Int32Array.from(dictionary, (d) => {
        const r = fn(d);
        if (r === null) return -1;
        let k = seen.get(r);
        if (k === undefined) {
          k = dict.length;
          seen.set(r, k);
          dict.push(r);
        }
        return k;
      });
      const out = alloc(Int32Array, codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? -1 : remap[codes[i]];
      return this.#wrap(fromCodes(out, dict));
    }
    // 'auto': dictionary-encode repeated results (also far cheaper to build than plain UTF-8 here).
    return this.#wrap(fromStrings(c.strings().map((s) => (s === null ? null : fn(s))), { dictionary: 'auto' }));
  }

  /** A per-value test as a bool Series (missing rows null, or `na`). */
  #mapBool(fn: (s: string) => boolean, na?: boolean): Series {
    const c = this.#col;
    const n = c.length;
    const bits = newBits(n);
    const valid = na === undefined && c.validity ? newBits(n) : null;
    const set = (b: Uint8Array, i: number): void => { b[i >> 3] |= 1 << (i & 7); };
    if (c.isDictionary) {
      const { codes, dictionary } = c.dictionaryCodes();
      const hit = Uint8Array.from(dictionary, (d) => (fn(d) ? 1 : 0));
      for (let i = 0; i < n; i++) {
        const k = codes[i];
        if (k < 0) { if (na) set(bits, i); continue; }
        if (valid) set(valid, i);
        if (hit[k]) set(bits, i);
      }
    } else {
      const strs = c.strings();
      for (let i = 0; i < n; i++) {
        const s = strs[i];
        if (s === null) { if (na) set(bits, i); continue; }
        if (valid) set(valid, i);
        if (fn(s)) set(bits, i);
      }
    }
    return this.#wrap(boolColumn(bits, n, valid));
  }

  /** A per-value number as an int64 Series (null where missing or where `fn` gives NaN). */
  #mapInt(fn: (s: string) => number): Series {
    const c = this.#col;
    const n = c.length;
    const out = alloc(Float64Array, n);
    if (c.isDictionary) {
      const { codes, dictionary } = c.dictionaryCodes();
      const per = Float64Array.from(dictionary, fn);
      for (let i = 0; i < n; i++) out[i] = codes[i] < 0 ? NaN : per[codes[i]];
    } else {
      const strs = c.strings();
      for (let i = 0; i < n; i++) out[i] = strs[i] === null ? NaN : fn(strs[i] as string);
    }
    let valid: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      if (out[i] !== out[i]) {
        if (!valid) valid = newBits(n).fill(0xff);
        valid[i >> 3] &= ~(1 << (i & 7));
      }
    }
    return this.#wrap(fromTyped(float64ToInt64(out, alloc(BigInt64Array, n)), valid, 'int64'));
  }

  /**
   * True where the value contains `pat` (a regular expression unless `regex: false`).
   * @example
   * s.str.contains('^Mr\\.', { case: false, na: false })
   */
  contains(pat: string | RegExp, opts: { case?: boolean; regex?: boolean; na?: boolean } = {}): Series {
    const ci = opts.case === false;
    if (typeof pat === 'string' && opts.regex === false) {
      const p = ci ? pat.toLowerCase() : pat;
      return this.#mapBool(ci ? (s) => s.toLowerCase().includes(p) : (s) => s.includes(p), opts.na);
    }
    const re = toRegExp(pat, ci);
    return this.#mapBool((s) => re.test(s), opts.na);
  }
  /** True where a regular expression matches at the start (pandas `str.match`). */
  match(pat: string | RegExp, opts: { case?: boolean; na?: boolean } = {}): Series {
    const re = toRegExp(pat, opts.case === false, true);
    return this.#mapBool((s) => re.test(s), opts.na);
  }
  /** True where the value starts with `pat` (or one of several). */
  startswith(pat: string | readonly string[], opts: { na?: boolean } = {}): Series {
    const pats = typeof pat === 'string' ? [pat] : pat;
    return this.#mapBool((s) => pats.some((p) => s.startsWith(p)), opts.na);
  }
  /** Same as `startswith`. */
  startsWith(pat: string | readonly string[], opts: { na?: boolean } = {}): Series { return this.startswith(pat, opts); }
  /** True where the value ends with `pat` (or one of several). */
  endswith(pat: string | readonly string[], opts: { na?: boolean } = {}): Series {
    const pats = typeof pat === 'string' ? [pat] : pat;
    return this.#mapBool((s) => pats.some((p) => s.endsWith(p)), opts.na);
  }
  /** Same as `endswith`. */
  endsWith(pat: string | readonly string[], opts: { na?: boolean } = {}): Series { return this.endswith(pat, opts); }

  /** Lower case. */
  lower(): Series { return this.#mapStrings((s) => s.toLowerCase()); }
  /** Upper case. */
  upper(): Series { return this.#mapStrings((s) => s.toUpperCase()); }
  /** First character upper case, the rest lower (Python `capitalize`). */
  capitalize(): Series { return this.#mapStrings((s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()); }
  /** Each word capitalised (Python `title`: a word starts after any non-letter). */
  title(): Series {
    return this.#mapStrings((s) => s.toLowerCase().replace(/(^|[^\p{L}])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()));
  }
  /** Without leading and trailing whitespace (or the characters in `chars`). */
  strip(chars?: string): Series { return this.#mapStrings((s) => pyStrip(s, chars, true, true)); }
  /** Without leading whitespace (or `chars`). */
  lstrip(chars?: string): Series { return this.#mapStrings((s) => pyStrip(s, chars, true, false)); }
  /** Without trailing whitespace (or `chars`). */
  rstrip(chars?: string): Series { return this.#mapStrings((s) => pyStrip(s, chars, false, true)); }
  /** Left-padded with zeros to `width` (a sign stays in front, as Python `zfill`). */
  zfill(width: number): Series {
    return this.#mapStrings((s) => {
      if (s.length >= width) return s;
      const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
      return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
    });
  }

  /** Number of characters (code points, as Python `len`). */
  len(): Series {
    return this.#mapInt((s) => {
      let n = 0;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0xdc00 || c > 0xdfff) n++;
      }
      return n;
    });
  }
  /** Number of non-overlapping matches of a regular expression. */
  count(pat: string | RegExp, opts: { case?: boolean } = {}): Series {
    const re = toRegExp(pat, opts.case === false, false, true);
    return this.#mapInt((s) => s.match(re)?.length ?? 0);
  }
  /** Lowest index of `sub`, -1 when absent (UTF-16 units). */
  find(sub: string): Series { return this.#mapInt((s) => s.indexOf(sub)); }

  /**
   * Occurrences of `pat` replaced by `repl` (literal unless `regex: true` or `pat` is a RegExp;
   * `n` limits the number of replacements per value).
   * @example
   * s.str.replace('Mr.', 'Mister')
   */
  replace(pat: string | RegExp, repl: string, opts: { regex?: boolean; case?: boolean; n?: number } = {}): Series {
    const literal = typeof pat === 'string' && !opts.regex;
    const src = literal ? (pat as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pat;
    const re = toRegExp(src, opts.case === false, false, true);
    const rep = literal ? repl.replace(/\$/g, '$$$$') : repl;
    const limit = opts.n ?? -1;
    if (limit < 0) return this.#mapStrings((s) => s.replace(re, rep));
    return this.#mapStrings((s) => {
      let k = 0;
      return s.replace(re, (...m: unknown[]) => (k++ < limit ? (m[0] as string).replace(new RegExp(re.source, re.flags.replace('g', '')), rep) : (m[0] as string)));
    });
  }

  /** The characters [start, stop) by code point (negative counts from the end, as Python slicing). */
  slice(start?: number, stop?: number): Series {
    return this.#mapStrings((s) => pySlice(s, start, stop));
  }
  /** The character at `i` (negative from the end); missing when out of range, as pandas. */
  get(i: number): Series {
    return this.#mapStrings((s) => pyCharAt(s, i));
  }

  /**
   * The parts of each value as columns '0', '1', ... (pandas `str.split(sep, n, expand=True)`); `sep`
   * undefined splits on runs of whitespace; `n` limits the number of splits.
   * @example
   * new Series(['a,b', 'c']).str.split(',') // DataFrame { 0: ['a', 'c'], 1: ['b', null] }
   */
  split(sep?: string, opts: { n?: number; expand?: boolean } = {}): DataFrame {
    if (opts.expand === false) throw new ValueError('split() always expands into a DataFrame (a Series cannot hold lists); use splitGet(sep, i) for one part');
    const strs = this.#col.strings();
    const parts = strs.map((s) => (s === null ? null : pySplit(s, sep, opts.n ?? -1)));
    const k = parts.reduce((m, p) => Math.max(m, p ? p.length : 0), 0);
    const cols: Record<string, Column> = {};
    for (let j = 0; j < k; j++) cols[String(j)] = fromStrings(parts.map((p) => (p && j < p.length ? p[j] : null)), { dictionary: 'auto' });
    // Built through Series.toFrame (no import of dataframe.ts here: see series-class.ts).
    const first = makeSeries(k > 0 ? cols['0'] : fromStrings(new Array<null>(strs.length).fill(null)), this.#index, '0').toFrame('0');
    return k > 1 ? first.assign(cols) : k === 1 ? first : first.drop('0');
  }
  /**
   * Part `i` of each value split on `sep` (pandas `str.split(sep).str.get(i)`); missing when there
   * are fewer parts.
   * @example
   * new Series(['Braund, Mr. Owen']).str.splitGet(',', 0) // ['Braund']
   */
  splitGet(sep: string | undefined, i: number, opts: { n?: number } = {}): Series {
    return this.#mapStrings((s) => {
      const p = pySplit(s, sep, opts.n ?? -1);
      const j = i < 0 ? p.length + i : i;
      return j >= 0 && j < p.length ? p[j] : null;
    });
  }
}
