// Opens what a command needs (store, pack) from global flags and environment, and always closes it again.
import { resolvePackPath } from '../app/paths.js';
import { loadPack, type LoadedPack } from '../packs/pack-loader.js';
import { openStore, resolveDbUrl } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';

export interface GlobalOptions {
  db?: string;
  pack?: string;
}

export interface CommandContext {
  store: Store;
  pack: LoadedPack;
  /** The clock, read here at the edge and passed inward. */
  now: () => Date;
  colour: boolean;
}

export async function withContext<T>(options: GlobalOptions, run: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const pack = loadPack(resolvePackPath(options.pack ?? process.env.VIGIL_PACK));
  const store = await openStore(resolveDbUrl(options.db, process.env.VIGIL_DB));
  try {
    await store.migrate();
    return await run({ store, pack, now: () => new Date(), colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  } finally {
    await store.close();
  }
}
