// One assessment service per TLP ceiling: a user whose ceiling is GREEN is assessed on CLEAR and GREEN observations
// only, so an AMBER analyst entry or partner report can never move the level, the probabilities or the explanation
// that user sees. Views are built on first use, so a deployment whose users share one ceiling pays for one index.
import { TLP_LEVELS, type Tlp } from '../model/index.js';
import type { LoadedPack } from '../packs/pack-loader.js';
import type { Store } from '../storage/store.js';
import {
  createAssessmentService,
  type AssessmentService,
  type AssessmentServiceOptions,
} from './assessment-service.js';

export interface AssessmentViews {
  /** The service assessing on observations marked at most `tlpMax`. */
  for(tlpMax: Tlp): AssessmentService;
  /** The view on every observation (the RED ceiling): what the alert loop and the assess role see. */
  all(): AssessmentService;
  /** The ceilings whose view exists (always including the full view). */
  built(): Tlp[];
  /** Forget every view's index. */
  invalidate(): void;
  /** Index builds across views (for metrics). */
  version(): number;
}

export function createAssessmentViews(
  store: Store,
  pack: LoadedPack,
  options: Omit<AssessmentServiceOptions, 'tlpMax'>,
): AssessmentViews {
  const views = new Map<Tlp, AssessmentService>();
  const highest = TLP_LEVELS[TLP_LEVELS.length - 1];
  const view = (tlpMax: Tlp): AssessmentService => {
    let service = views.get(tlpMax);
    if (service === undefined) {
      // The highest ceiling sees everything: no filter, the same query as before ceilings existed.
      service = createAssessmentService(store, pack, tlpMax === highest ? options : { ...options, tlpMax });
      views.set(tlpMax, service);
    }
    return service;
  };
  return {
    for: view,
    all: () => view(highest),
    built() {
      view(highest);
      return [...views.keys()];
    },
    invalidate() {
      for (const service of views.values()) service.invalidate();
    },
    version: () => [...views.values()].reduce((n, service) => n + service.version(), 0),
  };
}
