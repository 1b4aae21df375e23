// The roles a `vigil serve` process can run, as one table: adding a role (api, notify…) is one line here plus its file.
import type { Bus } from '../bus/bus.js';
import { vigilError } from '../errors/index.js';
import type { Vigil } from '../app/open-vigil.js';
import { startApiRole } from '../server/api-role.js';
import { startAssessRole } from './assess-role.js';
import { startIngestRole } from './ingest-role.js';

/** What every role gets from the process that runs it. */
export interface RoleContext {
  /** The process's composition root: one database, the stores, the pack it serves (vigil.pack), the clock, writes. */
  vigil: Vigil;
  bus: Bus;
  /** One line of operational log (stderr in `vigil serve`). */
  log: (line: string) => void;
  /** How long a work item may stay unacknowledged before another worker gets it. */
  ackWaitMs: number;
  /** Where the api role listens (absent: a free loopback port, for tests). */
  http?: { host: string; port: number; trustProxy?: true | string[] };
}

export interface RunningRole {
  /** Stops taking work and waits for the item in hand to be committed and acknowledged. */
  stop(): Promise<void>;
}

export type StartRole = (ctx: RoleContext) => Promise<RunningRole>;

/** In start-up order; stopped in reverse. */
export const ROLES: Readonly<Record<string, StartRole>> = {
  ingest: startIngestRole,
  assess: startAssessRole,
  api: startApiRole,
};

/** `all`, one role, or a comma-separated list → role names in table order. */
export function resolveRoles(spec: string): string[] {
  const wanted = spec.split(',').map((r) => r.trim()).filter((r) => r !== '');
  if (wanted.length === 0 || wanted.includes('all')) return Object.keys(ROLES);
  for (const role of wanted) {
    if (!Object.hasOwn(ROLES, role)) throw vigilError('VIGIL_UNKNOWN_KIND', `unknown role "${role}"; known roles: all, ${Object.keys(ROLES).join(', ')}`);
  }
  return Object.keys(ROLES).filter((role) => wanted.includes(role));
}
