// Every process setting Vigil reads, in one table: its flag, its environment variable, its default and how it is read.
// docs/configuration.md lists the same rows (settings-doc.test.ts holds them together).
import { isIP } from 'node:net';
import { z } from 'zod';
import type { TrustProxy } from '../../server/listen-options.js';
import { TLP_LEVELS } from '../../model/index.js';

export type { TrustProxy };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface SettingDefinition<T> {
  /** Command-line flag (`--db`), when the setting has one. */
  flag?: string;
  /** Environment variable, when the setting has one. */
  env?: string;
  /** The text used when neither is given (undefined: unset). */
  default?: string;
  /** What a valid value looks like, for `invalid <option>: <value> (expected …)`. */
  expected: string;
  /** Reads the text; a failed refinement gives the error above. */
  schema: z.ZodType<T, string>;
  /** One line for docs/configuration.md and `--help`. */
  description: string;
}

const nonEmpty = z.string().trim().min(1);
/** A comma-separated list: items trimmed, empty ones dropped. */
const commaList = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
);
const nameList = commaList.pipe(z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/)));
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, bits, more] = entry.split('/');
  const version = isIP(address);
  return (
    version !== 0 &&
    more === undefined &&
    (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32)))
  );
}

const trustProxy = z.string().transform((text, ctx): TrustProxy | undefined => {
  const spec = text.trim();
  if (spec === '' || spec === 'false') return undefined;
  if (spec === 'true') return true;
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (!entries.every(isProxyEntry)) ctx.addIssue({ code: 'custom', message: 'bad proxy entry' });
  return entries;
});

const integer = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
const flagOn = z.string().transform((v) => v.trim() !== '' && v.trim() !== '0' && v.trim().toLowerCase() !== 'false');

function setting<T>(definition: SettingDefinition<T>): SettingDefinition<T> {
  return definition;
}

export const SETTINGS = {
  db: setting({
    flag: '--db',
    env: 'VIGIL_DB',
    default: './vigil.db',
    expected: 'a SQLite file path or a postgres:// URL',
    schema: nonEmpty,
    description: 'the database: a SQLite file, or postgres://user@host/db[?schema=name] to share one among processes',
  }),
  pack: setting({
    flag: '--pack',
    env: 'VIGIL_PACK',
    default: 'taiwan-strait',
    expected: 'a pack file path or a bundled pack id',
    schema: nonEmpty,
    description: 'the scenario pack: a pack.yaml path or the id of a bundled pack (packs/<id>/pack.yaml)',
  }),
  pgUser: setting({
    env: 'PGUSER',
    expected: 'a PostgreSQL role name',
    schema: z
      .string()
      .trim()
      .transform((v) => (v === '' ? undefined : v)),
    description:
      'PostgreSQL: the user when the database URL names none, as libpq reads it (unset: the login name of the process)',
  }),
  bus: setting({
    flag: '--bus',
    env: 'VIGIL_BUS',
    default: 'memory:',
    expected: 'memory: or nats://host:port[?namespace=name]',
    schema: z
      .string()
      .trim()
      .regex(/^(memory:|nats:\/\/\S+)$/),
    description: '`vigil serve`: the message bus between roles; memory: keeps every role in one process',
  }),
  host: setting({
    flag: '--host',
    env: 'VIGIL_HOST',
    default: '127.0.0.1',
    expected: 'an address to listen on',
    schema: nonEmpty,
    description: 'HTTP server (`vigil start`, `vigil serve` api role): the address to listen on',
  }),
  port: setting({
    flag: '--port',
    env: 'VIGIL_PORT',
    default: '8080',
    expected: 'a number 0–65535',
    schema: integer(0, 65_535),
    description: 'HTTP server: the TCP port (0 picks a free one)',
  }),
  trustProxy: setting({
    flag: '--trust-proxy',
    env: 'VIGIL_TRUST_PROXY',
    default: '',
    schema: trustProxy,
    expected: 'true, false, or proxy addresses or CIDRs (e.g. 10.0.0.5,192.168.0.0/16) or loopback',
    description: 'HTTP server: reverse proxies whose X-Forwarded-For gives the client address (empty: none)',
  }),
  logLevel: setting({
    flag: '--log-level',
    env: 'VIGIL_LOG_LEVEL',
    default: 'warn',
    expected: LOG_LEVELS.join(', '),
    schema: z.enum(LOG_LEVELS),
    description: 'HTTP server log on stderr (info logs every request)',
  }),
  ackWaitMs: setting({
    flag: '--ack-wait-ms',
    env: 'VIGIL_ACK_WAIT_MS',
    default: '30000',
    expected: 'milliseconds, at least 100',
    schema: integer(100, 86_400_000),
    description: '`vigil serve`: how long a work item may stay unacknowledged before another worker gets it',
  }),
  alertReceivers: setting({
    flag: '--alert-receivers',
    env: 'VIGIL_ALERT_RECEIVERS',
    default: '',
    expected: 'comma-separated receiver names',
    schema: nameList,
    description:
      'HTTP server: webhook and e-mail receivers its alert loop delivers to at once (empty: only the dashboard; the rest wait for `vigil alerts watch`)',
  }),
  briefAt: setting({
    flag: '--brief-at',
    env: 'VIGIL_BRIEF_AT',
    default: '06:00',
    expected: 'HH:MM (24-hour local time in the theatre zone)',
    schema: z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3))),
    description:
      '`vigil serve` brief role: the local time (theatre zone) at which the daily brief of the day just ended is sent',
  }),
  briefReceivers: setting({
    flag: '--brief-receivers',
    env: 'VIGIL_BRIEF_RECEIVERS',
    default: '',
    expected: 'comma-separated webhook or e-mail receiver names',
    schema: nameList,
    description:
      '`vigil serve` brief role: receivers of the alerting file that get the daily brief (empty: the brief is not sent)',
  }),
  briefLangs: setting({
    env: 'VIGIL_BRIEF_LANGS',
    default: 'en,zh',
    expected: 'en, zh or en,zh',
    schema: commaList.pipe(z.array(z.enum(['en', 'zh'])).min(1)),
    description: 'the languages of the daily brief sent (the first is the e-mail body; each is attached as PDF)',
  }),
  briefTlpMax: setting({
    env: 'VIGIL_BRIEF_TLP_MAX',
    default: 'amber',
    expected: TLP_LEVELS.join(', '),
    schema: z.enum(TLP_LEVELS),
    description: 'the daily brief sent is assessed only on observations marked at or below this TLP',
  }),
  publicUrl: setting({
    flag: '--public-url',
    env: 'VIGIL_PUBLIC_URL',
    default: '',
    expected: 'an http(s) URL',
    schema: z
      .string()
      .trim()
      .regex(/^(https?:\/\/\S+)?$/),
    description: 'the base URL readers reach the API at, for links in the brief webhook (empty: http://host:port)',
  }),
  chromium: setting({
    flag: '--chromium',
    env: 'VIGIL_CHROMIUM',
    default: '/usr/bin/chromium',
    expected: 'a path to a Chromium executable',
    schema: nonEmpty,
    description: 'the Chromium that prints the brief to PDF (`vigil brief`, the brief route, the brief role)',
  }),
  orgName: setting({
    env: 'VIGIL_ORG_NAME',
    expected: 'a name',
    schema: z
      .string()
      .trim()
      .transform((v) => (v === '' ? undefined : v)),
    description:
      "sharing: the organisation name in this installation's STIX identity, set when the identity is first created",
  }),
  episodes: setting({
    flag: '--episodes',
    env: 'VIGIL_EPISODES',
    expected: 'a labelled-episodes CSV file (id,name,kind,start,end)',
    schema: z
      .string()
      .trim()
      .transform((v) => (v === '' ? undefined : v)),
    description:
      "HTTP server: the labelled episodes the dashboard's scorecard scores the machine level and issued warnings against (unset: the scorecard says it has none)",
  }),
  noColor: setting({
    env: 'NO_COLOR',
    default: '',
    expected: 'any text (set: no colour)',
    schema: z.string().transform((v) => v !== ''),
    description: 'set to anything to turn off colour in terminal output (no-color.org)',
  }),
  debug: setting({
    env: 'VIGIL_DEBUG',
    default: '',
    expected: 'empty, 0, false or anything else',
    schema: flagOn,
    description: 'print the stack trace of an internal error',
  }),
} as const;

export type SettingName = keyof typeof SETTINGS;
