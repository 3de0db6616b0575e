/**
 * NetCDF classic (CDF-1, CDF-2 64-bit offset, CDF-5 64-bit data) constants and type mapping.
 * @module
 */
import type { NDType } from '../../nd/dtype.js';

/** The CDF version byte: 1 classic, 2 64-bit offsets, 5 64-bit data. */
export type CdfVersion = 1 | 2 | 5;

export const NC_DIMENSION = 0x0a;
export const NC_VARIABLE = 0x0b;
export const NC_ATTRIBUTE = 0x0c;

/** nc_type codes. */
export const NC = { BYTE: 1, CHAR: 2, SHORT: 3, INT: 4, FLOAT: 5, DOUBLE: 6, UBYTE: 7, USHORT: 8, UINT: 9, INT64: 10, UINT64: 11 } as const;

/** Bytes per element of each nc_type. */
export const NC_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 4, 6: 8, 7: 1, 8: 2, 9: 4, 10: 8, 11: 8 };

/** NDType of each numeric nc_type. */
export const NC_DTYPE: Record<number, NDType> = { 1: 'int8', 3: 'int16', 4: 'int32', 5: 'float32', 6: 'float64', 7: 'uint8', 8: 'uint16', 9: 'uint32', 10: 'int64', 11: 'uint64' };

/** nc_type of each NDType (CDF-5 adds the unsigned and 64-bit ones). */
export const DTYPE_NC: Partial<Record<NDType, number>> = {
  int8: NC.BYTE, int16: NC.SHORT, int32: NC.INT, float32: NC.FLOAT, float64: NC.DOUBLE,
  uint8: NC.UBYTE, uint16: NC.USHORT, uint32: NC.UINT, int64: NC.INT64, uint64: NC.UINT64, bool: NC.BYTE,
};

/** Rounds up to a multiple of 4 (CDF padding). */
export function pad4(n: number): number {
  return (n + 3) & ~3;
}
