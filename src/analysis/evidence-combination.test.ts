// Table tests with hand-computed numbers: grouping, damping and "positive evidence overrides negatives".
import { describe, expect, it } from 'vitest';
import { evaluation, LN2, LN4, packWithGroups } from './bayesian-core-fixtures.js';
import { combineEvidence } from './evidence-combination.js';

const damped = (damping: number) => packWithGroups([{ id: 'air', name: 'Air', combine: 'damped', damping }]);
const max = packWithGroups([{ id: 'air', name: 'Air', combine: 'max', damping: 0.5 }]);

describe('combineEvidence', () => {
  it.each([
    // [pack, group damping, a (ln 4), b (ln 2)] → b's share = damping × ln 2; a always counts in full.
    ['damped 0.25', damped(0.25), { a: LN4, b: 0.25 * LN2 }], // b = 0.173287
    ['damped 0.8', damped(0.8), { a: LN4, b: 0.8 * LN2 }], // b = 0.554518
    ['damped 1 (independent evidence)', damped(1), { a: LN4, b: LN2 }],
    ['max: the strongest speaks for the group', max, { a: LN4, b: undefined }],
  ])('%s: strongest in full, the rest × damping', (_name, pack, expected) => {
    const out = combineEvidence(
      pack,
      [evaluation('b', 'air', { H1: LN2 }), evaluation('a', 'air', { H1: LN4 })],
      ['H1'],
    );
    expect(out.get('a')!.H1).toBeCloseTo(expected.a, 12);
    if (expected.b === undefined) expect(out.get('b')!.H1).toBeUndefined();
    else expect(out.get('b')!.H1).toBeCloseTo(expected.b, 12);
  });

  it('b = 0.25 × ln 2 = 0.1732868 exactly as written by hand', () => {
    const out = combineEvidence(
      damped(0.25),
      [evaluation('a', 'air', { H1: LN4 }), evaluation('b', 'air', { H1: LN2 })],
      ['H1'],
    );
    expect(out.get('b')!.H1).toBeCloseTo(0.1732868, 6);
  });

  it('negative evidence alone is damped the same way: −ln 4 in full, −0.25 × ln 2', () => {
    const out = combineEvidence(
      damped(0.25),
      [evaluation('x', 'air', { H1: -LN4 }), evaluation('y', 'air', { H1: -LN2 })],
      ['H1'],
    );
    expect(out.get('x')!.H1).toBeCloseTo(-1.3862944, 6);
    expect(out.get('y')!.H1).toBeCloseTo(-0.1732868, 6);
  });

  it('positive evidence in a group overrides its negatives (the negatives contribute nothing)', () => {
    const members = [
      evaluation('up', 'air', { H1: LN2 }),
      evaluation('down', 'air', { H1: -LN4 }),
      evaluation('down2', 'air', { H1: -LN2 }),
    ];
    const out = combineEvidence(damped(0.25), members, ['H1']);
    expect(out.get('up')).toEqual({ H1: LN2 });
    expect(out.get('down')).toEqual({});
    expect(out.get('down2')).toEqual({});
    // The group's total: ln 2 = 0.693147, not ln 2 − ln 4 − 0.25 ln 2 = −0.866434.
    const total = [...out.values()].reduce((s, c) => s + (c.H1 ?? 0), 0);
    expect(total).toBeCloseTo(0.693147, 6);
  });

  it('the override is per hypothesis: negative evidence for H2 still counts when H1 is positive', () => {
    const members = [evaluation('up', 'air', { H1: LN2, H2: -LN2 }), evaluation('down', 'air', { H2: -LN4 })];
    const out = combineEvidence(damped(0.5), members, ['H1', 'H2']);
    expect(out.get('up')).toEqual({ H1: LN2, H2: 0.5 * -LN2 });
    expect(out.get('down')).toEqual({ H2: -LN4 });
  });

  it('ungrouped indicators and different groups add in full', () => {
    const pack = packWithGroups([{ id: 'air', name: 'Air', combine: 'damped', damping: 0.25 }]);
    const members = [
      evaluation('a', 'air', { H1: LN4 }),
      evaluation('solo', undefined, { H1: LN2 }),
      evaluation('other', undefined, { H1: LN2 }),
    ];
    const out = combineEvidence(pack, members, ['H1']);
    expect([out.get('a')!.H1, out.get('solo')!.H1, out.get('other')!.H1]).toEqual([LN4, LN2, LN2]);
  });

  it('a group id without settings combines as max', () => {
    const out = combineEvidence(
      packWithGroups([]),
      [evaluation('a', 'sea', { H1: LN4 }), evaluation('b', 'sea', { H1: LN2 })],
      ['H1'],
    );
    expect(out.get('a')).toEqual({ H1: LN4 });
    expect(out.get('b')).toEqual({});
  });
});
