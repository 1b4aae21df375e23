// Diagnosticity, the H0 column and the roll-up, on hand-computed numbers.
import { describe, expect, it } from 'vitest';
import type { IndicatorView } from './api-types.js';
import { baselineCell, diagnosticity, rollUp } from './explain-model.js';

const ind = (
  id: string,
  domain: string,
  state: string,
  logLr: Record<string, number>,
  contributions: Record<string, number>,
  contribution: number,
): IndicatorView => ({
  id,
  name: id,
  domain,
  group: id,
  role: 'lead',
  state,
  value: null,
  baseline: null,
  band: null,
  score: null,
  dataDay: null,
  weight: 1,
  logLr,
  contributions,
  contribution,
  observationIds: [],
});

const H = ['H1', 'H2', 'H3'];

describe('diagnosticity', () => {
  it('is the spread of the log LRs with the baseline at 0', () => {
    // ln 8 = 2.0794, ln 5 = 1.6094, ln 3 = 1.0986: max 2.0794 − min 0 (H0)
    const high = ind('a', 'air', 'high', { H1: Math.log(8), H2: Math.log(5), H3: Math.log(3) }, {}, 0);
    expect(diagnosticity(high, H)).toBeCloseTo(2.0794, 4);
    // ln 0.44 = −0.8210, ln 0.6 = −0.5108, ln 0.7 = −0.3567: max 0 (H0) − min −0.8210
    const normal = ind('a', 'air', 'normal', { H1: Math.log(0.44), H2: Math.log(0.6), H3: Math.log(0.7) }, {}, 0);
    expect(diagnosticity(normal, H)).toBeCloseTo(0.821, 3);
    // ln 2 and ln 0.5: 0.6931 − (−0.6931)
    const mixed = ind('a', 'air', 'x', { H1: Math.log(2), H2: Math.log(0.5) }, {}, 0);
    expect(diagnosticity(mixed, H)).toBeCloseTo(1.3863, 4);
    expect(diagnosticity(ind('a', 'air', 'absent', {}, {}, 0), H)).toBe(0);
  });

  it('is unknown, not 0, for an indicator that is not reporting', () => {
    for (const state of ['no-coverage', 'stale', 'missing', 'insufficient-data'])
      expect(diagnosticity(ind('a', 'air', state, {}, {}, 0), H)).toBeUndefined();
  });

  it('puts the negative net contribution in the H0 column', () => {
    expect(baselineCell(ind('a', 'air', 'high', {}, {}, 1.25))).toBe(-1.25);
    expect(baselineCell(ind('a', 'air', 'normal', {}, {}, -0.5))).toBe(0.5);
  });
});

describe('roll-up', () => {
  const indicators = [
    ind('air.total', 'air', 'high', {}, { H1: 2, H2: 1 }, 1.5),
    ind('air.adiz', 'air', 'normal', {}, { H1: -0.5 }, -0.25),
    ind('sea.plan', 'sea', 'elevated', {}, { H2: 0.5 }, 0.125),
    ind('cg.official', 'coast-guard', 'no-coverage', {}, {}, 0),
    ind('pol.a', 'political', 'stale', {}, {}, 0),
    ind('pol.b', 'political', 'fresh', {}, { H1: 0.75 }, 0.5),
  ];

  it('sums net contributions per domain, sorted, and names the domain that drives the level', () => {
    const r = rollUp({ indicators }, H);
    expect(r.domains.map((d) => [d.domain, d.net, d.reporting])).toEqual([
      ['air', 1.25, 2],
      ['political', 0.5, 1],
      ['sea', 0.125, 1],
      ['coast-guard', undefined, 0], // nothing known: no number, last
    ]);
    expect(r.domains[0].byHypothesis).toEqual({ H1: 1.5, H2: 1, H3: 0 });
    expect(r.net).toBe(1.875);
    expect(r.byHypothesis).toEqual({ H1: 2.25, H2: 1.5, H3: 0 });
    expect(r.driver).toEqual({ domain: 'air', net: 1.25, pushes: true });
  });

  it('names the domain that holds the level down when nothing pushes, and none when nothing is known', () => {
    const calm = rollUp(
      { indicators: [ind('a', 'air', 'normal', {}, {}, -0.5), ind('b', 'sea', 'normal', {}, {}, -0.2)] },
      H,
    );
    expect(calm.driver).toEqual({ domain: 'air', net: -0.5, pushes: false });
    const dark = rollUp({ indicators: [ind('a', 'air', 'no-coverage', {}, {}, 0)] }, H);
    expect(dark.driver).toBeUndefined();
    expect(dark.domains[0].net).toBeUndefined();
  });
});
