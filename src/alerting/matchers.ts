// Label matchers as Alertmanager writes them (`severity="critical"`, `alertname!=X`, `indicator=~"sea\..*"`), parsed once and matched.
// Regular expressions come from users (silences, routes), so they run on RE2 (re2js): matching is linear in the label's
// length whatever the pattern, and syntax RE2 cannot run in linear time (back-references, look-around) is refused here.
import { RE2JS } from 're2js';
import type { Labels } from './labels.js';

/** Longest accepted regular expression in a matcher (characters), and longest matcher value overall. */
export const MAX_PATTERN_LENGTH = 256;
export const MAX_MATCHER_VALUE_LENGTH = 1024;

/** A pattern that is not RE2 syntax or is too long: the caller maps it to VIGIL_PATTERN_UNSUPPORTED with its field. */
export class PatternError extends Error {}

/** The compiled pattern: a whole-value match (Alertmanager anchors regular expressions). */
export interface CompiledPattern {
  matches(value: string): boolean;
}

export type MatchOperator = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  operator: MatchOperator;
  value: string;
  /** Anchored regular expression for =~ and !~ (Alertmanager anchors them: `a.*` must match the whole value). */
  regex?: CompiledPattern;
}

const MATCHER = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

/** Parses one matcher; throws a plain Error saying what is wrong (callers add the field path). */
export function parseMatcher(text: string): Matcher {
  const m = MATCHER.exec(text);
  if (!m) throw new Error(`invalid matcher "${text}": expected name=value, name!=value, name=~regex or name!~regex`);
  const [, name, operator, raw] = m;
  const value = unquote(raw);
  if (value.length > MAX_MATCHER_VALUE_LENGTH)
    throw new Error(`invalid matcher "${name}${operator}…": value longer than ${MAX_MATCHER_VALUE_LENGTH} characters`);
  if (operator === '=~' || operator === '!~') return { name, operator, value, regex: compilePattern(value, text) };
  return { name, operator: operator as MatchOperator, value };
}

/** Compiles a user's pattern with RE2 semantics, or throws a PatternError saying what is not accepted. */
export function compilePattern(pattern: string, text = pattern): CompiledPattern {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new PatternError(
      `invalid matcher "${text.slice(0, 40)}…": regular expression longer than ${MAX_PATTERN_LENGTH} characters`,
    );
  }
  try {
    const re = RE2JS.compile(pattern);
    return { matches: (value: string) => re.matches(value) };
  } catch (error) {
    // RE2 refuses back-references (\1), look-around ((?=, (?!, (?<=) and possessive or over-large repeats: all of them
    // are what makes a backtracking engine exponential, or cannot be matched in one linear pass.
    throw new PatternError(
      `invalid matcher "${text}": bad regular expression (RE2 syntax: no back-references or look-around): ${(error as Error).message}`,
    );
  }
}

function unquote(raw: string): string {
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      throw new Error(`invalid quoted value ${raw}`);
    }
  }
  return raw;
}

/** A missing label matches as the empty string, as in Alertmanager (so `team!=ops` matches alerts without a team). */
export function matches(matcher: Matcher, labels: Labels): boolean {
  const value = labels[matcher.name] ?? '';
  switch (matcher.operator) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return matcher.regex!.matches(value);
    case '!~':
      return !matcher.regex!.matches(value);
  }
}

export function matchesAll(matchers: readonly Matcher[], labels: Labels): boolean {
  return matchers.every((m) => matches(m, labels));
}

export function formatMatcher(m: Matcher): string {
  return `${m.name}${m.operator}${JSON.stringify(m.value)}`;
}
