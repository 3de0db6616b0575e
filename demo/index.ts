/**
 * The gridframe demo: the ENCCS pandas/xarray lessons and the CSCS course end to end on bundled
 * data, printing each step and writing plots to out/. `npm run demo -- --quick` runs a smaller version.
 */
import { frames } from './sections/frames.js';
import { grouping } from './sections/grouping.js';
import { climate } from './sections/climate.js';
import { kernels } from './sections/kernels.js';
import { parallel } from './sections/parallel.js';
import { io } from './sections/io.js';
import { outDir, quick } from './util.js';

const t0 = performance.now();
console.log(`gridframe demo${quick ? ' (quick mode)' : ''} — plots go to ${outDir}`);
await frames();
await grouping();
await climate();
await kernels();
await parallel();
await io();
console.log(`\nDone in ${((performance.now() - t0) / 1000).toFixed(1)} s. Plots in ${outDir}.`);
