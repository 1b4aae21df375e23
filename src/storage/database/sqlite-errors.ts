// Translates better-sqlite3 and SQLite errors into registry errors at the adapter's edge, naming the database path.
import { isVigilError, vigilError, type VigilError } from '../../errors/index.js';

/**
 * `context` says what was being done (e.g. `observation 3 of 10 (id …)`), prefixed to messages about bad data.
 * VigilErrors pass through unchanged.
 */
export function translateSqliteError(error: unknown, path: string, context?: string): VigilError {
  if (isVigilError(error)) return error;
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  const message = error instanceof Error ? error.message : String(error);
  const options = { cause: error, details: { path, sqliteCode: code || undefined } };
  const where = context === undefined ? '' : `${context}: `;

  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return vigilError('VIGIL_STORE_LOCKED', `database ${path} is locked by another process`, options);
  }
  if (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  ) {
    return vigilError('VIGIL_CONFLICT', `${where}${message}`, options);
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    // NOT NULL and CHECK: the record itself is malformed (a null value without missingReason…), not a conflict.
    return vigilError('VIGIL_INPUT_INVALID', `${where}${message}`, options);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return vigilError('VIGIL_STORE_UNAVAILABLE', `cannot open database ${path}: ${message}`, options);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return vigilError('VIGIL_STORE_UNAVAILABLE', `database ${path} is read-only: ${message}`, options);
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return vigilError('VIGIL_STORE_UNAVAILABLE', `${path} is not a usable SQLite database: ${message}`, options);
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL') {
    return vigilError('VIGIL_STORE_UNAVAILABLE', `database ${path}: ${message}`, options);
  }
  if (code === 'SQLITE_ERROR' && message.startsWith('no such table')) {
    return vigilError(
      'VIGIL_STORE_UNAVAILABLE',
      `database ${path} has no Vigil schema yet (run migrate): ${message}`,
      options,
    );
  }
  // better-sqlite3 reports these as TypeErrors without a code.
  if (message.includes('directory does not exist')) {
    return vigilError('VIGIL_STORE_UNAVAILABLE', `cannot open database ${path}: the directory does not exist`, options);
  }
  if (message.includes('connection is not open')) {
    return vigilError('VIGIL_STORE_UNAVAILABLE', `database ${path} is closed`, options);
  }
  return vigilError('VIGIL_INTERNAL', `database ${path}: ${where}${message}`, options);
}
