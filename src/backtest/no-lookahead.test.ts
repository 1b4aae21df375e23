import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyCounts, event, steady, testPack } from '../../test/support/analysis-fixtures.js';
import { withId, type Observation } from '../model/index.js';
import { formatDay, getZone, parseDay } from '../time/zone.js';
import { replay } from './replay.js';

const pack = testPack();
const zone = getZone(pack.timeZone);
const FIRST = parseDay('2023-01-01');
const base: Observation[] = [
  ...dailyCounts('test.aircraft', '2023-01-01', steady(60, 12)),
  ...dailyCounts('test.ships', '2023-01-01', steady(60, 5, 1)),
];

/** An observation on a random series and day, published at a random delay after its day (possibly a revision). */
const lateObservation = fc
  .record({
    kind: fc.constantFrom('aircraft', 'ships', 'trigger'),
    day: fc.integer({ min: 0, max: 59 }),
    delayHours: fc.integer({ min: 0, max: 24 * 20 }),
    value: fc.oneof(fc.integer({ min: 0, max: 150 }), fc.constant(null)),
  })
  .map(({ kind, day, delayHours, value }) => {
    const date = formatDay(FIRST + day);
    if (kind === 'trigger') {
      const e = event('test.trigger', date, `t${day}-${delayHours}`);
      const { id: _id, ...input } = e;
      return withId({
        ...input,
        publishedAt: new Date(Date.parse(e.periodStart) + delayHours * 3_600_000).toISOString(),
      });
    }
    const [o] = dailyCounts(`test.${kind}`, date, [value]);
    const { id: _id, ...input } = o;
    return withId({ ...input, publishedAt: new Date(Date.parse(o.periodEnd) + delayHours * 3_600_000).toISOString() });
  });

describe('no look-ahead', () => {
  it('observations published after the end of day T never change the record of any day up to T', () => {
    fc.assert(
      fc.property(fc.array(lateObservation, { maxLength: 25 }), fc.integer({ min: 30, max: 59 }), (extra, t) => {
        const T = FIRST + t;
        const endOfT = zone.endOfDay(T);
        const known = [...base, ...extra].filter((o) => Date.parse(o.publishedAt) < endOfT);
        const everything = [...base, ...extra];
        expect(replay(pack, everything, FIRST + 28, T)).toEqual(replay(pack, known, FIRST + 28, T));
      }),
      { numRuns: 60 },
    );
  });

  it('a revision published later does not leak back into earlier days', () => {
    const [original] = dailyCounts('test.aircraft', '2023-02-20', [12]);
    const { id: _id, ...input } = original;
    // Report for 2023-02-20 published on the 21st, revised upward on the 22nd; no later reports.
    const revision = withId({ ...input, value: 90, publishedAt: '2023-02-22T01:00:00.000Z' });
    const upTo19th = base.filter((o) => o.periodStart < '2023-02-19T22:00:00.000Z');
    const records = replay(pack, [...upTo19th, original, revision], parseDay('2023-02-21'), parseDay('2023-02-22'));
    expect(records[0].level).toBeLessThan(4);
    expect(records[0].hypotheses.H1).toBeLessThan(0.09);
    expect(records[1].level).toBe(4);
    expect(replay(pack, [...upTo19th, original], parseDay('2023-02-21'), parseDay('2023-02-21'))).toEqual([records[0]]);
  });
});
