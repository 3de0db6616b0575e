/**
 * Hand-written single-thread kernels for the "loop" contender: radix argsort, a schema-specific CSV
 * parser, distances and a two-parameter Levenberg–Marquardt power-law fit. Plain typed arrays only.
 * @module
 */

/** Argsort of float64 keys (ascending, stable) by LSD radix over the IEEE bits, 4 passes of 16 bits. */
export function radixArgsortF64(keys: Float64Array): Int32Array {
  const n = keys.length;
  const bits = new Uint32Array(keys.buffer, keys.byteOffset, n * 2);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let idx = new Int32Array(n);
  const hist = new Uint32Array(4 * 65536);
  for (let i = 0; i < n; i++) {
    let l = bits[2 * i];
    let h = bits[2 * i + 1];
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    lo[i] = l;
    hi[i] = h;
    idx[i] = i;
    hist[l & 0xffff]++;
    hist[65536 + (l >>> 16)]++;
    hist[131072 + (h & 0xffff)]++;
    hist[196608 + (h >>> 16)]++;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let idx2 = new Int32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 65536;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = hist[base + b];
      hist[base + b] = sum;
      sum += c;
    }
    const src = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    for (let i = 0; i < n; i++) {
      const dgt = (src[i] >>> shift) & 0xffff;
      const p = hist[base + dgt]++;
      lo2[p] = lo[i];
      hi2[p] = hi[i];
      idx2[p] = idx[i];
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

/** Gathers a typed array by indices (4-way unrolled). */
export function gather<T extends Float64Array | Int32Array>(src: T, idx: Int32Array, make: (n: number) => T): T {
  const n = idx.length;
  const out = make(n);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    out[i] = src[idx[i]];
    out[i + 1] = src[idx[i + 1]];
    out[i + 2] = src[idx[i + 2]];
    out[i + 3] = src[idx[i + 3]];
  }
  for (; i < n; i++) out[i] = src[idx[i]];
  return out;
}

/** The mixed CSV parsed into typed columns (names dictionary-encoded, dates as epoch days). */
export interface MixedCsv {
  id: Float64Array;
  price: Float64Array;
  nameCodes: Int32Array;
  names: string[];
  flag: Uint8Array;
  day: Int32Array;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Parses the benchmark's mixed CSV (id,price,name,flag,day) from bytes in one pass. */
export function parseMixedCsv(buf: Uint8Array): MixedCsv {
  let rows = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) rows++;
  rows -= 1;
  const id = new Float64Array(rows);
  const price = new Float64Array(rows);
  const nameCodes = new Int32Array(rows);
  const flag = new Uint8Array(rows);
  const day = new Int32Array(rows);
  const dict = new Map<string, number>();
  const names: string[] = [];
  const dec = new TextDecoder();
  let p = buf.indexOf(10) + 1;
  for (let r = 0; r < rows; r++) {
    let v = 0;
    let neg = false;
    if (buf[p] === 45) { neg = true; p++; }
    while (buf[p] !== 44) v = v * 10 + (buf[p++] - 48);
    id[r] = neg ? -v : v;
    p++;
    let m = 0;
    let frac = -1;
    while (buf[p] !== 44) {
      const c = buf[p++];
      if (c === 46) frac = 0;
      else {
        m = m * 10 + (c - 48);
        if (frac >= 0) frac++;
      }
    }
    price[r] = frac > 0 ? m / POW10[frac] : m;
    p++;
    const s0 = p;
    while (buf[p] !== 44) p++;
    const s = dec.decode(buf.subarray(s0, p));
    let code = dict.get(s);
    if (code === undefined) {
      code = names.length;
      dict.set(s, code);
      names.push(s);
    }
    nameCodes[r] = code;
    p++;
    flag[r] = buf[p] === 116 ? 1 : 0;
    while (buf[p] !== 44) p++;
    p++;
    const y = (buf[p] - 48) * 1000 + (buf[p + 1] - 48) * 100 + (buf[p + 2] - 48) * 10 + (buf[p + 3] - 48);
    const mo = (buf[p + 5] - 48) * 10 + (buf[p + 6] - 48);
    const d = (buf[p + 8] - 48) * 10 + (buf[p + 9] - 48);
    day[r] = daysFromCivil(y, mo, d);
    p += 10;
    if (buf[p] === 13) p++;
    p++;
  }
  return { id, price, nameCodes, names, flag, day };
}

/** Pairwise distances between rows of X (m x d) and Y (n x d), row-major; metric euclidean or cityblock. */
export function cdistLoop(x: Float64Array, y: Float64Array, d: number, metric: 'euclidean' | 'cityblock'): Float64Array {
  const m = x.length / d;
  const n = y.length / d;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const xo = i * d;
    for (let j = 0; j < n; j++) {
      const yo = j * d;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let k = 0;
      if (metric === 'euclidean') {
        for (; k + 3 < d; k += 4) {
          const a = x[xo + k] - y[yo + k], b = x[xo + k + 1] - y[yo + k + 1];
          const c = x[xo + k + 2] - y[yo + k + 2], e = x[xo + k + 3] - y[yo + k + 3];
          s0 += a * a; s1 += b * b; s2 += c * c; s3 += e * e;
        }
        for (; k < d; k++) { const a = x[xo + k] - y[yo + k]; s0 += a * a; }
        out[i * n + j] = Math.sqrt(s0 + s1 + s2 + s3);
      } else {
        for (; k + 3 < d; k += 4) {
          s0 += Math.abs(x[xo + k] - y[yo + k]); s1 += Math.abs(x[xo + k + 1] - y[yo + k + 1]);
          s2 += Math.abs(x[xo + k + 2] - y[yo + k + 2]); s3 += Math.abs(x[xo + k + 3] - y[yo + k + 3]);
        }
        for (; k < d; k++) s0 += Math.abs(x[xo + k] - y[yo + k]);
        out[i * n + j] = s0 + s1 + s2 + s3;
      }
    }
  }
  return out;
}

/**
 * Fits y = a·x^b to one row by Levenberg–Marquardt with the analytic Jacobian (2x2 normal equations),
 * stopping when the relative step is below 1e-10 or the cost stops falling (tighter than scipy's
 * defaults, so it lands on the least-squares minimum scipy converges to).
 */
export function fitPowerLaw(x: Float64Array, y: Float64Array, off: number, p: number, a0: number, b0: number, out: Float64Array, o: number): void {
  let a = a0, b = b0;
  let lambda = 1e-3;
  const cost = (aa: number, bb: number): number => {
    let s = 0;
    for (let j = 0; j < p; j++) { const r = y[off + j] - aa * Math.pow(x[j], bb); s += r * r; }
    return s;
  };
  let c = cost(a, b);
  for (let it = 0; it < 200; it++) {
    let jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
    for (let j = 0; j < p; j++) {
      const xb = Math.pow(x[j], b);
      const da = xb, db = a * xb * Math.log(x[j]);
      const r = y[off + j] - a * xb;
      jaa += da * da; jab += da * db; jbb += db * db; ga += da * r; gb += db * r;
    }
    let accepted = false;
    for (let tries = 0; tries < 30 && !accepted; tries++) {
      const m11 = jaa * (1 + lambda), m22 = jbb * (1 + lambda);
      const det = m11 * m22 - jab * jab;
      const sa = (m22 * ga - jab * gb) / det;
      const sb = (m11 * gb - jab * ga) / det;
      const na = a + sa, nb = b + sb;
      const nc = cost(na, nb);
      if (nc <= c) {
        const small = Math.abs(sa) <= 1e-10 * (Math.abs(a) + 1e-10) && Math.abs(sb) <= 1e-10 * (Math.abs(b) + 1e-10);
        const flat = c - nc <= 1e-15 * c;
        a = na; b = nb; c = nc;
        lambda = Math.max(lambda / 10, 1e-12);
        accepted = true;
        if (small || flat) { out[o] = a; out[o + 1] = b; return; }
      } else lambda *= 10;
    }
    if (!accepted) break;
  }
  out[o] = a;
  out[o + 1] = b;
}
