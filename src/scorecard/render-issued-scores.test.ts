// The issued warnings' part of `vigil warning scorecard` as text: counts, Brier with its midpoint rule, each warning.
import { describe, expect, it } from 'vitest';
import { parseDay } from '../time/zone.js';
import { sampleWarning } from '../warnings/warning-fixtures.js';
import type { WarningRecord } from '../warnings/warning-record.js';
import { scoreIssuedWarnings } from './issued-warning-scores.js';
import { renderIssuedWarningScores } from './render-scorecard.js';

const issued = (id: string, day: string, extra: Partial<WarningRecord> = {}): WarningRecord =>
  sampleWarning({ id, status: 'issued', day, madeAgainst: { day }, createdAt: `${day}T00:00:00Z`, ...extra });

describe('issued warnings in the scorecard text', () => {
  it('prints the counts, the Brier score with its rule, each warning and the pending ones', () => {
    const scores = scoreIssuedWarnings(
      [
        issued('W-1', '2023-04-05'),
        issued('W-2', '2023-12-30', {
          adjudication: { outcome: 'occurred', by: 'c', at: 'x', note: 'n', occurredOn: '2024-01-02' },
        }),
        issued('W-3', '2023-12-31'),
      ],
      [{ id: 'E4', name: 'Joint Sword', kind: 'x', start: parseDay('2023-04-08'), end: parseDay('2023-04-10') }],
      { from: parseDay('2023-01-01'), to: parseDay('2023-12-31') },
      parseDay('2024-01-03'),
    );
    expect(renderIssuedWarningScores(scores).split('\n')).toEqual([
      'Issued formal warnings: 2 scored, 1 pending (horizon not yet passed)',
      '  hits 2   misses 0   false alarms 0   Brier 0.1056 (stated probability = midpoint of the ICD 203 range)',
      '  W-1                    2023-04-05 +7 d  stated 67.5 %  hit                 lead 3 d  (E4)',
      '  W-2                    2023-12-30 +7 d  stated 67.5 %  hit                 lead 3 d  (ruled by an analyst)',
      '  pending: W-3',
      '  reliability: stated → observed',
      '  60 %–70 %          2 warnings  mean   68 %  observed  100 %',
    ]);
  });

  it('says so when no warning was issued in the window', () => {
    const none = scoreIssuedWarnings([], [], { from: 0, to: 10 }, 20);
    expect(renderIssuedWarningScores(none)).toContain('no issued warning in the window');
  });
});
