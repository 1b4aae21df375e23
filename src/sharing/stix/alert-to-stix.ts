// Maps an alert to a STIX report carrying the Vigil alert extension (rule, labels, status, what moved) and back.
import { z } from 'zod';
import type { Alert } from '../../alerting/alert.js';
import { inputError } from '../../errors/index.js';
import type { Tlp } from '../../model/index.js';
import { TLP2_MARKING_IDS } from '../tlp/tlp-markings.js';
import { withoutUndefined } from './observation-to-stix.js';
import type { StixObject } from './stix-types.js';
import { stixId } from './uuid5.js';
import { VIGIL_ALERT_EXTENSION_ID } from './vigil-extensions.js';

/** What a partner learns of an alert. */
export interface SharedAlert {
  alertId: string;
  rule: string;
  summary: string;
  description?: string;
  labels: Record<string, string>;
  status: string;
  activeAt: string;
  firedAt?: string;
  resolvedAt?: string;
  level?: number;
  levelName?: string;
  moved?: { id: string; name: string; from?: number; to: number; delta: number };
}

export function alertStixId(alertId: string): string {
  return stixId('report', `alert|${alertId}`);
}

export function summariseAlert(alert: Alert): SharedAlert {
  const moved = alert.explanation?.moved ?? undefined;
  return withoutUndefined({
    alertId: alert.id,
    rule: alert.rule,
    summary: alert.annotations.summary ?? `${alert.rule} alert`,
    description: alert.annotations.description,
    labels: { ...alert.labels },
    status: alert.status,
    activeAt: alert.activeAt,
    firedAt: alert.firedAt ?? undefined,
    resolvedAt: alert.resolvedAt ?? undefined,
    level: alert.explanation?.level.to,
    levelName: alert.explanation?.level.name,
    moved: moved
      ? withoutUndefined({
          id: moved.id,
          name: moved.name,
          from: moved.from ?? undefined,
          to: moved.to,
          delta: moved.delta,
        })
      : undefined,
  });
}

export interface AlertStixOptions {
  producerId: string;
  tlp: Tlp;
  /** What the report is about: the assessment and evidence objects the reader may see; the producer when none. */
  refs: readonly string[];
}

/** The alert's version is its latest state change, so re-exporting an unchanged alert gives the same object. */
export function alertToStix(a: SharedAlert, options: AlertStixOptions): StixObject {
  const modified = a.resolvedAt ?? a.firedAt ?? a.activeAt;
  return withoutUndefined({
    type: 'report',
    spec_version: '2.1',
    id: alertStixId(a.alertId),
    created_by_ref: options.producerId,
    created: a.activeAt,
    modified,
    name: a.summary,
    description: a.description,
    report_types: ['threat-report'],
    published: a.firedAt ?? a.activeAt,
    object_refs: options.refs.length > 0 ? [...options.refs] : [options.producerId],
    labels: ['vigil-alert'],
    object_marking_refs: [TLP2_MARKING_IDS[options.tlp]],
    extensions: {
      [VIGIL_ALERT_EXTENSION_ID]: withoutUndefined({
        extension_type: 'property-extension',
        alert_id: a.alertId,
        rule: a.rule,
        labels: Object.keys(a.labels).length > 0 ? a.labels : undefined,
        status: a.status,
        active_at: a.activeAt,
        fired_at: a.firedAt,
        resolved_at: a.resolvedAt,
        level: a.level,
        level_name: a.levelName,
        moved: a.moved,
      }),
    },
  });
}

export function hasAlertExtension(object: StixObject): boolean {
  return object.type === 'report' && object.extensions?.[VIGIL_ALERT_EXTENSION_ID] !== undefined;
}

const alertSchema = z.object({
  alert_id: z.string(),
  rule: z.string(),
  labels: z.record(z.string(), z.string()).optional(),
  status: z.string(),
  active_at: z.string(),
  fired_at: z.string().optional(),
  resolved_at: z.string().optional(),
  level: z.number().int().min(1).max(5).optional(),
  level_name: z.string().optional(),
  moved: z
    .object({ id: z.string(), name: z.string(), from: z.number().optional(), to: z.number(), delta: z.number() })
    .optional(),
});

export function stixToAlert(object: StixObject, file: string, index: number): SharedAlert {
  const parsed = alertSchema.safeParse(object.extensions?.[VIGIL_ALERT_EXTENSION_ID]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw inputError(
      file,
      undefined,
      `objects[${index}] (${object.id}): extensions.${VIGIL_ALERT_EXTENSION_ID}.${issue.path.join('.')}`,
      issue.message,
    );
  }
  const e = parsed.data;
  return withoutUndefined({
    alertId: e.alert_id,
    rule: e.rule,
    summary: typeof object.name === 'string' ? object.name : e.rule,
    description: typeof object.description === 'string' ? object.description : undefined,
    labels: e.labels ?? {},
    status: e.status,
    activeAt: e.active_at,
    firedAt: e.fired_at,
    resolvedAt: e.resolved_at,
    level: e.level,
    levelName: e.level_name,
    moved: e.moved,
  });
}
