// Small builders for analysis tests: a minimal valid pack and daily count observations in a fixed zone.
import { withId, type Observation } from '../../src/model/index.js';
import { validatePack } from '../../src/packs/pack-loader.js';
import type { Pack, PackInput } from '../../src/packs/pack-schema.js';
import { formatDay, parseDay } from '../../src/time/zone.js';

/** Daily count reports published at 09:00+08:00 the day after the activity day, like MND reports. */
export function dailyCounts(series: string, firstDay: string, values: ReadonlyArray<number | null>): Observation[] {
  const start = parseDay(firstDay);
  return values.map((value, i) => {
    const day = formatDay(start + i);
    const next = formatDay(start + i + 1);
    return withId({
      series,
      value,
      unit: 'count',
      ...(value === null ? { missingReason: 'no report' } : {}),
      periodStart: new Date(`${day}T06:00:00+08:00`).toISOString(),
      periodEnd: new Date(`${next}T06:00:00+08:00`).toISOString(),
      publishedAt: new Date(`${next}T09:00:00+08:00`).toISOString(),
      source: 'test',
      reliability: 'A',
      credibility: 1,
      tlp: 'clear',
    });
  });
}

/** One event on a local day (published at 00:00 local that day). */
export function event(series: string, day: string, subject = `${series}@${day}`): Observation {
  const at = new Date(`${day}T00:00:00+08:00`).toISOString();
  return withId({
    series,
    subject,
    value: 1,
    unit: 'events',
    periodStart: at,
    periodEnd: at,
    publishedAt: at,
    source: 'test',
    reliability: 'A',
    credibility: 2,
    tlp: 'clear',
  });
}

export function testPack(overrides: Partial<PackInput> = {}): Pack {
  const base: PackInput = {
    schema: 'vigil.pack/1',
    id: 'test',
    name: 'Test theatre',
    version: '0.0.1',
    timeZone: 'Asia/Taipei',
    horizonDays: 7,
    hypotheses: [
      { id: 'H0', name: 'Routine', prior: 0.9, baseline: true },
      { id: 'H1', name: 'Exercise', prior: 0.09 },
      { id: 'H2', name: 'Blockade', prior: 0.01, critical: true },
    ],
    evidenceGroups: [{ id: 'air', name: 'Air', combine: 'max' }],
    indicators: [
      {
        id: 'air.count',
        name: 'Aircraft',
        domain: 'air',
        series: ['test.aircraft'],
        group: 'air',
        detector: {
          kind: 'robust-z',
          baselineDays: 28,
          minSamples: 14,
          minScale: 2,
          levels: [
            { state: 'elevated', z: 2.5 },
            { state: 'high', z: 4, ratio: 2 },
          ],
        },
        likelihoods: { high: { H1: 20, H2: 5 }, elevated: { H1: 3 }, normal: { H1: 0.5, H2: 0.5 } },
        watchStates: ['elevated', 'high'],
      },
      {
        id: 'ships',
        name: 'Ships',
        domain: 'sea',
        series: ['test.ships'],
        role: 'lead',
        detector: {
          kind: 'robust-z',
          baselineDays: 28,
          minSamples: 14,
          minScale: 1,
          levels: [{ state: 'high', z: 4 }],
        },
        likelihoods: { high: { H1: 4, H2: 10 }, normal: { H2: 0.3 } },
      },
      {
        id: 'trigger',
        name: 'Trigger',
        domain: 'political',
        series: ['test.trigger'],
        role: 'lead',
        detector: { kind: 'decay', halfLifeDays: 3, maxAgeDays: 14, levels: [{ state: 'fresh', min: 0.5 }] },
        likelihoods: { fresh: { H1: 3 } },
        watchStates: ['fresh'],
      },
    ],
    warning: {
      holdDays: 2,
      critical: { enter: 0.5, exit: 0.3 },
      alert: { enter: 0.6, exit: 0.4 },
      warning: { enter: 0.2, exit: 0.1 },
    },
    eventModel: { intercept: -3, lead: 1, concurrent: 0 },
    ...overrides,
  };
  return validatePack(base, 'test-pack');
}

/** A flat-ish series with a little deterministic variation (no randomness in tests). */
export function steady(n: number, level: number, wiggle = 2): number[] {
  return Array.from({ length: n }, (_, i) => level + ((i * 7) % (2 * wiggle + 1)) - wiggle);
}
