/**
 * Writes datasets/powerlaw.csv: 1,000 rows of noisy power-law timings t(n) = A * n^s at ten problem
 * sizes, like the ENCCS lesson's results.csv (one experiment per row; the column headers are the sizes).
 * Each row has its own A (50..150) and s (-1.2..-0.4), with 2% multiplicative noise.
 * Run: npx tsx datasets/generators/powerlaw.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { normal, rng } from './random.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'powerlaw.csv');
const u = rng(42);
const z = normal(u);
const sizes = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
const lines = ['run,' + sizes.join(',')];
for (let r = 0; r < 1000; r++) {
  const A = 50 + 100 * u();
  const s = -1.2 + 0.8 * u();
  lines.push([`run${r}`, ...sizes.map((n) => (A * n ** s * (1 + 0.02 * z())).toPrecision(8))].join(','));
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${out}`);
