/**
 * correlate against numpy.correlate. Reference numbers printed by /usr/bin/python3 (numpy 1.24):
 *   for a, v in [([1,2,3],[0,1,0.5]), ([1,2,3,4,5],[1,-1]), ([1,2],[3,4,5,6,7]), ([1,2,3,4],[1,2,3,4,5,6])]:
 *       for m in ['full', 'same', 'valid']: print(m, np.correlate(a, v, m).tolist())
 */
import { describe, expect, it } from 'vitest';
import { correlate } from '../../src/kernels/index.js';

const cases: Array<[number[], number[], Record<'full' | 'same' | 'valid', number[]>]> = [
  [[1, 2, 3], [0, 1, 0.5], { full: [0.5, 2, 3.5, 3, 0], same: [2, 3.5, 3], valid: [3.5] }],
  [[1, 2, 3, 4, 5], [1, -1], { full: [-1, -1, -1, -1, -1, 5], same: [-1, -1, -1, -1, -1], valid: [-1, -1, -1, -1] }],
  [[1, 2], [3, 4, 5, 6, 7], { full: [7, 20, 17, 14, 11, 6], same: [20, 17, 14, 11, 6], valid: [20, 17, 14, 11] }],
  [[1, 2, 3, 4], [1, 2, 3, 4, 5, 6], { full: [6, 17, 32, 50, 40, 30, 20, 11, 4], same: [32, 50, 40, 30, 20, 11], valid: [50, 40, 30] }],
];

describe('correlate matches numpy', () => {
  for (const [a, v, want] of cases) {
    for (const mode of ['full', 'same', 'valid'] as const) {
      it(`${JSON.stringify(a)} x ${JSON.stringify(v)} ${mode}`, () => {
        expect(Array.from(correlate(a, v, { mode }))).toEqual(want[mode]);
      });
    }
  }
  it("defaults to 'valid' as numpy and accepts typed arrays", () => {
    expect(Array.from(correlate(new Float64Array([1, 2, 3]), [1, 1]))).toEqual([3, 5]);
  });
  it('refuses empty inputs and unknown modes', () => {
    expect(() => correlate([], [1])).toThrow(/non-empty/);
    expect(() => correlate([1], [1], { mode: 'circular' as 'full' })).toThrow(/mode must be/);
  });
});
