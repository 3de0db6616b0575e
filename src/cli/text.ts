/**
 * Plain text files (e.g. the Project Gutenberg books of the word-count lesson): line/word statistics
 * and a word-frequency table, counted exactly as the lesson's word-count-hpda does: each of
 * `. , ; : ? $ @ ^ < > # % \` ! * - = ( ) [ ] { } / " '` becomes a space, the text is split on Python's
 * `str.split()` whitespace (which, unlike JS `\s`, includes \x1c-\x1f and \x85 and excludes the BOM,
 * so a leading BOM stays on the first word), and words are lower-cased.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { DataFrame } from '../frame/dataframe.js';
import { fromStrings, fromTyped } from '../frame/column-build.js';

const DELIMITERS = /[.,;:?$@^<>#%`!*\-=()[\]{}/"']/g;
// eslint-disable-next-line no-control-regex -- Python str.split() whitespace includes these control characters
const PY_WHITESPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/**
 * Words of a text with their counts, most frequent first (ties alphabetically).
 * @example
 * wordCounts('the cat and the hat') // word: the, and, cat, hat; count: 2, 1, 1, 1
 */
export function wordCounts(text: string): DataFrame {
  const counts = new Map<string, number>();
  for (const raw of text.replace(DELIMITERS, ' ').split(PY_WHITESPACE)) {
    const w = raw.toLowerCase();
    if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const entries = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new DataFrame({
    word: fromStrings(entries.map((e) => e[0])),
    count: fromTyped(BigInt64Array.from(entries, (e) => BigInt(e[1])), null, 'int64'),
  });
}

/** Reads a UTF-8 text file as it is (a BOM is kept, as Python's 'utf-8' codec keeps it). */
export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/**
 * A short summary of a text: lines, words, distinct words, characters.
 * @example
 * textInfo('a b\nc') // 'lines: 2\nwords: 3\ndistinct words: 3\ncharacters: 5'
 */
export function textInfo(text: string): string {
  const lines = text.length === 0 ? 0 : text.split(/\r?\n/).length - (text.endsWith('\n') ? 1 : 0);
  const wc = wordCounts(text);
  const words = wc.col('count').sum();
  return `lines: ${lines}\nwords: ${words}\ndistinct words: ${wc.length}\ncharacters: ${text.length}`;
}
