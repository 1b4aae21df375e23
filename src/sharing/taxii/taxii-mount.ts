// Mounts the TAXII 2.1 server under /taxii2 in a Fastify app: the process that runs the HTTP server passes it to
// createServer's `mounts`, with the sharing tables of its database, so the API server knows nothing of sharing.
import type { FastifyInstance } from 'fastify';
import type { WriteServices } from '../../app/write-services.js';
import type { Store } from '../../storage/store.js';
import type { SharingContext } from '../sharing-context.js';
import { taxiiPlugin } from './taxii-plugin.js';

export const TAXII_PREFIX = '/taxii2';

/**
 * A mount for createServer: the TAXII plugin over this store, these sharing tables and this clock, all on the database
 * of `writes` (the process's audited write services), so a partner's POST and its audit entry commit in one transaction.
 */
export function taxiiMount(
  store: Store,
  sharing: SharingContext,
  now: () => Date,
  writes: WriteServices,
): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    await app.register(taxiiPlugin, {
      prefix: TAXII_PREFIX,
      store,
      writes,
      registry: sharing.registry,
      ledger: sharing.ledger,
      statuses: sharing.statuses,
      keys: sharing.keys,
      now,
    });
  };
}
