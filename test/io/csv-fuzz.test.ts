import { describe, expect, it } from 'vitest';
import { parseCsvBytes } from '../../src/io/csv-read.js';
import { GridframeError } from '../../src/errors.js';

/** A seeded generator (LCG), so a failure can be replayed from the printed seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

const VALID = new TextEncoder().encode(
  'id,name,score,ok,when\n1,"Smith, J",3.5,True,2020-01-01\n2,"say ""hi""",NA,False,2020-01-02 03:04:05\n' +
  '3,"multi\nline",-1e3,true,\n4,plain,,FALSE,2021-12-31T23:59:59Z\r\n5,µg/m³,7,True,2022-02-28\n',
);
const ALPHABET = [44, 34, 10, 13, 59, 48, 49, 57, 46, 45, 101, 84, 70, 97, 32, 0, 0xef, 0xbb, 0xbf, 0xff];

/** Either a frame or one of our errors: anything else (a RangeError, a hang) fails the test. */
function check(bytes: Uint8Array, seed: number): void {
  try {
    const df = parseCsvBytes(bytes, { parseDates: seed % 3 === 0 ? true : undefined });
    expect(df.length).toBeGreaterThanOrEqual(0);
    for (const c of df.columnList) c.toArray();
  } catch (e) {
    if (!(e instanceof GridframeError)) throw new Error(`seed ${seed}: ${String(e)}\ninput: ${JSON.stringify(new TextDecoder().decode(bytes))}`);
  }
}

describe('CSV fuzz (bounded time)', () => {
  it('random bytes and mutations of valid CSV give a frame or a GridframeError', () => {
    const deadline = Date.now() + 3000;
    let cases = 0;
    for (let seed = 1; Date.now() < deadline; seed++) {
      const r = rng(seed);
      let bytes: Uint8Array;
      if (seed % 2 === 0) {
        bytes = new Uint8Array(Math.floor(r() * 200));
        for (let i = 0; i < bytes.length; i++) bytes[i] = r() < 0.5 ? ALPHABET[Math.floor(r() * ALPHABET.length)] : Math.floor(r() * 256);
      } else {
        const m = Array.from(VALID);
        const edits = 1 + Math.floor(r() * 6);
        for (let k = 0; k < edits; k++) {
          const at = Math.floor(r() * (m.length + 1));
          const op = r();
          const b = ALPHABET[Math.floor(r() * ALPHABET.length)];
          if (op < 0.33) m.splice(at, 1);
          else if (op < 0.66) m.splice(at, 0, b);
          else m[Math.min(at, m.length - 1)] = b;
        }
        bytes = Uint8Array.from(m.slice(0, Math.floor(r() * 1.2 * m.length) || m.length));
      }
      check(bytes, seed);
      cases++;
    }
    expect(cases).toBeGreaterThan(100);
  });
});
