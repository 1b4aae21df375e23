// Parses `gdelt-events`: a GDELT 2.0 event export (or several concatenated) into daily conflict-intensity series for the
// China–Taiwan, China–US and China–Japan dyads (either direction).
import { createReadStream } from 'node:fs';
import type { ObservationInput } from '../../model/index.js';
import { addDays } from '../local-time.js';
import type { ParseContext, SourceParser } from '../source-parser.js';
import { GdeltAccumulator, type GdeltTotals } from './gdelt-accumulator.js';

/**
 * Per day and dyad: `gdelt.events.<dyad>` (events), `gdelt.conflict.<dyad>` (material-conflict events, QuadClass 4) and
 * `gdelt.goldstein.<dyad>` (mean Goldstein scale, -10 … +10). The day is SQLDATE as a UTC day; an aggregate is public
 * from the latest DATEADDED among its events.
 *
 * The subject is the input's batch (its first and last DATEADDED): exports cover disjoint 15-minute batches, so the
 * counts of several batches for one day add up (pack aggregate `sum`); the mean is per batch, exact for a file that
 * holds whole days.
 */
export function gdeltObservations(totals: GdeltTotals): ObservationInput[] {
  const batch = `gdelt:${totals.firstAdded}-${totals.lastAdded}`;
  const out: ObservationInput[] = [];
  for (const d of totals.days) {
    const base = {
      subject: batch,
      periodStart: `${d.day}T00:00:00.000Z`,
      periodEnd: `${addDays(d.day, 1)}T00:00:00.000Z`,
      publishedAt: `${d.lastAdded.slice(0, 4)}-${d.lastAdded.slice(4, 6)}-${d.lastAdded.slice(6, 8)}T${d.lastAdded.slice(8, 10)}:${d.lastAdded.slice(10, 12)}:${d.lastAdded.slice(12, 14)}.000Z`,
      source: 'gdelt',
      sourceRef: 'https://www.gdeltproject.org/data.html#rawdatafiles',
      // Machine-coded from news: usually reliable in aggregate, each event doubtful.
      reliability: 'C',
      credibility: 3,
      tlp: 'clear',
    } as const;
    const attributes = { dyad: d.dyad, events: d.events };
    out.push({
      series: `gdelt.events.${d.dyad}`,
      value: d.events,
      unit: 'events',
      ...base,
      attributes: { ...attributes },
    });
    out.push({
      series: `gdelt.conflict.${d.dyad}`,
      value: d.conflicts,
      unit: 'events',
      ...base,
      attributes: { ...attributes },
    });
    out.push({
      series: `gdelt.goldstein.${d.dyad}`,
      value: Math.round((d.goldsteinSum / d.events) * 1000) / 1000,
      unit: 'goldstein',
      ...base,
      attributes: { ...attributes },
    });
  }
  return out;
}

export function parseGdeltEvents(text: string, ctx: ParseContext): ObservationInput[] {
  const accumulator = new GdeltAccumulator(ctx.file);
  accumulator.push(text);
  return gdeltObservations(accumulator.finish());
}

/** Reads an export file as a byte stream: constant memory and no text decoding, for exports of any size. */
export async function readGdeltFile(path: string): Promise<GdeltTotals> {
  const accumulator = new GdeltAccumulator(path);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 })) accumulator.pushBuffer(chunk as Buffer);
  return accumulator.finish();
}

export const gdeltEventsParser: SourceParser = {
  kind: 'gdelt-events',
  description:
    'GDELT 2.0 event export (61 tab-separated columns): daily China–Taiwan/US/Japan conflict counts and Goldstein means',
  parse: parseGdeltEvents,
  readFile: async (path) => gdeltObservations(await readGdeltFile(path)),
};
