// Loads what a backtest needs from the store and runs the pack and the simple baselines over one range.
import { packSeries } from '../app/assess-at.js';
import type { Observation } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { Store } from '../storage/store.js';
import { getZone, type DayNumber } from '../time/zone.js';
import type { Episode } from './episodes.js';
import { levelRuns, type LevelRuns } from './level-runs.js';
import { replay, type DayRecord } from './replay.js';
import { score, type Scores } from './scoring.js';
import { runSimpleBaseline, SIMPLE_BASELINES } from './simple-baselines.js';

export interface BacktestResult {
  records: DayRecord[];
  /** Flapping figures of the pack's levels over the replayed range. */
  stability: LevelRuns;
  scores?: { pack: Scores; baselines: { id: string; description: string; scores: Scores }[] };
}

/** Every stored revision of the series the pack and the baselines read; the replay applies point-in-time rules itself. */
export async function loadBacktestObservations(store: Store, pack: Pack, publishedBy?: string): Promise<Observation[]> {
  const series = [...new Set([...packSeries(pack), ...SIMPLE_BASELINE_SERIES])];
  return store.queryObservations({ series, allRevisions: true, ...(publishedBy ? { asOf: publishedBy } : {}) });
}

const SIMPLE_BASELINE_SERIES = [
  'mnd.aircraft.total',
  'mnd.aircraft.adiz',
  ...[
    'us-arms-sale',
    'transit',
    'us-visit',
    'inauguration',
    'election',
    'speech',
    'us-legislation',
    'japan',
    'other',
  ].map((c) => `political.trigger.${c}`),
];

export function runBacktest(
  pack: Pack,
  observations: readonly Observation[],
  from: DayNumber,
  to: DayNumber,
  episodes: readonly Episode[] | undefined,
  onDay?: (done: number, total: number) => void,
): BacktestResult {
  const records = replay(pack, observations, from, to, { onDay });
  const stability = levelRuns(records);
  if (!episodes) return { records, stability };
  const zone = getZone(pack.timeZone);
  const options = { horizonDays: pack.horizonDays };
  return {
    records,
    stability,
    scores: {
      pack: score(records, episodes, options),
      baselines: SIMPLE_BASELINES.map((b) => ({
        id: b.id,
        description: b.description,
        scores: score(
          runSimpleBaseline(b, observations, zone, from, to, episodes, pack.horizonDays),
          episodes,
          options,
        ),
      })),
    },
  };
}
