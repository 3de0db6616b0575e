/**
 * The kernel modules every team worker loads (see team.ts). To add kernels, export them (made with
 * `defineKernel`) from a light module — one that imports no Arrow, no pool, no team.ts — and list
 * the module here.
 * @module
 */
import * as gatherKernels from '../frame/ops/gather-par.js';
import * as gatherPlanKernels from '../frame/ops/gather-plan-par.js';
import * as radixKernels from '../frame/ops/radix-par.js';
import * as cdistKernels from '../kernels/distance/team-task.js';

/** Modules whose exported kernels the workers register (by each kernel's id). */
export const BUILTIN_KERNEL_MODULES: readonly object[] = [gatherKernels, gatherPlanKernels, radixKernels, cdistKernels];
