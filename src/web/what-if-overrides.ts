// Editing a what-if: pure updates of the overrides (one entry per assumption: setting it again replaces it, clearing
// it removes it), and the count of changes shown to the analyst.
import type { ThresholdField, WhatIfOverrides } from '../analysis/what-if.js';

export function setLikelihood(
  o: WhatIfOverrides,
  indicator: string,
  state: string,
  hypothesis: string,
  ratio: number | undefined,
): WhatIfOverrides {
  const rest = (o.likelihoods ?? []).filter(
    (l) => !(l.indicator === indicator && l.state === state && l.hypothesis === hypothesis),
  );
  return { ...o, likelihoods: ratio === undefined ? rest : [...rest, { indicator, state, hypothesis, ratio }] };
}

export function setThreshold(
  o: WhatIfOverrides,
  indicator: string,
  state: string,
  field: ThresholdField,
  value: number | undefined,
): WhatIfOverrides {
  const rest = (o.thresholds ?? []).filter(
    (t) => !(t.indicator === indicator && t.state === state && t.field === field),
  );
  return { ...o, thresholds: value === undefined ? rest : [...rest, { indicator, state, field, value }] };
}

export function setPrior(o: WhatIfOverrides, hypothesis: string, prior: number | undefined): WhatIfOverrides {
  const { [hypothesis]: _dropped, ...rest } = o.priors ?? {};
  void _dropped;
  return { ...o, priors: prior === undefined ? rest : { ...rest, [hypothesis]: prior } };
}

export function setOff(o: WhatIfOverrides, indicator: string, off: boolean): WhatIfOverrides {
  const rest = (o.off ?? []).filter((id) => id !== indicator);
  return { ...o, off: off ? [...rest, indicator] : rest };
}

export function setForce(o: WhatIfOverrides, indicator: string, state: string | undefined): WhatIfOverrides {
  const { [indicator]: _dropped, ...rest } = o.force ?? {};
  void _dropped;
  return { ...o, force: state === undefined ? rest : { ...rest, [indicator]: state } };
}

export function changeCount(o: WhatIfOverrides): number {
  return (
    (o.off?.length ?? 0) +
    Object.keys(o.force ?? {}).length +
    (o.likelihoods?.length ?? 0) +
    Object.keys(o.priors ?? {}).length +
    (o.thresholds?.length ?? 0)
  );
}

/** A typed number: empty clears the override (undefined), anything else must parse. */
export function parseInput(text: string): number | undefined | 'invalid' {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  const x = Number(t);
  return Number.isFinite(x) ? x : 'invalid';
}
