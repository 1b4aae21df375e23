// The alerts inbox: alerts with acknowledgement, comments, playbook checklist and silence; ack, comment, tick, silence.
import { acknowledge, checklist } from '../../alerting/acknowledgement.js';
import type { Alert } from '../../alerting/alert.js';
import { parseDuration } from '../../alerting/duration.js';
import { createSilence, silencedAlerts } from '../../alerting/silences.js';
import { vigilError } from '../../errors/index.js';
import type { AlertsDeps } from '../alerts-deps.js';
import { API_PREFIX, type Principal, type ServerDeps, type VigilRoutePlugin } from '../server-deps.js';

const alertId = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 4, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' } },
} as const;

export const alertRoutes: VigilRoutePlugin = async (app, { deps }) => {
  const alerting = (): AlertsDeps => {
    if (!deps.alerts)
      throw vigilError('VIGIL_NOT_FOUND', 'alerting is not configured in this server (no alerting file for the pack)');
    return deps.alerts;
  };
  /** Alerts are computed on every observation: a caller whose ceiling is below some stored observation may not see them. */
  const visibleAlerting = async (principal: Principal | null): Promise<AlertsDeps> => {
    const configured = alerting();
    const tlpMax = principal!.user.tlpMax;
    if (!(await deps.alertVisibility.visibleTo(tlpMax))) {
      throw vigilError(
        'VIGIL_FORBIDDEN',
        `alerts draw on observations above your TLP ceiling (${tlpMax.toUpperCase()}), so they are not shown to you; an administrator can raise your ceiling`,
      );
    }
    return configured;
  };
  const find = async (principal: Principal | null, id: string): Promise<Alert> => {
    const alert = await (await visibleAlerting(principal)).store.findAlert(id);
    if (!alert) throw vigilError('VIGIL_NOT_FOUND', `no alert ${id}`);
    return alert;
  };
  const changed = (id: string, change: string, by: string) => {
    deps.events.publish('alert', { id, change, by });
    deps.alerts?.changed?.();
  };

  app.get<{ Querystring: { status?: 'active' | 'all'; limit?: number } }>(
    `${API_PREFIX}/alerts`,
    {
      schema: {
        tags: ['alerts'],
        summary:
          'The alerts inbox: alerts with acknowledgement, comments, playbook checklist and silence, newest first',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: ['active', 'all'], default: 'active' },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
      },
    },
    async (request) => {
      const { store } = await visibleAlerting(request.principal);
      const alerts = await store.listAlerts({
        ...(request.query.status === 'all' ? {} : { status: ['pending', 'firing'] as const }),
        limit: request.query.limit,
      });
      const silences = await store.listSilences({ activeAt: deps.now().toISOString() });
      return { alerts: await inboxItems(deps, alerts), silences };
    },
  );

  app.get<{ Params: { id: string } }>(
    `${API_PREFIX}/alerts/:id`,
    {
      schema: { tags: ['alerts'], summary: 'One alert with its history of transitions', params: alertId },
    },
    async (request) => {
      const alert = await find(request.principal, request.params.id);
      const [item] = await inboxItems(deps, [alert]);
      return { ...item, transitions: await alerting().store.listTransitions({ alertId: alert.id }) };
    },
  );

  app.post<{ Params: { id: string }; Body: { comment?: string } }>(
    `${API_PREFIX}/alerts/:id/ack`,
    {
      schema: {
        tags: ['alerts'],
        summary: 'Acknowledge an alert (stops its escalation); you are recorded as who took it',
        params: alertId,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { comment: { type: 'string', maxLength: 2000 } },
        },
      },
    },
    async (request) => {
      const p = request.principal!;
      const alert = await find(request.principal, request.params.id);
      const ack = acknowledge(alert, p.user.username, request.body?.comment ?? '', deps.now().toISOString());
      await deps.writes.inTransaction(async () => {
        await alerting().store.addAcknowledgement(ack);
        await deps.audit(p, 'alert.ack', alert.id, {
          rule: alert.rule,
          comment: ack.comment,
          timeToAckMs: ack.timeToAckMs,
        });
      });
      changed(alert.id, 'ack', p.user.username);
      return ack;
    },
  );

  app.post<{ Params: { id: string }; Body: { text: string } }>(
    `${API_PREFIX}/alerts/:id/comments`,
    {
      schema: {
        tags: ['alerts'],
        summary: 'Comment on an alert (kept in the hash-chained audit log)',
        params: alertId,
        body: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: { text: { type: 'string', minLength: 1, maxLength: 4000 } },
        },
      },
    },
    async (request, reply) => {
      const p = request.principal!;
      const alert = await find(request.principal, request.params.id);
      const text = request.body.text.trim();
      if (text === '') throw vigilError('VIGIL_INPUT_INVALID', 'comment: text: is empty');
      await deps.audit(p, 'alert.comment', alert.id, { text });
      changed(alert.id, 'comment', p.user.username);
      return reply.code(201).send({ alertId: alert.id, by: p.user.username, text });
    },
  );

  app.post<{ Params: { id: string; step: string } }>(
    `${API_PREFIX}/alerts/:id/playbook/:step`,
    {
      schema: {
        tags: ['alerts'],
        summary: "Tick a step of the alert's playbook checklist (the first tick of a step stands)",
        params: {
          type: 'object',
          required: ['id', 'step'],
          properties: { ...alertId.properties, step: { type: 'string', maxLength: 100 } },
        },
      },
    },
    async (request) => {
      const p = request.principal!;
      const alert = await find(request.principal, request.params.id);
      const { store, playbooks } = alerting();
      const playbook = alert.playbook ? playbooks[alert.playbook] : undefined;
      if (!alert.playbook || !playbook) throw vigilError('VIGIL_NOT_FOUND', `alert ${alert.id} has no playbook`);
      const step = request.params.step;
      if (!playbook.steps.some((s) => s.id === step))
        throw vigilError(
          'VIGIL_NOT_FOUND',
          `playbook ${alert.playbook} has no step "${step}" (steps: ${playbook.steps.map((s) => s.id).join(', ')})`,
        );
      const fresh = await deps.writes.inTransaction(async () => {
        const first = await store.addPlaybookTick({
          alertId: alert.id,
          playbook: alert.playbook!,
          step,
          by: p.user.username,
          at: deps.now().toISOString(),
        });
        if (first) await deps.audit(p, 'alert.playbook-tick', alert.id, { playbook: alert.playbook, step });
        return first;
      });
      if (fresh) changed(alert.id, 'tick', p.user.username);
      return {
        ticked: fresh,
        checklist: checklist(alert.playbook, playbook, await store.listPlaybookTicks([alert.id])),
      };
    },
  );

  app.get<{ Querystring: { active?: boolean } }>(
    `${API_PREFIX}/silences`,
    {
      schema: {
        tags: ['alerts'],
        summary: 'Silences (only those in force with active=true)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { active: { type: 'boolean', default: false } },
        },
      },
    },
    async (request) => {
      // Silences are alert data: their matchers and comments say what is happening, so they follow the alerts' ceiling rule.
      const { store } = await visibleAlerting(request.principal);
      return { silences: await store.listSilences(request.query.active ? { activeAt: deps.now().toISOString() } : {}) };
    },
  );

  app.post<{ Body: { matchers: string[]; startsAt?: string; endsAt?: string; duration?: string; comment: string } }>(
    `${API_PREFIX}/silences`,
    {
      schema: {
        tags: ['alerts'],
        summary: 'Silence alerts matching label matchers for a while (give endsAt or duration, e.g. 2h)',
        body: {
          type: 'object',
          required: ['matchers', 'comment'],
          additionalProperties: false,
          properties: {
            matchers: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', maxLength: 500 } },
            startsAt: { type: 'string', maxLength: 40 },
            endsAt: { type: 'string', maxLength: 40 },
            duration: { type: 'string', maxLength: 20 },
            comment: { type: 'string', maxLength: 2000 },
          },
        },
      },
    },
    async (request, reply) => {
      const p = request.principal!;
      const { store } = await visibleAlerting(p);
      const now = deps.now();
      const b = request.body;
      if ((b.endsAt === undefined) === (b.duration === undefined))
        throw vigilError('VIGIL_INPUT_INVALID', 'silence: give either endsAt or duration');
      const startsAt = b.startsAt ?? now.toISOString();
      const endsAt =
        b.endsAt ??
        new Date(
          Math.max(Date.parse(startsAt) || now.getTime(), now.getTime()) + durationMs(b.duration!),
        ).toISOString();
      const silence = createSilence(
        { matchers: b.matchers, startsAt, endsAt, createdBy: p.user.username, comment: b.comment },
        now.toISOString(),
      );
      await deps.writes.inTransaction(async () => {
        await store.addSilence(silence);
        await deps.audit(p, 'silence.add', silence.id, {
          matchers: silence.matchers,
          startsAt: silence.startsAt,
          endsAt: silence.endsAt,
          comment: silence.comment,
        });
      });
      changed(silence.id, 'silence', p.user.username);
      return reply.code(201).send(silence);
    },
  );

  app.delete<{ Params: { id: string } }>(
    `${API_PREFIX}/silences/:id`,
    {
      schema: {
        tags: ['alerts'],
        summary: 'Expire a silence now',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
      },
    },
    async (request) => {
      const p = request.principal!;
      const { store } = await visibleAlerting(p);
      const silence = await deps.writes.inTransaction(async () => {
        const expired = await store.expireSilence(request.params.id, deps.now().toISOString());
        await deps.audit(p, 'silence.expire', expired.id);
        return expired;
      });
      changed(silence.id, 'unsilence', p.user.username);
      return silence;
    },
  );
};

function durationMs(text: string): number {
  try {
    return parseDuration(text);
  } catch (error) {
    throw vigilError('VIGIL_INPUT_INVALID', `silence: duration: ${(error as Error).message}`);
  }
}

/** Each alert with its acknowledgement, comments, playbook checklist and the silence muting it (if any). */
async function inboxItems(deps: ServerDeps, alerts: readonly Alert[]) {
  const { store, playbooks } = deps.alerts!;
  const ids = alerts.map((a) => a.id);
  const now = deps.now().toISOString();
  const [acks, ticks, silences] = await Promise.all([
    store.listAcknowledgements(ids),
    store.listPlaybookTicks(ids),
    store.listSilences({ activeAt: now }),
  ]);
  const silenced = silencedAlerts(alerts, silences, now);
  return Promise.all(
    alerts.map(async (a) => {
      const playbook = a.playbook ? playbooks[a.playbook] : undefined;
      const comments = (await deps.users.listAudit({ action: 'alert.comment', target: a.id })).map((e) => ({
        by: e.actor.replace(/^(user|token):/, ''),
        at: e.at,
        text: String(e.details.text ?? ''),
      }));
      return {
        ...a,
        acknowledged: acks.find((x) => x.alertId === a.id) ?? null,
        checklist:
          a.playbook && playbook
            ? checklist(
                a.playbook,
                playbook,
                ticks.filter((t) => t.alertId === a.id),
              )
            : null,
        silencedBy: silenced.get(a.id) ?? null,
        comments,
      };
    }),
  );
}
