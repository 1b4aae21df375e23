// Hand-written assessments for the brief's tests: a surge day with an episode under way, the calm day before it, a
// degraded day and a day that knows nothing. Numbers are illustrative, chosen so each section has something to show.
import type { Assessment, IndicatorAssessment } from '../model/index.js';
import type { BriefInput, BriefPack } from './brief-content.js';

export const BRIEF_PACK: BriefPack = {
  id: 'strait-test',
  name: 'Strait (test)',
  nameZh: '海峽（測試）',
  version: '0.0.1',
  timeZone: 'Asia/Taipei',
  hypotheses: [
    { id: 'H0', nameZh: '例行' },
    { id: 'H1', nameZh: '大規模演習' },
    { id: 'H2', nameZh: '封鎖' },
  ],
  indicators: [
    { id: 'air', nameZh: '共機架次' },
    { id: 'sea', nameZh: '共艦艘次' },
    { id: 'closure', nameZh: '禁航通告' },
    { id: 'carrier', nameZh: '航艦活動' },
  ],
  watchList: [
    {
      id: 'closures',
      text: 'Closure notices within 24 nm of the coast.',
      textZh: '沿岸 24 浬內之禁航通告。',
      indicators: ['closure'],
    },
    {
      id: 'ships',
      text: 'Navy ship counts above baseline <ahead of aircraft>.',
      textZh: '共艦艘次高於基線。',
      indicators: ['sea', 'carrier'],
    },
  ],
};

function indicator(
  id: string,
  name: string,
  state: string,
  value: number | null,
  baseline: number | null,
  contribution: number,
  extra: Partial<IndicatorAssessment> = {},
): IndicatorAssessment {
  return {
    id,
    name,
    domain: 'test',
    group: id,
    role: 'concurrent',
    state,
    value,
    baseline,
    band: null,
    score: null,
    dataDay: value === null ? null : '2024-05-23',
    weight: 1,
    logLr: {},
    contributions: {},
    contribution,
    observationIds: [],
    ...extra,
  };
}

const CORE = ['air', 'sea', 'carrier'];

function assessment(
  day: string,
  level: Assessment['level'],
  probabilities: [number, number, number],
  indicators: IndicatorAssessment[],
  extra: Partial<Assessment> = {},
): Assessment {
  const names = ['Routine', 'Major exercise', 'Blockade'];
  const priors = [0.93, 0.06, 0.01];
  const notReporting = indicators.filter(
    (i) => CORE.includes(i.id) && ['no-coverage', 'stale', 'missing', 'insufficient-data'].includes(i.state),
  );
  const reporting = CORE.length - notReporting.length;
  return {
    packId: 'strait-test',
    asOf: `${day}T15:59:59.999Z`,
    day,
    level,
    levelName: (['NORMAL', 'WATCH', 'WARNING', 'ALERT', 'CRITICAL'] as const)[level - 1],
    rawLevel: level,
    pEvent7d: 0.042,
    horizonDays: 7,
    hypotheses: probabilities.map((p, k) => ({
      id: `H${k}`,
      name: names[k],
      prior: priors[k],
      probability: p,
      baseline: k === 0,
    })),
    indicators,
    leadLogLr: 0,
    concurrentLogLr: 0,
    watch: false,
    knowledge: {
      state: reporting === 0 ? 'unknown' : reporting < 2 ? 'degraded' : 'ok',
      reporting,
      minReporting: 2,
      core: CORE,
      notReporting: notReporting.map((i) => ({
        id: i.id,
        name: i.name,
        state: i.state,
        ...(i.reason ? { reason: i.reason } : {}),
      })),
    },
    ...extra,
  };
}

const calm = assessment(
  '2024-05-22',
  1,
  [0.93, 0.06, 0.01],
  [
    indicator('air', 'Aircraft', 'normal', 12, 12.25, 0),
    indicator('sea', 'Navy ships', 'normal', 7, 7, 0),
    indicator('closure', 'Closure notices', 'none', 0, null, 0),
    indicator('carrier', 'Carrier activity', 'absent', 0, null, -0.05),
  ],
);

const surge = assessment(
  '2024-05-23',
  4,
  [0.27, 0.71, 0.02],
  [
    indicator('air', 'Aircraft', 'very-high', 49, 12.25, 2.31),
    indicator('sea', 'Navy ships', 'elevated', 19, 7, 0.8),
    indicator('closure', 'Closure notices', 'no-coverage', null, null, 0, {
      reason: 'no source collected this series on that day (coverage: msa)',
    }),
    indicator('carrier', 'Carrier activity', 'absent', 0, null, -0.12),
  ],
  {
    episode: {
      since: '2024-05-23',
      sinceBounded: false,
      days: 1,
      hypothesis: { id: 'H1', name: 'Major exercise', probability: 0.71 },
    },
  },
);

const degraded = assessment(
  '2024-05-23',
  2,
  [0.85, 0.13, 0.02],
  [
    indicator('air', 'Aircraft', 'elevated', 25, 12.25, 0.9),
    indicator('sea', 'Navy ships', 'stale', null, null, 0, { reason: 'latest data is 5 days old' }),
    indicator('closure', 'Closure notices', 'none', 0, null, 0),
    indicator('carrier', 'Carrier activity', 'no-coverage', null, null, 0, {
      reason: 'no source collected this series on that day (coverage: jso)',
    }),
  ],
);

const unknown = assessment(
  '2024-05-23',
  1,
  [0.93, 0.06, 0.01],
  [
    indicator('air', 'Aircraft', 'no-coverage', null, null, 0, {
      reason: 'no source declared or collecting this series',
    }),
    indicator('sea', 'Navy ships', 'no-coverage', null, null, 0, {
      reason: 'no source collected this series on that day (coverage: mnd)',
    }),
    indicator('closure', 'Closure notices', 'none', 0, null, 0),
    indicator('carrier', 'Carrier activity', 'stale', null, null, 0, {
      reason: 'latest collection is 13 days old (cadence 3 days)',
    }),
  ],
);

const provenance = {
  tlp: 'amber' as const,
  sources: [
    { source: 'mnd', observations: 280, latestPublishedAt: '2024-05-23T09:30:00.000Z' },
    { source: 'partner:org-b', observations: 3, latestPublishedAt: '2024-05-22T12:00:00.000Z' },
  ],
};
const base = { pack: BRIEF_PACK, provenance, generatedAt: '2024-05-24T00:05:00.000Z' };

export const BRIEF_CASES: Record<string, BriefInput> = {
  surge: { ...base, today: surge, previous: calm },
  degraded: { ...base, today: degraded, previous: calm },
  unknown: { ...base, today: unknown, previous: calm },
  'first-day': { ...base, today: calm, previous: undefined, provenance: { tlp: 'clear', sources: [] } },
};
