// Mounts the TAXII server in `vigil serve`'s app (src/server/route-plugins.ts): the taxii plugin under /taxii2 with the
// server's store and clock and the sharing tables of the same database (ServerDeps.sharing).
import type { ServerDeps, VigilRoutePlugin } from '../../server/server-deps.js';
import type { SharingContext } from '../sharing-context.js';
import { taxiiPlugin } from './taxii-plugin.js';

declare module '../../server/server-deps.js' {
  interface ServerDeps {
    /** Partner sharing (TAXII 2.1 under /taxii2/); absent: the server has no TAXII routes. */
    sharing?: SharingContext;
  }
}

export const TAXII_PREFIX = '/taxii2';

export const taxiiRoutes: VigilRoutePlugin = async (app, { deps }: { deps: ServerDeps }) => {
  const sharing = deps.sharing;
  if (sharing === undefined) return;
  await app.register(taxiiPlugin, {
    prefix: TAXII_PREFIX,
    store: deps.store,
    writes: deps.writes,
    registry: sharing.registry,
    ledger: sharing.ledger,
    statuses: sharing.statuses,
    keys: sharing.keys,
    now: deps.now,
  });
};
