// The sharing contracts against the PostgreSQL adapters, each test in a throwaway schema (skipped only off CI with no
// server), plus what only PostgreSQL shows: several processes opening one new schema at once, URLs, binary ordering.
import { afterEach, describe, expect, it } from 'vitest';
import { dropSchema, freshSchemaName, pgSkipReason, schemaUrl } from '../../storage/postgres/pg-test-support.js';
import { runPublicationLedgerContract } from '../ledger/publication-ledger.contract.js';
import { LATEST_VERSION } from '../ledger/publication-ledger.js';
import { DEFAULT_COLLECTION } from '../partners/collections.js';
import { runPartnerRegistryContract } from '../partners/partner-registry.contract.js';
import { openSharing, type SharingContext } from '../sharing-context.js';
import { pgSharingHarness } from '../sharing-fixtures.js';
import { runTaxiiStatusStoreContract } from '../taxii/taxii-status-store.contract.js';

const skip = await pgSkipReason();
const NOW = '2026-01-01T00:00:00.000Z';

describe.skipIf(skip !== undefined)(skip ?? 'postgres sharing', () => {
  runPartnerRegistryContract('postgres', pgSharingHarness);
  runPublicationLedgerContract('postgres', pgSharingHarness);
  runTaxiiStatusStoreContract('postgres', pgSharingHarness);

  describe('PostgreSQL sharing tables', () => {
    const schemas: string[] = [];
    const open: SharingContext[] = [];
    afterEach(async () => {
      for (const ctx of open.splice(0)) await ctx.close();
      for (const schema of schemas.splice(0)) await dropSchema(schema);
    });
    const newSchema = () => {
      const schema = freshSchemaName('vigil_sharing_test');
      schemas.push(schema);
      return schema;
    };
    const opened = async (url: string, orgName?: string) => {
      const ctx = await openSharing(url, { now: NOW, orgName, maxConnections: 2 });
      open.push(ctx);
      return ctx;
    };

    it('several processes opening one new schema at once migrate it once and agree on one identity and key', async () => {
      const url = schemaUrl(newSchema());
      const all = await Promise.all([1, 2, 3, 4].map(() => opened(url)));
      expect(new Set(all.map((c) => c.keys.identity.publicKey)).size).toBe(1);
      expect(await all[3].registry.listCollections()).toEqual([DEFAULT_COLLECTION]);
      const { token } = await all[0].registry.addPartner(
        { name: 'beta', tlpMax: 'green', collections: ['default'] },
        NOW,
      );
      expect((await all[2].registry.partnerForToken(token))?.name).toBe('beta');
    });

    it('accepts postgres:// and postgresql:// URLs and keeps the tables in the ?schema=', async () => {
      const schema = newSchema();
      const a = await opened(schemaUrl(schema), 'Org A');
      const b = await opened(schemaUrl(schema).replace(/^postgres:/, 'postgresql:'));
      expect(b.keys.identity).toEqual(a.keys.identity);
      const other = await opened(schemaUrl(newSchema()));
      expect(other.keys.identity.publicKey).not.toBe(a.keys.identity.publicKey);
    });

    it('orders names bytewise, as SQLite does, whatever the database locale', async () => {
      const ctx = await opened(schemaUrl(newSchema()));
      for (const alias of ['ab', 'a_b', 'a-c', 'b']) {
        await ctx.registry.addCollection(
          { alias, title: alias, description: '', series: ['*'], assessments: false, alerts: false, tlpMax: 'clear' },
          NOW,
        );
        await ctx.registry.addPartner({ name: alias, tlpMax: 'clear', collections: [] }, NOW);
      }
      expect((await ctx.registry.listCollections()).map((c) => c.alias)).toEqual(['a-c', 'a_b', 'ab', 'b', 'default']);
      expect((await ctx.registry.listPartners()).map((p) => p.name)).toEqual(['a-c', 'a_b', 'ab', 'b']);
    });

    it("never lets date_added go back in commit order, whatever a lagging writer's clock says", async () => {
      const url = schemaUrl(newSchema());
      const [fast, slow] = [await opened(url), await opened(url)];
      await fast.ledger.publish(
        { type: 'note', id: 'note--00000000-0000-4000-8000-000000000001', spec_version: '2.1' },
        'alert',
        'clear',
        '2026-01-01T00:00:05.000Z',
      );
      await slow.ledger.publish(
        { type: 'note', id: 'note--00000000-0000-4000-8000-000000000002', spec_version: '2.1' },
        'alert',
        'clear',
        '2026-01-01T00:00:01.000Z',
      );
      const entries = await slow.ledger.query({ tlpMax: 'clear', kinds: ['alert'], versions: LATEST_VERSION });
      expect(entries.map((e) => [e.seq, e.dateAdded])).toEqual([
        [1, '2026-01-01T00:00:05.000Z'],
        [2, '2026-01-01T00:00:05.000Z'],
      ]);
      expect(
        await slow.ledger.query({
          tlpMax: 'clear',
          kinds: ['alert'],
          versions: LATEST_VERSION,
          addedAfter: '2026-01-01T00:00:04.000Z',
        }),
      ).toHaveLength(2);
    });

    it('reports an unreachable server as VIGIL_STORE_UNAVAILABLE without the password, and refuses use after close', async () => {
      await expect(openSharing('postgres://vigil:s3cret-pw@127.0.0.1:1/test', { now: NOW })).rejects.toMatchObject({
        code: 'VIGIL_STORE_UNAVAILABLE',
        message: expect.not.stringContaining('s3cret-pw'),
      });
      const ctx = await openSharing(schemaUrl(newSchema()), { now: NOW });
      await ctx.close();
      await ctx.close();
      await expect(ctx.registry.listPartners()).rejects.toMatchObject({ code: 'VIGIL_STORE_UNAVAILABLE' });
      await expect(
        ctx.ledger.publish({ type: 'x', id: 'x--1', spec_version: '2.1' }, 'alert', 'clear', NOW),
      ).rejects.toMatchObject({ code: 'VIGIL_STORE_UNAVAILABLE' });
    });
  });
});
