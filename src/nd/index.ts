/**
 * Labelled N-d arrays and their file formats: NDArray, DataArray, Dataset, NetCDF3/NetCDF4/HDF5 I/O
 * and CF calendars.
 * @module
 */
export { NDArray, type Nested, type Operand } from './ndarray.js';
export type { NDType, TypedArray } from './dtype.js';
export { broadcastShapes, type AxisSel, type PosSlice } from './view.js';
export { where } from './where.js';
export type { BinaryOp as NdBinaryOp, CompareOp as NdCompareOp } from './elementwise.js';
export type { MathFn as NdMathFn } from './math.js';
export type { ReduceOp, ReduceOptions } from './reduce.js';
export { Variable, type Attrs, type AttrValue, type Encoding } from './variable.js';
export { LazyArray, type ArraySource, type Range } from './lazy.js';
export { DataArray, type DataArrayOptions } from './dataarray.js';
export { Dataset, type DataVarInput, type DatasetOptions } from './dataset.js';
export { GroupBy as DataArrayGroupBy } from './groupby.js';
export type { Indexer, LabelIndexer, SelOptions } from './select.js';
export type { LabelValue, SelMethod } from './coord-index.js';
export { openDataset, loadDataset, type OpenOptions } from '../io/netcdf4/read.js';
export { openMfDataset, type OpenMfOptions } from '../io/netcdf4/mf.js';
export { toNetcdf, type NetcdfFormat, type ToNetcdfOptions } from '../io/netcdf4/write.js';
export { openHdf5, Hdf5Group, Hdf5Dataset } from '../io/netcdf4/hdf5-tree.js';
export { readNetcdf3 } from '../io/netcdf3/read.js';
export { calendarFields, formatCalendarTime, toCalendarMs, type Calendar, type TimeFields } from '../io/cf/calendar.js';
export { decodeTimes, encodeTimes } from '../io/cf/time.js';
