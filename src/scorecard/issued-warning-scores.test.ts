// Scoring issued warnings once their horizon has passed: hand-computed outcomes, lead and Brier.
import { describe, expect, it } from 'vitest';
import type { Episode } from '../backtest/episodes.js';
import { parseDay } from '../time/zone.js';
import type { WarningRecord } from '../warnings/warning-record.js';
import { scoreIssuedWarnings } from './issued-warning-scores.js';

const warning = (
  id: string,
  day: string,
  likelihood: WarningRecord['likelihood'],
  status: WarningRecord['status'] = 'issued',
): WarningRecord => ({
  id,
  status,
  keyJudgement: 'k',
  likelihood,
  confidence: 'moderate',
  horizonDays: 7,
  day,
  madeAgainst: { day, level: 3, levelName: 'WARNING', knowledge: 'ok', pEvent: 0.3, posteriors: {} },
  drafter: 'a',
  createdAt: `${day}T00:00:00Z`,
  dissents: [],
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
});
