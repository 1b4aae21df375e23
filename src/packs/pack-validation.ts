// Cross-reference checks a schema cannot express: one baseline hypothesis, priors summing to 1, known states and ids.
import { detectorStates, KNOWLEDGE_STATES } from './detector-states.js';
import { getZone } from '../time/zone.js';
import type { Pack } from './pack-schema.js';

export interface PackProblem {
  path: string;
  message: string;
}

export function findPackProblems(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  try {
    getZone(pack.timeZone);
  } catch {
    add('timeZone', `unknown time zone "${pack.timeZone}"`);
  }

  const hypothesisIds = new Set<string>();
  pack.hypotheses.forEach((h, i) => {
    if (hypothesisIds.has(h.id)) add(`hypotheses[${i}].id`, `duplicate hypothesis id "${h.id}"`);
    hypothesisIds.add(h.id);
  });
  const baselines = pack.hypotheses.filter((h) => h.baseline);
  if (baselines.length !== 1)
    add('hypotheses', `exactly one hypothesis must have baseline: true (found ${baselines.length})`);
  const priorSum = pack.hypotheses.reduce((s, h) => s + h.prior, 0);
  if (Math.abs(priorSum - 1) > 1e-6) add('hypotheses', `priors must sum to 1 (they sum to ${priorSum.toFixed(6)})`);
  pack.hypotheses.forEach((h, i) => {
    if (h.baseline && h.critical) add(`hypotheses[${i}].critical`, 'the baseline hypothesis cannot be critical');
  });

  const groupIds = new Set(pack.evidenceGroups.map((g) => g.id));
  const indicatorIds = new Set<string>();
  pack.indicators.forEach((ind, i) => {
    const at = `indicators[${i}]`;
    if (indicatorIds.has(ind.id)) add(`${at}.id`, `duplicate indicator id "${ind.id}"`);
    indicatorIds.add(ind.id);
    if (ind.group !== undefined && !groupIds.has(ind.group))
      add(`${at}.group`, `unknown evidence group "${ind.group}"`);
    const states = new Set(detectorStates(ind.detector));
    for (const [state, ratios] of Object.entries(ind.likelihoods)) {
      if ((KNOWLEDGE_STATES as readonly string[]).includes(state))
        add(`${at}.likelihoods.${state}`, `"${state}" means nothing is known: it carries no likelihood ratio`);
      else if (!states.has(state))
        add(
          `${at}.likelihoods.${state}`,
          `state "${state}" is not produced by a ${ind.detector.kind} detector (states: ${[...states].join(', ')})`,
        );
      for (const hid of Object.keys(ratios)) {
        if (!hypothesisIds.has(hid)) add(`${at}.likelihoods.${state}.${hid}`, `unknown hypothesis "${hid}"`);
        else if (baselines[0]?.id === hid)
          add(
            `${at}.likelihoods.${state}.${hid}`,
            'likelihood ratios are relative to the baseline hypothesis; do not list it',
          );
      }
    }
    ind.watchStates.forEach((s, j) => {
      if (!states.has(s))
        add(`${at}.watchStates[${j}]`, `state "${s}" is not produced by a ${ind.detector.kind} detector`);
    });
    if (ind.detector.kind === 'decay') {
      for (const series of Object.keys(ind.detector.weights)) {
        if (!ind.series.includes(series))
          add(`${at}.detector.weights.${series}`, 'weight given for a series the indicator does not read');
      }
    }
  });

  if (pack.core) {
    pack.core.indicators.forEach((id, i) => {
      if (!indicatorIds.has(id)) add(`core.indicators[${i}]`, `unknown indicator "${id}"`);
    });
    if (pack.core.minReporting > pack.core.indicators.length) {
      add('core.minReporting', `must not exceed the number of core indicators (${pack.core.indicators.length})`);
    }
  }

  pack.watchList.forEach((item, i) => {
    item.indicators.forEach((id, j) => {
      if (!indicatorIds.has(id)) add(`watchList[${i}].indicators[${j}]`, `unknown indicator "${id}"`);
    });
  });

  for (const [series, dates] of Object.entries(pack.seriesBreaks)) {
    const sorted = [...dates].sort();
    if (sorted.join() !== dates.join()) add(`seriesBreaks.${series}`, 'dates must be in ascending order');
  }
  return problems;
}
