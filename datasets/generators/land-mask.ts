/**
 * A land fraction grid from Natural Earth's 1:110m land polygons (world-110m.json in the
 * vega-datasets npm package), sampled 2x2 per cell with d3-geo's spherical point-in-polygon test.
 */
import { readFileSync } from 'node:fs';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { vegaDatasetPath } from '../../src/datasets/vega.js';

/** Fraction of land (0..1) of each cell of a lat (rows, south to north) x lon grid of cell centres. */
export function landFraction(lat: Float64Array, lon: Float64Array, step: number): Float64Array {
  const file = vegaDatasetPath('world-110m.json');
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ land: GeometryCollection }>;
  const land = feature(topo, topo.objects.land);
  const out = new Float64Array(lat.length * lon.length);
  const offs = [-step / 4, step / 4];
  for (let i = 0; i < lat.length; i++) {
    for (let j = 0; j < lon.length; j++) {
      let hits = 0;
      for (const di of offs) for (const dj of offs) if (geoContains(land, [((lon[j] + dj + 180) % 360) - 180, lat[i] + di])) hits++;
      out[i * lon.length + j] = hits / 4;
    }
  }
  return out;
}
