/**
 * A synthetic monthly near-surface air temperature field (K) on a global grid, shaped like the CMIP6
 * `tas` files of the ENCCS lesson: a zonal mean falling from ~300 K at the equator to ~250 K at the
 * poles, a seasonal cycle whose amplitude grows with latitude and is 3.5 times larger over land,
 * land warmer than sea in the tropics and subtropics and colder poleward (ice sheets) (so the annual mean shows the
 * continents), a slow warming trend, and seeded weather noise.
 */
import { landFraction } from './land-mask.js';
import { normal, rng } from './random.js';

/** The grid and the field. */
export interface ClimateField {
  lat: Float64Array;
  lon: Float64Array;
  /** time x lat x lon, row-major, Kelvin. */
  tas: Float32Array;
  land: Float64Array;
}

/**
 * Monthly fields for `years` starting at `startYear`, on a grid of `step` degrees.
 * @example
 * const f = climateField(2000, 3, 2.5);
 */
export function climateField(startYear: number, years: number, step: number, seed = 7): ClimateField {
  const nlat = Math.round(180 / step);
  const nlon = Math.round(360 / step);
  const lat = Float64Array.from({ length: nlat }, (_, i) => -90 + step / 2 + i * step);
  const lon = Float64Array.from({ length: nlon }, (_, j) => step / 2 + j * step);
  const land = landFraction(lat, lon, step);
  const nt = years * 12;
  const tas = new Float32Array(nt * nlat * nlon);
  const z = normal(rng(seed));
  for (let t = 0; t < nt; t++) {
    const month = t % 12;
    const year = startYear + Math.floor(t / 12);
    // Peak northern summer in July (month 6).
    const season = Math.cos((2 * Math.PI * (month - 6)) / 12);
    const trend = 0.02 * (year - startYear);
    for (let i = 0; i < nlat; i++) {
      const phi = (lat[i] * Math.PI) / 180;
      const s = Math.sin(phi);
      const zonal = 302 - 40 * s * s - (Math.abs(lat[i]) > 65 ? 8 * (Math.abs(lat[i]) - 65) / 25 : 0);
      for (let j = 0; j < nlon; j++) {
        const l = land[i * nlon + j];
        const amp = (4 + 10 * l) * Math.abs(s) * Math.sign(s || 1);
        const alat = Math.abs(lat[i]);
        // Deserts and hot interiors in the tropics and subtropics, cold interiors and ice sheets poleward.
        const contin = l * (alat < 35 ? 4 : alat < 60 ? 4 - (alat - 35) * 0.2 : -5 - (alat - 60) * 0.6);
        const v = zonal + amp * season + contin + trend + 0.8 * z();
        tas[(t * nlat + i) * nlon + j] = v;
      }
    }
  }
  return { lat, lon, tas, land };
}
