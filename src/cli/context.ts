// Opens what a command needs from its flags and the environment: the configuration, then the composition root
// (openVigil: one database, every store, the assessment service, the audited write services), and always closes it.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { loadConfig, readEnvironment, type ConfigFlags, type VigilConfig } from '../app/config/index.js';
import { openVigil, type Vigil } from '../app/open-vigil.js';
import type { Actor, WriteServices } from '../app/write-services.js';
import type { LoadedPack } from '../packs/pack-loader.js';
import type { AlertStore } from '../alerting/alert-store.js';
import type { Store } from '../storage/store.js';

export interface CommandContext {
  config: VigilConfig;
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

/** The process configuration from a command's flags (its own and the global ones) and the environment. */
export function configOf(cmd: Command): VigilConfig {
  return loadConfig(cmd.optsWithGlobals(), readEnvironment());
}

/** `cli:<login>`: the operating-system account that ran the command. */
export function cliActor(): Actor {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}

/** The alert store of the process's database, for the commands that only read alerts and silences. */
export function withAlerts<T>(
  cmd: { optsWithGlobals(): ConfigFlags },
  run: (store: AlertStore) => Promise<T>,
): Promise<T> {
  return withContext(cmd.optsWithGlobals(), (ctx) => run(ctx.vigil.alerts));
}

export async function withContext<T>(flags: ConfigFlags, run: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const config = loadConfig(flags, readEnvironment());
  const now = () => new Date();
  const vigil = await openVigil(
    { databaseUrl: config.db, pack: config.pack, database: { defaultUser: config.database.pgUser } },
    now,
  );
  try {
    return await run({
      config,
      vigil,
      store: vigil.store,
      pack: vigil.pack,
      writes: vigil.writes,
      actor: cliActor(),
      now,
      colour: Boolean(process.stdout.isTTY) && !config.noColor,
    });
  } finally {
    await vigil.close();
  }
}
