/**
 * The box-drawn table shared by frame and Series display: a header row (names), a dtype row, a rule,
 * the body; long tables cut in the middle with a `…` row, wide ones in the middle of the columns with
 * a `…` column, to fit a width budget.
 * @module
 */
import type { Column } from '../column.js';
import type { Index } from '../label-index.js';
import { MultiIndex } from '../multi-index.js';
import { formatColumn, formatString, type FormattedColumn } from './format.js';

/** One displayed column: title, dtype line, cells. */
export interface TableColumn {
  title: string;
  dtype: string;
  cells: string[];
  align: 'left' | 'right';
}

/** Display limits: rows beyond `maxRows` show as first/last `maxRows / 2`; `maxWidth` characters per line. */
export interface DisplayOptions {
  maxRows?: number;
  maxWidth?: number;
}

/** Rows to show: all, or the first and last `maxRows / 2` with a gap marker (-1) between. */
export function shownRows(n: number, maxRows: number): number[] {
  if (n <= maxRows) return Array.from({ length: n }, (_, i) => i);
  const h = Math.max(1, Math.floor(maxRows / 2));
  const out: number[] = [];
  for (let i = 0; i < h; i++) out.push(i);
  out.push(-1);
  for (let i = n - h; i < n; i++) out.push(i);
  return out;
}

/** A column formatted at the shown rows (the gap marker becomes `…`). */
export function tableColumn(col: Column, rows: readonly number[], title: string, dtype: string): TableColumn {
  const real = rows.filter((r) => r >= 0);
  const f: FormattedColumn = formatColumn(col, real);
  const cells: string[] = [];
  let k = 0;
  for (const r of rows) cells.push(r < 0 ? '…' : f.cells[k++]);
  return { title: formatString(title), dtype, cells, align: f.align };
}

/** The index as display columns (one per MultiIndex level), with its names as titles. */
export function indexColumns(index: Index, rows: readonly number[]): TableColumn[] {
  if (index instanceof MultiIndex) {
    return index.names.map((nm, l) => tableColumn(index.getLevelValues(l), rows, nm ?? '', ''));
  }
  return [tableColumn(index.column, rows, index.name ?? '', '')];
}

const width = (c: TableColumn): number => Math.max(c.title.length, c.dtype.length, ...c.cells.map((s) => s.length), 1);

/** Chooses data columns from both ends until the width budget is used; null marks the `…` column. */
function fitColumns(fixed: TableColumn[], data: TableColumn[], maxWidth: number): (TableColumn | null)[] {
  const cost = (c: TableColumn): number => width(c) + 3;
  let used = 1 + fixed.reduce((s, c) => s + cost(c), 0);
  if (used + data.reduce((s, c) => s + cost(c), 0) <= maxWidth) return [...fixed, ...data];
  used += 4; // the … column
  const left: TableColumn[] = [];
  const right: TableColumn[] = [];
  let i = 0;
  let j = data.length - 1;
  let fromLeft = true;
  while (i <= j) {
    const c = fromLeft ? data[i] : data[j];
    if (used + cost(c) > maxWidth && left.length + right.length > 0) break;
    used += cost(c);
    if (fromLeft) left.push(data[i++]);
    else right.unshift(data[j--]);
    fromLeft = !fromLeft;
  }
  return [...fixed, ...left, null, ...right];
}

/**
 * Renders columns as a box-drawn table under a header line.
 * @example
 * renderTable('shape: (2, 1)', [], [tableColumn(col, [0, 1], 'a', 'int64')])
 */
export function renderTable(header: string, fixed: TableColumn[], data: TableColumn[], maxWidth = 120): string {
  const cols = fitColumns(fixed, data, maxWidth);
  const nrows = (fixed[0] ?? data[0])?.cells.length ?? 0;
  const ws = cols.map((c) => (c === null ? 1 : width(c)));
  const line = (l: string, m: string, r: string): string => l + ws.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const row = (get: (c: TableColumn) => string, alignAll?: 'left'): string =>
    '│' + cols.map((c, k) => {
      const s = c === null ? '…' : get(c);
      const right = c !== null && alignAll === undefined && c.align === 'right';
      return ' ' + (right ? s.padStart(ws[k]) : s.padEnd(ws[k])) + ' ';
    }).join('│') + '│';
  const out = [header, line('┌', '┬', '┐'), row((c) => c.title, 'left')];
  if (cols.some((c) => c !== null && c.dtype !== '')) out.push(row((c) => c.dtype, 'left'));
  out.push(line('├', '┼', '┤'));
  for (let r = 0; r < nrows; r++) out.push(row((c) => c.cells[r]));
  out.push(line('└', '┴', '┘'));
  return out.join('\n');
}
