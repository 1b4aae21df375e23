// The PartnerRegistry contract, with the organisation identity and the sharing migrations that come with it: every
// adapter runs this one suite (src/sharing/sql/sharing-sqlite.test.ts, src/sharing/sql/sharing-postgres.test.ts).
import { describe, expect, it } from 'vitest';
import { freshHarnesses, HARNESS_ORG, type SharingHarness } from '../sharing-fixtures.js';
import { DEFAULT_COLLECTION } from './collections.js';

const NOW = '2026-01-02T00:00:00.000Z';

export function runPartnerRegistryContract(
  name: string,
  create: () => Promise<SharingHarness>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`PartnerRegistry contract: ${name}`, () => {
    const fresh = freshHarnesses(create);

    it('starts with the default collection and an organisation identity with a key', async () => {
      const h = await fresh();
      expect(await h.sharing.registry.listCollections()).toEqual([DEFAULT_COLLECTION]);
      expect(await h.sharing.registry.getCollection('default')).toEqual(DEFAULT_COLLECTION);
      expect(await h.sharing.registry.getCollection(DEFAULT_COLLECTION.id)).toEqual(DEFAULT_COLLECTION);
      expect(h.sharing.keys.identity).toMatchObject({
        name: HARNESS_ORG,
        publicKey: expect.stringMatching(/^ed25519:[A-Za-z0-9_-]{43}$/),
      });
    });

    it('keeps identity, key and collections when reopened (migrations are idempotent, with their own table); renames on request', async () => {
      const h = await fresh();
      const again = await h.reopen({ now: NOW });
      expect(again.keys.identity).toEqual(h.sharing.keys.identity);
      expect(await again.registry.listCollections()).toHaveLength(1);
      expect((await h.tableRows('sharing_schema_migrations')).map((r) => Number(r.version))).toEqual([1]);
      const renamed = await h.reopen({ now: NOW, orgName: 'Renamed' });
      expect(renamed.keys.identity).toEqual({ ...h.sharing.keys.identity, name: 'Renamed' });
    });

    it('issues a token once and stores only its hash', async () => {
      const h = await fresh();
      const { partner, token } = await h.sharing.registry.addPartner(
        { name: 'beta', tlpMax: 'green', collections: ['default'] },
        NOW,
      );
      expect(partner).toEqual({
        name: 'beta',
        tlpMax: 'green',
        collections: [DEFAULT_COLLECTION.id],
        canWrite: false,
        requireSignatures: false,
        createdAt: NOW,
        publicKey: undefined,
        remote: undefined,
        pullAddedAfter: undefined,
        lastPullAt: undefined,
      });
      expect(await h.sharing.registry.partnerForToken(token)).toEqual(partner);
      const dump = JSON.stringify(await h.tableRows('sharing_partners'));
      expect(dump).not.toContain(token);
      expect(dump).not.toContain(token.slice(4));
    });

    it('rotating a token revokes the old one; removing a partner revokes everything', async () => {
      const h = await fresh();
      const { token } = await h.sharing.registry.addPartner({ name: 'beta', tlpMax: 'green', collections: [] }, NOW);
      const rotated = await h.sharing.registry.rotateToken('beta');
      expect(await h.sharing.registry.partnerForToken(token)).toBeUndefined();
      expect((await h.sharing.registry.partnerForToken(rotated))?.name).toBe('beta');
      await h.sharing.registry.removePartner('beta');
      expect(await h.sharing.registry.partnerForToken(rotated)).toBeUndefined();
      expect(await h.sharing.registry.listPartners()).toEqual([]);
      await expect(h.sharing.registry.removePartner('beta')).rejects.toMatchObject({ code: 'VIGIL_NOT_FOUND' });
      await expect(h.sharing.registry.rotateToken('beta')).rejects.toMatchObject({ code: 'VIGIL_NOT_FOUND' });
    });

    it('rejects duplicates, unknown collections, bad names and bad TLPs', async () => {
      const r = (await fresh()).sharing.registry;
      await r.addPartner({ name: 'beta', tlpMax: 'green', collections: [] }, NOW);
      await expect(r.addPartner({ name: 'beta', tlpMax: 'green', collections: [] }, NOW)).rejects.toMatchObject({
        code: 'VIGIL_CONFLICT',
      });
      await expect(r.addPartner({ name: 'gamma', tlpMax: 'green', collections: ['nope'] }, NOW)).rejects.toMatchObject({
        code: 'VIGIL_NOT_FOUND',
      });
      await expect(r.addPartner({ name: 'Bad Name', tlpMax: 'green', collections: [] }, NOW)).rejects.toMatchObject({
        code: 'VIGIL_CONFIG_INVALID',
      });
      await expect(
        r.addPartner({ name: 'delta', tlpMax: 'purple' as never, collections: [] }, NOW),
      ).rejects.toMatchObject({ code: 'VIGIL_UNKNOWN_KIND' });
      expect(await r.partnerForToken('vgl_guess')).toBeUndefined();
      expect(await r.partnerForToken(`vgl_${'A'.repeat(43)}`)).toBeUndefined();
      expect((await r.listPartners()).map((p) => p.name)).toEqual(['beta']);
    });

    it('adds collections by alias and grants them; removing a collection revokes the grant', async () => {
      const r = (await fresh()).sharing.registry;
      const air = await r.addCollection(
        {
          alias: 'air',
          title: 'Air',
          description: '',
          series: ['mnd.aircraft.*'],
          assessments: false,
          alerts: false,
          tlpMax: 'green',
        },
        NOW,
      );
      expect(air).toEqual({
        id: expect.any(String),
        alias: 'air',
        title: 'Air',
        description: '',
        series: ['mnd.aircraft.*'],
        assessments: false,
        alerts: false,
        tlpMax: 'green',
      });
      expect((await r.listCollections()).map((c) => c.alias)).toEqual(['air', 'default']);
      await r.addPartner({ name: 'beta', tlpMax: 'amber', collections: ['air', DEFAULT_COLLECTION.id, 'air'] }, NOW);
      expect((await r.getPartner('beta'))!.collections).toEqual([air.id, DEFAULT_COLLECTION.id].sort());
      await r.removeCollection('air');
      expect((await r.getPartner('beta'))!.collections).toEqual([DEFAULT_COLLECTION.id]);
      await expect(r.addCollection({ ...air, alias: 'bad', series: ['Not valid'] }, NOW)).rejects.toThrow(
        /invalid series pattern/,
      );
      await expect(r.addCollection({ ...air, alias: 'default' }, NOW)).rejects.toMatchObject({
        code: 'VIGIL_CONFLICT',
      });
      await expect(r.removeCollection('air')).rejects.toMatchObject({ code: 'VIGIL_NOT_FOUND' });
      expect(await r.getCollection('air')).toBeUndefined();
    });

    it('updates a partner’s ceiling, rights, key and grants, keeping what is not changed', async () => {
      const r = (await fresh()).sharing.registry;
      const sea = await r.addCollection(
        {
          alias: 'sea',
          title: 'Sea',
          description: 'ships',
          series: ['mnd.ships.total'],
          assessments: true,
          alerts: false,
          tlpMax: 'amber',
        },
        NOW,
      );
      await r.addPartner(
        {
          name: 'beta',
          tlpMax: 'green',
          collections: ['default'],
          remote: { url: 'http://127.0.0.1:1/taxii2/vigil/', token: 't', collection: 'default' },
        },
        NOW,
      );
      const updated = await r.updatePartner('beta', {
        tlpMax: 'amber',
        canWrite: true,
        publicKey: 'ed25519:key',
        requireSignatures: true,
        collections: ['sea'],
      });
      expect(updated).toMatchObject({
        tlpMax: 'amber',
        canWrite: true,
        publicKey: 'ed25519:key',
        requireSignatures: true,
        collections: [sea.id],
        remote: { token: 't' },
      });
      expect(await r.updatePartner('beta', { tlpMax: 'red' })).toMatchObject({
        tlpMax: 'red',
        canWrite: true,
        collections: [sea.id],
        publicKey: 'ed25519:key',
      });
      await expect(r.updatePartner('nobody', { tlpMax: 'red' })).rejects.toMatchObject({ code: 'VIGIL_NOT_FOUND' });
      await expect(r.updatePartner('beta', { collections: ['nope'] })).rejects.toMatchObject({
        code: 'VIGIL_NOT_FOUND',
      });
      expect((await r.getPartner('beta'))!.collections).toEqual([sea.id]);
    });

    it('records the pull high-water mark and keeps the remote feed', async () => {
      const r = (await fresh()).sharing.registry;
      await r.addPartner(
        {
          name: 'alpha',
          tlpMax: 'green',
          collections: [],
          remote: { url: 'http://127.0.0.1:1/taxii2/vigil/', token: 't', collection: 'default' },
        },
        NOW,
      );
      await r.recordPull('alpha', '2026-01-01T00:00:00.000Z', NOW);
      await r.recordPull('alpha', undefined, '2026-01-03T00:00:00.000Z');
      expect(await r.getPartner('alpha')).toMatchObject({
        pullAddedAfter: '2026-01-01T00:00:00.000Z',
        lastPullAt: '2026-01-03T00:00:00.000Z',
        remote: { collection: 'default' },
      });
    });
  });
}
