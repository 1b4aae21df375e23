import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVigilError } from '../../errors/index.js';
import { DEFAULT_PACK } from '../paths.js';
import { loadConfig } from './vigil-config.js';

function errorOf(flags: Record<string, unknown>, env: Record<string, string>): string {
  try {
    loadConfig(flags, env);
  } catch (error) {
    if (!isVigilError(error) || error.code !== 'VIGIL_CONFIG_INVALID') throw error;
    return error.message;
  }
  throw new Error('expected VIGIL_CONFIG_INVALID');
}

describe('loadConfig', () => {
  it('gives every default when nothing is set', () => {
    const config = loadConfig({}, {});
    expect({ ...config, secrets: undefined }).toEqual({
      db: './vigil.db',
      database: { pgUser: undefined },
      pack: DEFAULT_PACK,
      bus: 'memory:',
      http: { host: '127.0.0.1', port: 8080, trustProxy: undefined },
      alertReceivers: [],
      logLevel: 'warn',
      ackWaitMs: 30_000,
      sharing: { orgName: undefined },
      scorecard: { episodes: undefined },
      brief: { minuteOfDay: 360, receivers: [], langs: ['en', 'zh'], tlpMax: 'amber' },
      publicUrl: '',
      chromium: '/usr/bin/chromium',
      noColor: false,
      debug: false,
      secrets: undefined,
    });
  });

  it('reads the daily brief settings and refuses a bad send time or language', () => {
    const config = loadConfig(
      { briefAt: '07:45', briefReceivers: 'ops, watch-floor' },
      { VIGIL_BRIEF_LANGS: 'zh', VIGIL_BRIEF_TLP_MAX: 'green' },
    );
    expect(config.brief).toEqual({
      minuteOfDay: 465,
      receivers: ['ops', 'watch-floor'],
      langs: ['zh'],
      tlpMax: 'green',
    });
    expect(() => loadConfig({ briefAt: '7:45' }, {})).toThrow('invalid --brief-at: "7:45" (expected HH:MM');
    expect(() => loadConfig({}, { VIGIL_BRIEF_LANGS: 'en,fr' })).toThrow('invalid VIGIL_BRIEF_LANGS');
  });

  it('takes a flag over the environment, and the environment over the default', () => {
    const env = {
      VIGIL_DB: 'env.db',
      VIGIL_PORT: '9000',
      VIGIL_HOST: '0.0.0.0',
      VIGIL_PACK: 'nansei',
      VIGIL_LOG_LEVEL: 'info',
    };
    const config = loadConfig({ db: 'flag.db', port: '0', trustProxy: 'loopback,10.0.0.0/8' }, env);
    expect(config.db).toBe('flag.db');
    expect(config.http).toEqual({ host: '0.0.0.0', port: 0, trustProxy: ['loopback', '10.0.0.0/8'] });
    expect(config.pack).toBe(resolve(DEFAULT_PACK, '..', '..', 'nansei', 'pack.yaml'));
    expect(config.logLevel).toBe('info');
  });

  it('reads the receivers the server delivers to as a list', () => {
    expect(loadConfig({ alertReceivers: 'duty-officer, watch-floor-mail' }, {}).alertReceivers).toEqual([
      'duty-officer',
      'watch-floor-mail',
    ]);
  });

  it('treats an empty flag or variable as unset', () => {
    expect(loadConfig({ db: '  ' }, { VIGIL_DB: '' }).db).toBe('./vigil.db');
  });

  it.each([
    ['VIGIL_TRUST_PROXY=true', {}, { VIGIL_TRUST_PROXY: 'true' }, true],
    ['VIGIL_TRUST_PROXY=false', {}, { VIGIL_TRUST_PROXY: 'false' }, undefined],
    ['an IPv6 CIDR', { trustProxy: '::1/128' }, {}, ['::1/128']],
    [
      'a list',
      { trustProxy: '10.0.0.5, 192.168.0.0/16,::1,fd00::/8,loopback' },
      {},
      ['10.0.0.5', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback'],
    ],
  ])('reads trust-proxy: %s', (_name, flags, env, expected) => {
    expect(loadConfig(flags, env).http.trustProxy).toEqual(expected);
  });

  it('reads the sharing identity, colour, debug and secrets from the environment', () => {
    const config = loadConfig(
      {},
      { VIGIL_ORG_NAME: ' Org A ', NO_COLOR: '1', VIGIL_DEBUG: '1', HOOK_SECRET: 's3cret' },
    );
    expect(config.sharing.orgName).toBe('Org A');
    expect([config.noColor, config.debug]).toEqual([true, true]);
    expect(config.secrets.HOOK_SECRET).toBe('s3cret');
    expect(loadConfig({}, { VIGIL_DEBUG: '0' }).debug).toBe(false);
  });

  it('reads the PostgreSQL user for URLs that name none from PGUSER (unset: undefined, the login name)', () => {
    expect(loadConfig({}, { PGUSER: ' ops ' }).database.pgUser).toBe('ops');
    expect(loadConfig({}, {}).database.pgUser).toBeUndefined();
    expect(loadConfig({}, { PGUSER: '' }).database.pgUser).toBeUndefined();
  });

  const refusals: Array<[Record<string, string>, Record<string, string>, unknown]> = [
    [{ port: '99999' }, {}, 'invalid --port: "99999" (expected a number 0–65535)'],
    [{}, { VIGIL_PORT: 'http' }, 'invalid VIGIL_PORT: "http" (expected a number 0–65535)'],
    [{ port: '-1' }, {}, 'invalid --port: "-1" (expected a number 0–65535)'],
    [
      { trustProxy: '10.0.0.0/33' },
      {},
      'invalid --trust-proxy: "10.0.0.0/33" (expected true, false, or proxy addresses or CIDRs (e.g. 10.0.0.5,192.168.0.0/16) or loopback)',
    ],
    [
      {},
      { VIGIL_LOG_LEVEL: 'verbose' },
      'invalid VIGIL_LOG_LEVEL: "verbose" (expected fatal, error, warn, info, debug, trace, silent)',
    ],
    [{ bus: 'redis://x' }, {}, 'invalid --bus: "redis://x" (expected memory: or nats://host:port[?namespace=name])'],
    [{ ackWaitMs: '10' }, {}, 'invalid --ack-wait-ms: "10" (expected milliseconds, at least 100)'],
    [
      {},
      { VIGIL_ALERT_RECEIVERS: 'hook, mail box' },
      'invalid VIGIL_ALERT_RECEIVERS: "hook, mail box" (expected comma-separated receiver names)',
    ],
    ...['proxy.example', '10.0.0.1/8/8', 'yes'].map(
      (bad): [Record<string, string>, Record<string, string>, unknown] => [
        { trustProxy: bad },
        {},
        expect.stringMatching(/^invalid --trust-proxy: /),
      ],
    ),
    ...['65536', '80x'].map((bad): [Record<string, string>, Record<string, string>, unknown] => [
      { port: bad },
      {},
      `invalid --port: "${bad}" (expected a number 0–65535)`,
    ]),
  ];
  it.each(refusals)('refuses %j %j', (flags, env, message) => {
    expect(errorOf(flags, env)).toEqual(message);
  });
});
