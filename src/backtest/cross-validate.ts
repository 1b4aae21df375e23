// Leave-one-episode-out cross-validation: every day of the window is scored by a pack fitted without its episode.
import type { Observation } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import { formatDay, type DayNumber } from '../time/zone.js';
import { fitCalibration, prepareCalibration, type DayRange, type FitOptions, type RatioChange } from './calibrate.js';
import type { Episode } from './episodes.js';
import { replay, type DayRecord } from './replay.js';

export interface CrossValidationOptions extends Omit<FitOptions, 'exclude'> {
  from: DayNumber;
  to: DayNumber;
  /** Days on each side of a held-out block that the fold's training also leaves out, so no training day's outcome
   * window (the horizon) or report lag reaches into the held-out episode. */
  bufferDays: number;
}

export interface Fold {
  episode: string;
  /** The held-out block: scored by this fold's pack. */
  scored: { from: string; to: string };
  /** Left out of this fold's training: the block and its buffer. */
  excluded: { from: string; to: string };
  trainingDays: number;
  trainingEpisodes: number;
  eventModel: Pack['eventModel'];
  /** The likelihood ratios this fold fitted. */
  ratios: RatioChange[];
}

export interface CrossValidation {
  /** One record per day of the window, each from the fold that held its block out. */
  records: DayRecord[];
  folds: Fold[];
}

/**
 * Splits the window into one contiguous block per labelled episode (boundaries halfway between consecutive
 * episodes), refits what `calibrate` fits — shrunken likelihood ratios and the event model — on the other blocks
 * with the held-out one (plus `bufferDays` either side) and its episode left out, then replays the held-out block
 * with that fold's pack. `judgement` is the hand-set pack calibration starts from, never an already fitted one.
 */
export function crossValidate(
  judgement: Pack,
  observations: readonly Observation[],
  episodes: readonly Episode[],
  options: CrossValidationOptions,
): CrossValidation {
  const usable = episodes
    .filter((e) => e.start >= options.from && e.start <= options.to)
    .sort((a, b) => a.start - b.start);
  const blocks = episodeBlocks(usable, options.from, options.to);
  const prepared = prepareCalibration(judgement, observations, options.from, options.to);
  const records: DayRecord[] = [];
  const folds: Fold[] = [];
  blocks.forEach((block, k) => {
    const held = usable[k];
    const excluded = { from: block.from - options.bufferDays, to: block.to + options.bufferDays };
    const fit = fitCalibration(
      prepared,
      usable.filter((e) => e !== held),
      { ...options, exclude: [excluded] },
    );
    records.push(...replay(fit.pack, prepared.observations, block.from, block.to));
    folds.push({
      episode: held.id,
      scored: range(block),
      excluded: range(excluded),
      trainingDays: fit.trainingDays,
      trainingEpisodes: fit.episodes,
      eventModel: fit.eventModel,
      ratios: fit.ratios,
    });
  });
  return { records, folds };
}

/** Contiguous blocks covering `from` … `to`, one per episode, split halfway between one episode's end and the next start. */
export function episodeBlocks(sorted: readonly Episode[], from: DayNumber, to: DayNumber): DayRange[] {
  return sorted.map((e, k) => ({
    from: k === 0 ? from : Math.floor((sorted[k - 1].end + e.start) / 2) + 1,
    to: k === sorted.length - 1 ? to : Math.floor((e.end + sorted[k + 1].start) / 2),
  }));
}

const range = (r: DayRange) => ({ from: formatDay(r.from), to: formatDay(r.to) });
