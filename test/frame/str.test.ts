// Reference values: pandas 1.5.3 (/usr/bin/python3) on
// pd.Series(['  Braund, Mr. Owen Harris ', 'Cumings, Mrs. John', None, 'heikkinen, miss. LAINA', 'Ünïcode, Dr. 𝔘x']).
// pandas gives None/NaN for missing rows; we give null (bool results are a nullable bool).
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/frame/series.js';
import { fromStrings } from '../../src/frame/column-build.js';
import { TypeError_ } from '../../src/errors.js';

const names = ['  Braund, Mr. Owen Harris ', 'Cumings, Mrs. John', null, 'heikkinen, miss. LAINA', 'Ünïcode, Dr. 𝔘x'];
const plain = () => new Series(names, { name: 'Name' });
const dict = () => new Series(fromStrings([...names, names[1]], { dictionary: true }), { name: 'Name' });

describe('str accessor', () => {
  it('contains: regex by default, case, regex: false, na', () => {
    const s = plain();
    expect(s.str.contains('Mr').toArray()).toEqual([true, true, null, false, false]);
    expect(s.str.contains('mr\\.', { case: false }).toArray()).toEqual([true, false, null, false, false]);
    expect(s.str.contains('Mr.', { regex: false }).toArray()).toEqual([true, false, null, false, false]);
    expect(s.str.contains(/MISS/i, { na: false }).toArray()).toEqual([false, false, false, true, false]);
    expect(s.str.contains('Mr').name).toBe('Name');
  });

  it('dictionary columns give the same answers (computed per distinct value)', () => {
    const d = dict();
    expect(d.str.contains('Mr').toArray()).toEqual([true, true, null, false, false, true]);
    expect(d.str.lower().toArray()).toEqual(['  braund, mr. owen harris ', 'cumings, mrs. john', null, 'heikkinen, miss. laina', 'ünïcode, dr. 𝔘x', 'cumings, mrs. john']);
    expect(d.str.lower().column.isDictionary).toBe(true);
    expect(d.str.len().toArray()).toEqual([26, 18, null, 22, 15, 18]);
    // Case folding merges distinct values: the result dictionary must not hold duplicates.
    const ab = new Series(fromStrings(['A', 'a', 'A'], { dictionary: true })).str.lower();
    expect(ab.column.dictionaryCodes().dictionary).toEqual(['a']);
    expect(ab.valueCounts().toArray()).toEqual([3]);
  });

  it('case, strip, len (code points), startswith/endswith', () => {
    const s = plain();
    expect(s.str.upper().toArray()).toEqual(['  BRAUND, MR. OWEN HARRIS ', 'CUMINGS, MRS. JOHN', null, 'HEIKKINEN, MISS. LAINA', 'ÜNÏCODE, DR. 𝔘X']);
    expect(s.str.strip().toArray()).toEqual(['Braund, Mr. Owen Harris', 'Cumings, Mrs. John', null, 'heikkinen, miss. LAINA', 'Ünïcode, Dr. 𝔘x']);
    expect(new Series(['xxhixy']).str.strip('xy').toArray()).toEqual(['hi']);
    expect(new Series(['  a ']).str.lstrip().toArray()).toEqual(['a ']);
    expect(new Series(['  a ']).str.rstrip().toArray()).toEqual(['  a']);
    expect(s.str.len().toArray()).toEqual([26, 18, null, 22, 15]);
    expect(s.str.len().dtype).toBe('int64');
    expect(s.str.startswith('C').toArray()).toEqual([false, true, null, false, false]);
    expect(s.str.endsWith(' ').toArray()).toEqual([true, false, null, false, false]);
    expect(s.str.title().toArray()).toEqual(['  Braund, Mr. Owen Harris ', 'Cumings, Mrs. John', null, 'Heikkinen, Miss. Laina', 'Ünïcode, Dr. 𝔘x']);
    expect(s.str.capitalize().toArray()).toEqual(['  braund, mr. owen harris ', 'Cumings, mrs. john', null, 'Heikkinen, miss. laina', 'Ünïcode, dr. 𝔘x']);
  });

  it('replace, slice, get (Python slicing by code point)', () => {
    const s = plain();
    expect(s.str.replace('Mr.', 'Mister').toArray()).toEqual(['  Braund, Mister Owen Harris ', 'Cumings, Mrs. John', null, 'heikkinen, miss. LAINA', 'Ünïcode, Dr. 𝔘x']);
    expect(new Series(['a.b.c']).str.replace('.', '$', { n: 1 }).toArray()).toEqual(['a$b.c']);
    expect(new Series(['ab12cd3']).str.replace(/(\d+)/, '<$1>').toArray()).toEqual(['ab<12>cd<3>']);
    expect(s.str.slice(2, 8).toArray()).toEqual(['Braund', 'mings,', null, 'ikkine', 'ïcode,']);
    expect(s.str.slice(-5).toArray()).toEqual(['rris ', ' John', null, 'LAINA', 'r. 𝔘x']);
    expect(s.str.get(-1).toArray()).toEqual([' ', 'n', null, 'A', 'x']);
    expect(new Series(['ab']).str.get(5).toArray()).toEqual([null]);
  });

  it('split expands into a DataFrame; splitGet takes one part', () => {
    const parts = plain().str.strip().str.split(',');
    expect(parts.columns).toEqual(['0', '1']);
    expect(parts.col('0').toArray()).toEqual(['Braund', 'Cumings', null, 'heikkinen', 'Ünïcode']);
    expect(parts.col('1').toArray()).toEqual([' Mr. Owen Harris', ' Mrs. John', null, ' miss. LAINA', ' Dr. 𝔘x']);
    expect(plain().str.splitGet(undefined, 1).toArray()).toEqual(['Mr.', 'Mrs.', null, 'miss.', 'Dr.']);
    const ws = new Series(['a b  c ', ' x']).str.split(undefined, { n: 1 });
    expect(ws.col('0').toArray()).toEqual(['a', 'x']);
    expect(ws.col('1').toArray()).toEqual(['b  c ', null]);
    expect(new Series(['a,b']).str.split(',', { expand: true }).shape).toEqual([1, 2]);
    expect(() => new Series(['a,b']).str.split(',', { expand: false })).toThrow(/splitGet/);
  });

  it('zfill, count, find', () => {
    expect(new Series(['-42', '7']).str.zfill(5).toArray()).toEqual(['-0042', '00007']);
    expect(new Series(['aXbXc', null]).str.count('X').toArray()).toEqual([2, null]);
    expect(new Series(['hello']).str.find('l').toArray()).toEqual([2]);
  });

  it('refuses non-string values', () => {
    expect(() => new Series([1, 2]).str).toThrow(TypeError_);
  });
});
