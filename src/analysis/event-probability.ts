// P(a major episode starts within the horizon): a logistic map from lead and concurrent evidence, fitted by `vigil calibrate`.
import type { EventModel } from '../packs/pack-schema.js';

export function eventProbability(model: EventModel, leadLogLr: number, concurrentLogLr: number): number {
  const x = model.intercept + model.lead * leadLogLr + model.concurrent * concurrentLogLr;
  return 1 / (1 + Math.exp(-x));
}
