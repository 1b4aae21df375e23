// Reads a postgres:// URL into driver settings, the schema Vigil's tables live in, and a label safe to print.
import { userInfo } from 'node:os';
import { vigilError } from '../../errors/index.js';

export interface PgLocation {
  /** The URL as the driver takes it, without Vigil's own `schema` parameter. */
  connectionString: string;
  /** Schema holding Vigil's tables; undefined means the server's search_path (usually `public`). */
  schema?: string;
  /** `user@host:port/database`: what messages name. Never the password. */
  label: string;
  /** The password, if the URL has one, so messages can be scrubbed of it. */
  password?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * `postgres://[user[:password]@]host[:port]/database[?schema=name&…]`; other query parameters (sslmode,
 * application_name, host=/socket/dir…) go to the driver unchanged. The schema is created by migrate(). A URL without
 * a user connects as `defaultUser` (the configuration passes PGUSER), else as the login name of the process, as libpq
 * does: the driver itself would look at $USER, often unset under service managers.
 */
export function parsePgUrl(url: string, defaultUser?: string): PgLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      'invalid PostgreSQL URL (expected postgres://[user@]host[:port]/database)',
    );
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw vigilError('VIGIL_CONFIG_INVALID', `not a PostgreSQL URL: scheme ${parsed.protocol}`);
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      `invalid schema in PostgreSQL URL: ${JSON.stringify(schema)} (expected lower-case letters, digits and _)`,
    );
  }
  parsed.searchParams.delete('schema');
  const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const user = parsed.username === '' ? '' : `${decodeURIComponent(parsed.username)}@`;
  if (parsed.username === '') parsed.username = encodeURIComponent(defaultUser ?? userInfo().username);
  const label = `${user}${host}:${parsed.port || '5432'}${decodeURIComponent(parsed.pathname) || '/'}${schema === undefined ? '' : `?schema=${schema}`}`;
  return { connectionString: parsed.toString(), schema, label, password };
}

/** Removes the password from text that may echo it (driver messages, connection errors). */
export function scrubPassword(text: string, password: string | undefined): string {
  if (password === undefined || password === '') return text;
  return text.split(password).join('***').split(encodeURIComponent(password)).join('***');
}
