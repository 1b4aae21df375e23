// Opens what a command needs through the composition root (openVigil: one database, every store, the write
// services) from global flags and environment, and always closes it again.
import { userInfo } from 'node:os';
import { openVigil, type Vigil } from '../app/open-vigil.js';
import { resolvePackPath } from '../app/paths.js';
import type { WriteServices, Actor } from '../app/write-services.js';
import type { LoadedPack } from '../packs/pack-loader.js';
import { resolveDbUrl } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';

export interface GlobalOptions {
  db?: string;
  pack?: string;
}

export interface CommandContext {
  vigil: Vigil;
  store: Store;
  pack: LoadedPack;
  /** Audited writes: a command's write and its audit entry commit together. */
  writes: WriteServices;
  /** How the audit log names whoever runs this command: `cli:<login name>`. */
  actor: Actor;
  /** The clock, read here at the edge and passed inward. */
  now: () => Date;
  colour: boolean;
}

/** `cli:<login>`: the operating-system account that ran the command. */
export function cliActor(): Actor {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}

export async function withContext<T>(options: GlobalOptions, run: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const now = () => new Date();
  const vigil = await openVigil(
    { databaseUrl: resolveDbUrl(options.db, process.env.VIGIL_DB), pack: resolvePackPath(options.pack ?? process.env.VIGIL_PACK) },
    now,
  );
  try {
    return await run({
      vigil, store: vigil.store, pack: vigil.pack, writes: vigil.writes, actor: cliActor(), now,
      colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    });
  } finally {
    await vigil.close();
  }
}
