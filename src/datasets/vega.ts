/**
 * Files of the `vega-datasets` npm package (real public data: flights, Seattle weather, stocks, ...).
 * It is a devDependency of gridframe (the demo and benchmarks use it), not a dependency: a library
 * user who wants these files installs it.
 * @module
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GridframeError } from '../errors.js';

/**
 * The absolute path of a file in vega-datasets' `data/` folder.
 * @example
 * const df = await readCsv(vegaDatasetPath('seattle-weather.csv'), { parseDates: ['date'] });
 */
export function vegaDatasetPath(file: string): string {
  let main: string;
  try {
    main = createRequire(import.meta.url).resolve('vega-datasets');
  } catch {
    throw new GridframeError("The 'vega-datasets' package is not installed: run `npm install vega-datasets` to use its files");
  }
  const p = path.resolve(path.dirname(main), '..', 'data', file);
  if (!existsSync(p)) throw new GridframeError(`vega-datasets has no file '${file}' (looked in ${path.dirname(p)})`);
  return p;
}
