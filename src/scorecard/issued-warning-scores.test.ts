// Scoring issued warnings once their horizon has passed: hand-computed outcomes, lead and Brier.
import { describe, expect, it } from 'vitest';
import type { Episode } from '../backtest/episodes.js';
import { parseDay } from '../time/zone.js';
import { sampleWarning } from '../warnings/warning-fixtures.js';
import type { WarningRecord } from '../warnings/warning-record.js';
import { scoreIssuedWarnings } from './issued-warning-scores.js';

const warning = (
  id: string,
  day: string,
  likelihood: WarningRecord['likelihood'],
  status: WarningRecord['status'] = 'issued',
  adjudication?: WarningRecord['adjudication'],
): WarningRecord =>
  sampleWarning({
    ...(adjudication ? { adjudication } : {}),
    id,
    status,
    likelihood,
    day,
    madeAgainst: { day },
    createdAt: `${day}T00:00:00Z`,
  });
const episodes: Episode[] = [
  { id: 'E4', name: 'Joint Sword', kind: 'named-exercise', start: parseDay('2023-04-08'), end: parseDay('2023-04-10') },
  { id: 'E5', name: 'August', kind: 'surge', start: parseDay('2023-08-19'), end: parseDay('2023-08-19') },
];

describe('issued warning scores', () => {
  it('scores hits, false alarms, misses and pending warnings with the ICD 203 midpoints', () => {
    const s = scoreIssuedWarnings(
      [
        warning('W-hit', '2023-04-05', 'likely'), // E4 starts 3 days later: hit, stated 0.675
        warning('W-fa', '2023-06-01', 'very-likely'), // nothing within 7 days: false alarm, stated 0.875
        warning('W-miss', '2023-08-14', 'unlikely'), // E5 within 5 days but stated 0.325: missed
        warning('W-draft', '2023-08-15', 'almost-certain', 'draft'), // never issued: not scored
        warning('W-late', '2023-12-28', 'likely'), // horizon ends 2024-01-04, after asOf: pending
      ],
      episodes,
      { from: parseDay('2023-01-01'), to: parseDay('2023-12-31') },
      parseDay('2023-12-31'),
    );
    expect(s.scored.map((x) => [x.id, x.outcome, x.leadDays])).toEqual([
      ['W-hit', 'hit', 3],
      ['W-fa', 'false-alarm', null],
      ['W-miss', 'missed', 5],
    ]);
    expect([s.hits, s.falseAlarms, s.missed, s.pending]).toEqual([1, 1, 1, ['W-late']]);
    expect(s.episodesUnwarned).toEqual(['E5 2023-08-19']);
    // ((0.675 − 1)² + (0.875 − 0)² + (0.325 − 1)²) / 3 = (0.105625 + 0.765625 + 0.455625) / 3
    expect(s.brier).toBeCloseTo(1.326875 / 3, 12);
  });

  it('prefers an analyst ruling to the episode labels, and bins the stated midpoints for the reliability diagram', () => {
    const ruled = (outcome: 'occurred' | 'did-not-occur', occurredOn?: string) => ({
      outcome,
      by: 'chief',
      at: '2023-12-01T00:00:00Z',
      note: 'n',
      ...(occurredOn ? { occurredOn } : {}),
    });
    const s = scoreIssuedWarnings(
      [
        // E4 starts 2023-04-08, but the ruling says nothing occurred: a false alarm, stated 0.875.
        warning('W-over', '2023-04-05', 'very-likely', 'issued', ruled('did-not-occur')),
        // No episode labelled, the ruling says it began on 2023-10-04: a hit with lead 3, stated 0.97.
        warning('W-ruled', '2023-10-01', 'almost-certain', 'issued', ruled('occurred', '2023-10-04')),
        // Ruled "occurred" before its horizon ends (asOf 2023-12-31 < 2024-01-04): scored, not pending; no day given.
        warning('W-early', '2023-12-28', 'roughly-even-chance', 'issued', ruled('occurred')),
        // No ruling: E5 within its horizon, stated 0.03: missed, judged by the episodes.
        warning('W-low', '2023-08-15', 'almost-no-chance'),
        // Ruled "occurred" without a day, E5 labelled in its horizon: that is what occurred, lead 1, stated 0.675.
        warning('W-e5', '2023-08-18', 'likely', 'issued', ruled('occurred')),
      ],
      episodes,
      { from: parseDay('2023-01-01'), to: parseDay('2023-12-31') },
      parseDay('2023-12-31'),
    );
    expect(s.scored.map((x) => [x.id, x.outcome, x.leadDays, x.judgedBy])).toEqual([
      ['W-over', 'false-alarm', null, 'adjudication'],
      ['W-ruled', 'hit', 3, 'adjudication'],
      ['W-early', 'hit', null, 'adjudication'],
      ['W-low', 'missed', 4, 'episodes'],
      ['W-e5', 'hit', 1, 'adjudication'],
    ]);
    expect(s.scored.map((x) => x.episode)).toEqual([null, 'adjudicated', 'adjudicated', 'E5', 'E5']);
    expect(s.pending).toEqual([]);
    // E4's only warning was ruled a false alarm: it was not warned of; E5 was (W-e5).
    expect(s.episodesUnwarned).toEqual(['E4 2023-04-08']);
    // Midpoints 0.875 (y 0), 0.97 (y 1), 0.5 (y 1), 0.03 (y 1), 0.675 (y 1):
    // (0.765625 + 0.0009 + 0.25 + 0.9409 + 0.105625) / 5 = 2.06305 / 5 = 0.41261
    expect(s.brier).toBeCloseTo(0.41261, 12);
    const round = (x: number | null) => (x === null ? null : Math.round(x * 1e9) / 1e9);
    const bins = s.reliability
      .filter((b) => b.count > 0)
      .map((b) => [b.low, b.count, round(b.meanForecast), b.observed]);
    expect(bins).toEqual([
      [0, 1, 0.03, 1],
      [0.5, 1, 0.5, 1],
      [0.6, 1, 0.675, 1],
      [0.8, 1, 0.875, 0],
      [0.9, 1, 0.97, 1],
    ]);
  });
});
