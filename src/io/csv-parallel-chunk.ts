/**
 * The fused CSV chunk parser: one pass over the bytes of a chunk of rows that finds the fields AND
 * parses each into its column's typed array (numbers, bools, dates) or records its span (strings),
 * with no field table in between. Chunks of one file are parsed independently (in workers or on the
 * main thread) and joined by csv-parallel-merge.ts.
 *
 * It handles the common, well-formed case and gives up (`bail`) on anything else: a ragged row or a
 * quote error (the serial reader then reports it with its line number), a value that does not fit a
 * requested dtype (same), or a value that does not fit an inferred column's kind (the caller re-reads
 * with that column as a string, which is what the serial reader's inference decides).
 * @module
 */
import { NaMatcher } from './csv-options.js';
import type { StringBuilder } from './csv-parallel-strings.js';
import { F_BIG, F_DEC, F_FAIL, F_NA, K_BOOL, K_DATE, K_NONE, K_NUM, K_SKIP, K_STR, classifyField, numField, numOut } from './csv-parallel-fields.js';
import { ColState, finish } from './csv-parallel-state.js';
import { BAIL_COLUMN, BAIL_NONE, BAIL_SERIAL, M_I64, M_INFER, M_STR, type ChunkJob, type ChunkResult } from './csv-parallel-types.js';
import { parseBoolBytes, parseDateBytes } from './csv-parse-values.js';
import { fastBool, fastDay, fastNumber, fastOut } from './csv-parallel-fast.js';
import { rowLoop, type RowLoop } from './csv-parallel-gen.js';
import { loadChunk } from './csv-parallel-load.js';

export * from './csv-parallel-types.js';

/** Switches of the chunk parser (tests turn the generated row loops off to compare both paths). */
export const csvChunkTuning = { rowLoops: true };

const loopAt = new Int32Array(1);
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Objects kept alive for the thread, one of each layout the parser's hot code reads (a state, the
 * last job's shape without its bytes, the last NA matcher), so that those layouts, and the code V8
 * compiled for them, outlive a read (see keptBuilder in csv-parallel-strings.ts).
 */
const kept: { state: ColState; job: ChunkJob | null; na: NaMatcher | null } = { state: new ColState(M_STR), job: null, na: null };

/**
 * Stores one field (bytes [s, e), `esc` when it holds `""` escapes) of row `row` by the column's rules.
 * Returns BAIL_NONE, or why the chunk must give up.
 */
function storeField(st: ColState, buf: Uint8Array, s: number, e: number, esc: boolean, row: number, cap: number, na: NaMatcher, inferDates: boolean): number {
  if (st.kind === K_NONE) {
    const k = classifyField(buf, s, e, esc, na, inferDates);
    if (k === K_NONE) {
      st.addNull(row);
      return BAIL_NONE;
    }
    st.kind = k;
    st.size(cap, row);
  }
  const forced = st.mode !== M_INFER;
  switch (st.kind) {
    case K_NUM: {
      if (esc) return forced ? BAIL_SERIAL : BAIL_COLUMN;
      const f = numField(buf, s, e, na);
      if (f === F_FAIL || (st.mode === M_I64 && f === F_DEC)) return forced ? BAIL_SERIAL : BAIL_COLUMN;
      if (f === F_NA) st.addNull(row);
      else {
        st.f64[row] = numOut.value;
        if (f === F_DEC) st.allInt = false;
        else if (f === F_BIG) {
          st.bigRows.push(row);
          st.bigVals.push(numOut.big);
        }
      }
      return BAIL_NONE;
    }
    case K_BOOL: {
      const b = esc ? -1 : parseBoolBytes(buf, s, e);
      if (b >= 0) st.bytes[row] = b;
      else if (!esc && na.isNa(buf, s, e)) st.addNull(row);
      else return forced ? BAIL_SERIAL : BAIL_COLUMN;
      return BAIL_NONE;
    }
    case K_DATE: {
      const v = esc ? NaN : parseDateBytes(buf, s, e);
      if (v === v) {
        const hi = Math.floor(v / 4294967296);
        st.words[2 * row] = (v - hi * 4294967296) | 0;
        st.words[2 * row + 1] = hi;
      } else if (!esc && na.isNa(buf, s, e)) st.addNull(row);
      else return forced ? BAIL_SERIAL : BAIL_COLUMN;
      return BAIL_NONE;
    }
    case K_STR: {
      const sb = st.str as StringBuilder;
      if (esc) sb.addEscaped(buf, s, e, row);
      else if (na.isNa(buf, s, e)) st.addNull(row);
      else sb.add(buf, s, e, row);
      return BAIL_NONE;
    }
    default:
      return BAIL_NONE;
  }
}

function result(index: number, start: number, stop: number, rows: number, states: ColState[], bail: number, bailCol: number): ChunkResult {
  return { index, start, stop, rows, bail, bailCol, cols: states.map((st) => finish(st, rows, bail !== BAIL_NONE)) };
}

/**
 * Parses chunk `index` of a job: the rows that start in [from, bounds[index + 1]) (a row may run past
 * that end; `stop` says where it ended). `from` defaults to the chunk's own start.
 * @example
 * const r = parseChunk(job, new NaMatcher(job.naValues), 0);
 */
export function parseChunk(job: ChunkJob, na: NaMatcher, index: number, from = job.bounds[index], limit = job.buf.length): ChunkResult {
  if (kept.job === null) kept.job = { ...job, buf: new Uint8Array(0), bounds: [], modes: [] };
  kept.na = na;
  const { buf, sep, inferDates } = job;
  const n = limit;
  const hi = sep > CR ? sep : CR;
  const chunkEnd = job.bounds[index + 1];
  const states = job.modes.map((m) => new ColState(m));
  const ncols = states.length;
  const last = ncols - 1;
  const fastNum = !na.numericLike;
  const naFirst = na.first;
  let cap = Math.ceil(((chunkEnd - from) / Math.max(1, job.rowBytes)) * 1.1) + 64;
  const slots = job.slots;
  if (slots) {
    cap = slots.cap[index];
    states.forEach((st, j) => {
      const a = slots.arenas[j];
      if (a) st.slot = a.subarray(slots.at[index], slots.at[index] + cap);
      const so = slots.strOffsets[j];
      const sd = slots.strData[j];
      if (so && sd) {
        const d0 = slots.dataAt[j][index];
        st.strSlot = { offsets: so.subarray(slots.at[index] + index, slots.at[index] + index + cap + 1), data: sd.subarray(d0, d0 + slots.dataCap[j][index]) };
      }
    });
  }
  for (const st of states) st.size(cap, 0);
  let row = 0;
  let p = from;
  // The generated row loop for this chunk's column kinds, once every column has one (checked every
  // 16 rows until then); dropped when it stops on more than a quarter of the rows.
  let loop: RowLoop | null = null;
  let loopTried = !csvChunkTuning.rowLoops || !fastNum;
  let stops = 0;
  while (p < chunkEnd) {
    if (loop !== null) {
      p = loop(buf, n, p, row, chunkEnd, cap, states, na, loopAt);
      row = loopAt[0];
      if (p >= chunkEnd) break;
      if (++stops > 64 && stops * 4 > row) loop = null;
    } else if (!loopTried && (row & 15) === 0 && states.every((st) => st.kind !== K_NONE)) {
      loopTried = true;
      loop = rowLoop(states.map((st) => st.kind), job.modes.map((m) => m === M_I64), sep);
      // Run its entry and exit code once (no rows), so that V8 has seen them before it compiles the loop.
      if (loop !== null) loop(buf, n, p, row, p, cap, states, na, loopAt);
      continue;
    }
    let c = buf[p];
    if (c === LF || c === CR) {
      // A blank line: skipped.
      p += c === CR && p + 1 < n && buf[p + 1] === LF ? 2 : 1;
      continue;
    }
    if (row === cap) {
      cap *= 2;
      for (const st of states) st.size(cap, row);
    }
    for (let j = 0; j < ncols; j++) {
      const st = states[j];
      c = p < n ? buf[p] : LF;
      const kind = st.kind;
      let q = -1;
      if (c !== QUOTE && kind !== K_STR) {
        if (kind === K_NUM) {
          if (fastNum && (q = fastNumber(buf, p, n, sep, st.mode === M_I64)) >= 0) {
            st.f64[row] = fastOut.value;
            if (fastOut.decimal) st.allInt = false;
          }
        } else if (kind === K_DATE) {
          if ((q = fastDay(buf, p, n, sep)) >= 0) {
            const v = fastOut.value * 86400000;
            const hi = Math.floor(v / 4294967296);
            st.words[2 * row] = (v - hi * 4294967296) | 0;
            st.words[2 * row + 1] = hi;
          }
        } else if (kind === K_BOOL && (q = fastBool(buf, p, n, sep)) >= 0) st.bytes[row] = fastOut.value;
      }
      if (q >= 0) p = q;
      else {
        // Find the field.
        let s: number;
        let e: number;
        let esc = false;
        if (c === QUOTE) {
          let z = p + 1;
          for (;;) {
            if (z >= n) return result(index, from, p, row, states, BAIL_SERIAL, j);
            if (buf[z] === QUOTE) {
              if (z + 1 < n && buf[z + 1] === QUOTE) {
                esc = true;
                z += 2;
                continue;
              }
              break;
            }
            z++;
          }
          s = p + 1;
          e = z;
          p = z + 1;
          if (p < n) {
            c = buf[p];
            if (c !== sep && c !== LF && c !== CR) return result(index, from, p, row, states, BAIL_SERIAL, j);
          }
        } else {
          s = p;
          for (;;) {
            while (p < n && buf[p] > hi) p++;
            if (p >= n) break;
            c = buf[p];
            if (c === sep || c === LF || c === CR) break;
            p++;
          }
          e = p;
        }
        if (kind === K_STR && !esc && (s < e ? naFirst[buf[s]] === 0 || !na.isNa(buf, s, e) : !na.empty)) (st.str as StringBuilder).add(buf, s, e, row);
        else if (kind !== K_SKIP) {
          const b = storeField(st, buf, s, e, esc, row, cap, na, inferDates);
          if (b !== BAIL_NONE) return result(index, from, p, row, states, b, j);
        }
      }
      // The field's end: a separator before the last field, a line end (or the end) after it.
      if (j < last) {
        if (p >= n || buf[p] !== sep) return result(index, from, p, row, states, BAIL_SERIAL, j);
        p++;
        continue;
      }
      if (p >= n) break;
      c = buf[p];
      if (c === sep) return result(index, from, p, row, states, BAIL_SERIAL, j);
      p += c === CR && p + 1 < n && buf[p + 1] === LF ? 2 : 1;
    }
    row++;
  }
  return result(index, from, p, row, states, BAIL_NONE, -1);
}

/**
 * Parses chunks claimed one at a time from a shared counter (counter[0]: work stealing between the
 * main thread and workers) until none is left.
 * @example
 * const mine = parseClaimedChunks(job, counter);
 */
export function parseClaimedChunks(job: ChunkJob, counter: Int32Array): ChunkResult[] {
  // counter[1] counts the workers that have started (the calling thread stops claiming then).
  if (counter.length > 1) Atomics.add(counter, 1, 1);
  const na = new NaMatcher(job.naValues);
  const count = job.bounds.length - 1;
  const out: ChunkResult[] = [];
  for (;;) {
    const k = Atomics.add(counter, 0, 1);
    if (k >= count) break;
    out.push(parseClaimed(job, na, k));
  }
  return out;
}

/**
 * Parses claimed chunk k, reading its bytes first for a file job (a chunk where no row starts gives
 * an empty result that no row order can use: the caller re-parses if it must).
 * @example
 * const r = parseClaimed(job, na, k);
 */
export function parseClaimed(job: ChunkJob, na: NaMatcher, k: number): ChunkResult {
  if (!job.file) return parseChunk(job, na, k);
  const at = loadChunk(job, k);
  if (at === null) return { index: k, start: -1, stop: -1, rows: 0, cols: [], bail: BAIL_NONE, bailCol: -1 };
  return parseChunk(job, na, k, at.from, at.limit);
}
