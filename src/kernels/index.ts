/**
 * Numeric kernels: distance matrices (cdist, pdist, squareform), curve fitting (curveFit, fitRows),
 * correlate, and the WebGPU backend's status (gpuInfo). The GPU stack loads lazily on first use.
 * @module
 */
export { KernelArray, type Device, type MatrixInput, type ShapedLike, type FrameLike } from './array.js';
export { cdist, type CdistOptions } from './distance/cdist.js';
export { pdist, squareform, type CondensedInput } from './distance/pdist.js';
export type { Metric } from './distance/types.js';
export { curveFit, type CurveFitOptions, type CurveFitResult, type ModelFn } from './fit/curve-fit.js';
export { fitRows, type FitRowsOptions, type FitRowsResult } from './fit/fit-rows.js';
export type { BuiltinModel, UserModel } from './fit/models.js';
export type { ParallelOption } from './parallel.js';
export { correlate, type CorrelateMode } from './correlate.js';
export { gpuInfo, releaseGpu, type GpuInfo } from './gpu/device.js';
