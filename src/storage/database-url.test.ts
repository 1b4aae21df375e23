import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from './database-url.js';

describe('parseDatabaseUrl', () => {
  it('reads the URL forms --db accepts', () => {
    expect(parseDatabaseUrl('sqlite:///tmp/a.db')).toEqual({ dialect: 'sqlite', path: '/tmp/a.db' });
    expect(parseDatabaseUrl('sqlite:a.db')).toEqual({ dialect: 'sqlite', path: 'a.db' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', path: ':memory:' });
    expect(parseDatabaseUrl(':memory:')).toEqual({ dialect: 'sqlite', path: ':memory:' });
    expect(parseDatabaseUrl('data/a.db')).toEqual({ dialect: 'sqlite', path: 'data/a.db' });
    expect(parseDatabaseUrl('C:\\vigil\\a.db')).toEqual({ dialect: 'sqlite', path: 'C:\\vigil\\a.db' });
    expect(parseDatabaseUrl('postgres://u@h/db?schema=s')).toEqual({
      dialect: 'postgres',
      url: 'postgres://u@h/db?schema=s',
    });
    expect(parseDatabaseUrl('POSTGRESQL://u@h/db')).toEqual({ dialect: 'postgres', url: 'POSTGRESQL://u@h/db' });
  });

  it('refuses an empty sqlite path and unknown schemes, without echoing the URL', () => {
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }));
    expect(() => parseDatabaseUrl('mysql://u:secret@h/db')).toThrow(
      expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }),
    );
    expect(() => parseDatabaseUrl('mysql://u:secret@h/db')).not.toThrow(/secret/);
  });
});
