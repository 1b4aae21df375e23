// Validates and normalises an observation from any untrusted source (files, API bodies, partners).
import { z } from 'zod';
import { inputError } from '../errors/index.js';
import { CREDIBILITIES, RELIABILITIES, TLP_LEVELS } from './grading.js';
import { MAX_YEAR, MIN_YEAR, yearProblem } from './input-limits.js';
import type { ObservationInput } from './observation.js';
import { observationLimitProblem } from './observation-limits.js';

const SERIES_PATTERN = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$/;
/** ISO 8601 instant with an explicit offset or Z; anything without a zone is ambiguous. */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const instant = z
  .string()
  .regex(INSTANT_PATTERN, 'must be an ISO 8601 instant with a time zone, e.g. 2024-05-24T06:00:00+08:00')
  .refine((v) => yearProblem(v) === undefined, `year must be between ${MIN_YEAR} and ${MAX_YEAR}`)
  .refine(isRealInstant, 'is not a real date and time')
  .transform(normaliseInstant);

const attributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const observationInputSchema = z
  .object({
    series: z.string().regex(SERIES_PATTERN, 'must be dotted lower-case words, e.g. mnd.aircraft.total'),
    subject: z.string().min(1).optional(),
    value: z.number().finite().nullable(),
    missingReason: z.string().min(1).optional(),
    unit: z.string().min(1),
    text: z.string().optional(),
    geometry: z
      .object({ type: z.string(), coordinates: z.unknown().optional(), geometries: z.unknown().optional() })
      .optional(),
    periodStart: instant,
    periodEnd: instant,
    publishedAt: instant,
    retrievedAt: instant.optional(),
    source: z.string().min(1),
    sourceRef: z.string().optional(),
    reliability: z.enum(RELIABILITIES),
    credibility: z.union(CREDIBILITIES.map((c) => z.literal(c)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<2>]),
    tlp: z.enum(TLP_LEVELS),
    attributes: z.record(z.string(), attributeValue).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    const limit = observationLimitProblem(o as ObservationInput);
    if (limit) ctx.addIssue({ code: 'custom', path: limit.field.split('.'), message: limit.problem });
    if (o.value === null && !o.missingReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['missingReason'],
        message: 'is required when value is null (missing is never zero)',
      });
    }
    if (o.periodEnd < o.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'is before periodStart' });
    }
  });

/** Date.parse accepts 2023-02-30 (as 2 March); a real instant's calendar fields must survive the round trip. */
function isRealInstant(s: string): boolean {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return false;
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  const check = new Date(Date.UTC(y, m - 1, d));
  return (
    check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d && +s.slice(11, 13) < 24
  );
}

/** Normalises an ISO instant to UTC with milliseconds, so equal instants compare and hash equal. */
export function normaliseInstant(value: string): string {
  return new Date(value).toISOString();
}

/**
 * Parses one observation, throwing `file:line: field: problem` on the first problem found.
 * The returned object has every instant normalised to UTC.
 */
export function parseObservationInput(raw: unknown, file: string, line?: number): ObservationInput {
  const result = observationInputSchema.safeParse(raw);
  if (result.success) return result.data as ObservationInput;
  const issue = result.error.issues[0];
  const field = issue.path.length > 0 ? issue.path.join('.') : '(record)';
  throw inputError(file, line, field, issue.message);
}
