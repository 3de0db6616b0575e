/**
 * Arenas of the parallel CSV read (csv-parallel.ts): before the chunks are parsed, each column that
 * will likely hold numbers or dates gets one 8-byte-per-row arena, and each that will likely hold text
 * gets an offsets arena and a bytes arena, with one slot per chunk. Workers write a chunk's values
 * straight into its slots, and the join (csv-parallel-merge.ts, csv-parallel-dict.ts) only moves them
 * down in place instead of copying every value into new memory, which the main thread would fault in
 * alone. The kinds are guessed from the first rows; a wrong guess or a chunk that outgrows its slot
 * only means that chunk's values are copied as before.
 * @module
 */
import type { NaMatcher } from './csv-options.js';
import { M_DATE, M_F64, M_I64, M_INFER, M_STR, type ChunkJob, type ChunkSlots } from './csv-parallel-chunk.js';
import { K_DATE, K_NONE, K_NUM, K_STR, classifyField } from './csv-parallel-fields.js';

/** Bytes of the first rows looked at. */
const SAMPLE = 64 << 10;

/**
 * Per column of the first rows: the average field width, and the kind (K_*) of the first value that
 * is not missing (K_NONE when none is; quoted fields count as text; quotes are not otherwise read).
 * @example
 * sampleColumns(bytes, start, 44, 3, na, false) // { widths: [4, 7.5, 2], kinds: [K_NUM, K_STR, K_BOOL] }
 */
export function sampleColumns(buf: Uint8Array, start: number, sep: number, ncols: number, na: NaMatcher, inferDates: boolean): { widths: number[]; kinds: number[] } {
  const sum = new Array<number>(ncols).fill(0);
  const kinds = new Array<number>(ncols).fill(K_NONE);
  const end = Math.min(buf.length, start + SAMPLE);
  let rows = 0;
  let j = 0;
  let s = start;
  for (let p = start; p < end; p++) {
    const c = buf[p];
    if (c !== sep && c !== 10) continue;
    const e = p > s && c === 10 && buf[p - 1] === 13 ? p - 1 : p;
    if (j < ncols) {
      sum[j] += e - s;
      if (kinds[j] === K_NONE) kinds[j] = buf[s] === 34 ? K_STR : classifyField(buf, s, e, false, na, inferDates);
    }
    s = p + 1;
    if (c === 10) {
      rows++;
      j = 0;
    } else j++;
  }
  return { widths: sum.map((v) => (rows ? v / rows : 16)), kinds };
}

/**
 * The arenas and slots for a job's chunks (job.bounds): row slots of each chunk's estimated rows
 * plus 15%, byte slots of its estimated text plus 20%.
 * @example
 * job.slots = chunkSlots(job, new NaMatcher(job.naValues));
 */
export function chunkSlots(job: ChunkJob, na: NaMatcher): ChunkSlots {
  const { modes, bounds } = job;
  const sample = sampleColumns(job.buf, bounds[0], job.sep, modes.length, na, job.inferDates);
  const wide = modes.map((m, j) => m === M_F64 || m === M_I64 || m === M_DATE || (m === M_INFER && (sample.kinds[j] === K_NUM || sample.kinds[j] === K_DATE)));
  const text = modes.map((m, j) => m === M_STR || (m === M_INFER && sample.kinds[j] === K_STR));
  const at: number[] = [];
  const cap: number[] = [];
  const dataAt = modes.map(() => [] as number[]);
  const dataCap = modes.map(() => [] as number[]);
  const dataTotal = modes.map(() => 0);
  let total = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const rows = (bounds[k + 1] - bounds[k]) / Math.max(1, job.rowBytes);
    const c = Math.ceil(rows * 1.15) + 64;
    at.push(total);
    cap.push(c);
    total += c;
    modes.forEach((_, j) => {
      const bytes = text[j] ? Math.ceil(rows * sample.widths[j] * 1.2) + 1024 : 0;
      dataAt[j].push(dataTotal[j]);
      dataCap[j].push(bytes);
      dataTotal[j] += bytes;
    });
  }
  // Shared memory whatever the size: workers write the slots in place (a plain buffer would reach them as a copy).
  const shared = <T>(ctor: new (b: SharedArrayBuffer) => T, bytes: number): T => new ctor(new SharedArrayBuffer(bytes));
  return {
    arenas: wide.map((w) => (w ? shared(Float64Array, 8 * total) : null)),
    at, cap,
    strOffsets: text.map((t) => (t ? shared(Int32Array, 4 * (total + bounds.length)) : null)),
    strData: text.map((t, j) => (t ? shared(Uint8Array, dataTotal[j]) : null)),
    dataAt, dataCap,
  };
}
