// Picking the alert store adapter from a database URL, as `vigil --db` gives it.
import { describe, expect, it } from 'vitest';
import { openAlertStore } from './open-alert-store.js';

describe('openAlertStore', () => {
  it('opens SQLite for paths and sqlite: URLs, PostgreSQL for postgres:// and postgresql:// (lazily: no connection yet)', async () => {
    for (const [url, dialect] of [
      [':memory:', 'sqlite'],
      ['sqlite::memory:', 'sqlite'],
      ['postgres://x@localhost/vigil', 'postgres'],
      ['postgresql://x@localhost/vigil?schema=alerts', 'postgres'],
    ]) {
      const store = openAlertStore(url);
      expect(store.dialect).toBe(dialect);
      await store.close();
    }
  });

  it('names the URL problem for schemes it has no adapter for', () => {
    expect(() => openAlertStore('mysql://x@localhost/vigil')).toThrow(
      expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }),
    );
    expect(() => openAlertStore('sqlite:')).toThrow(expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }));
    expect(() => openAlertStore('postgres://x@localhost/vigil?schema=Bad-Name')).toThrow(
      expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }),
    );
  });
});
