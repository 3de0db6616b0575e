import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/csv-read.js';
import { KeyError, ParseError } from '../../src/errors.js';

describe('readCsv errors say what and where', () => {
  it('ragged row: line, expected and found field counts', async () => {
    await expect(readCsv('a,b\n1,2\n3,4,5\n6,7\n')).rejects.toThrow(new ParseError('Line 3: expected 2 fields, found 3'));
    await expect(readCsv('a,b\n1,2\n3\n')).rejects.toThrow('Line 3: expected 2 fields, found 1');
  });

  it('line numbers count newlines inside quotes', async () => {
    await expect(readCsv('a,b\n1,"x\ny"\n3\n')).rejects.toThrow('Line 4: expected 2 fields, found 1');
  });

  it("onBadLines 'skip' drops the row, 'warn' drops it and warns", async () => {
    const skip = await readCsv('a,b\n1,2\n3,4,5\n6,7\n', { onBadLines: 'skip' });
    expect(skip.column('a').toArray()).toEqual([1, 6]);
    const warnings: string[] = [];
    const warn = await readCsv('a,b\n1,2\n3,4,5\n6,7\n', { onBadLines: 'warn', onWarning: (m) => warnings.push(m) });
    expect(warn.length).toBe(2);
    expect(warnings).toEqual(['Skipping line 3: expected 2 fields, found 3']);
  });

  it('unterminated quote names the line where it opened', async () => {
    await expect(readCsv('a,b\n1,2\n3,"open\nmore\n')).rejects.toThrow(new ParseError(`Line 3: unterminated quoted field (a '"' opened here is never closed)`));
  });

  it('a value that does not parse as the requested dtype names column, line and value', async () => {
    await expect(readCsv('a,b\n1,2\n3,x4\n', { dtype: { b: 'int64' } })).rejects.toThrow(new ParseError(`Column 'b', line 3: cannot parse "x4" as int64`));
    await expect(readCsv('a\n1.5\n', { dtype: { a: 'int32' } })).rejects.toThrow(`Column 'a', line 2: cannot parse "1.5" as int32`);
    await expect(readCsv('a\n300\n', { dtype: { a: 'uint8' } })).rejects.toThrow(`Column 'a', line 2: cannot parse "300" as uint8 (out of range)`);
    await expect(readCsv('d\n2020-13-01\n', { parseDates: ['d'] })).rejects.toThrow(`Column 'd', line 2: cannot parse "2020-13-01" as an ISO 8601 datetime`);
    await expect(readCsv('b\nTrue\nmaybe\n', { dtype: { b: 'bool' } })).rejects.toThrow(`Column 'b', line 3: cannot parse "maybe" as bool`);
  });

  it('unknown column names suggest near matches', async () => {
    await expect(readCsv('Age,Name\n1,x\n', { usecols: ['age'] })).rejects.toThrow(KeyError);
    await expect(readCsv('Age,Name\n1,x\n', { usecols: ['age'] })).rejects.toThrow("Did you mean 'Age'");
  });

  it('a missing file is a ParseError naming it, and the process keeps working', async () => {
    await expect(readCsv('/nonexistent/dir/data.csv')).rejects.toThrow(new ParseError("File not found: '/nonexistent/dir/data.csv'"));
    const df = await readCsv('a\n1\n');
    expect(df.length).toBe(1);
  });

  it('an empty input is a ParseError', async () => {
    await expect(readCsv(new Uint8Array(0))).rejects.toThrow(ParseError);
  });
});
