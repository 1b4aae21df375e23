// Opens what a command needs (configuration, store, pack) from its flags and the environment, and always closes it again.
import type { Command } from 'commander';
import { loadConfig, readEnvironment, type ConfigFlags, type VigilConfig } from '../app/config/index.js';
import { loadPack, type LoadedPack } from '../packs/pack-loader.js';
import { openStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';

export interface CommandContext {
  config: VigilConfig;
  store: Store;
  pack: LoadedPack;
  /** The clock, read here at the edge and passed inward. */
  now: () => Date;
  colour: boolean;
}

/** The process configuration from a command's flags (its own and the global ones) and the environment. */
export function configOf(cmd: Command): VigilConfig {
  return loadConfig(cmd.optsWithGlobals(), readEnvironment());
}

export async function withContext<T>(flags: ConfigFlags, run: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const config = loadConfig(flags, readEnvironment());
  const pack = loadPack(config.pack);
  const store = await openStore(config.db);
  try {
    await store.migrate();
    return await run({ config, store, pack, now: () => new Date(), colour: Boolean(process.stdout.isTTY) && !config.noColor });
  } finally {
    await store.close();
  }
}
