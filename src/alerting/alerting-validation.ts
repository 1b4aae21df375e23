// Cross-reference checks a schema cannot express: receivers, playbooks, hypotheses, indicators and states that exist; matchers that parse.
import { detectorStates } from '../packs/detector-states.js';
import type { Pack } from '../packs/pack-schema.js';
import { getZone } from '../time/zone.js';
import type { AlertingFile, RouteInput } from './alerting-schema.js';
import { parseMatcher } from './matchers.js';

export interface AlertingProblem {
  path: string;
  message: string;
}

export function findAlertingProblems(file: AlertingFile, pack?: Pack): AlertingProblem[] {
  const problems: AlertingProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const receivers = new Set<string>();
  file.receivers.forEach((r, i) => {
    if (receivers.has(r.name)) add(`receivers[${i}].name`, `duplicate receiver name "${r.name}"`);
    receivers.add(r.name);
  });
  const playbooks = new Set(Object.keys(file.playbooks));

  if (pack && file.theatre !== undefined && file.theatre !== pack.id)
    add('theatre', `written for theatre "${file.theatre}" but the pack in use is "${pack.id}"`);
  checkRules(file, pack, playbooks, add);
  checkRoute(file.route, 'route', true, false, receivers, playbooks, add);
  file.inhibit_rules.forEach((rule, i) => {
    rule.source_matchers.forEach((m, j) => checkMatcher(m, `inhibit_rules[${i}].source_matchers[${j}]`, add));
    rule.target_matchers.forEach((m, j) => checkMatcher(m, `inhibit_rules[${i}].target_matchers[${j}]`, add));
  });
  return problems;
}

type Add = (path: string, message: string) => void;

function checkRules(file: AlertingFile, pack: Pack | undefined, playbooks: Set<string>, add: Add): void {
  const names = new Set<string>();
  const hypotheses = new Set(pack?.hypotheses.map((h) => h.id));
  const indicators = new Map(pack?.indicators.map((i) => [i.id, i]));
  file.rules.forEach((rule, i) => {
    const at = `rules[${i}]`;
    if (names.has(rule.name)) add(`${at}.name`, `duplicate rule name "${rule.name}"`);
    names.add(rule.name);
    if (rule.playbook !== undefined && !playbooks.has(rule.playbook))
      add(`${at}.playbook`, `unknown playbook "${rule.playbook}"`);
    if (rule.labels.alertname !== undefined) add(`${at}.labels.alertname`, 'alertname is the rule name; do not set it');
    if (!pack) return;
    if (rule.kind === 'hypothesis' && !hypotheses.has(rule.hypothesis)) {
      add(
        `${at}.hypothesis`,
        `unknown hypothesis "${rule.hypothesis}" (pack ${pack.id} has ${[...hypotheses].join(', ')})`,
      );
    }
    if (rule.kind === 'indicator') {
      const states = new Set<string>();
      rule.indicators.forEach((id, j) => {
        const indicator = indicators.get(id);
        if (!indicator) add(`${at}.indicators[${j}]`, `unknown indicator "${id}" in pack ${pack.id}`);
        else detectorStates(indicator.detector).forEach((s) => states.add(s));
      });
      rule.states.forEach((s, j) => {
        if (states.size > 0 && !states.has(s))
          add(
            `${at}.states[${j}]`,
            `state "${s}" is not produced by any of the listed indicators (states: ${[...states].join(', ')})`,
          );
      });
    }
  });
}

function checkRoute(
  route: RouteInput,
  at: string,
  root: boolean,
  inheritedEscalateAfter: boolean,
  receivers: Set<string>,
  playbooks: Set<string>,
  add: Add,
): void {
  const escalates = inheritedEscalateAfter || route.escalate_after !== undefined;
  if (root && route.receiver === undefined) add(`${at}.receiver`, 'the root route needs a receiver');
  if (root && (route.matchers?.length ?? 0) > 0)
    add(`${at}.matchers`, 'the root route matches every alert; put matchers on child routes');
  if (root && route.continue) add(`${at}.continue`, 'continue has no meaning on the root route');
  if (route.receiver !== undefined && !receivers.has(route.receiver))
    add(`${at}.receiver`, `unknown receiver "${route.receiver}"`);
  route.escalation?.forEach((r, j) => {
    if (!receivers.has(r)) add(`${at}.escalation[${j}]`, `unknown receiver "${r}"`);
  });
  if (route.escalation?.length && !escalates) add(`${at}.escalate_after`, 'an escalation chain needs escalate_after');
  if (route.playbook !== undefined && !playbooks.has(route.playbook))
    add(`${at}.playbook`, `unknown playbook "${route.playbook}"`);
  route.matchers?.forEach((m, j) => checkMatcher(m, `${at}.matchers[${j}]`, add));
  route.quiet_hours?.forEach((q, j) => {
    if (q.start === q.end) add(`${at}.quiet_hours[${j}].end`, 'end must differ from start');
  });
  if (route.time_zone !== undefined) {
    try {
      getZone(route.time_zone);
    } catch {
      add(`${at}.time_zone`, `unknown time zone "${route.time_zone}"`);
    }
  }
  route.routes?.forEach((child, j) =>
    checkRoute(child, `${at}.routes[${j}]`, false, escalates, receivers, playbooks, add),
  );
}

function checkMatcher(text: string, at: string, add: Add): void {
  try {
    parseMatcher(text);
  } catch (error) {
    add(at, (error as Error).message);
  }
}
