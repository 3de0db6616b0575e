/** Runs the demo in its quick mode, as a new user would (`npm run demo -- --quick`). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers.js';

describe('demo (quick mode)', () => {
  it('runs every section and writes SVG and PNG plots', () => {
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const r = spawnSync(tsx, ['demo/index.ts', '--quick'], { cwd: repoRoot, encoding: 'utf8', timeout: 170_000 });
    expect(r.error).toBeUndefined();
    expect(r.stderr.split('\n').filter((l) => /Error|at .*\.ts:/.test(l))).toEqual([]);
    expect(r.status).toBe(0);
    for (let s = 1; s <= 11; s++) expect(r.stdout).toContain(`━━ ${s}. `);
    expect(r.stdout).toMatch(/Done in [\d.]+ s/);
    for (const f of ['mean-temperature.svg', 'mean-temperature.png', 'seattle-temperature.svg', 'passenger-ages.png', 'survival-by-class.svg', 'stockholm.svg']) {
      const p = path.join(repoRoot, 'out', f);
      expect(existsSync(p), f).toBe(true);
      expect(statSync(p).size, f).toBeGreaterThan(1000);
    }
    const svg = readFileSync(path.join(repoRoot, 'out', 'mean-temperature.svg'), 'utf8');
    // 72 x 144 grid cells, each a rect mark.
    expect((svg.match(/aria-roledescription="rect mark"/g) ?? []).length).toBe(72 * 144);
  }, 180_000);
});
