// A formal warning record for tests: a draft of 2023-04-07 made against a WARNING day, any field overridable (the
// machine snapshot field by field).
import type { MachineSnapshot, WarningRecord } from './warning-record.js';

export type SampleWarningOverrides = Partial<Omit<WarningRecord, 'madeAgainst'>> & {
  madeAgainst?: Partial<MachineSnapshot>;
};

export function sampleWarning({ madeAgainst, ...overrides }: SampleWarningOverrides = {}): WarningRecord {
  return {
    id: 'W-2023-04-07-aaaaaa',
    status: 'draft',
    keyJudgement: 'A major exercise is likely within 7 days.',
    likelihood: 'likely',
    confidence: 'moderate',
    horizonDays: 7,
    day: '2023-04-07',
    madeAgainst: {
      day: '2023-04-07',
      level: 3,
      levelName: 'WARNING',
      knowledge: 'ok',
      pEvent: 0.31,
      posteriors: { H0: 0.6, H1: 0.38 },
      ...madeAgainst,
    },
    drafter: 'alice',
    createdAt: '2023-04-07T10:00:00.000Z',
    dissents: [],
    ...overrides,
  };
}
