// Analyst notes over HTTP: write one (the same createNote and audited write as `vigil note add`, the caller as the
// analyst) and list those in a window, each with the indicators that read its series, so a note on a series no
// indicator reads says that it moves no assessment.
import { vigilError } from '../../errors/index.js';
import { createNote } from '../../notes/create-note.js';
import type { StoredObservation } from '../../storage/store.js';
import { getZone, parseDay } from '../../time/zone.js';
import { observationSchema, windowQuery } from '../api-schemas.js';
import { announceStored, observationsStored } from '../observations-stored.js';
import { API_PREFIX, type ServerDeps, type VigilRoutePlugin } from '../server-deps.js';

interface NoteBody {
  series: string;
  value: number | string | null;
  missingReason?: string;
  reliability: string;
  credibility: string | number;
  tlp: string;
  text: string;
  at?: string;
  unit?: string;
  ref?: string;
}

const noteSchema = {
  type: 'object',
  properties: {
    observation: observationSchema,
    readBy: {
      type: 'array',
      items: { type: 'string' },
      description: 'The indicators that read the note’s series: empty when none does (the note moves no assessment)',
    },
  },
} as const;

/** The pack's indicators reading `series` (a series list may end in `.*`). */
export function indicatorsReading(deps: Pick<ServerDeps, 'pack'>, series: string): string[] {
  return deps.pack.indicators
    .filter((ind) => ind.series.some((s) => (s.endsWith('.*') ? series.startsWith(s.slice(0, -1)) : s === series)))
    .map((ind) => ind.id);
}

export const noteRoutes: VigilRoutePlugin = async (app, { deps }) => {
  const zone = getZone(deps.pack.timeZone);
  const withReaders = (o: StoredObservation) => ({ observation: o, readBy: indicatorsReading(deps, o.series) });

  app.post<{ Body: NoteBody }>(
    `${API_PREFIX}/notes`,
    {
      schema: {
        tags: ['notes'],
        summary: 'Record an analyst note: a graded, TLP-marked entry for a series and a day, by you',
        description:
          'The same entry as `vigil note add` (source `analyst:<your username>`), written with its audit entry (`note.add`) in one transaction. `value` is a number, or null with `missingReason`. `at`: a local date or an ISO instant (default now).',
        body: {
          type: 'object',
          required: ['series', 'value', 'reliability', 'credibility', 'tlp', 'text'],
          additionalProperties: false,
          properties: {
            series: { type: 'string', minLength: 1, maxLength: 200 },
            // No type here: the validator would coerce null to 0 (or 0 to null); the handler takes a number, a string or null.
            value: { description: 'A number, `"NA"` or null (then `missingReason`): missing is never zero' },
            missingReason: { type: 'string', maxLength: 500 },
            reliability: { type: 'string', maxLength: 1 },
            credibility: { anyOf: [{ type: 'integer' }, { type: 'string', maxLength: 1 }] },
            tlp: { type: 'string', maxLength: 20 },
            text: { type: 'string', minLength: 1, maxLength: 4000 },
            at: { type: 'string', maxLength: 40 },
            unit: { type: 'string', maxLength: 40 },
            ref: { type: 'string', maxLength: 500 },
          },
        },
        response: { 201: noteSchema },
      },
    },
    async (request, reply) => {
      const p = request.principal!;
      const b = request.body;
      if (!(b.value === null || typeof b.value === 'number' || (typeof b.value === 'string' && b.value.length <= 40)))
        throw vigilError('VIGIL_INPUT_INVALID', 'request: value: must be a number, "NA" or null');
      const now = deps.now().toISOString();
      const observation = createNote(
        {
          series: b.series,
          value: b.value,
          missingReason: b.missingReason,
          reliability: b.reliability,
          credibility: b.credibility,
          tlp: b.tlp,
          text: b.text,
          at: b.at,
          by: p.user.username,
          unit: b.unit,
          sourceRef: b.ref,
        },
        { now, timeZone: deps.pack.timeZone },
      );
      const put = await deps.writes
        .observations(p.actor, 'note.add')
        .putObservations([observation], now, `${observation.series} ${observation.id}`);
      const summary = { ...put, label: `note ${observation.id}`, by: p.actor };
      if (put.inserted > 0) {
        await observationsStored(deps, summary, [observation]);
        await announceStored(deps, summary, [observation]);
      }
      const stored = await deps.store.getObservation(observation.id);
      return reply.code(201).send(withReaders(stored!));
    },
  );

  app.get<{ Querystring: { from?: string; to?: string; at?: string; series?: string } }>(
    `${API_PREFIX}/notes`,
    {
      schema: {
        tags: ['notes'],
        summary: 'Analyst notes about days in a window, as known at the end of `at`, limited to your TLP ceiling',
        description:
          'Defaults: `to` = `at` (or today), `from` = 365 days earlier. `series`: comma-separated exact names.',
        querystring: windowQuery({ series: { type: 'string', maxLength: 2000 } }),
        response: { 200: { type: 'object', properties: { notes: { type: 'array', items: noteSchema } } } },
      },
    },
    async (request) => {
      const q = request.query;
      const today = zone.dayOf(deps.now().getTime());
      const at = q.at ? parseDay(q.at, 'at date') : undefined;
      const to = q.to ? parseDay(q.to, 'to date') : (at ?? today);
      const from = q.from ? parseDay(q.from, 'from date') : to - 364;
      const series = q.series
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const rows = await deps.store.queryObservations({
        ...(series?.length ? { series } : {}),
        from: new Date(zone.startOfDay(from)).toISOString(),
        to: new Date(zone.endOfDay(to)).toISOString(),
        ...(at !== undefined ? { asOf: new Date(zone.endOfDay(at) - 1).toISOString() } : {}),
        tlpMax: request.principal!.user.tlpMax,
      });
      const notes = rows
        .filter((o) => o.source.startsWith('analyst:'))
        .sort(
          (a, b) =>
            a.periodStart.localeCompare(b.periodStart) || a.publishedAt.localeCompare(b.publishedAt) || a.seq - b.seq,
        );
      return { notes: notes.map(withReaders) };
    },
  );
};
