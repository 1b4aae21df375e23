// Translates node-postgres and PostgreSQL errors into registry errors at the adapter's edge, never echoing a password.
import { isVigilError, vigilError, type ErrorCode, type VigilError } from '../../errors/index.js';
import { scrubPassword, type PgLocation } from './pg-url.js';

/** Network failures reported by Node's socket layer before PostgreSQL says anything. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  'ENOENT',
]);

/** Driver messages (no code) that mean the connection is gone or was never made. */
const CONNECTION_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection is not queryable',
  'Cannot use a pool after calling end',
  'Client was closed',
];

/**
 * `context` says what was being done (e.g. `observation 3 of 10 (series …, id …)`), prefixed to messages about bad
 * data. VigilErrors pass through unchanged.
 */
export function translatePgError(error: unknown, location: PgLocation, context?: string): VigilError {
  if (isVigilError(error)) return error;
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  const raw = error instanceof Error ? error.message : String(error);
  const message = scrubPassword(raw, location.password);
  const db = location.label;
  const where = context === undefined ? '' : `${context}: `;
  const make = (vigilCode: ErrorCode, text: string) =>
    vigilError(vigilCode, scrubPassword(text, location.password), {
      cause: error,
      details: { database: db, pgCode: code || undefined },
    });

  if (NETWORK_CODES.has(code) || CONNECTION_MESSAGES.some((m) => raw.includes(m))) {
    return make('VIGIL_STORE_UNAVAILABLE', `cannot reach database ${db}: ${code || message}`);
  }
  if (code === '23505' || code === '23503') return make('VIGIL_CONFLICT', `${where}${message}`);
  // NOT NULL, CHECK, malformed text (a NUL byte PostgreSQL text cannot hold), numbers out of range.
  if (code === '23502' || code === '23514' || code.startsWith('22'))
    return make('VIGIL_INPUT_INVALID', `${where}${message}`);
  if (code === '40P01' || code === '40001' || code === '55P03')
    return make('VIGIL_STORE_LOCKED', `database ${db} is busy (${message}); retry`);
  if (code === '42P01')
    return make('VIGIL_STORE_UNAVAILABLE', `database ${db} has no Vigil schema yet (run migrate): ${message}`);
  if (
    code.startsWith('08') ||
    code.startsWith('57P') ||
    code.startsWith('28') ||
    code === '3D000' ||
    code === '53300' ||
    code === '3F000'
  ) {
    return make('VIGIL_STORE_UNAVAILABLE', `cannot use database ${db}: ${message}`);
  }
  return make('VIGIL_INTERNAL', `database ${db}: ${where}${message}`);
}
