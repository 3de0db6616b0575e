/**
 * Python string semantics the `.str` accessor needs: `split` with `maxsplit`, `strip` with a
 * character set, and regular expressions built from a pattern and a case flag.
 * @module
 */
import { ValueError } from '../../errors.js';

/**
 * Python's `str.split(sep, maxsplit)`: `sep` undefined splits on runs of whitespace and drops empty
 * ends; `maxsplit` -1 means no limit.
 * @example
 * pySplit('a,b,c', ',', 1) // ['a', 'b,c']
 */
export function pySplit(s: string, sep: string | undefined, maxsplit = -1): string[] {
  if (sep === '') throw new ValueError('empty separator');
  const out: string[] = [];
  if (sep === undefined) {
    let i = 0;
    const n = s.length;
    const ws = (c: string): boolean => /\s/.test(c);
    while (i < n && ws(s[i])) i++;
    while (i < n) {
      if (maxsplit >= 0 && out.length === maxsplit) {
        out.push(s.slice(i)); // Python keeps the remainder's trailing whitespace
        return out;
      }
      let j = i;
      while (j < n && !ws(s[j])) j++;
      out.push(s.slice(i, j));
      i = j;
      while (i < n && ws(s[i])) i++;
    }
    return out;
  }
  let start = 0;
  while (maxsplit < 0 || out.length < maxsplit) {
    const p = s.indexOf(sep, start);
    if (p < 0) break;
    out.push(s.slice(start, p));
    start = p + sep.length;
  }
  out.push(s.slice(start));
  return out;
}

/**
 * Python's `strip`/`lstrip`/`rstrip`: whitespace by default, else any character of `chars`.
 * @example
 * pyStrip('xxhixx', 'x', true, true) // 'hi'
 */
export function pyStrip(s: string, chars: string | undefined, left: boolean, right: boolean): string {
  if (chars === undefined) return left && right ? s.trim() : left ? s.trimStart() : s.trimEnd();
  let a = 0;
  let b = s.length;
  if (left) while (a < b && chars.includes(s[a])) a++;
  if (right) while (b > a && chars.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

/**
 * A RegExp from a pattern string or RegExp: `ignoreCase` adds 'i', `anchored` matches at the start
 * only, `global` adds 'g'; a sticky/global flag on the input is dropped so `test` has no state.
 * @example
 * toRegExp('^mr', true).test('Mr. Smith') // true
 */
export function toRegExp(pat: string | RegExp, ignoreCase: boolean, anchored = false, global = false): RegExp {
  const source = typeof pat === 'string' ? pat : pat.source;
  let flags = typeof pat === 'string' ? '' : pat.flags.replace(/[gy]/g, '');
  if (ignoreCase && !flags.includes('i')) flags += 'i';
  if (global) flags += 'g';
  try {
    return new RegExp(anchored ? `^(?:${source})` : source, flags);
  } catch (e) {
    throw new ValueError(`Invalid regular expression ${JSON.stringify(source)}: ${(e as Error).message}`);
  }
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Python slicing `s[start:stop]` by code points (negative counts from the end).
 * @example
 * pySlice('a\u{1D518}b', 1, 2) // '\u{1D518}'
 */
export function pySlice(s: string, start?: number, stop?: number): string {
  if (!SURROGATE.test(s)) return s.slice(start ?? 0, stop ?? s.length);
  const cps = Array.from(s);
  return cps.slice(start ?? 0, stop ?? cps.length).join('');
}

/**
 * The code point at `i` (negative from the end), or null when out of range.
 * @example
 * pyCharAt('abc', -1) // 'c'
 */
export function pyCharAt(s: string, i: number): string | null {
  const cps = SURROGATE.test(s) ? Array.from(s) : s;
  const j = i < 0 ? cps.length + i : i;
  return j >= 0 && j < cps.length ? cps[j] : null;
}
