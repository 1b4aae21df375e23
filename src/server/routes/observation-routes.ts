// Observations: query the point-in-time view (TLP-limited to the caller), one claim with its revisions, and ingest.
import { identifyParsed } from '../../app/ingest-files.js';
import { vigilError } from '../../errors/index.js';
import { decodeUtf8 } from '../../model/utf8-text.js';
import { parseObservationInput, withId, type Observation } from '../../model/index.js';
import { getSourceParser } from '../../sources/registry.js';
import type { ObservationQuery } from '../../storage/store.js';
import { getZone, parseDay } from '../../time/zone.js';
import { atQuery, dateParam, observationSchema } from '../api-schemas.js';
import { announceStored, observationsStored } from '../observations-stored.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

export const MAX_INGEST_OBSERVATIONS = 50_000;
const INGEST_BODY_LIMIT = 32 * 1024 * 1024;

interface ObservationsQuery {
  series?: string;
  prefix?: string;
  day?: string;
  from?: string;
  to?: string;
  at?: string;
  source?: string;
  revisions?: 'latest' | 'all';
  afterSeq?: number;
  limit?: number;
}

const putResultSchema = {
  type: 'object',
  properties: { observations: { type: 'integer' }, inserted: { type: 'integer' }, unchanged: { type: 'integer' } },
} as const;

export const observationRoutes: VigilRoutePlugin = async (app, { deps }) => {
  const zone = getZone(deps.pack.timeZone);
  const endOfDay = (date: string, what: string) => new Date(zone.endOfDay(parseDay(date, what)) - 1).toISOString();
  const startOfDay = (date: string, what: string) => new Date(zone.startOfDay(parseDay(date, what))).toISOString();

  // Files arrive as bytes: invalid UTF-8 is refused with its line (decodeUtf8), never replaced.
  app.removeContentTypeParser('text/plain');
  for (const type of ['text/plain', 'text/csv', 'application/x-ndjson', 'application/jsonl']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: INGEST_BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
  }

  app.get<{ Querystring: ObservationsQuery }>(
    `${API_PREFIX}/observations`,
    {
      schema: {
        tags: ['observations'],
        summary: 'Observations as known at the end of `at`, latest revisions (or all), limited to your TLP ceiling',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            series: { type: 'string', description: 'Comma-separated exact series names', maxLength: 2000 },
            prefix: { type: 'string', maxLength: 200 },
            day: { ...dateParam, description: 'Only observations whose period overlaps this local day' },
            from: dateParam,
            to: dateParam,
            at: atQuery,
            source: { type: 'string', maxLength: 200 },
            revisions: { type: 'string', enum: ['latest', 'all'], default: 'latest' },
            afterSeq: { type: 'integer', minimum: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 10_000, default: 1000 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              observations: { type: 'array', items: observationSchema },
              nextAfterSeq: { type: ['integer', 'null'] },
            },
          },
        },
      },
    },
    async (request) => {
      const q = request.query;
      const query: ObservationQuery = {
        tlpMax: request.principal!.user.tlpMax,
        limit: q.limit,
        allRevisions: q.revisions === 'all',
      };
      if (q.series)
        query.series = q.series
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
      if (q.prefix) query.seriesPrefix = q.prefix;
      if (q.source) query.source = q.source;
      if (q.afterSeq !== undefined) query.afterSeq = q.afterSeq;
      if (q.day) {
        query.from = startOfDay(q.day, 'day');
        query.to = new Date(Date.parse(endOfDay(q.day, 'day')) + 1).toISOString();
      }
      if (q.from) query.from = startOfDay(q.from, 'from date');
      if (q.to) query.to = new Date(Date.parse(endOfDay(q.to, 'to date')) + 1).toISOString();
      if (q.at) query.asOf = endOfDay(q.at, 'at date');
      const observations = await deps.store.queryObservations(query);
      const full = q.limit !== undefined && observations.length === q.limit;
      return { observations, nextAfterSeq: full ? Math.max(...observations.map((o) => o.seq)) : null };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { at?: string } }>(
    `${API_PREFIX}/observations/:id`,
    {
      schema: {
        tags: ['observations'],
        summary: 'One observation with every revision of the same claim published by the end of `at`',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-f]{32}$' } } },
        querystring: { type: 'object', additionalProperties: false, properties: { at: atQuery } },
        response: {
          200: {
            type: 'object',
            properties: { observation: observationSchema, revisions: { type: 'array', items: observationSchema } },
          },
        },
      },
    },
    async (request) => {
      const tlpMax = request.principal!.user.tlpMax;
      const o = await deps.store.getObservation(request.params.id);
      const asOf = request.query.at ? endOfDay(request.query.at, 'at date') : undefined;
      // Above the caller's ceiling (or published after `at`) it does not exist for them: 404, not 403.
      const visible =
        o &&
        (await deps.store.queryObservations({
          series: [o.series],
          from: o.periodStart,
          to: new Date(Date.parse(o.periodEnd) + 1).toISOString(),
          allRevisions: true,
          tlpMax,
          asOf,
        }));
      if (!o || !visible || !visible.some((v) => v.id === o.id))
        throw vigilError('VIGIL_NOT_FOUND', `no observation ${request.params.id}`);
      const revisions = visible.filter(
        (v) =>
          v.periodStart === o.periodStart && v.periodEnd === o.periodEnd && (v.subject ?? '') === (o.subject ?? ''),
      );
      return { observation: o, revisions };
    },
  );

  app.post<{ Body: unknown }>(
    `${API_PREFIX}/observations`,
    {
      bodyLimit: INGEST_BODY_LIMIT,
      schema: {
        tags: ['observations'],
        summary: 'Ingest observations (JSON): all are validated first, then written in one transaction',
        description:
          'Body: `{"observations": [ObservationInput…]}` or an array. A bad record writes nothing; the error names `request:N: field: problem`.',
        body: {
          oneOf: [
            { type: 'array' },
            { type: 'object', required: ['observations'], properties: { observations: { type: 'array' } } },
          ],
        },
        response: { 200: putResultSchema },
      },
    },
    async (request) => {
      const raw = Array.isArray(request.body)
        ? request.body
        : (request.body as { observations: unknown[] }).observations;
      if (raw.length === 0) throw vigilError('VIGIL_INPUT_INVALID', 'request: observations: is empty');
      if (raw.length > MAX_INGEST_OBSERVATIONS)
        throw vigilError(
          'VIGIL_PAYLOAD_TOO_LARGE',
          `request: at most ${MAX_INGEST_OBSERVATIONS} observations per request`,
        );
      const observations = raw.map((o, i) => withId(parseObservationInput(o, 'request', i + 1)));
      return store(request.principal, observations, 'request body (json)');
    },
  );

  app.post<{ Params: { kind: string }; Body: Buffer }>(
    `${API_PREFIX}/ingest/:kind`,
    {
      bodyLimit: INGEST_BODY_LIMIT,
      schema: {
        tags: ['observations'],
        summary: 'Ingest a file of a known kind (the body is the file: text/csv, application/x-ndjson, text/plain)',
        description:
          'The same parsers as `vigil ingest <kind>`; the file is parsed whole first, so a bad row writes nothing.',
        params: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', maxLength: 100 } } },
        response: { 200: putResultSchema },
      },
    },
    async (request) => {
      const parser = getSourceParser(request.params.kind);
      if (!Buffer.isBuffer(request.body))
        throw vigilError(
          'VIGIL_UNSUPPORTED_MEDIA_TYPE',
          'send the file as text/csv, application/x-ndjson or text/plain',
        );
      const file = `upload.${request.params.kind}`;
      const observations = identifyParsed(parser.parse(decodeUtf8(request.body, file), { file }), file);
      if (observations.length > MAX_INGEST_OBSERVATIONS)
        throw vigilError(
          'VIGIL_PAYLOAD_TOO_LARGE',
          `request: at most ${MAX_INGEST_OBSERVATIONS} observations per request`,
        );
      return store(request.principal, observations, `${file} (${request.params.kind})`);
    },
  );

  async function store(principal: Parameters<typeof deps.audit>[0], observations: Observation[], label: string) {
    // The write and its audit entry commit together.
    const put = await deps.writes
      .observations(principal?.actor ?? 'anonymous')
      .putObservations(observations, deps.now().toISOString(), label);
    const summary = { ...put, label, by: principal?.actor ?? 'anonymous' };
    if (put.inserted > 0) {
      await observationsStored(deps, summary, observations);
      await announceStored(deps, summary, observations);
    }
    return { observations: observations.length, ...put };
  }
};
