// The warning record's steps and the ICD 203 yardstick: table tests.
import { describe, expect, it } from 'vitest';
import { isVigilError } from '../errors/index.js';
import { LIKELIHOODS, likelihoodMidpoint, parseHorizonDays, parseLikelihood } from './likelihood-yardstick.js';
import { parseDay } from '../time/zone.js';
import { addDissent, adjudicate, applyStep, type WarningRecord } from './warning-record.js';
import { sampleWarning } from './warning-fixtures.js';

const draft: WarningRecord = sampleWarning({ id: 'W-1', madeAgainst: { posteriors: { H0: 0.6, H1: 0.38, H2: 0.02 } } });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isVigilError(error) ? error.code : 'not a VigilError';
  }
  return undefined;
}

describe('ICD 203 yardstick', () => {
  it.each([
    ['likely', 'likely', 0.675],
    ['very likely', 'very-likely', 0.875],
    ['highly_probable', 'very-likely', 0.875],
    ['remote', 'almost-no-chance', 0.03],
    ['Roughly Even Chance', 'roughly-even-chance', 0.5],
    ['almost-certain', 'almost-certain', 0.97],
  ])('%s → %s, scored as %f', (text, id, mid) => {
    expect(parseLikelihood(text)).toBe(id);
    expect(likelihoodMidpoint(parseLikelihood(text))).toBeCloseTo(mid, 12);
  });

  it('covers 1–99 % without gaps and rejects words outside it', () => {
    const ranges = Object.values(LIKELIHOODS);
    ranges.slice(1).forEach((r, i) => expect(r.low).toBe(ranges[i].high));
    expect([ranges[0].low, ranges.at(-1)!.high]).toEqual([0.01, 0.99]);
    expect(codeOf(() => parseLikelihood('possible'))).toBe('VIGIL_UNKNOWN_KIND');
  });

  it.each([
    ['7d', 7],
    ['72h', 3],
    ['14', 14],
  ])('horizon %s = %i days', (t, d) => expect(parseHorizonDays(t)).toBe(d));
  it('rejects a horizon that is not whole days 1–90', () => {
    for (const t of ['0d', '36h', '91d', 'week']) expect(codeOf(() => parseHorizonDays(t))).toBe('VIGIL_INPUT_INVALID');
  });
});

describe('warning steps', () => {
  const at = '2023-04-07T12:00:00.000Z';
  it('goes draft → coordination → issued, and the drafter cannot issue', () => {
    const coordinating = applyStep(draft, 'coordinate', 'alice', at);
    expect(coordinating.status).toBe('coordination');
    expect(codeOf(() => applyStep(coordinating, 'issue', 'alice', at))).toBe('VIGIL_REVIEWER_IS_DRAFTER');
    const issued = applyStep(coordinating, 'issue', 'chief', at);
    expect([issued.status, issued.issuedBy, issued.issuedAt]).toEqual(['issued', 'chief', at]);
  });

  it('refuses steps out of order and dissents after issue', () => {
    expect(codeOf(() => applyStep(draft, 'issue', 'chief', at))).toBe('VIGIL_WARNING_STATE');
    const issued = applyStep(applyStep(draft, 'coordinate', 'alice', at), 'issue', 'chief', at);
    expect(codeOf(() => applyStep(issued, 'coordinate', 'alice', at))).toBe('VIGIL_WARNING_STATE');
    expect(codeOf(() => addDissent(issued, 'bob', 'too early', at))).toBe('VIGIL_WARNING_STATE');
    expect(codeOf(() => applyStep(issued, 'withdraw', 'chief', at))).toBe('VIGIL_INPUT_INVALID');
    expect(applyStep(issued, 'withdraw', 'chief', at, 'exercise announced as routine').status).toBe('withdrawn');
  });

  it('records dissents with their authors', () => {
    const w = addDissent(addDissent(draft, 'bob', ' Ship counts are seasonal. ', at), 'carol', 'Agree with bob', at);
    expect(w.dissents).toEqual([
      { by: 'bob', at, text: 'Ship counts are seasonal.' },
      { by: 'carol', at, text: 'Agree with bob' },
    ]);
  });
});

describe('adjudication', () => {
  const issued: WarningRecord = { ...draft, status: 'issued', issuedBy: 'chief', issuedAt: '2023-04-07T12:00:00.000Z' };
  const ruling = { by: 'chief', at: '2023-04-20T00:00:00.000Z', note: 'Joint Sword began on 8 April.' };
  it.each([
    ['a draft', draft, 'occurred', undefined, '2023-04-20', 'VIGIL_WARNING_STATE'],
    [
      'did-not-occur on the last day of the horizon (04-14)',
      issued,
      'did-not-occur',
      undefined,
      '2023-04-14',
      'VIGIL_WARNING_STATE',
    ],
    ['a day before the horizon', issued, 'occurred', '2023-04-07', '2023-04-20', 'VIGIL_INPUT_INVALID'],
    ['a day after the horizon', issued, 'occurred', '2023-04-15', '2023-04-20', 'VIGIL_INPUT_INVALID'],
    ['a day with did-not-occur', issued, 'did-not-occur', '2023-04-08', '2023-04-20', 'VIGIL_INPUT_INVALID'],
  ] as const)('refuses %s', (_, w, outcome, occurredOn, today, code) => {
    const r = { ...ruling, outcome, ...(occurredOn ? { occurredOn } : {}) };
    expect(codeOf(() => adjudicate(w, r, parseDay(today)))).toBe(code);
  });

  it('records "occurred" inside the horizon at once, and "did-not-occur" from the day after it', () => {
    const hit = adjudicate(
      issued,
      { ...ruling, outcome: 'occurred', occurredOn: '2023-04-08' },
      parseDay('2023-04-09'),
    );
    expect(hit.adjudication).toEqual({ ...ruling, outcome: 'occurred', occurredOn: '2023-04-08' });
    const none = adjudicate(issued, { ...ruling, outcome: 'did-not-occur', note: '  quiet  ' }, parseDay('2023-04-15'));
    expect(none.adjudication).toMatchObject({ outcome: 'did-not-occur', note: 'quiet' });
    expect(
      codeOf(() => adjudicate(issued, { ...ruling, outcome: 'occurred', note: ' ' }, parseDay('2023-04-20'))),
    ).toBe('VIGIL_INPUT_INVALID');
  });
});
