import { describe, expect, it } from 'vitest';
import { PointInTimeIndex } from '../analysis/point-in-time-index.js';
import { isVigilError } from '../errors/index.js';
import { gradingWeight } from '../model/index.js';
import { getZone, parseDay } from '../time/zone.js';
import { createNote, type NoteRequest } from './create-note.js';

const NOW = '2030-04-08T03:00:00.000Z';
const REQUEST: NoteRequest = {
  series: 'analyst.amphibious-loading',
  value: '1',
  reliability: 'B',
  credibility: '2',
  tlp: 'amber',
  text: 'Ro-ro ferries seen loading vehicles at Xiamen (imagery, 2030-04-07)',
  at: '2030-04-07',
  by: 'alice',
};

function messageOf(request: Partial<NoteRequest>): string {
  try {
    createNote({ ...REQUEST, ...request }, { now: NOW });
  } catch (error) {
    expect(isVigilError(error) && error.code).toBe('VIGIL_INPUT_INVALID');
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('createNote', () => {
  it('writes a graded, TLP-marked observation from analyst:<name>, known from the entry time', () => {
    const note = createNote(REQUEST, { now: NOW });
    expect(note).toStrictEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      series: 'analyst.amphibious-loading',
      subject: 'analyst:alice',
      value: 1,
      unit: 'events',
      text: 'Ro-ro ferries seen loading vehicles at Xiamen (imagery, 2030-04-07)',
      periodStart: '2030-04-06T16:00:00.000Z',
      periodEnd: '2030-04-07T16:00:00.000Z',
      publishedAt: NOW,
      source: 'analyst:alice',
      reliability: 'B',
      credibility: 2,
      tlp: 'amber',
    });
    // Same flags, same entry: idempotent.
    expect(createNote(REQUEST, { now: NOW }).id).toBe(note.id);
  });

  it.each([
    // Europe/London: GMT until 01:00 UTC on 2030-03-31, BST (+01:00) after; back to GMT at 01:00 UTC on 2030-10-27.
    ['the spring-forward day is 23 hours', '2030-03-31', '2030-03-31T00:00:00.000Z', '2030-03-31T23:00:00.000Z'],
    ['the fall-back day is 25 hours', '2030-10-27', '2030-10-26T23:00:00.000Z', '2030-10-28T00:00:00.000Z'],
    ['an ordinary summer day', '2030-07-01', '2030-06-30T23:00:00.000Z', '2030-07-01T23:00:00.000Z'],
  ])(
    "--at a date covers the theatre zone's local day, whatever the offset at entry time: %s",
    (_name, at, start, end) => {
      // Entered in winter (GMT): an offset taken at the entry time would be an hour off on the summer side.
      const note = createNote({ ...REQUEST, at }, { now: '2030-01-15T12:00:00.000Z', timeZone: 'Europe/London' });
      expect([note.periodStart, note.periodEnd]).toEqual([start, end]);
    },
  );

  it('takes an instant as an event, NA with a reason, lower-case grades and any unit', () => {
    const note = createNote(
      {
        ...REQUEST,
        at: '2030-04-07T09:30:00+08:00',
        value: 'NA',
        missingReason: 'source withdrew the report',
        reliability: 'c',
        tlp: 'GREEN',
        unit: 'ships',
      },
      { now: NOW },
    );
    expect(note).toMatchObject({
      periodStart: '2030-04-07T01:30:00.000Z',
      periodEnd: '2030-04-07T01:30:00.000Z',
      value: null,
      missingReason: 'source withdrew the report',
      reliability: 'C',
      tlp: 'green',
      unit: 'ships',
    });
    expect(createNote({ ...REQUEST, at: undefined }, { now: NOW })).toMatchObject({ periodStart: NOW, periodEnd: NOW });
  });

  it('is weighed by its grading in the assessment input (PointInTimeIndex)', () => {
    const zone = getZone('Asia/Taipei');
    const note = createNote(REQUEST, { now: NOW });
    const index = new PointInTimeIndex([note], zone);
    const day = parseDay('2030-04-07');
    const before = index.daily([note.series], Date.parse(NOW) - 1, day, day, 'last', false);
    expect(before.observed[0]).toBe(0); // not known before it was entered
    const after = index.daily([note.series], Date.parse(NOW), day, day, 'last', false);
    expect(after.values[0]).toBe(1);
    expect(after.weights[0]).toBeCloseTo(gradingWeight('B', 2), 12);
    expect(after.weights[0]).toBeLessThan(1);
  });

  it.each([
    [{ by: 'alice smith' }, '--by: must be a name of letters, digits, dot, dash or underscore, got "alice smith"'],
    [{ reliability: 'G' }, '--reliability: must be one of A, B, C, D, E, F, got "G"'],
    [{ credibility: '7' }, '--credibility: must be one of 1, 2, 3, 4, 5, 6, got "7"'],
    [{ tlp: 'white' }, '--tlp: must be one of clear, green, amber, amber+strict, red, got "white"'],
    [{ text: ' ' }, '--text: must say what the entry is based on'],
    [{ value: 'many' }, '--value: must be a number or NA, got "many"'],
    [{ value: 'NA' }, '--missing-reason: is required when --value is NA (missing is never zero)'],
    [{ missingReason: 'x' }, '--missing-reason: is only for --value NA'],
    [{ at: '2030-02-30' }, '--at: is not a real calendar date, got "2030-02-30"'],
    [
      { at: '2030-04-07 09:00' },
      '--at: must be a date YYYY-MM-DD or an ISO 8601 instant with a time zone, got "2030-04-07 09:00"',
    ],
    [{ at: '2032-01-01' }, '--at: is more than a year in the future'],
    [{ series: 'Analyst Notes' }, '--series: must be dotted lower-case words, e.g. mnd.aircraft.total'],
  ])('rejects %j', (request, message) => {
    expect(messageOf(request)).toBe(message);
  });
});
