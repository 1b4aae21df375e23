// Encodes parameter rows as PostgreSQL COPY text format: tab-separated, \N for NULL, backslash escapes.

/** One value as a COPY text field; `undefined` and `null` are NULL. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  const text = String(value);
  // Fast path: most fields (ids, series, instants) need no escaping.
  if (!/[\\\t\n\r]/.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** One row, newline-terminated. */
export function copyRow(values: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : '\t') + copyField(values[i]);
  return `${line}\n`;
}

/** The 1-based row number PostgreSQL names in a COPY error's context (`COPY t, line 3: …`), if any. */
export function copyErrorLine(error: unknown): number | undefined {
  const where = (error as { where?: unknown })?.where;
  const match = typeof where === 'string' ? /COPY [^,]+, line (\d+)/.exec(where) : null;
  return match === null ? undefined : Number(match[1]);
}
