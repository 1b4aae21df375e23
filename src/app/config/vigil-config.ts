// The process configuration, parsed once from flags and environment: flag over environment over default.
import { vigilError } from '../../errors/index.js';
import type { Tlp } from '../../model/index.js';
import { resolvePackPath } from '../paths.js';
import { SETTINGS, type LogLevel, type SettingName, type TrustProxy } from './settings.js';

export type { LogLevel, TrustProxy } from './settings.js';

export interface VigilConfig {
  /** Database URL: a SQLite path or a postgres:// URL. */
  db: string;
  /** PostgreSQL: the user when the URL names none (PGUSER); undefined: the login name of the process. */
  database: { pgUser: string | undefined };
  /** Absolute path of the scenario pack file. */
  pack: string;
  bus: string;
  http: { host: string; port: number; trustProxy: TrustProxy | undefined };
  /** Receivers (besides SSE) the HTTP server's alert loop delivers to itself. */
  alertReceivers: string[];
  logLevel: LogLevel;
  ackWaitMs: number;
  sharing: { orgName: string | undefined };
  /** The labelled-episodes CSV the server's scorecard scores against (unset: none). */
  scorecard: { episodes: string | undefined };
  /** The daily brief sent by `vigil serve` (the brief role). */
  brief: { minuteOfDay: number; receivers: string[]; langs: ('en' | 'zh')[]; tlpMax: Tlp };
  /** Base URL readers reach the API at (links in notifications); empty: the listen address. */
  publicUrl: string;
  /** The Chromium that prints PDFs. */
  chromium: string;
  noColor: boolean;
  debug: boolean;
  /** Secrets named by alerting.yaml (`secret_env`, `password_env`), looked up in the environment read at start. */
  secrets: Readonly<Record<string, string | undefined>>;
}

/** Flags as commander gives them (camelCase keys: `trustProxy` for `--trust-proxy`); unknown keys are ignored. */
export type ConfigFlags = Readonly<Record<string, unknown>>;
export type Environment = Readonly<Record<string, string | undefined>>;

/** Commander's key for a flag: `--trust-proxy` → `trustProxy`. */
export function flagKey(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function read<K extends SettingName>(name: K, flags: ConfigFlags, env: Environment) {
  const def = SETTINGS[name];
  const flagged = 'flag' in def && def.flag !== undefined ? flags[flagKey(def.flag)] : undefined;
  const envValue = 'env' in def && def.env !== undefined ? env[def.env] : undefined;
  const fromFlag = typeof flagged === 'string' && flagged.trim() !== '';
  const fromEnv = !fromFlag && envValue !== undefined && envValue.trim() !== '';
  const text = fromFlag ? (flagged as string) : fromEnv ? envValue : 'default' in def ? def.default : undefined;
  if (text === undefined) return undefined;
  const parsed = (def.schema as { safeParse(v: string): { success: boolean; data?: unknown } }).safeParse(text);
  if (!parsed.success) {
    const option = fromFlag
      ? (def as { flag: string }).flag
      : fromEnv
        ? (def as { env: string }).env
        : `default of ${name}`;
    throw vigilError('VIGIL_CONFIG_INVALID', `invalid ${option}: ${JSON.stringify(text)} (expected ${def.expected})`);
  }
  return parsed.data as ReturnType<(typeof SETTINGS)[K]['schema']['parse']>;
}

/** Whether to print stack traces (VIGIL_DEBUG), for the error handler that runs even when the rest is invalid. */
export function debugEnabled(env: Environment): boolean {
  return read('debug', {}, env)!;
}

/** Parses every setting once; throws VIGIL_CONFIG_INVALID `invalid <option>: <value> (expected …)` on the first bad one. */
export function loadConfig(flags: ConfigFlags, env: Environment): VigilConfig {
  return {
    db: read('db', flags, env)!,
    database: { pgUser: read('pgUser', flags, env) },
    pack: resolvePackPath(read('pack', flags, env)),
    bus: read('bus', flags, env)!,
    http: {
      host: read('host', flags, env)!,
      port: read('port', flags, env)!,
      trustProxy: read('trustProxy', flags, env),
    },
    alertReceivers: read('alertReceivers', flags, env)!,
    logLevel: read('logLevel', flags, env)!,
    ackWaitMs: read('ackWaitMs', flags, env)!,
    sharing: { orgName: read('orgName', flags, env) },
    scorecard: { episodes: read('episodes', flags, env) },
    brief: {
      minuteOfDay: read('briefAt', flags, env)!,
      receivers: read('briefReceivers', flags, env)!,
      langs: read('briefLangs', flags, env)!,
      tlpMax: read('briefTlpMax', flags, env)!,
    },
    publicUrl: read('publicUrl', flags, env)!,
    chromium: read('chromium', flags, env)!,
    noColor: read('noColor', flags, env)!,
    debug: read('debug', flags, env)!,
    secrets: Object.freeze({ ...env }),
  };
}
