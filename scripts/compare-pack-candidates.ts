// Reproduces the pack-choice table of docs/packs.md ("Choosing the pack by cross-validation"): each candidate is an
// edit of the judgement pack, calibrated on 2021–2023 and scored in-sample and by leave-one-episode-out
// cross-validation, with the bundled data only. Nothing after 2023 is read or scored.
//
//   npx tsx scripts/compare-pack-candidates.ts [--episodes ../shared/data/labels/episodes-2021-2023.csv] [--only NAME]
//
// Candidates are written relative to the shipped judgement.yaml, so "restore" edits put back what the selection
// removed and show the path that led to it.
import { parseArgs } from 'node:util';
import { parseFile } from '../src/app/ingest-files.js';
import { DEFAULT_PACK } from '../src/app/paths.js';
import { calibrate, type FitOptions } from '../src/backtest/calibrate.js';
import { crossValidate } from '../src/backtest/cross-validate.js';
import { loadEpisodes } from '../src/backtest/episodes.js';
import { replay } from '../src/backtest/replay.js';
import { score, type Scores } from '../src/backtest/scoring.js';
import { loadPack, packPath } from '../src/packs/pack-loader.js';
import type { Pack } from '../src/packs/pack-schema.js';
import { parseDay } from '../src/time/zone.js';

const { values } = parseArgs({ options: { episodes: { type: 'string' }, only: { type: 'string' } } });
const judgement = loadPack(DEFAULT_PACK.replace(/pack\.yaml$/, 'judgement.yaml'));
const observations = judgement.data.flatMap((d) => parseFile(d.kind, packPath(judgement, d.path)));
const episodes = loadEpisodes(values.episodes ?? '../shared/data/labels/episodes-2021-2023.csv');
const from = parseDay('2021-01-01');
const to = parseDay('2023-12-31');

type Edit = (p: Pack) => Pack;
/** Sets the H1 ratio of some states of an indicator (undefined: remove it, i.e. no evidence for H1). */
const h1 =
  (id: string, ratios: Record<string, number | undefined>): Edit =>
  (p) => ({
    ...p,
    indicators: p.indicators.map((i) => {
      if (i.id !== id) return i;
      const likelihoods = { ...i.likelihoods };
      for (const [state, value] of Object.entries(ratios)) {
        const { H1: _old, ...rest } = likelihoods[state] ?? {};
        likelihoods[state] = value === undefined ? rest : { ...rest, H1: value };
      }
      return { ...i, likelihoods };
    }),
  });
const drop =
  (...ids: string[]): Edit =>
  (p) => ({ ...p, indicators: p.indicators.filter((i) => !ids.includes(i.id)) });
const chain =
  (...edits: Edit[]): Edit =>
  (p) =>
    edits.reduce((acc, e) => e(acc), p);

// The judgement ratios the selection removed (what judgement.yaml held before it).
const restoreAdiz = h1('air.adiz', { normal: 0.5 });
const restoreSea = h1('sea.plan', { elevated: 2.5, normal: 0.7 });
const restoreShift = h1('sea.plan-shift', { 'shift-up': 1.5 });
const restoreUsVisit = h1('pol.us-visit', { fresh: 2.5 });
const start = chain(restoreUsVisit, restoreAdiz, restoreSea, restoreShift);
const step1 = chain(restoreUsVisit, restoreAdiz, restoreSea);
const step2 = chain(restoreUsVisit, restoreAdiz);
const step3 = restoreUsVisit;
const noH1 = (id: string, ...states: string[]) => h1(id, Object.fromEntries(states.map((s) => [s, undefined])));

const candidates: [string, Edit, Partial<FitOptions>?][] = [
  ['the judgement before this selection', start],
  ['6 pseudo-episodes of shrinkage instead of 3', start, { priorEpisodes: 6 }],
  ['event-model ridge 3 instead of 1', start, { ridge: 3 }],
  ['without far-seas.transit', chain(start, drop('far-seas.transit'))],
  ['without prc.rhetoric', chain(start, drop('prc.rhetoric'))],
  [
    'sea.plan-shift and pol.us-visit without H1',
    chain(start, noH1('sea.plan-shift', 'shift-up'), noH1('pol.us-visit', 'fresh')),
  ],
  ['step 1: sea.plan-shift without H1', step1],
  ['step 2: + sea.plan elevated and normal without H1', step2],
  ['step 3: + air.adiz normal without H1', step3],
  ['step 3 without sea.plan', chain(step3, drop('sea.plan'))],
  ['step 3 + air.total normal without H1', chain(step3, noH1('air.total', 'normal'))],
  ['step 3 + pol.other without H1', chain(step3, noH1('pol.other', 'fresh'))],
  ['step 3 + far-seas.transit without H1', chain(step3, noH1('far-seas.transit', 'present'))],
  ['step 3 without prc.rhetoric', chain(step3, drop('prc.rhetoric'))],
  ['step 4, shipped: + pol.us-visit without H1', (p) => p],
];

const row = (s: Scores) =>
  `${s.detected}/${s.episodes} · ${s.warned}/${s.episodes} · ${s.falseAlarmsPerYear.toFixed(2)} · ${s.brierSkill?.toFixed(3)} ` +
  `[${s.perEpisode.map((e) => e.levels.join('')).join(' ')}]`;
console.log(
  '| candidate | in-sample: detected · warned · FA a year · Brier skill [levels D-3…D+1] | cross-validated: the same |',
);
console.log('|---|---|---|');
for (const [name, edit, fit] of candidates) {
  if (values.only && !name.includes(values.only)) continue;
  const pack = edit(judgement);
  const options = { priorEpisodes: 3, ridge: 1, hypothesis: 'H1', ...fit };
  const fitted = calibrate(pack, observations, episodes, { from, to, ...options });
  const inSample = score(replay(fitted.pack, observations, from, to), episodes, { horizonDays: pack.horizonDays });
  const cv = score(
    crossValidate(pack, observations, episodes, { from, to, ...options, bufferDays: 7 }).records,
    episodes,
    { horizonDays: pack.horizonDays },
  );
  console.log(`| ${name} | ${row(inSample)} | ${row(cv)} |`);
}
