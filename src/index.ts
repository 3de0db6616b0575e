/**
 * gridframe: pandas- and xarray-style data for TypeScript on Node.js.
 * Everything public is exported from here (`import * as gf from 'gridframe'`).
 * @module
 */
export * from './errors.js';
export * from './frame/exports.js';
export * from './groupby/index.js';
export * from './io/index.js';
export * from './nd/index.js';
export * from './kernels/index.js';
export * from './parallel/index.js';
export * from './plot/index.js';
export * from './datasets/index.js';
