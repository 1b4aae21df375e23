// The brief delivery record on SQLite and PostgreSQL: one claim wins, a sent brief is never claimed again, a failed
// one or an abandoned claim is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openVigil, type Vigil } from '../app/open-vigil.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { loadPack } from '../packs/pack-loader.js';
import { dropSchema, freshSchemaName, pgSkipReason, schemaUrl } from '../storage/postgres/pg-test-support.js';

const pack = loadPack(DEFAULT_PACK);
const dir = mkdtempSync(join(tmpdir(), 'vigil-brief-deliveries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const skipPg = await pgSkipReason();

const dialects: [string, () => Promise<{ vigil: Vigil; dispose: () => Promise<void> }>, string | undefined][] = [
  [
    'sqlite',
    async () => {
      const vigil = await openVigil({ databaseUrl: join(dir, 'd.db'), pack }, () => new Date());
      return { vigil, dispose: () => vigil.close() };
    },
    undefined,
  ],
  [
    'postgres',
    async () => {
      const schema = freshSchemaName('vigil_brief');
      const vigil = await openVigil({ databaseUrl: schemaUrl(schema), pack, database: { max: 3 } }, () => new Date());
      return {
        vigil,
        async dispose() {
          await vigil.close();
          await dropSchema(schema);
        },
      };
    },
    skipPg,
  ],
];

for (const [name, open, skip] of dialects) {
  describe.skipIf(skip !== undefined)(`brief deliveries on ${name}`, () => {
    it('claims once, never again once sent; a failed delivery or an abandoned claim is claimed again', async () => {
      const { vigil, dispose } = await open();
      try {
        const d = vigil.briefDeliveries;
        const key = { packId: 'p', day: '2024-04-10', receiver: 'mail' };
        const other = { ...key, receiver: 'hook' };
        const [a, b] = await Promise.all([
          d.claim(key, '2024-04-11T06:00:00.000Z', '2024-04-11T05:45:00.000Z'),
          d.claim(key, '2024-04-11T06:00:00.000Z', '2024-04-11T05:45:00.000Z'),
        ]);
        expect([a, b].sort()).toEqual([false, true]);
        // Held by a live sender: not taken over before the claim is 15 minutes old …
        expect(await d.claim(key, '2024-04-11T06:10:00.000Z', '2024-04-11T05:55:00.000Z')).toBe(false);
        // … and taken over after.
        expect(await d.claim(key, '2024-04-11T06:20:00.000Z', '2024-04-11T06:05:00.000Z')).toBe(true);
        await d.markSent(key, '2024-04-11T06:20:01.000Z');
        expect(await d.claim(key, '2024-04-12T06:00:00.000Z', '2024-04-12T05:45:00.000Z')).toBe(false);
        expect(await d.claim(other, '2024-04-11T06:00:00.000Z', '2024-04-11T05:45:00.000Z')).toBe(true);
        await d.markFailed(other, 'HTTP 503');
        expect(await d.list('p', '2024-04-10')).toMatchObject([
          { receiver: 'hook', status: 'failed', error: 'HTTP 503', sentAt: null },
          { receiver: 'mail', status: 'sent', sentAt: '2024-04-11T06:20:01.000Z', error: null },
        ]);
        expect(await d.claim(other, '2024-04-11T07:00:00.000Z', '2024-04-11T06:45:00.000Z')).toBe(true);
      } finally {
        await dispose();
      }
    });
  });
}
