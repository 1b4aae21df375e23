// The formal warning record over HTTP: list, one record, draft, dissent, coordinate, issue, withdraw, and the ICD 203
// yardstick the dashboard's form offers. Each write and its audit entry commit in one transaction (the write
// services); drafting, dissent and the steps go through the warning service the CLI uses (src/app/warning-service.ts), so a
// warning issued here is published to partners in the same transaction. The caller is the drafter, dissenter or
// reviewer, so the drafter cannot issue their own warning.
import type { FastifyRequest } from 'fastify';
import { vigilError } from '../../errors/index.js';
import {
  CONFIDENCES,
  LIKELIHOODS,
  parseConfidence,
  parseHorizonDays,
  parseLikelihood,
  YARDSTICK,
} from '../../warnings/likelihood-yardstick.js';
import type { WarningService } from '../../app/warning-service.js';
import {
  OUTCOMES,
  type DissentKind,
  type Outcome,
  type WarningStatus,
  type WarningStep,
} from '../../warnings/warning-record.js';
import { dateParam } from '../api-schemas.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

const STATUSES: WarningStatus[] = ['draft', 'coordination', 'issued', 'withdrawn'];
const DISSENT_KINDS: readonly DissentKind[] = ['dissent', 'alternative-view'];

export const warningSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: STATUSES },
    keyJudgement: { type: 'string' },
    likelihood: { type: 'string', enum: Object.keys(LIKELIHOODS) },
    confidence: { type: 'string', enum: [...CONFIDENCES] },
    horizonDays: { type: 'integer' },
    day: { type: 'string' },
    madeAgainst: {
      type: 'object',
      description: 'The machine assessment of `day` when the warning was drafted',
      properties: {
        day: { type: 'string' },
        level: { type: 'integer' },
        levelName: { type: 'string' },
        knowledge: { type: 'string' },
        pEvent: { type: 'number' },
        posteriors: { type: 'object', additionalProperties: { type: 'number' } },
      },
    },
    drafter: { type: 'string' },
    createdAt: { type: 'string' },
    coordinatedBy: { type: 'string' },
    issuedBy: { type: 'string' },
    issuedAt: { type: 'string' },
    withdrawnBy: { type: 'string' },
    withdrawnAt: { type: 'string' },
    withdrawReason: { type: 'string' },
    dissents: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          by: { type: 'string' },
          at: { type: 'string' },
          text: { type: 'string' },
          kind: { type: 'string', enum: [...DISSENT_KINDS] },
        },
      },
    },
    adjudication: {
      type: 'object',
      description: "An analyst's ruling on whether what was warned of happened (`vigil warning adjudicate`)",
      properties: {
        outcome: { type: 'string', enum: [...OUTCOMES] },
        by: { type: 'string' },
        at: { type: 'string' },
        note: { type: 'string' },
        occurredOn: { type: 'string' },
      },
    },
  },
} as const;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 3, maxLength: 64, pattern: '^W-[A-Za-z0-9-]+$' } },
} as const;

export const warningRoutes: VigilRoutePlugin = async (app, { deps }) => {
  /**
   * A warning snapshots the machine assessment on every observation (as `vigil warning draft` does), so it follows the
   * alerts' ceiling rule: shown only to callers who may read everything stored, or whose ceiling is the highest.
   */
  const service = async (request: FastifyRequest): Promise<WarningService> => {
    if (!deps.warnings) throw vigilError('VIGIL_NOT_FOUND', 'formal warnings are not kept by this server');
    const tlpMax = request.principal!.user.tlpMax;
    if (!(await deps.alertVisibility.visibleTo(tlpMax)))
      throw vigilError(
        'VIGIL_FORBIDDEN',
        `formal warnings are judged against observations above your TLP ceiling (${tlpMax.toUpperCase()}), so they are not shown to you; an administrator can raise your ceiling`,
      );
    return deps.warnings;
  };
  const person = (request: FastifyRequest) => request.principal!.user.username;
  /** Tells open dashboards (those whose caller may see warnings: the `warning` event follows the alerts' rule). */
  const changed = (id: string, change: string, by: string) => deps.events.publish('warning', { id, change, by });

  app.get(
    `${API_PREFIX}/warnings/yardstick`,
    {
      schema: {
        tags: ['warnings'],
        summary: `The likelihood terms a warning states (${YARDSTICK}), with their numeric ranges, and the confidence levels`,
      },
    },
    async () => ({
      yardstick: YARDSTICK,
      likelihoods: Object.entries(LIKELIHOODS).map(([id, l]) => ({ id, ...l })),
      confidences: CONFIDENCES,
    }),
  );

  app.get<{ Querystring: { status?: WarningStatus } }>(
    `${API_PREFIX}/warnings`,
    {
      schema: {
        tags: ['warnings'],
        summary: 'Formal warnings, newest day first',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { status: { type: 'string', enum: STATUSES } },
        },
        response: { 200: { type: 'object', properties: { warnings: { type: 'array', items: warningSchema } } } },
      },
    },
    async (request) => {
      const status = request.query.status;
      return { warnings: await (await service(request)).store.list(status ? { status } : {}) };
    },
  );

  app.get<{ Params: { id: string } }>(
    `${API_PREFIX}/warnings/:id`,
    {
      schema: {
        tags: ['warnings'],
        summary: 'One formal warning with its dissents and sign-off',
        params: idParams,
        response: { 200: warningSchema },
      },
    },
    async (request) => {
      const w = await (await service(request)).store.get(request.params.id);
      if (!w) throw vigilError('VIGIL_NOT_FOUND', `no warning ${request.params.id}`);
      return w;
    },
  );

  app.post<{
    Body: { at?: string; judgement: string; likelihood: string; confidence: string; horizon: string | number };
  }>(
    `${API_PREFIX}/warnings`,
    {
      schema: {
        tags: ['warnings'],
        summary: 'Draft a formal warning against the machine assessment of a day; you are its drafter',
        description: `\`likelihood\`: an ${YARDSTICK} term (${Object.keys(LIKELIHOODS).join(', ')}); \`confidence\`: ${CONFIDENCES.join(', ')}; \`horizon\`: whole days 1–90 (\`7d\`, \`72h\` or a number).`,
        body: {
          type: 'object',
          required: ['judgement', 'likelihood', 'confidence', 'horizon'],
          additionalProperties: false,
          properties: {
            at: { ...dateParam, description: 'The local day the warning speaks from (default: the latest data day)' },
            judgement: { type: 'string', minLength: 1, maxLength: 4000 },
            likelihood: { type: 'string', maxLength: 40 },
            confidence: { type: 'string', maxLength: 20 },
            horizon: { anyOf: [{ type: 'integer' }, { type: 'string', maxLength: 10 }] },
          },
        },
        response: { 201: warningSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const w = await (
        await service(request)
      ).draft({
        at: body.at,
        keyJudgement: body.judgement,
        likelihood: parseLikelihood(body.likelihood),
        confidence: parseConfidence(body.confidence),
        horizonDays: parseHorizonDays(String(body.horizon)),
        drafter: person(request),
        actor: request.principal!.actor,
      });
      changed(w.id, 'draft', w.drafter);
      return reply.code(201).send(w);
    },
  );

  app.post<{ Params: { id: string }; Body: { text: string; kind?: DissentKind } }>(
    `${API_PREFIX}/warnings/:id/dissent`,
    {
      schema: {
        tags: ['warnings'],
        summary: 'Record your dissent or alternative view on a warning before it is issued',
        params: idParams,
        body: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: {
            text: { type: 'string', minLength: 1, maxLength: 4000 },
            kind: { type: 'string', enum: [...DISSENT_KINDS], default: 'dissent' },
          },
        },
        response: { 200: warningSchema },
      },
    },
    async (request) => {
      const warnings = await service(request);
      const by = person(request);
      const next = await warnings.dissent({
        id: request.params.id,
        by,
        text: request.body.text,
        kind: request.body.kind,
        actor: request.principal!.actor,
      });
      changed(next.id, 'dissent', by);
      return next;
    },
  );

  for (const [step, summary] of [
    ['coordinate', 'Send a draft to coordination'],
    ['issue', 'Issue a warning in coordination: you sign it off, and you may not be its drafter'],
    ['withdraw', 'Withdraw a warning, before or after issue, saying why'],
  ] as const satisfies readonly (readonly [WarningStep, string])[]) {
    app.post<{ Params: { id: string }; Body: { reason?: string } | undefined }>(
      `${API_PREFIX}/warnings/:id/${step}`,
      {
        schema: {
          tags: ['warnings'],
          summary,
          params: idParams,
          // Coordinate and issue take no body (none need be sent); withdraw needs the reason.
          ...(step === 'withdraw'
            ? {
                body: {
                  type: 'object',
                  required: ['reason'],
                  additionalProperties: false,
                  properties: { reason: { type: 'string', maxLength: 2000 } },
                },
              }
            : {}),
          response: { 200: warningSchema },
        },
      },
      async (request) => {
        const warnings = await service(request);
        const by = person(request);
        const reason = step === 'withdraw' ? request.body?.reason : undefined;
        // Issuing (and withdrawing what was issued) publishes the warning to partners in the same transaction.
        const next = await warnings.step({ id: request.params.id, step, by, actor: request.principal!.actor, reason });
        changed(next.id, step, by);
        return next;
      },
    );
  }
  app.post<{ Params: { id: string }; Body: { outcome: Outcome; note: string; occurredOn?: string } }>(
    `${API_PREFIX}/warnings/:id/adjudication`,
    {
      schema: {
        tags: ['warnings'],
        summary:
          'Rule whether what an issued warning spoke of happened; you are the adjudicator (`vigil warning adjudicate`)',
        description:
          'The scorecard prefers the ruling to the episode labels. `occurredOn`: the local day it began, for `occurred`.',
        params: idParams,
        body: {
          type: 'object',
          required: ['outcome', 'note'],
          additionalProperties: false,
          properties: {
            outcome: { type: 'string', enum: [...OUTCOMES] },
            note: { type: 'string', minLength: 1, maxLength: 4000 },
            occurredOn: dateParam,
          },
        },
        response: { 200: warningSchema },
      },
    },
    async (request) => {
      const warnings = await service(request);
      const by = person(request);
      const { outcome, note, occurredOn } = request.body;
      const next = await warnings.adjudicate({
        id: request.params.id,
        outcome,
        note,
        by,
        ...(occurredOn ? { occurredOn } : {}),
        actor: request.principal!.actor,
      });
      changed(next.id, 'adjudicate', by);
      return next;
    },
  );
};
