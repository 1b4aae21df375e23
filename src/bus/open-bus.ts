// Picks the Bus adapter for a bus URL (memory:, nats://…) from one dispatch table, like openStore for databases.
import { vigilError } from '../errors/index.js';
import type { Bus } from './bus.js';
import { createInProcessBus } from './in-process/in-process-bus.js';
import { createNatsBus } from './nats/nats-bus.js';

export const DEFAULT_BUS_URL = 'memory:';

export interface OpenBusOptions {
  /** Connection name shown by the server (e.g. the process's roles). */
  name?: string;
}

/** One entry per URL scheme; adding an adapter is one line here. */
const ADAPTERS: Readonly<Record<string, (url: string, options: OpenBusOptions) => Promise<Bus>>> = {
  memory: async () => createInProcessBus(),
  nats: (url, options) => createNatsBus({ url, name: options.name }),
};

/** Opens (connects) the bus a URL names. */
export async function openBus(url: string, options: OpenBusOptions = {}): Promise<Bus> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1].toLowerCase();
  if (scheme === undefined || !Object.hasOwn(ADAPTERS, scheme)) {
    // Never echo the URL: it may carry credentials.
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      `unsupported bus URL${scheme === undefined ? '' : ` scheme ${scheme}:`} (known: memory:, nats://host:port)`,
    );
  }
  return ADAPTERS[scheme](url, options);
}

/** The bus URL to use: the flag, else the environment value (VIGIL_BUS, read by the caller), else memory:. */
export function resolveBusUrl(flag?: string, env?: string): string {
  if (flag !== undefined && flag.trim() !== '') return flag.trim();
  if (env !== undefined && env.trim() !== '') return env.trim();
  return DEFAULT_BUS_URL;
}
