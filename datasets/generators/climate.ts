/**
 * Writes datasets/climate/tas_2000.nc, tas_2001.nc, tas_2002.nc: one year of the synthetic monthly
 * field (climate-field.ts) per NetCDF4 file, CF metadata like the CMIP6 `tas` files (time as days
 * since 2000-01-01, lat/lon in degrees, K). Run: npx tsx datasets/generators/climate.ts
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataArray, Dataset } from '../../src/nd/index.js';
import { climateField } from './climate-field.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'climate');
mkdirSync(dir, { recursive: true });
const first = 2000;
const years = 3;
const f = climateField(first, years, 2.5);
const nlat = f.lat.length;
const nlon = f.lon.length;
for (let y = 0; y < years; y++) {
  const year = first + y;
  const time = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(year, m, 15)));
  const block = f.tas.slice(y * 12 * nlat * nlon, (y + 1) * 12 * nlat * nlon);
  const tas = new DataArray(block, {
    dims: ['time', 'lat', 'lon'],
    coords: { time, lat: f.lat, lon: f.lon },
    name: 'tas',
    attrs: { standard_name: 'air_temperature', long_name: 'Near-Surface Air Temperature', units: 'K' },
  });
  const ds = new Dataset({ tas }, {
    attrs: {
      title: 'gridframe synthetic monthly near-surface air temperature',
      source: 'datasets/generators/climate.ts (zonal mean + seasonal cycle + Natural Earth land mask + noise)',
      Conventions: 'CF-1.7',
    },
  });
  const file = path.join(dir, `tas_${year}.nc`);
  await ds.toNetcdf(file);
  console.log(`wrote ${file}`);
}
