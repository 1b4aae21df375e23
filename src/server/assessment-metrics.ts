// Gauges for what the warning board says and what it rests on: level, posteriors, P(event), knowledge state, and each
// source's age. Refreshed on each scrape. /metrics is public, so the assessment is the TLP:CLEAR view's (what anyone
// could compute from the clear data), never the full one.
import type { Metrics } from './metrics.js';
import type { ServerDeps } from './server-deps.js';
import { sourceReadiness } from '../app/source-readiness.js';

interface Snapshot {
  level?: number;
  pEvent?: number;
  horizonDays?: number;
  posteriors: { hypothesis: string; value: number }[];
  knowledge?: string;
  reporting?: number;
  ageOfAssessmentDays?: number;
  sources: { source: string; ageDays: number; stale: boolean }[];
  failingCollectors: { collector: string; failures: number }[];
}

const KNOWLEDGE_STATES = ['ok', 'degraded', 'unknown'];
const snapshots = new WeakMap<Metrics, Snapshot>();

export function installAssessmentMetrics(deps: ServerDeps): void {
  const { metrics } = deps;
  const pack = deps.pack.id;
  const snap = (): Snapshot => snapshots.get(metrics) ?? { posteriors: [], sources: [], failingCollectors: [] };
  const one = (v: number | undefined, labels: Record<string, string> = {}) =>
    v === undefined ? [] : [{ labels: { pack, ...labels }, value: v }];
  metrics.gauge('vigil_assessment_level', 'Warning level 1–5 of the latest assessment (TLP:CLEAR view).', () =>
    one(snap().level),
  );
  metrics.gauge(
    'vigil_assessment_posterior',
    'Posterior probability of each hypothesis in the latest assessment (TLP:CLEAR view).',
    () => snap().posteriors.map((p) => ({ labels: { pack, hypothesis: p.hypothesis }, value: p.value })),
  );
  metrics.gauge(
    'vigil_assessment_p_event',
    'P(a major episode starts within the horizon) in the latest assessment.',
    () => one(snap().pEvent, { horizon_days: String(snap().horizonDays ?? '') }),
  );
  metrics.gauge(
    'vigil_assessment_knowledge_state',
    'Knowledge state of the latest assessment: 1 for the current state (ok, degraded, unknown), 0 for the others.',
    () => {
      const k = snap().knowledge;
      return k === undefined
        ? []
        : KNOWLEDGE_STATES.map((state) => ({ labels: { pack, state }, value: state === k ? 1 : 0 }));
    },
  );
  metrics.gauge('vigil_assessment_core_reporting', 'Core indicators reporting in the latest assessment.', () =>
    one(snap().reporting),
  );
  metrics.gauge(
    'vigil_assessment_age_days',
    'Local days between today and the latest assessed day (the latest data).',
    () => one(snap().ageOfAssessmentDays),
  );
  metrics.gauge('vigil_source_age_days', 'Days since each source the pack reads last published.', () =>
    snap().sources.map((s) => ({ labels: { source: s.source }, value: s.ageDays })),
  );
  metrics.gauge('vigil_source_stale', '1 when a source the pack reads is past its cadence, else 0.', () =>
    snap().sources.map((s) => ({ labels: { source: s.source }, value: s.stale ? 1 : 0 })),
  );
  metrics.gauge(
    'vigil_collector_consecutive_failures',
    'Consecutive failed runs of each live collector whose latest run failed.',
    () => snap().failingCollectors.map((c) => ({ labels: { collector: c.collector }, value: c.failures })),
  );
}

/** Recomputes the snapshot the gauges read; called by the /metrics route before rendering. */
export async function refreshAssessmentMetrics(deps: ServerDeps): Promise<void> {
  const nowMs = deps.now().getTime();
  const readiness = await sourceReadiness(deps.store, deps.pack, nowMs);
  const snapshot: Snapshot = {
    posteriors: [],
    sources: readiness.sources
      .filter((s) => s.ageDays !== undefined)
      .map((s) => ({ source: s.id, ageDays: s.ageDays!, stale: s.state === 'stale' })),
    failingCollectors: readiness.failingCollectors.map((c) => ({ collector: c.id, failures: c.consecutiveFailures })),
  };
  const view = deps.assessments.for('clear');
  if ((await view.span()) !== undefined) {
    const day = await view.resolveDay(undefined);
    const a = await view.assess(day);
    Object.assign(snapshot, {
      level: a.level,
      pEvent: a.pEvent7d,
      horizonDays: a.horizonDays,
      knowledge: a.knowledge.state,
      reporting: a.knowledge.reporting,
      posteriors: a.hypotheses.map((h) => ({ hypothesis: h.id, value: h.probability })),
      ageOfAssessmentDays: Math.max(0, Math.floor((nowMs - Date.parse(a.asOf)) / 86_400_000) + 1),
    });
  }
  snapshots.set(deps.metrics, snapshot);
}
