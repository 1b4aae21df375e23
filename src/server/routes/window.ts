// Reads the `at`, `from`, `to` query parameters every time-windowed route takes, with playback's rule: nothing after `at`.
import { vigilError } from '../../errors/index.js';
import { formatDay, parseDay, type DayNumber } from '../../time/zone.js';
import type { AssessmentService } from '../../app/assessment-service.js';

export interface WindowQuery {
  from?: string;
  to?: string;
  at?: string;
}

/** [from, to] clipped to the data and to `at`; `to` defaults to `at` (or the latest day), `from` to `defaultDays` earlier. */
export async function resolveWindow(
  assessments: AssessmentService,
  query: WindowQuery,
  defaultDays: number,
): Promise<{ at: DayNumber; from: DayNumber; to: DayNumber }> {
  const at = await assessments.resolveDay(query.at);
  const span = (await assessments.span())!;
  const to = Math.min(query.to === undefined ? at : parseDay(query.to, 'to date'), at);
  const from = Math.max(
    query.from === undefined ? to - defaultDays + 1 : parseDay(query.from, 'from date'),
    span.first,
  );
  if (to < from)
    throw vigilError(
      'VIGIL_INPUT_INVALID',
      `window: from ${formatDay(from)} is after to ${formatDay(to)} (days after at ${formatDay(at)} are never shown)`,
    );
  return { at, from, to };
}

/** The first day of the run of days ending at `day` whose level equals `day`'s. */
export async function levelSince(assessments: AssessmentService, day: DayNumber): Promise<DayNumber> {
  const span = (await assessments.span())!;
  const level = (await assessments.assess(day)).level;
  let since = day;
  // Look back in chunks so a long NORMAL run costs one replay of memoised days, not one call per day.
  while (since > span.first) {
    const from = Math.max(span.first, since - 90);
    const chunk = await assessments.range(from, since - 1);
    let i = chunk.length - 1;
    while (i >= 0 && chunk[i].level === level) i--;
    if (i >= 0) return from + i + 1;
    since = from;
  }
  return since;
}
