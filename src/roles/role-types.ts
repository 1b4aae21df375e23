// What a `vigil serve` role is: the context the process gives it, and the handle it returns to be stopped.
import type { Vigil } from '../app/open-vigil.js';
import type { Bus } from '../bus/bus.js';
import type { Episode } from '../backtest/episodes.js';
import type { BriefLang } from '../brief/brief-language.js';
import type { Tlp } from '../model/index.js';

/** What every role gets from the process that runs it. */
export interface RoleContext {
  /**
   * The process's composition root (openVigil): its one database, the stores, the theatre it serves (vigil.pack),
   * the clock (vigil.clock), the assessment service and the audited write services.
   */
  vigil: Vigil;
  bus: Bus;
  /** One line of operational log (stderr in `vigil serve`). */
  log: (line: string) => void;
  /** How long a work item may stay unacknowledged before another worker gets it. */
  ackWaitMs: number;
  /** The database URL vigil was opened from: where the api role leaves the first admin's password file. */
  dbUrl?: string;
  /** Where the api role listens, and its HTTP log level (absent: a free loopback port and no log, for tests). */
  http?: { host: string; port: number; trustProxy?: true | string[]; logLevel: string };
  /** The organisation name for this installation's STIX identity when it is first created. */
  orgName?: string;
  /** The api role: webhook and e-mail receivers its alert loop delivers to, and the secrets they name. */
  alertReceivers?: readonly string[];
  secrets?: Readonly<Record<string, string | undefined>>;
  /** The api role: labelled episodes its scorecard scores against. */
  episodes?: readonly Episode[];
  /** The brief role: when, to whom, in which languages and under which TLP ceiling the daily brief goes out. */
  brief?: {
    minuteOfDay: number;
    receivers: readonly string[];
    langs: readonly BriefLang[];
    tlpMax: Tlp;
    /** Base URL for the links (empty: the api role's listen address). */
    publicUrl: string;
    chromium: string;
  };
}

export interface RunningRole {
  /** Stops taking work and waits for the item in hand to be committed and acknowledged. */
  stop(): Promise<void>;
}

export type StartRole = (ctx: RoleContext) => Promise<RunningRole>;
