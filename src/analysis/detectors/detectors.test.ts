import { describe, expect, it } from 'vitest';
import { detectChangePoint } from './change-point-detector.js';
import { detectDecay } from './decay-detector.js';
import { windowValues, type DetectorInput } from './detector-types.js';
import { detectPresence } from './presence-detector.js';
import { detectRobustZ } from './robust-z-detector.js';
import { detectThreshold } from './threshold-detector.js';

function input(values: number[], breaks: number[] = []): DetectorInput {
  const series = {
    fromDay: 1000,
    values: Float64Array.from(values),
    observed: new Uint8Array(values.length).fill(1),
    weights: new Float64Array(values.length).fill(1),
  };
  return { series, day: 1000 + values.length - 1, breaks };
}

const robust = {
  kind: 'robust-z' as const,
  baselineDays: 28,
  minSamples: 14,
  minScale: 1,
  levels: [
    { state: 'elevated', z: 2.5 },
    { state: 'high', z: 4, ratio: 2 },
  ],
  lowLevels: [{ state: 'low', z: 2 }],
};
const base = [10, 12, 9, 11, 10, 13, 8, 10, 11, 9, 12, 10, 11, 10, 9, 12, 10, 11, 10, 9];

describe('robust-z detector', () => {
  it('reads a normal day as normal and a surge as high, with the baseline it used', () => {
    const normal = detectRobustZ(robust, input([...base, 11]));
    expect(normal.state).toBe('normal');
    expect(normal.baseline?.median).toBe(10);
    expect(normal.baseline?.n).toBe(20);
    const surge = detectRobustZ(robust, input([...base, 45]));
    expect(surge.state).toBe('high');
    expect(surge.score).toBeGreaterThan(4);
    expect(detectRobustZ(robust, input([...base, 19])).state).toBe('elevated');
  });

  it('is robust to one earlier outlier in the baseline window', () => {
    const withOutlier = [...base.slice(0, 10), 300, ...base.slice(11)];
    expect(detectRobustZ(robust, input([...withOutlier, 45])).state).toBe('high');
  });

  it('says insufficient-data, not normal, below the sample gate', () => {
    const r = detectRobustZ(robust, input([10, 11, 12, 11, 50]));
    expect(r.state).toBe('insufficient-data');
    expect(r.reason).toBe('4 of 14 baseline samples');
  });

  it('ignores unknown (NaN) days rather than reading them as zero', () => {
    const gappy = base.map((v, i) => (i % 3 === 0 ? Number.NaN : v));
    const r = detectRobustZ(robust, input([...gappy, 11]));
    expect(r.baseline?.n).toBe(13);
    expect(r.state).toBe('insufficient-data');
  });

  it('never reaches back across a definition break', () => {
    const values = [...base.map((v) => v * 10), ...base, 40];
    const day = 1000 + values.length - 1;
    const cut = 1000 + base.length; // first day of the new definition
    const withBreak = detectRobustZ({ ...robust, baselineDays: 60 }, input(values, [cut]));
    expect(withBreak.baseline?.median).toBe(10);
    expect(withBreak.state).toBe('high');
    const without = detectRobustZ({ ...robust, baselineDays: 60 }, input(values));
    expect(without.state).not.toBe('high');
    expect(windowValues(input(values, [cut]).series, day - 60, day - 1, [cut]).length).toBe(base.length);
  });

  it('reports low states for unusually quiet days', () => {
    expect(detectRobustZ(robust, input([...base, 2])).state).toBe('low');
  });
});

describe('threshold detector', () => {
  it('picks the most extreme level that holds', () => {
    const d = {
      kind: 'threshold' as const,
      levels: [
        { state: 'elevated', min: 30 },
        { state: 'high', min: 45 },
      ],
    };
    expect(detectThreshold(d, input([44])).state).toBe('elevated');
    expect(detectThreshold(d, input([45])).state).toBe('high');
    expect(detectThreshold(d, input([3])).state).toBe('normal');
  });
});

describe('presence detector', () => {
  it('sees an event inside the window and not outside it', () => {
    const d = { kind: 'presence' as const, withinDays: 3, min: 1 };
    expect(detectPresence(d, input([0, 0, 1, 0, 0])).state).toBe('present');
    expect(detectPresence(d, input([0, 1, 0, 0, 0])).state).toBe('absent');
  });
});

describe('decay detector', () => {
  const d = {
    kind: 'decay' as const,
    halfLifeDays: 2,
    maxAgeDays: 10,
    weights: {},
    levels: [{ state: 'fresh', min: 0.5 }],
  };
  it('halves an event weight every half-life', () => {
    const today = detectDecay(d, input([0, 0, 0, 0, 1]));
    expect(today.value).toBeCloseTo(1);
    const twoDaysOld = detectDecay(d, input([0, 0, 1, 0, 0]));
    expect(twoDaysOld.value).toBeCloseTo(0.5);
    expect(twoDaysOld.state).toBe('fresh');
    expect(detectDecay(d, input([1, 0, 0, 0, 0])).state).toBe('none');
  });
});

describe('change-point detector', () => {
  const d = {
    kind: 'change-point' as const,
    baselineDays: 28,
    minSamples: 14,
    recentDays: 7,
    k: 1,
    h: 6,
    minRunDays: 3,
    minScale: 1,
  };
  const long = [...base, ...base.slice(0, 10)];
  it('tells a sustained new level from a one-day spike', () => {
    expect(detectChangePoint(d, input([...long, 10, 11, 9, 10, 11, 10, 10])).state).toBe('stable');
    expect(detectChangePoint(d, input([...long, 10, 11, 9, 10, 11, 10, 40])).state).toBe('spike');
    expect(detectChangePoint(d, input([...long, 10, 11, 18, 19, 18, 20, 19])).state).toBe('shift-up');
    expect(detectChangePoint(d, input([...long, 10, 4, 3, 4, 3, 4, 3])).state).toBe('shift-down');
  });
});
