import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestInstance, type TestInstance } from '../sharing-fixtures.js';
import { openSharing } from '../sharing-context.js';
import { DEFAULT_COLLECTION, seriesMatches, seriesQueries } from './collections.js';

let a: TestInstance;
beforeEach(async () => void (a = await createTestInstance('registry')));
afterEach(async () => a.close());
const NOW = '2026-01-02T00:00:00.000Z';

describe('partner registry', () => {
  it('starts with the default collection and an organisation identity with a key', async () => {
    expect(await a.sharing.registry.listCollections()).toEqual([DEFAULT_COLLECTION]);
    expect(a.sharing.keys.identity).toMatchObject({ name: 'Org registry', publicKey: expect.stringMatching(/^ed25519:[A-Za-z0-9_-]{43}$/) });
  });

  it('keeps identity, key and collections when reopened (migrations are idempotent, with their own table)', async () => {
    const again = openSharing(a.dbPath, { now: NOW });
    try {
      expect(again.keys.identity).toEqual(a.sharing.keys.identity);
      expect(await again.registry.listCollections()).toHaveLength(1);
    } finally {
      again.close();
    }
    const db = new Database(a.dbPath, { readonly: true });
    expect(db.prepare('SELECT version FROM sharing_schema_migrations').all()).toEqual([{ version: 1 }]);
    db.close();
  });

  it('issues a token once and stores only its hash', async () => {
    const { partner, token } = await a.sharing.registry.addPartner({ name: 'beta', tlpMax: 'green', collections: ['default'] }, NOW);
    expect(partner).toMatchObject({ name: 'beta', tlpMax: 'green', collections: [DEFAULT_COLLECTION.id], canWrite: false, requireSignatures: false });
    expect((await a.sharing.registry.partnerForToken(token))?.name).toBe('beta');
    const db = new Database(a.dbPath, { readonly: true });
    const dump = JSON.stringify(db.prepare('SELECT * FROM sharing_partners').all());
    db.close();
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(token.slice(4));
  });

  it('rotating a token revokes the old one; removing a partner revokes everything', async () => {
    const { token } = await a.sharing.registry.addPartner({ name: 'beta', tlpMax: 'green', collections: [] }, NOW);
    const fresh = await a.sharing.registry.rotateToken('beta');
    expect(await a.sharing.registry.partnerForToken(token)).toBeUndefined();
    expect((await a.sharing.registry.partnerForToken(fresh))?.name).toBe('beta');
    await a.sharing.registry.removePartner('beta');
    expect(await a.sharing.registry.partnerForToken(fresh)).toBeUndefined();
    expect(await a.sharing.registry.listPartners()).toEqual([]);
  });

  it('rejects duplicates, unknown collections, bad names and bad TLPs', async () => {
    await a.sharing.registry.addPartner({ name: 'beta', tlpMax: 'green', collections: [] }, NOW);
    await expect(a.sharing.registry.addPartner({ name: 'beta', tlpMax: 'green', collections: [] }, NOW)).rejects.toMatchObject({ code: 'VIGIL_CONFLICT' });
    await expect(a.sharing.registry.addPartner({ name: 'gamma', tlpMax: 'green', collections: ['nope'] }, NOW)).rejects.toMatchObject({ code: 'VIGIL_NOT_FOUND' });
    await expect(a.sharing.registry.addPartner({ name: 'Bad Name', tlpMax: 'green', collections: [] }, NOW)).rejects.toMatchObject({ code: 'VIGIL_CONFIG_INVALID' });
    await expect(a.sharing.registry.addPartner({ name: 'delta', tlpMax: 'purple' as never, collections: [] }, NOW)).rejects.toMatchObject({ code: 'VIGIL_UNKNOWN_KIND' });
    expect(await a.sharing.registry.partnerForToken('vgl_guess')).toBeUndefined();
  });

  it('adds collections by alias and grants them; removing a collection revokes the grant', async () => {
    const air = await a.sharing.registry.addCollection({ alias: 'air', title: 'Air', description: '', series: ['mnd.aircraft.*'], assessments: false, alerts: false, tlpMax: 'green' }, NOW);
    await a.sharing.registry.addPartner({ name: 'beta', tlpMax: 'amber', collections: ['air', DEFAULT_COLLECTION.id] }, NOW);
    expect((await a.sharing.registry.getPartner('beta'))!.collections.sort()).toEqual([air.id, DEFAULT_COLLECTION.id].sort());
    await a.sharing.registry.removeCollection('air');
    expect((await a.sharing.registry.getPartner('beta'))!.collections).toEqual([DEFAULT_COLLECTION.id]);
    await expect(a.sharing.registry.addCollection({ ...air, alias: 'bad', series: ['Not valid'] }, NOW)).rejects.toThrow(/invalid series pattern/);
  });

  it('records the pull high-water mark and keeps the remote feed', async () => {
    await a.sharing.registry.addPartner({ name: 'alpha', tlpMax: 'green', collections: [], remote: { url: 'http://127.0.0.1:1/taxii2/vigil/', token: 't', collection: 'default' } }, NOW);
    await a.sharing.registry.recordPull('alpha', '2026-01-01T00:00:00.000Z', NOW);
    await a.sharing.registry.recordPull('alpha', undefined, '2026-01-03T00:00:00.000Z');
    expect(await a.sharing.registry.getPartner('alpha')).toMatchObject({ pullAddedAfter: '2026-01-01T00:00:00.000Z', lastPullAt: '2026-01-03T00:00:00.000Z', remote: { collection: 'default' } });
  });
});

describe('collection series patterns', () => {
  it('match exact names, prefixes and everything', () => {
    expect(seriesMatches(['mnd.*'], 'mnd.aircraft.total')).toBe(true);
    expect(seriesMatches(['mnd.*'], 'mndx.a')).toBe(false);
    expect(seriesMatches(['jso.flag'], 'jso.flag')).toBe(true);
    expect(seriesMatches(['jso.flag'], 'jso.flags')).toBe(false);
    expect(seriesMatches(['*'], 'anything')).toBe(true);
    expect(seriesMatches([], 'anything')).toBe(false);
  });

  it('become one store query per prefix plus one for the exact names', () => {
    expect(seriesQueries(['*', 'a.b'])).toEqual([{}]);
    expect(seriesQueries(['a.b', 'mnd.*', 'c.d'])).toEqual([{ series: ['a.b', 'c.d'] }, { seriesPrefix: 'mnd.' }]);
  });
});
