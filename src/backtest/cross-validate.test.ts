import { describe, expect, it } from 'vitest';
import { dailyCounts, event, steady, testPack } from '../../test/support/analysis-fixtures.js';
import { formatDay, parseDay } from '../time/zone.js';
import { calibrate } from './calibrate.js';
import { crossValidate, episodeBlocks } from './cross-validate.js';
import type { Episode } from './episodes.js';

// The calibrate test's synthetic set: 240 quiet days; four one-day… two-day episodes, each preceded by a trigger three
// days before, and three triggers followed by nothing. A trigger is `fresh` on its day and the three after (½^(3/3)).
// Every test series is declared covered over the 240 days, so a day without a trigger reads `none` (not `stale`).
const pack = testPack({
  data: [
    {
      kind: 'jsonl',
      path: 'synthetic.jsonl',
      coverage: [{ series: ['test.aircraft', 'test.ships', 'test.trigger'], from: '2023-01-01', to: '2023-08-28' }],
    },
  ],
});
const start = parseDay('2023-01-01');
const day = (i: number) => formatDay(start + i);
const episodeStarts = [60, 110, 160, 200];
const triggers = [...episodeStarts.map((s) => s - 3), 40, 90, 140];
const observations = [
  ...dailyCounts('test.aircraft', day(0), steady(240, 12)),
  ...dailyCounts('test.ships', day(0), steady(240, 5, 1)),
  ...triggers.map((t) => event('test.trigger', day(t))),
];
const episodes: Episode[] = episodeStarts.map((s, i) => ({
  id: `E${i}`,
  name: `episode ${i}`,
  kind: 'surge',
  start: start + s,
  end: start + s + 1,
}));
const options = { from: start + 30, to: start + 239, priorEpisodes: 3, ridge: 1, hypothesis: 'H1', bufferDays: 7 };
const fresh = (ratios: { indicator: string; state: string; after: number }[]) =>
  ratios.find((r) => r.indicator === 'trigger' && r.state === 'fresh')!.after;

describe('leave-one-episode-out cross-validation', () => {
  it('splits the window halfway between one episode end and the next start', () => {
    // ends 61, 111, 161; starts 110, 160, 200 → boundaries after 85, 135, 180
    expect(episodeBlocks(episodes, start + 30, start + 239).map((b) => [b.from - start, b.to - start])).toEqual([
      [30, 85],
      [86, 135],
      [136, 180],
      [181, 239],
    ]);
  });

  it('fits each fold without its block, its buffer and its episode (ratios checked by hand)', () => {
    // In-sample, days 30 … 232 (to − horizon): 28 positive days (7 before each start), 175 negative;
    // fresh on 12 positive and 16 negative days → (12.5/29)/(16.5/176) = 4.598, shrunk with weight 4/7 toward 3 → 3.829.
    const inSample = calibrate(pack, observations, episodes, options);
    expect(fresh(inSample.ratios)).toBe(3.829);
    const cv = crossValidate(pack, observations, episodes, options);
    // Fold E1 leaves out 79 … 142 (block 86 … 135 ± 7): training days 30 … 78 and 143 … 232 (139), 21 positive, 118
    // negative; fresh on 9 positive and 8 negative days (40–43, 60, 143, 160, 200) → (9.5/22)/(8.5/119) = 6.045,
    // weight 3/6 toward 3 → √(6.045 × 3) = 4.259.
    expect(cv.folds[1]).toMatchObject({
      episode: 'E1',
      scored: { from: day(86), to: day(135) },
      excluded: { from: day(79), to: day(142) },
      trainingDays: 139,
      trainingEpisodes: 3,
    });
    expect(fresh(cv.folds[1].ratios)).toBe(4.259);
  });

  it('scores every day of the window once, each by the fold that held it out', () => {
    const cv = crossValidate(pack, observations, episodes, options);
    expect(cv.records.map((r) => r.date)).toEqual(Array.from({ length: 210 }, (_, i) => day(30 + i)));
    // A fold is exactly `calibrate` on the other episodes (its own label unused) with the block and buffer excluded.
    const direct = calibrate(
      pack,
      observations,
      episodes.filter((e) => e.id !== 'E2'),
      { ...options, exclude: [{ from: start + 129, to: start + 187 }] },
    );
    expect(cv.folds[2].eventModel).toEqual(direct.eventModel);
  });
});
