// Matchers, durations and fingerprints: the small parsers every stage relies on.
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';
import { alertInstanceId, fingerprint } from './labels.js';
import { matches, parseMatcher } from './matchers.js';

describe('matchers', () => {
  it('parse the four Alertmanager operators, quoted or not', () => {
    expect(parseMatcher('severity="critical"')).toMatchObject({ name: 'severity', operator: '=', value: 'critical' });
    expect(parseMatcher('alertname!=X')).toMatchObject({ name: 'alertname', operator: '!=', value: 'X' });
    expect(parseMatcher('indicator =~ "sea\\\\..*"')).toMatchObject({
      name: 'indicator',
      operator: '=~',
      value: 'sea\\..*',
    });
    expect(parseMatcher('severity!~warning|info')).toMatchObject({ operator: '!~', value: 'warning|info' });
  });

  it('anchor regular expressions and treat a missing label as empty', () => {
    expect(matches(parseMatcher('indicator=~"sea.*"'), { indicator: 'sea.plan' })).toBe(true);
    expect(matches(parseMatcher('indicator=~"sea"'), { indicator: 'sea.plan' })).toBe(false);
    expect(matches(parseMatcher('team!=ops'), {})).toBe(true);
    expect(matches(parseMatcher('team=""'), {})).toBe(true);
    expect(matches(parseMatcher('severity!~"warning|info"'), { severity: 'critical' })).toBe(true);
  });

  it('reject what is not a matcher, saying why', () => {
    expect(() => parseMatcher('severity')).toThrow('invalid matcher "severity"');
    expect(() => parseMatcher('x=~"("')).toThrow('bad regular expression');
  });
});

describe('durations', () => {
  it('parse compound durations and print them back readably', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('0')).toBe(0);
    expect(() => parseDuration('5 minutes')).toThrow('invalid duration');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(94 * 86_400_000 + 17 * 3_600_000 + 38 * 60_000)).toBe('94d17h');
  });
});

describe('fingerprints', () => {
  it('depend on the label set, not its order, and each activation gets its own id', () => {
    expect(fingerprint({ a: '1', b: '2' })).toBe(fingerprint({ b: '2', a: '1' }));
    expect(fingerprint({ a: '1', b: '2' })).not.toBe(fingerprint({ a: '1', b: '3' }));
    expect(fingerprint({ a: '1\u0000b' })).not.toBe(fingerprint({ a: '1', b: '' }));
    const fp = fingerprint({ a: '1' });
    expect(alertInstanceId(fp, '2024-01-01T00:00:00.000Z')).not.toBe(alertInstanceId(fp, '2024-01-02T00:00:00.000Z'));
  });
});
