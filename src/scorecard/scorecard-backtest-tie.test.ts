// The scorecard of the machine level over 2021–2023 reproduces the backtest's detection, lead and false-alarm
// figures on the bundled data: both replay the pack day by day, and the scorecard's lead ≥ 1 day is "warned".
import { describe, expect, it } from 'vitest';
import { parseFile } from '../app/ingest-files.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { replay } from '../backtest/replay.js';
import { runBacktest } from '../backtest/run-backtest.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { parseDay } from '../time/zone.js';
import { machineScorecard } from './machine-scorecard.js';
import { PLA_EPISODES as EPISODES } from './scorecard-fixtures.js';

describe('scorecard and backtest agree over 2021–2023', () => {
  const pack = loadPack(DEFAULT_PACK);
  const observations = pack.data.flatMap((d) => parseFile(d.kind, packPath(pack, d.path)));
  const from = parseDay('2021-01-01');
  const to = parseDay('2023-12-31');

  it('has the same hits, warnings (lead ≥ 1 day), false alarms and Brier score', () => {
    const backtest = runBacktest(pack, observations, from, to, EPISODES).scores!.pack;
    const card = machineScorecard(replay(pack, observations, from, to), EPISODES, { horizonDays: pack.horizonDays });
    expect(card.hits).toBe(backtest.detected);
    expect(card.misses).toBe(backtest.episodes - backtest.detected);
    expect(card.leads.filter((l) => l.leadDays >= 1).length).toBe(backtest.warned);
    expect(card.leads.map((l) => l.leadDays >= 1)).toEqual(backtest.perEpisode.map((e) => e.warned));
    expect(card.falseAlarms).toBe(backtest.falseAlarmEpisodes);
    expect(card.scores.brier).toBe(backtest.brier);
    expect(card.scores.episodes).toBe(6);
    expect(card.reliability.reduce((n, b) => n + b.count, 0)).toBe(to - from + 1);
  }, 120_000);
});
