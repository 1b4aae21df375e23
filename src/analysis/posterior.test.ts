// Table tests with hand-computed numbers for the posterior and the prior-weighted episode log-LR.
import { describe, expect, it } from 'vitest';
import type { Contributions } from './evidence-combination.js';
import { HYPOTHESES, LN4 } from './bayesian-core-fixtures.js';
import { episodeLogLr, posterior } from './posterior.js';

const contributions = (...rows: Array<Record<string, number>>): Contributions =>
  new Map(rows.map((c, i) => [`i${i}`, c]));

describe('posterior', () => {
  it.each([
    // weights = prior × exp(Σ log LR): H0 0.9, H1 0.08·e^x1, H2 0.02·e^x2, normalised.
    ['no evidence: the priors', contributions(), [0.9, 0.08, 0.02]],
    ['H1 × 4: 0.9, 0.32, 0.02 over 1.24', contributions({ H1: LN4 }), [0.7258065, 0.2580645, 0.016129]],
    [
      'H1 × 4, H2 × 5: 0.9, 0.32, 0.10 over 1.32',
      contributions({ H1: LN4 }, { H2: Math.log(5) }),
      [0.6818182, 0.2424242, 0.0757576],
    ],
    [
      'two indicators each × 2 on H1 = × 4',
      contributions({ H1: Math.log(2) }, { H1: Math.log(2) }),
      [0.7258065, 0.2580645, 0.016129],
    ],
    ['H1 × ¼: 0.9, 0.02, 0.02 over 0.94', contributions({ H1: -LN4 }), [0.9574468, 0.0212766, 0.0212766]],
    [
      'the baseline hypothesis takes no evidence',
      contributions({ H0: Math.log(10), H1: LN4 }),
      [0.7258065, 0.2580645, 0.016129],
    ],
  ])('%s', (_name, c, expected) => {
    const p = posterior(HYPOTHESES, c);
    expect([p.get('H0')!, p.get('H1')!, p.get('H2')!].map((x) => Number(x.toFixed(7)))).toEqual(expected);
  });

  it('stays finite for huge log-odds (normalised in log space)', () => {
    const p = posterior(HYPOTHESES, contributions({ H1: 900 }));
    expect(p.get('H1')).toBe(1);
    expect(p.get('H0')).toBe(0);
  });
});

describe('episodeLogLr (prior-weighted over the non-baseline hypotheses)', () => {
  it.each([
    // log( Σ prior_h · LR_h / Σ prior_h ) over H1 (0.08) and H2 (0.02).
    ['H1 × 4: log((0.08·4 + 0.02·1) / 0.10) = log 3.4', { H1: LN4 }, 1.2237754],
    ['H2 × 4: log((0.08 + 0.02·4) / 0.10) = log 1.6', { H2: LN4 }, 0.4700036],
    ['both × 4: log 4', { H1: LN4, H2: LN4 }, 1.3862944],
    ['H1 × ¼: log((0.02 + 0.02) / 0.10) = log 0.4', { H1: -LN4 }, -0.9162907],
    ['nothing: 0', {}, 0],
    ['baseline entries are ignored', { H0: LN4 }, 0],
  ])('%s', (_name, c, expected) => {
    expect(episodeLogLr(HYPOTHESES, c)).toBeCloseTo(expected, 6);
  });

  it('is 0 when a pack has only the baseline', () => {
    expect(episodeLogLr([HYPOTHESES[0]], { H1: LN4 })).toBe(0);
  });
});
