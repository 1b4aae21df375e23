// What a `--db` URL names, read in one place for every adapter family (observations, users, alerts, sharing):
// `sqlite:PATH`, `sqlite://PATH` (so `sqlite:///var/vigil.db` is absolute), `:memory:`, a plain path, or
// `postgres://…` / `postgresql://…`. An unknown `scheme://` is an error, never a file with a strange name.
import { vigilError } from '../errors/index.js';

export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

export const KNOWN_SCHEMES = ['sqlite', 'postgres', 'postgresql'] as const;

export function parseDatabaseUrl(url: string): DatabaseTarget {
  const match = /^([a-z][a-z0-9+.-]+):(\/\/)?/i.exec(url);
  const scheme = match?.[1].toLowerCase();
  if (scheme === 'sqlite') {
    const rest = url.slice('sqlite:'.length);
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (path === '')
      throw vigilError(
        'VIGIL_CONFIG_INVALID',
        'invalid database URL sqlite: (expected sqlite:PATH or sqlite::memory:)',
      );
    return { dialect: 'sqlite', path };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') return { dialect: 'postgres', url };
  if (match?.[2] !== undefined) {
    // Never echo the URL: it may carry a password.
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      `unsupported database URL scheme ${scheme}: (known: ${KNOWN_SCHEMES.join(', ')}, or a file path)`,
    );
  }
  return { dialect: 'sqlite', path: url };
}
