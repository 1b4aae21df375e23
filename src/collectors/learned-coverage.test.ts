// Coverage learned from collector health: from the first successful run on, by the catalogue source's prefixes,
// with the latest success and the source's cadence, so a failing collector turns its series stale.
import { describe, expect, it } from 'vitest';
import { getZone, parseDay } from '../time/zone.js';
import type { CollectorHealth } from './collector-health.js';
import { learnedCoverage, sourceOfCollector } from './learned-coverage.js';

const zone = getZone('Asia/Taipei');
const health = (h: Partial<CollectorHealth>): CollectorHealth => ({
  id: 'mnd-web',
  kind: 'mnd-bulletin-page',
  url: 'https://example.org/list',
  lastRunAt: '2026-12-05T02:00:00.000Z',
  consecutiveFailures: 0,
  lastObservations: 0,
  lastInserted: 0,
  ...h,
});

describe('learned coverage', () => {
  it('maps collectors to catalogue sources by kind or by collector id', () => {
    expect(sourceOfCollector({ id: 'mnd-web', kind: 'mnd-bulletin-page' })?.id).toBe('mnd');
    expect(sourceOfCollector({ id: 'feed:focustaiwan.tw', kind: 'news-feed' })?.id).toBe('news');
    expect(sourceOfCollector({ id: 'x', kind: 'nothing-known' })).toBeUndefined();
  });

  it('runs from the first success on, open-ended, with the latest success and the source cadence', () => {
    const cov = learnedCoverage(
      [
        health({
          firstSuccessAt: '2026-11-01T01:00:00.000Z',
          lastSuccessAt: '2026-11-20T23:00:00.000Z',
          consecutiveFailures: 12,
        }),
      ],
      zone,
    );
    expect(cov.entries).toEqual([
      {
        series: 'mnd.*',
        windows: [{ from: parseDay('2026-11-01'), to: Infinity }],
        origin: 'learned',
        from: 'collector mnd-web',
        lastSuccess: parseDay('2026-11-21'),
        staleAfterDays: 2,
      },
    ]);
  });

  it('learns nothing from a collector that never succeeded, or one whose source is not catalogued', () => {
    expect(
      learnedCoverage(
        [
          health({ consecutiveFailures: 3, lastError: 'HTTP 404' }),
          health({ id: 'x', kind: 'unknown', lastSuccessAt: '2026-11-20T00:00:00.000Z' }),
        ],
        zone,
      ).entries,
    ).toEqual([]);
  });

  it('an old record without firstSuccessAt starts at its latest success', () => {
    const [entry] = learnedCoverage([health({ lastSuccessAt: '2026-11-20T00:00:00.000Z' })], zone).entries;
    expect(entry.windows[0].from).toBe(parseDay('2026-11-20'));
  });
});
