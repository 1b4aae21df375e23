import { describe, expect, it } from 'vitest';
import { dailyCounts, event, steady, testPack } from '../../test/support/analysis-fixtures.js';
import { formatDay, parseDay } from '../time/zone.js';
import { calibrate } from './calibrate.js';
import type { Episode } from './episodes.js';

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
// 240 quiet days; four episodes, each preceded by a trigger three days before; three triggers followed by nothing.
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
const options = { from: start + 30, to: start + 239, priorEpisodes: 3, ridge: 1, hypothesis: 'H1' };

describe('calibrate', () => {
  it('raises the ratio of a trigger that precedes episodes, with shrinkage toward the judgement', () => {
    const result = calibrate(pack, observations, episodes, options);
    const fresh = result.ratios.find((r) => r.indicator === 'trigger' && r.state === 'fresh')!;
    expect(fresh.before).toBe(3);
    expect(fresh.after).toBeGreaterThan(3);
    expect(fresh.episodes).toBe(4);
    const empiricalOnly = calibrate(pack, observations, episodes, { ...options, priorEpisodes: 0.0001 });
    expect(empiricalOnly.ratios.find((r) => r.indicator === 'trigger' && r.state === 'fresh')!.after).toBeGreaterThan(
      fresh.after,
    );
    expect(result.pack.indicators.find((i) => i.id === 'trigger')!.likelihoods.fresh.H1).toBe(fresh.after);
  });

  it('fits the event model on lead evidence and records its training window', () => {
    const { eventModel, episodes: used } = calibrate(pack, observations, episodes, options);
    expect(eventModel.lead).toBeGreaterThan(0);
    expect(eventModel.trainedOn).toEqual({ from: day(30), to: day(239), episodes: 4 });
    expect(used).toBe(4);
  });

  it('never uses data published or episodes starting after --train-to', () => {
    const to = start + 170;
    const base = calibrate(pack, observations, episodes, { ...options, to });
    const later = [
      ...observations,
      ...dailyCounts('test.aircraft', day(171), [150, 150, 150]),
      event('test.trigger', day(172)),
    ];
    const moreLabels = [...episodes, { id: 'late', name: 'late', kind: 'surge', start: start + 230, end: start + 231 }];
    expect(calibrate(pack, later, moreLabels, { ...options, to })).toEqual(base);
    expect(base.episodes).toBe(3);
  });
});
