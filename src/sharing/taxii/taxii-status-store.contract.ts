// The TaxiiStatusStore contract: every adapter runs this one suite (src/sharing/sql/sharing-sqlite.test.ts,
// src/sharing/sql/sharing-postgres.test.ts).
import { describe, expect, it } from 'vitest';
import { freshHarnesses, type SharingHarness } from '../sharing-fixtures.js';
import type { TaxiiStatus } from './taxii-status-store.js';

const status: TaxiiStatus = {
  id: '2ed6657d-e927-468b-95e1-2665a8aea6a2',
  status: 'complete',
  request_timestamp: '2026-01-02T00:00:00.000Z',
  total_count: 2,
  success_count: 1,
  successes: [{ id: 'observed-data--2ed6657d-e927-568b-95e1-2665a8aea6a2', version: '2026-01-01T00:00:00.000Z' }],
  failure_count: 1,
  failures: [{ id: 'indicator--2ed6657d-e927-568b-95e1-2665a8aea6a3', message: 'not held' }],
  pending_count: 0,
};

export function runTaxiiStatusStoreContract(
  name: string,
  create: () => Promise<SharingHarness>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`TaxiiStatusStore contract: ${name}`, () => {
    const fresh = freshHarnesses(create);

    it('keeps a status for the partner that made the request, and only for it', async () => {
      const h = await fresh();
      await h.sharing.statuses.save('gamma', status, '2026-01-02T00:00:00.000Z');
      expect(await h.sharing.statuses.get('gamma', status.id)).toEqual(status);
      expect(await h.sharing.statuses.get('beta', status.id)).toBeUndefined();
      expect(await h.sharing.statuses.get('gamma', '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });
  });
}
