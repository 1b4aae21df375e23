// The alerting file format (`vigil.alerting/1`): rules, receivers, the route tree, inhibit rules and playbooks, in zod.
import { z } from 'zod';
import { isDuration } from './duration.js';

const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be letters, digits, dot, dash or underscore');
const labelName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a label name (letters, digits, underscore)');
const duration = z.string().refine(isDuration, 'must be a duration such as 30s, 5m, 2h, 1d or 0');
const clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be a local time HH:MM');
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const probability = z.number().min(0).max(1);

const ruleCommon = {
  /** Becomes the `alertname` label. */
  name,
  /** How long the condition must hold before the alert fires (pending until then). */
  for: duration.default('0'),
  /** How long a firing alert keeps firing after its condition stops holding (hysteresis against flapping). */
  keep_firing_for: duration.default('0'),
  labels: z.record(labelName, z.string()).default({}),
  /** Static annotations added to the generated summary and explanation (e.g. a runbook URL). */
  annotations: z.record(labelName, z.string()).default({}),
  /** Playbook (checklist) included in notifications of this rule's alerts. */
  playbook: name.optional(),
};

const levelRule = z.strictObject({
  ...ruleCommon,
  kind: z.literal('level'),
  /** Active while the warning level is at least this (1 NORMAL … 5 CRITICAL). */
  at_least: z.number().int().min(1).max(5),
});

const levelChangeRule = z.strictObject({
  ...ruleCommon,
  kind: z.literal('level-change'),
  /** Active on an assessment whose level differs from the previous day's in this direction. */
  direction: z.enum(['up', 'down', 'any']).default('up'),
});

const hypothesisRule = z
  .strictObject({
    ...ruleCommon,
    kind: z.literal('hypothesis'),
    hypothesis: name,
    /** Active while P(hypothesis) ≥ above (crossing upward fires), or while P < below (crossing downward fires). */
    above: probability.optional(),
    below: probability.optional(),
  })
  .refine((r) => (r.above === undefined) !== (r.below === undefined), {
    message: 'give exactly one of above or below',
    path: ['above'],
  });

const indicatorRule = z.strictObject({
  ...ruleCommon,
  kind: z.literal('indicator'),
  /** One alert per listed indicator whose state is in `states`. */
  indicators: z.array(name).min(1),
  states: z.array(name).min(1),
});

const sourceHealthRule = z
  .strictObject({
    ...ruleCommon,
    kind: z.literal('source-health'),
    series: z.array(z.string().min(1)).default([]),
    /** Every series starting with this prefix that the store holds (in addition to `series`). */
    series_prefix: z.string().min(1).optional(),
    /** How often the series normally publishes (stated in the alert). */
    cadence: duration,
    /** Silent for longer than this since its last publication → the alert is active. */
    stale_after: duration,
  })
  .refine((r) => r.series.length > 0 || r.series_prefix !== undefined, {
    message: 'give series or series_prefix',
    path: ['series'],
  });

const receiverHealthRule = z.strictObject({
  ...ruleCommon,
  kind: z.literal('receiver-health'),
  /** A receiver with a notification still undelivered after this many attempts is reported. */
  after_attempts: z.number().int().min(1).default(3),
});

export const ruleSchema = z.discriminatedUnion('kind', [
  levelRule,
  levelChangeRule,
  hypothesisRule,
  indicatorRule,
  sourceHealthRule,
  receiverHealthRule,
]);

const receiverCommon = { name };

const webhookReceiver = z
  .strictObject({
    ...receiverCommon,
    type: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
    /** Shared secret for the HMAC-SHA256 signature, inline or (better) from an environment variable. */
    secret: z.string().min(16, 'must be at least 16 characters').optional(),
    secret_env: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name')
      .optional(),
    timeout: duration.default('5s'),
  })
  .refine((r) => r.secret !== undefined || r.secret_env !== undefined, {
    message: 'give secret or secret_env (webhooks are always signed)',
    path: ['secret'],
  });

const emailReceiver = z.strictObject({
  ...receiverCommon,
  type: z.literal('email'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(25),
  /** Implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: z.boolean().default(false),
  /** Refuse to send without STARTTLS. */
  require_tls: z.boolean().default(false),
  from: z.string().min(3),
  to: z.array(z.string().min(3)).min(1),
  username: z.string().optional(),
  password_env: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name')
    .optional(),
  timeout: duration.default('10s'),
});

const sseReceiver = z.strictObject({ ...receiverCommon, type: z.literal('sse') });
const terminalReceiver = z.strictObject({ ...receiverCommon, type: z.literal('terminal') });

export const receiverSchema = z.discriminatedUnion('type', [
  webhookReceiver,
  emailReceiver,
  sseReceiver,
  terminalReceiver,
]);

const quietHours = z.strictObject({ start: clock, end: clock, weekdays: z.array(weekday).optional() });

/** Every field but `matchers`, `routes` and `continue` is inherited by child routes that do not set it. */
export interface RouteInput {
  matchers?: string[];
  receiver?: string;
  continue?: boolean;
  group_by?: string[];
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  escalate_after?: string;
  escalation?: string[];
  quiet_hours?: z.input<typeof quietHours>[];
  time_zone?: string;
  realtime_severities?: string[];
  digest_interval?: string;
  playbook?: string;
  routes?: RouteInput[];
}

export const routeSchema: z.ZodType<RouteInput> = z.lazy(() =>
  z.strictObject({
    matchers: z.array(z.string()).optional(),
    receiver: name.optional(),
    continue: z.boolean().optional(),
    /** Labels that split alerts into groups; `...` means every label. */
    group_by: z.array(z.union([labelName, z.literal('...')])).optional(),
    group_wait: duration.optional(),
    group_interval: duration.optional(),
    repeat_interval: duration.optional(),
    /** Unacknowledged this long after notification → the next receiver of `escalation`. */
    escalate_after: duration.optional(),
    escalation: z.array(name).optional(),
    quiet_hours: z.array(quietHours).optional(),
    time_zone: z.string().min(1).optional(),
    /** Severities that bypass digests and quiet hours. */
    realtime_severities: z.array(z.string().min(1)).optional(),
    /** Non-realtime groups are sent at most once per interval, on boundaries aligned to local midnight. */
    digest_interval: duration.optional(),
    playbook: name.optional(),
    routes: z.array(routeSchema).optional(),
  }),
);

export const inhibitRuleSchema = z.strictObject({
  source_matchers: z.array(z.string()).min(1),
  target_matchers: z.array(z.string()).min(1),
  /** Labels that must have equal values on source and target. */
  equal: z.array(labelName).default([]),
  /** Only inhibit targets whose `indicator` label is among the source alert's evidence (the alert "explains" them). */
  explained: z.boolean().default(false),
});

/** Each reader-facing text has its Traditional Chinese counterpart in `<field>_zh` (docs/alerting.md, "Languages"). */
export const playbookSchema = z.strictObject({
  title: z.string().min(1),
  title_zh: z.string().min(1).optional(),
  steps: z.array(z.strictObject({ id: name, text: z.string().min(1), text_zh: z.string().min(1).optional() })).min(1),
});

export const alertingFileSchema = z.strictObject({
  schema: z.literal('vigil.alerting/1'),
  /** The pack these rules are written for (checked against the pack in use when given). */
  theatre: name.optional(),
  rules: z.array(ruleSchema).min(1),
  receivers: z.array(receiverSchema).min(1),
  route: routeSchema,
  inhibit_rules: z.array(inhibitRuleSchema).default([]),
  playbooks: z.record(name, playbookSchema).default({}),
});

export type AlertingFile = z.output<typeof alertingFileSchema>;
export type RuleInput = z.output<typeof ruleSchema>;
export type ReceiverConfig = z.output<typeof receiverSchema>;
export type InhibitRuleInput = z.output<typeof inhibitRuleSchema>;
export type Playbook = z.output<typeof playbookSchema>;
export type QuietHoursInput = z.output<typeof quietHours>;
