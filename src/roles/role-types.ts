// What a `vigil serve` role is: the context the process gives it, and the handle it returns to be stopped.
import type { Bus } from '../bus/bus.js';
import type { LoadedPack } from '../packs/pack-loader.js';
import type { Store } from '../storage/store.js';

/** What every role gets from the process that runs it. */
export interface RoleContext {
  store: Store;
  bus: Bus;
  /** The theatre this process serves (the assess role assesses it). */
  pack: LoadedPack;
  /** The clock, read at the edge and passed inward. */
  now: () => Date;
  /** One line of operational log (stderr in `vigil serve`). */
  log: (line: string) => void;
  /** How long a work item may stay unacknowledged before another worker gets it. */
  ackWaitMs: number;
  /** The database URL the store was opened from: the api role keeps users and alerts there (absent: in memory). */
  dbUrl?: string;
  /** Where the api role listens, and its HTTP log level (absent: a free loopback port and no log, for tests). */
  http?: { host: string; port: number; trustProxy?: true | string[]; logLevel: string };
  /** The organisation name for this installation's STIX identity when it is first created. */
  orgName?: string;
  /** The api role: webhook and e-mail receivers its alert loop delivers to, and the secrets they name. */
  alertReceivers?: readonly string[];
  secrets?: Readonly<Record<string, string | undefined>>;
}

export interface RunningRole {
  /** Stops taking work and waits for the item in hand to be committed and acknowledged. */
  stop(): Promise<void>;
}

export type StartRole = (ctx: RoleContext) => Promise<RunningRole>;
