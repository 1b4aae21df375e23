// Whether an assessment knows enough to mean anything: how many of the pack's core indicators report today.
import type { KnowledgeState } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import { INSUFFICIENT_DATA, MISSING, NO_COVERAGE, STALE } from '../packs/detector-states.js';

/** States in which an indicator says nothing about the day: no source, a late source, a null value, too little history. */
export const NOT_REPORTING_STATES: ReadonlySet<string> = new Set([NO_COVERAGE, STALE, MISSING, INSUFFICIENT_DATA]);

export function isReporting(state: string): boolean {
  return !NOT_REPORTING_STATES.has(state);
}

/** The pack's core (default: every indicator, at least one reporting). */
export function coreOf(pack: Pack): { indicators: string[]; minReporting: number } {
  return pack.core ?? { indicators: pack.indicators.map((i) => i.id), minReporting: 1 };
}

export function knowledgeState(
  core: { indicators: readonly string[]; minReporting: number },
  indicators: readonly { id: string; name: string; state: string; reason?: string }[],
): KnowledgeState {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const notReporting: KnowledgeState['notReporting'] = [];
  let reporting = 0;
  for (const id of core.indicators) {
    const ind = byId.get(id);
    if (ind && isReporting(ind.state)) reporting += 1;
    else if (ind)
      notReporting.push({ id, name: ind.name, state: ind.state, ...(ind.reason ? { reason: ind.reason } : {}) });
  }
  const state = reporting === 0 ? 'unknown' : reporting < core.minReporting ? 'degraded' : 'ok';
  return { state, reporting, minReporting: core.minReporting, core: [...core.indicators], notReporting };
}
