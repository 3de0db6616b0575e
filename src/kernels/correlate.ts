/**
 * `correlate(a, v, { mode })` as numpy.correlate: c[k] = Σ_n a[n + k] · v[n], 'valid' by default,
 * 'same' and 'full' padded with zeros, the same output alignment as numpy (also when v is longer).
 * @module
 */
import { ValueError } from '../errors.js';

/** numpy's correlate modes. */
export type CorrelateMode = 'valid' | 'same' | 'full';

/**
 * Cross-correlation of two 1-D sequences (numpy.correlate).
 * @example
 * Array.from(correlate([1, 2, 3], [0, 1, 0.5], { mode: 'full' })); // [0.5, 2, 3.5, 3, 0]
 */
export function correlate(a: ArrayLike<number>, v: ArrayLike<number>, opts: { mode?: CorrelateMode } = {}): Float64Array {
  const mode = opts.mode ?? 'valid';
  if (mode !== 'valid' && mode !== 'same' && mode !== 'full') throw new ValueError(`correlate: mode must be 'valid', 'same' or 'full', got '${String(mode)}'`);
  const N = a.length, M = v.length;
  if (N === 0 || M === 0) throw new ValueError(`correlate: both inputs must be non-empty; got lengths ${N} and ${M}`);
  const A = Float64Array.from(a), V = Float64Array.from(v);
  // full[k + M - 1] for lag k in [-(M - 1), N - 1].
  const L = N + M - 1;
  let start: number, len: number;
  if (mode === 'full') {
    start = 0;
    len = L;
  } else if (mode === 'same') {
    len = Math.max(N, M);
    // numpy swaps the inputs when v is longer, which moves the odd padding element to the front.
    start = M > N ? Math.ceil((L - len) / 2) : Math.floor((L - len) / 2);
  } else {
    len = Math.max(N, M) - Math.min(N, M) + 1;
    start = Math.min(N, M) - 1;
  }
  const out = new Float64Array(len);
  for (let o = 0; o < len; o++) {
    const k = start + o - (M - 1);
    const n0 = Math.max(0, -k), n1 = Math.min(M, N - k);
    let s0 = 0, s1 = 0;
    let t = n0;
    for (; t + 1 < n1; t += 2) {
      s0 += A[t + k] * V[t];
      s1 += A[t + 1 + k] * V[t + 1];
    }
    if (t < n1) s0 += A[t + k] * V[t];
    out[o] = s0 + s1;
  }
  return out;
}
