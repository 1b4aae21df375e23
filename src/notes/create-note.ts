// Builds an analyst entry: a graded, TLP-marked observation with source `analyst:<name>`, from the flags of
// `vigil note add` (or an API body). Pure: the entry time is passed in.
import { vigilError } from '../errors/index.js';
import {
  CREDIBILITIES,
  isCredibility,
  isReliability,
  isTlp,
  parseObservationInput,
  RELIABILITIES,
  TLP_LEVELS,
  withId,
  type Observation,
  type ObservationInput,
} from '../model/index.js';
import { isLocalDate } from '../sources/local-time.js';
import { getZone, parseDay } from '../time/zone.js';

export interface NoteRequest {
  series: string;
  /** A number, or `null` with `missingReason` ("I checked and it is not known"). */
  value: string | number | null;
  missingReason?: string;
  reliability: string;
  credibility: string | number;
  tlp: string;
  text: string;
  /** What the entry is about: a local date YYYY-MM-DD (that whole day) or an ISO instant (an event). Default: `now`. */
  at?: string;
  /** Analyst name; the source becomes `analyst:<name>`. */
  by: string;
  unit?: string;
  sourceRef?: string;
}

export interface NoteOptions {
  /** Entry time (ISO instant): when the claim became known, so backtests see it only from then on. */
  now: string;
  /** The theatre's IANA time zone: `--at YYYY-MM-DD` is that local day, midnight to midnight (23 or 25 hours on a
   * daylight-saving change). Default Asia/Taipei. */
  timeZone?: string;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An analyst entry. Its subject is `analyst:<name>`, so a later entry by the same analyst for the same series and
 * period revises the earlier one (both are kept), while entries by different analysts stand side by side. Grading
 * weighs it in the assessment (src/model/grading.ts gradingWeight).
 */
export function createNote(request: NoteRequest, options: NoteOptions): Observation {
  const fail = (flag: string, problem: string) => vigilError('VIGIL_INPUT_INVALID', `--${flag}: ${problem}`);
  if (!NAME.test(request.by))
    throw fail('by', `must be a name of letters, digits, dot, dash or underscore, got ${JSON.stringify(request.by)}`);
  const reliability = request.reliability.toUpperCase();
  if (!isReliability(reliability))
    throw fail('reliability', `must be one of ${RELIABILITIES.join(', ')}, got ${JSON.stringify(request.reliability)}`);
  const credibility = typeof request.credibility === 'number' ? request.credibility : Number(request.credibility);
  if (!isCredibility(credibility))
    throw fail('credibility', `must be one of ${CREDIBILITIES.join(', ')}, got ${JSON.stringify(request.credibility)}`);
  const tlp = request.tlp.toLowerCase();
  if (!isTlp(tlp)) throw fail('tlp', `must be one of ${TLP_LEVELS.join(', ')}, got ${JSON.stringify(request.tlp)}`);
  if (request.text.trim() === '') throw fail('text', 'must say what the entry is based on');
  const value = readValue(request, fail);
  const { periodStart, periodEnd } = readPeriod(request.at ?? options.now, options.timeZone ?? 'Asia/Taipei', fail);
  if (periodStart > new Date(Date.parse(options.now) + 366 * 86_400_000).toISOString())
    throw fail('at', 'is more than a year in the future');

  const input: ObservationInput = {
    series: request.series,
    subject: `analyst:${request.by}`,
    value,
    unit: request.unit ?? 'events',
    text: request.text.trim(),
    periodStart,
    periodEnd,
    publishedAt: options.now,
    source: `analyst:${request.by}`,
    reliability,
    credibility,
    tlp,
  };
  if (value === null) input.missingReason = request.missingReason;
  if (request.sourceRef !== undefined) input.sourceRef = request.sourceRef;
  try {
    return withId(parseObservationInput(input, 'note'));
  } catch (error) {
    // parseObservationInput names the field as `note: field: problem`; the CLI speaks in flags.
    const message = (error as Error).message.replace(/^note: /, '');
    const [field, ...rest] = message.split(': ');
    throw fail(field === 'missingReason' ? 'missing-reason' : field, rest.join(': '));
  }
}

function readValue(request: NoteRequest, fail: (flag: string, problem: string) => Error): number | null {
  const raw = request.value;
  if (raw === null || raw === 'null' || raw === 'NA') {
    if (!request.missingReason) throw fail('missing-reason', 'is required when --value is NA (missing is never zero)');
    return null;
  }
  const value = typeof raw === 'number' ? raw : /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) throw fail('value', `must be a number or NA, got ${JSON.stringify(raw)}`);
  if (request.missingReason !== undefined) throw fail('missing-reason', 'is only for --value NA');
  return value;
}

function readPeriod(
  at: string,
  timeZone: string,
  fail: (flag: string, problem: string) => Error,
): { periodStart: string; periodEnd: string } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) {
    if (!isLocalDate(at)) throw fail('at', `is not a real calendar date, got ${JSON.stringify(at)}`);
    const zone = getZone(timeZone);
    const day = parseDay(at);
    return {
      periodStart: new Date(zone.startOfDay(day)).toISOString(),
      periodEnd: new Date(zone.endOfDay(day)).toISOString(),
    };
  }
  const ms = INSTANT.test(at) ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(ms) || !isLocalDate(at.slice(0, 10))) {
    throw fail('at', `must be a date YYYY-MM-DD or an ISO 8601 instant with a time zone, got ${JSON.stringify(at)}`);
  }
  const instant = new Date(ms).toISOString();
  return { periodStart: instant, periodEnd: instant };
}
