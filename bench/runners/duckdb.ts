/**
 * The DuckDB contender (@duckdb/node-api, in-memory). Inputs are loaded from the generated Parquet files
 * into tables (untimed); each timed query materialises its result as a table (CREATE TABLE AS), and the
 * answer digest is computed by SQL over that table (untimed).
 * @module
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { wideNames } from '../lib/data.js';
import type { Answer } from '../lib/answer.js';
import { task, type Contender, type Ctx, type Task } from '../lib/task.js';

async function connect(ctx: Ctx, tables: string[]): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  for (const t of tables) await con.run(`CREATE TABLE t_${t} AS SELECT * FROM read_parquet('${path.join(ctx.data, `${t}.parquet`)}')`);
  return con;
}

/** One row of numbers from a query. */
async function row(con: DuckDBConnection, sql: string): Promise<Answer> {
  const r = await con.runAndReadAll(sql);
  const o = r.getRowObjectsJS()[0];
  const out: Answer = {};
  for (const [k, v] of Object.entries(o)) out[k] = Number(v);
  return out;
}

/** A task running `sql` statements (timed) and then `digest` (untimed). */
function sqlTask(con: DuckDBConnection, sql: string[], digest: string | ((con: DuckDBConnection) => Promise<Answer>)): Task {
  return task(async () => {
    for (const s of sql) await con.run(s);
    return con;
  }, (c) => (typeof digest === 'string' ? row(c, digest) : digest(c)));
}

const create = (q: string): string => `CREATE OR REPLACE TABLE r AS ${q}`;

async function pivotDigest(con: DuckDBConnection): Promise<Answer> {
  const rows = (await con.runAndReadAll('SELECT * FROM r')).getRowObjectsJS();
  let cells = 0, wSum = 0, cols = 0;
  for (const o of rows) {
    const a = Number(o.a);
    cols = Object.keys(o).length - 1;
    for (const [k, v] of Object.entries(o)) {
      if (k === 'a' || v === null) continue;
      cells++;
      wSum += (a + 1) * (Number(k) + 1) * Number(v);
    }
  }
  return { rows: rows.length, cols, cells, wSum };
}

async function sortDigest(con: DuckDBConnection): Promise<Answer> {
  const n = Number((await row(con, 'SELECT count(*) AS n FROM r')).n);
  const pos = Array.from({ length: 11 }, (_, j) => Math.floor((j * (n - 1)) / 10));
  const rows = (await con.runAndReadAll(`SELECT v, ikey FROM (SELECT v, ikey, row_number() OVER () - 1 AS rn FROM r) WHERE rn IN (${pos.join(',')}) ORDER BY rn`)).getRowObjectsJS();
  let vAt = 0, keyAt = 0;
  // positions may repeat when n < 11; map each requested position to its row
  const uniq = [...new Set(pos)];
  for (const p of pos) {
    const o = rows[uniq.indexOf(p)];
    vAt += Number(o.v);
    keyAt += Number(o.ikey);
  }
  return { rows: n, vAt, keyAt };
}

function meltPivot(ctx: Ctx, con: DuckDBConnection): Task {
  const names = wideNames(ctx.sizes.wideCols);
  const weighted = names.map((c, j) => `${j + 1} * ${c}`).join(' + ');
  return sqlTask(con, [
    'CREATE OR REPLACE TABLE long AS UNPIVOT t_wide ON COLUMNS(* EXCLUDE id) INTO NAME variable VALUE value',
    create('PIVOT long ON variable USING first(value) GROUP BY id ORDER BY id'),
  ], `SELECT (SELECT count(*) FROM long) AS longRows, (SELECT sum(value) FROM long) AS longSum, count(*) AS rows,
      ${names.length} AS cols, sum(((id % 7) + 1) * (${weighted})) AS wSum FROM r`);
}

/** The DuckDB contender. */
export const contender: Contender = {
  version: () => {
    const req = createRequire(import.meta.url);
    return `@duckdb/node-api ${(req('@duckdb/node-api/package.json') as { version: string }).version}`;
  },
  prepare: {
    'groupby-int': async (ctx) => sqlTask(await connect(ctx, ['main']), [create('SELECT ikey, avg(v) AS mean, sum(v) AS sum, count(v) AS count FROM t_main GROUP BY ikey')],
      'SELECT count(*) AS groups, sum(sum) AS sumOfSums, sum(count) AS sumOfCounts, sum((ikey + 1) * mean) AS wMean, sum((ikey + 1) * sum) AS wSum FROM r'),
    'groupby-str': async (ctx) => sqlTask(await connect(ctx, ['main']), [create('SELECT skey, avg(v) AS mean FROM t_main GROUP BY skey')],
      'SELECT count(*) AS groups, sum((CAST(substr(skey, 2) AS INTEGER) + 1) * mean) AS wMean FROM r'),
    'pivot-table': async (ctx) => sqlTask(await connect(ctx, ['pivot']), [create('PIVOT t_pivot ON b USING avg(x) GROUP BY a ORDER BY a')], pivotDigest),
    'csv-read': async (ctx) => sqlTask(await connect(ctx, []), [create(`SELECT * FROM read_csv('${path.join(ctx.data, 'mixed.csv')}')`)],
      `SELECT count(*) AS rows, sum(id) AS idSum, sum(price) AS priceSum, sum(length(name)) AS nameLenSum,
        sum(flag::INTEGER) AS trueCount, sum(day - DATE '1970-01-01') AS daySum FROM r`),
    // one streaming aggregate over read_csv (DuckDB does not materialise the file)
    'csv-chunked': async (ctx) => {
      const con = await connect(ctx, []);
      const sql = `SELECT count(*) AS rows, sum(x) AS xSum, sum(flag::INTEGER) AS trueCount FROM read_csv('${path.join(ctx.data, 'chunked.csv')}')`;
      return task(() => row(con, sql), (a) => a);
    },
    'parquet-write': async (ctx) => {
      const file = path.join(ctx.out, 'duckdb.parquet');
      return sqlTask(await connect(ctx, ['main']), [`COPY t_main TO '${file}' (FORMAT parquet, COMPRESSION snappy)`], `SELECT count(*) AS rows FROM read_parquet('${file}')`);
    },
    'parquet-read': async (ctx) => sqlTask(await connect(ctx, []), [create(`SELECT * FROM read_parquet('${path.join(ctx.data, 'main.parquet')}')`)],
      'SELECT count(*) AS rows, sum(ikey) AS ikeySum, sum(v) AS vSum FROM r'),
    sort: async (ctx) => sqlTask(await connect(ctx, ['main']), [create('SELECT * FROM t_main ORDER BY v')], sortDigest),
    'filter-arith': async (ctx) => sqlTask(await connect(ctx, ['main']), [create('SELECT *, v * w + 1 AS z FROM t_main WHERE v > 0')],
      'SELECT count(*) AS rows, sum(z) AS zSum, sum(ikey) AS ikeySum FROM r'),
    join: async (ctx) => sqlTask(await connect(ctx, ['main', 'join']), [create('SELECT m.*, j.x FROM t_main m JOIN t_join j ON m.skey = j.skey')],
      'SELECT count(*) AS rows, sum(x) AS xSum, sum(v) AS vSum FROM r'),
    transform: async (ctx) => sqlTask(await connect(ctx, ['main']),
      [create('SELECT (v - avg(v) OVER (PARTITION BY ikey)) / stddev_samp(v) OVER (PARTITION BY ikey) AS z, w FROM t_main')],
      'SELECT count(*) AS rows, sum(z * z) AS zSq, sum(w * z) AS wz FROM r'),
    'melt-pivot': async (ctx) => meltPivot(ctx, await connect(ctx, ['wide'])),
  },
  notApplicable: {
    'cdist-3-euclidean': 'no distance kernels', 'cdist-3-cityblock': 'no distance kernels', 'cdist-64-euclidean': 'no distance kernels',
    'curve-fit': 'no curve fitting', netcdf: 'no NetCDF reader',
  },
};
