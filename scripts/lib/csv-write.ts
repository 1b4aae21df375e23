// Minimal deterministic CSV writer (RFC 4180 quoting, LF line endings, trailing newline).

export type Cell = string | number | undefined | null;

export function csvCell(value: Cell): string {
  if (value === undefined || value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`row has ${row.length} cells, header has ${header.length}`);
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
