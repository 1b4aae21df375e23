// Table tests for the level thresholds, hysteresis and the episode probability (hand-computed).
import { describe, expect, it } from 'vitest';
import type { Pack } from '../packs/pack-schema.js';
import { eventProbability } from './event-probability.js';
import { applyHysteresis, levelFor, type LevelInputs } from './warning-level.js';

const warning: Pack['warning'] = {
  holdDays: 3,
  minDays: 1,
  watch: { groups: 1, confirmDays: 1 },
  critical: { enter: 0.2, exit: 0.1 },
  alert: { enter: 0.5, exit: 0.3 },
  warning: { enter: 0.25, exit: 0.15 },
};
const calm: LevelInputs = { pAny: 0, pCritical: 0, pEvent: 0, watch: false };

describe('levelFor', () => {
  it.each([
    ['nothing', {}, 1, 1],
    ['watch state only', { watch: true }, 2, 2],
    ['pEvent just below WARNING enter', { pEvent: 0.2499 }, 1, 3],
    ['pEvent at WARNING enter', { pEvent: 0.25 }, 3, 3],
    ['pEvent at WARNING exit only', { pEvent: 0.15 }, 1, 3],
    ['pEvent below WARNING exit', { pEvent: 0.1499, watch: true }, 2, 2],
    ['pAny at ALERT enter', { pAny: 0.5 }, 4, 4],
    ['pAny between exit and enter', { pAny: 0.4, pEvent: 0.3 }, 3, 4],
    ['pCritical at CRITICAL enter', { pCritical: 0.2, pAny: 0.2 }, 5, 5],
    ['pCritical at CRITICAL exit only', { pCritical: 0.1, pAny: 0.1 }, 1, 5],
    ['pCritical just below exit', { pCritical: 0.0999, pAny: 0.0999 }, 1, 1],
  ] as const)('%s: enter → %i, exit → %i', (_name, x, enter, exit) => {
    expect(levelFor(warning, { ...calm, ...x }, 'enter')).toBe(enter);
    expect(levelFor(warning, { ...calm, ...x }, 'exit')).toBe(exit);
  });
});

describe('applyHysteresis', () => {
  it.each([
    // raw, sustain (level today's evidence holds at exit thresholds), raw levels of the last holdDays days → level
    [1, 1, [4, 4, 4], 1], // evidence no longer meets any exit threshold: drop at once
    [1, 3, [4, 1, 1], 3], // ALERT three days ago, today's evidence holds WARNING
    [1, 5, [1, 1, 4], 4], // hold no higher than the highest recent level
    [2, 1, [5], 2], // never below today's raw level
    [3, 5, [], 3], // no memory: raw
  ] as const)('raw %i, sustain %i, recent %j → %i', (raw, sustain, recent, expected) => {
    expect(applyHysteresis(raw, sustain, recent)).toBe(expected);
  });
});

describe('eventProbability', () => {
  const model = { intercept: -3, lead: 0.8, concurrent: 0.5 };
  it.each([
    // sigmoid(-3 + 0.8·lead + 0.5·concurrent)
    ['no evidence: sigmoid(−3)', 0, 0, 0.0474259],
    ['lead 2, concurrent 1: sigmoid(−0.9)', 2, 1, 0.2890505],
    ['lead 3.75: sigmoid(0) = ½', 3.75, 0, 0.5],
    ['concurrent 6 counts less than lead 6: sigmoid(0)', 0, 6, 0.5],
    ['negative evidence: sigmoid(−4)', -1.25, 0, 0.0179862],
  ])('%s', (_name, lead, concurrent, expected) => {
    expect(eventProbability(model, lead, concurrent)).toBeCloseTo(expected, 7);
  });
});
