/** Public exports of the frame layer. @module */
export { Column } from './column.js';
export { fromValues, fromTyped, fromFloat64, fromStrings, fromCodes, fromBoolBytes, fromEpochMs, fromVector, concatColumns } from './column-build.js';
export { take, sliceColumn, filterColumn } from './column-take.js';
export { Index, RangeIndex, type Label } from './label-index.js';
export { MultiIndex, compareScalars, factorizeSorted } from './multi-index.js';
export { Series, type SeriesOptions } from './series.js';
export { DataFrame, type DataFrameOptions, type ColumnsObject } from './dataframe.js';
export { concat, type ConcatOptions } from './ops/concat.js';
export type { DType, Scalar, NumericArray } from './dtypes.js';
export { int64ToFloat64, float64ToInt64, isNumericDtype, isIntegerDtype, isFloatDtype } from './dtypes.js';
export type { Slice, AggOptions, VarOptions, ArithOp, CompareOp, MathFn, SortOptions, FillValue } from './types.js';
