/**
 * The `gridframe` command line: info, head, describe, convert. Exit codes: 0 success, 1 a file could
 * not be read or written (one-line message on stderr), 2 a usage error.
 * @module
 */
import { Command, CommanderError } from 'commander';
import { convertCommand, describeCommand, headCommand, infoCommand } from './commands.js';
import { progressFor } from './progress.js';

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n')): Promise<number> {
  let code = 0;
  const program = new Command('gridframe')
    .description('Inspect and convert tables (CSV, Parquet, Arrow, JSON) and labelled arrays (NetCDF, HDF5)')
    .option('--progress', 'always draw a progress bar on stderr')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run gridframe --help for usage)');

  const run = (fn: (onProgress?: (d: number, t: number) => void) => Promise<string>, file: string) => async () => {
    const bar = await progressFor(file, Boolean(program.opts().progress));
    try {
      out(await fn(bar.onProgress));
    } finally {
      bar.done();
    }
  };

  program.command('info').argument('<file>', 'a CSV, TSV, Parquet, Arrow, JSON, NetCDF or HDF5 file')
    .description('schema and shape of a table; dims, coords, variables and attributes of a dataset')
    .action(async (file: string) => run((p) => infoCommand(file, p), file)());
  program.command('head').argument('<file>').option('-n, --rows <n>', 'number of rows', '10')
    .description('the first rows of a table (or of a dataset as a table)')
    .action(async (file: string, o: { rows: string }) => run((p) => headCommand(file, Number(o.rows), p), file)());
  program.command('describe').argument('<file>')
    .description('summary statistics of the numeric columns')
    .action(async (file: string) => run((p) => describeCommand(file, p), file)());
  program.command('convert').argument('<input>').argument('<output>', 'format from the extension: .csv .tsv .parquet .arrow .arrows .json .jsonl .nc')
    .description('convert between formats (NetCDF/HDF5 to tables through toDataFrame)')
    .action(async (input: string, output: string) => run((p) => convertCommand(input, output, p), input)());

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      code = e.exitCode === 0 ? 0 : 2;
    } else {
      const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
      process.stderr.write(`gridframe: ${msg}\n`);
      code = 1;
    }
  }
  return code;
}
