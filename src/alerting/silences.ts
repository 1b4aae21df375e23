// Silences: matchers over a time window, with author and comment; the silence stage mutes the alerts they match.
import { vigilError } from '../errors/index.js';
import type { Alert } from './alert.js';
import { shortHash } from './labels.js';
import { matches, matchesAll, parseMatcher, PatternError, type Matcher } from './matchers.js';

export interface Silence {
  id: string;
  /** Matcher texts as given (`severity="warning"`, `indicator=~"air\..*"`). */
  matchers: string[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  createdAt: string;
  /** Set when expired early (`vigil silence expire`). */
  expiredAt: string | null;
}

export interface NewSilence {
  matchers: string[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

/** Validates a new silence and gives it an id; errors name the offending field. */
export function createSilence(input: NewSilence, now: string): Silence {
  if (input.matchers.length === 0)
    throw vigilError('VIGIL_INPUT_INVALID', 'silence: matchers: give at least one matcher');
  const parsed = input.matchers.map((m, i) => {
    try {
      // Compiled once, here: the cycles that evaluate the silence in this process reuse it (compiledMatcher).
      return compiledMatcher(m);
    } catch (error) {
      const code = error instanceof PatternError ? 'VIGIL_PATTERN_UNSUPPORTED' : 'VIGIL_INPUT_INVALID';
      throw vigilError(code, `silence: matchers[${i}]: ${(error as Error).message}`);
    }
  });
  // As in Alertmanager: a silence whose every matcher also matches an empty label set would mute everything.
  if (parsed.every((m) => matches(m, {})))
    throw vigilError(
      'VIGIL_INPUT_INVALID',
      'silence: matchers: at least one matcher must not match the empty string (it would silence every alert)',
    );
  for (const field of ['startsAt', 'endsAt'] as const) {
    if (Number.isNaN(Date.parse(input[field])))
      throw vigilError('VIGIL_DATE_INVALID', `silence: ${field}: not an ISO 8601 instant: ${input[field]}`);
  }
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = new Date(input.endsAt).toISOString();
  if (endsAt <= startsAt) throw vigilError('VIGIL_INPUT_INVALID', 'silence: endsAt: must be after startsAt');
  if (endsAt <= now) throw vigilError('VIGIL_INPUT_INVALID', 'silence: endsAt: is already in the past');
  if (input.createdBy.trim() === '')
    throw vigilError('VIGIL_INPUT_INVALID', 'silence: createdBy: say who is silencing (--by)');
  if (input.comment.trim() === '') throw vigilError('VIGIL_INPUT_INVALID', 'silence: comment: say why (--comment)');
  const id = shortHash(`${input.matchers.join('\u0000')}|${startsAt}|${endsAt}|${input.createdBy}|${now}`, 12);
  return {
    id,
    matchers: input.matchers,
    startsAt,
    endsAt,
    createdBy: input.createdBy.trim(),
    comment: input.comment.trim(),
    createdAt: now,
    expiredAt: null,
  };
}

export function isSilenceActive(s: Silence, now: string): boolean {
  return s.startsAt <= now && now < s.endsAt && (s.expiredAt === null || now < s.expiredAt);
}

/** For each silenced alert id, the id of an active silence that matches it. */
export function silencedAlerts(
  alerts: readonly Alert[],
  silences: readonly Silence[],
  now: string,
): Map<string, string> {
  const active = silences
    .filter((s) => isSilenceActive(s, now))
    .flatMap((s) => {
      const parsed = parseStoredMatchers(s.matchers);
      return parsed ? [{ id: s.id, matchers: parsed }] : [];
    });
  const silenced = new Map<string, string>();
  if (active.length === 0) return silenced;
  for (const alert of alerts) {
    const hit = active.find((s) => matchesAll(s.matchers, alert.labels));
    if (hit) silenced.set(alert.id, hit.id);
  }
  return silenced;
}

/**
 * A silence stored before patterns were limited to RE2 may no longer parse: it mutes nothing (an alert is never
 * hidden by a matcher Vigil cannot evaluate) rather than failing every cycle.
 */
function parseStoredMatchers(texts: readonly string[]): Matcher[] | null {
  try {
    return texts.map(compiledMatcher);
  } catch {
    return null;
  }
}

/**
 * Matchers compiled once per text, at the silence's creation or its first evaluation in this process (after a restart,
 * or a silence another process created), then reused by every cycle; bounded, oldest dropped first.
 */
const compiled = new Map<string, Matcher>();
const MAX_COMPILED = 1000;

function compiledMatcher(text: string): Matcher {
  let m = compiled.get(text);
  if (m === undefined) {
    m = parseMatcher(text);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(text, m);
  }
  return m;
}
