// The "no flapping" figures on the bundled Taiwan Strait data (2020-09-16 → 2026-08-22), measured by the same replay
// the backtest runs: one-day level runs ≤ 10 % of runs, ≤ 40 level changes a year, and the WATCH rule and minimum
// dwell never lower a level of WARNING or above (so no detection or warning comes later).
import { describe, expect, it } from 'vitest';
import { parseFile } from '../app/ingest-files.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { parseDay } from '../time/zone.js';
import { levelRuns } from './level-runs.js';
import { replay } from './replay.js';

const pack = loadPack(DEFAULT_PACK);
const observations = pack.data.flatMap((d) => parseFile(d.kind, packPath(pack, d.path)));
const from = parseDay('2020-09-16');
const to = parseDay('2026-08-22');

describe('level stability on the bundled data', () => {
  const records = replay(pack, observations, from, to);

  it('keeps one-day runs ≤ 10 % of runs and level changes ≤ 40 a year', () => {
    const r = levelRuns(records);
    expect(r.days).toBe(to - from + 1);
    expect(r.oneDayShare).toBeLessThanOrEqual(0.1);
    expect(r.changesPerYear).toBeLessThanOrEqual(40);
  });

  it('never shows a lower level at WARNING or above than the pack without the WATCH rule and dwell', () => {
    const blips = { ...pack, warning: { ...pack.warning, minDays: 1, watch: { groups: 1, confirmDays: 1 } } };
    const before = replay(blips, observations, parseDay('2021-01-01'), parseDay('2023-12-31'));
    const after = new Map(records.map((r) => [r.date, r.level]));
    const lowered = before.filter((b) => b.level >= 3 && after.get(b.date)! < b.level);
    expect(lowered).toEqual([]);
    expect(levelRuns(before).changesPerYear).toBeGreaterThan(40); // the rule is what brings it down
  });
});
