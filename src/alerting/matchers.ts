// Label matchers as Alertmanager writes them (`severity="critical"`, `alertname!=X`, `indicator=~"sea\..*"`), parsed once and matched.
import type { Labels } from './labels.js';

export type MatchOperator = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  operator: MatchOperator;
  value: string;
  /** Anchored regular expression for =~ and !~ (Alertmanager anchors them: `a.*` must match the whole value). */
  regex?: RegExp;
}

const MATCHER = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

/** Parses one matcher; throws a plain Error saying what is wrong (callers add the field path). */
export function parseMatcher(text: string): Matcher {
  const m = MATCHER.exec(text);
  if (!m) throw new Error(`invalid matcher "${text}": expected name=value, name!=value, name=~regex or name!~regex`);
  const [, name, operator, raw] = m;
  const value = unquote(raw);
  if (operator === '=~' || operator === '!~') {
    let regex: RegExp;
    try {
      regex = new RegExp(`^(?:${value})$`);
    } catch (error) {
      throw new Error(`invalid matcher "${text}": bad regular expression: ${(error as Error).message}`);
    }
    return { name, operator, value, regex };
  }
  return { name, operator: operator as MatchOperator, value };
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
      return matcher.regex!.test(value);
    case '!~':
      return !matcher.regex!.test(value);
  }
}

export function matchesAll(matchers: readonly Matcher[], labels: Labels): boolean {
  return matchers.every((m) => matches(m, labels));
}

export function formatMatcher(m: Matcher): string {
  return `${m.name}${m.operator}${JSON.stringify(m.value)}`;
}
