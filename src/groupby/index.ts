/**
 * Public exports of grouping and reshaping (re-exported from the package root).
 * @module
 */
export { GroupBy, type GroupByOptions, type GroupAggOptions, type GroupKey } from './groupby.js';
export { SeriesGroupBy } from './series-groupby.js';
export type { AggFunc, AggSpec } from './agg.js';
export type { TransformFunc } from './transform.js';
export type { ApplyResult } from './apply.js';
export { pivot, pivotTable, type PivotOptions, type PivotTableOptions } from './pivot.js';
export { stack, unstack } from './stack.js';
export { melt, type MeltOptions } from './melt.js';
export { factorizeKey, factorizeKeys, type FactorizeOptions, type Groups, type KeyCodes } from './factorize.js';
export { getAggregation, aggregateColumn, AGGREGATION_NAMES, type Aggregation, type AggState } from '../frame/aggs/registry.js';
