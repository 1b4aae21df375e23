// Turns a validated alerting file into the AlertingConfig the pipeline runs: durations to ms, matchers parsed, routes inherited.
import type { AlertingConfig, AlertRule, InhibitRule, QuietWindow, RouteNode } from './alerting-config.js';
import { ROUTE_DEFAULTS } from './alerting-config.js';
import type { AlertingFile, QuietHoursInput, RouteInput, RuleInput } from './alerting-schema.js';
import { parseDuration } from './duration.js';
import { parseMatcher } from './matchers.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function normaliseAlertingFile(file: AlertingFile, where: string, defaultTimeZone: string): AlertingConfig {
  const root: RouteNode = {
    id: 'root',
    matchers: [],
    receiver: file.route.receiver!,
    continue: false,
    groupBy: [],
    groupWaitMs: ROUTE_DEFAULTS.groupWaitMs,
    groupIntervalMs: ROUTE_DEFAULTS.groupIntervalMs,
    repeatIntervalMs: ROUTE_DEFAULTS.repeatIntervalMs,
    escalateAfterMs: null,
    escalation: [],
    quietHours: [],
    timeZone: defaultTimeZone,
    realtimeSeverities: null,
    digestIntervalMs: null,
    children: [],
  };
  return {
    file: where,
    ...(file.theatre !== undefined ? { theatre: file.theatre } : {}),
    rules: file.rules.map(normaliseRule),
    receivers: file.receivers,
    route: inheritRoute(file.route, root, 'root'),
    inhibitRules: file.inhibit_rules.map((r): InhibitRule => ({
      sourceMatchers: r.source_matchers.map(parseMatcher),
      targetMatchers: r.target_matchers.map(parseMatcher),
      equal: r.equal,
      explained: r.explained,
    })),
    playbooks: file.playbooks,
  };
}

function normaliseRule(r: RuleInput): AlertRule {
  const base = {
    name: r.name,
    forMs: parseDuration(r.for),
    keepFiringForMs: parseDuration(r.keep_firing_for),
    labels: r.labels,
    annotations: r.annotations,
    ...(r.playbook !== undefined ? { playbook: r.playbook } : {}),
  };
  switch (r.kind) {
    case 'level':
      return { ...base, kind: 'level', atLeast: r.at_least };
    case 'level-change':
      return { ...base, kind: 'level-change', direction: r.direction };
    case 'hypothesis':
      return {
        ...base,
        kind: 'hypothesis',
        hypothesis: r.hypothesis,
        ...(r.above !== undefined ? { above: r.above } : { below: r.below }),
      };
    case 'indicator':
      return { ...base, kind: 'indicator', indicators: r.indicators, states: r.states };
    case 'source-health':
      return {
        ...base,
        kind: 'source-health',
        series: r.series,
        cadenceMs: parseDuration(r.cadence),
        staleAfterMs: parseDuration(r.stale_after),
        ...(r.series_prefix !== undefined ? { seriesPrefix: r.series_prefix } : {}),
      };
    case 'receiver-health':
      return { ...base, kind: 'receiver-health', afterAttempts: r.after_attempts };
  }
}

/** A child takes every setting it does not set from its parent; matchers, continue and children are its own. */
function inheritRoute(input: RouteInput, parent: RouteNode, id: string): RouteNode {
  const ms = (text: string | undefined, inherited: number) => (text === undefined ? inherited : parseDuration(text));
  const node: RouteNode = {
    id,
    matchers: (input.matchers ?? []).map(parseMatcher),
    receiver: input.receiver ?? parent.receiver,
    continue: input.continue ?? false,
    groupBy: input.group_by === undefined ? parent.groupBy : input.group_by.includes('...') ? 'all' : input.group_by,
    groupWaitMs: ms(input.group_wait, parent.groupWaitMs),
    groupIntervalMs: ms(input.group_interval, parent.groupIntervalMs),
    repeatIntervalMs: ms(input.repeat_interval, parent.repeatIntervalMs),
    escalateAfterMs: input.escalate_after === undefined ? parent.escalateAfterMs : parseDuration(input.escalate_after),
    escalation: input.escalation ?? parent.escalation,
    quietHours: input.quiet_hours === undefined ? parent.quietHours : input.quiet_hours.map(quietWindow),
    timeZone: input.time_zone ?? parent.timeZone,
    realtimeSeverities: input.realtime_severities ?? parent.realtimeSeverities,
    digestIntervalMs:
      input.digest_interval === undefined ? parent.digestIntervalMs : parseDuration(input.digest_interval),
    ...((input.playbook ?? parent.playbook) !== undefined ? { playbook: input.playbook ?? parent.playbook } : {}),
    children: [],
  };
  node.children = (input.routes ?? []).map((child, i) => inheritRoute(child, node, `${id}.${i}`));
  return node;
}

function quietWindow(q: QuietHoursInput): QuietWindow {
  const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return {
    startMinute: minute(q.start),
    endMinute: minute(q.end),
    weekdays: q.weekdays ? q.weekdays.map((d) => WEEKDAYS.indexOf(d)) : null,
  };
}
