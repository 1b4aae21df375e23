// Every error Vigil can report, with its HTTP status and whether a retry can succeed. docs/errors.md mirrors this table (a test keeps them in step).

export interface ErrorEntry {
  status: number;
  retryable: boolean;
  /** One line on what the code means, as printed in docs/errors.md. */
  summary: string;
}

export const errorRegistry = {
  VIGIL_INPUT_INVALID: {
    status: 400,
    retryable: false,
    summary:
      'A row or field of an input file or request body is malformed; the message names file:line: field: problem.',
  },
  VIGIL_PATTERN_UNSUPPORTED: {
    status: 400,
    retryable: false,
    summary:
      'A regular expression in a matcher is too long or uses syntax outside RE2 (back-references, look-around); the message names the field.',
  },
  VIGIL_FILE_NOT_FOUND: {
    status: 404,
    retryable: false,
    summary: 'A file named on the command line or in configuration does not exist or cannot be read.',
  },
  VIGIL_FILE_NOT_WRITABLE: {
    status: 400,
    retryable: false,
    summary:
      'An output file named on the command line (--out) cannot be written: its folder is missing or not writable; the message names the path.',
  },
  VIGIL_PACK_INVALID: {
    status: 400,
    retryable: false,
    summary: 'A scenario pack fails its schema or cross-references; the message names the path of the offending field.',
  },
  VIGIL_RULES_INVALID: {
    status: 400,
    retryable: false,
    summary:
      'An alerting rules/routes file fails its schema or cross-references; the message names the path of the offending field.',
  },
  VIGIL_DATE_INVALID: {
    status: 400,
    retryable: false,
    summary: 'A date or time argument is not a valid calendar date (YYYY-MM-DD) or ISO 8601 instant.',
  },
  VIGIL_CONFIG_INVALID: {
    status: 400,
    retryable: false,
    summary: 'A configuration value (flag, environment variable, config file) is invalid.',
  },
  VIGIL_UNKNOWN_KIND: {
    status: 400,
    retryable: false,
    summary: 'An ingest kind, command argument or enumerated value is not one Vigil knows.',
  },
  VIGIL_NOT_FOUND: {
    status: 404,
    retryable: false,
    summary: 'The requested record (pack, series, alert, user…) does not exist.',
  },
  VIGIL_NO_DATA: {
    status: 404,
    retryable: false,
    summary: 'There are no observations to assess at the requested time.',
  },
  VIGIL_CONFLICT: { status: 409, retryable: false, summary: 'The write conflicts with a record that already exists.' },
  VIGIL_LOOKAHEAD: {
    status: 400,
    retryable: false,
    summary: 'The request would use data from after its own cut-off time (e.g. a training window past --train-to).',
  },
  VIGIL_STORE_LOCKED: {
    status: 503,
    retryable: true,
    summary: 'The database is locked by another process; retry when it is released.',
  },
  VIGIL_STORE_UNAVAILABLE: { status: 503, retryable: true, summary: 'The database cannot be opened or reached.' },
  VIGIL_UNAUTHORIZED: { status: 401, retryable: false, summary: 'Missing or invalid credentials.' },
  VIGIL_FORBIDDEN: {
    status: 403,
    retryable: false,
    summary: 'The credentials are valid but not allowed to do this (role or TLP ceiling).',
  },
  VIGIL_TOO_MANY_ATTEMPTS: {
    status: 429,
    retryable: true,
    summary: 'Too many failed sign-ins for this user or address; wait for the time in Retry-After.',
  },
  VIGIL_PAYLOAD_TOO_LARGE: {
    status: 413,
    retryable: false,
    summary: 'The request body is larger than the server accepts.',
  },
  VIGIL_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    retryable: false,
    summary: 'The request body has a media type the endpoint does not accept.',
  },
  VIGIL_NOT_ACCEPTABLE: {
    status: 406,
    retryable: false,
    summary: 'The Accept header asks for a media type the endpoint cannot produce.',
  },
  VIGIL_DELIVERY_FAILED: {
    status: 502,
    retryable: true,
    summary: 'A notification could not be delivered to a receiver; it stays in the outbox and is retried.',
  },
  VIGIL_BUS_UNAVAILABLE: { status: 503, retryable: true, summary: 'The message bus cannot be reached.' },
  VIGIL_SOURCE_UNAVAILABLE: {
    status: 502,
    retryable: true,
    summary:
      'A source website or feed could not be fetched (after retries) or answered with an error; the collector records it in the source health.',
  },
  VIGIL_PARTNER_UNAVAILABLE: {
    status: 502,
    retryable: true,
    summary: "A partner's TAXII server cannot be reached or answered with an error; nothing from it was stored.",
  },
  VIGIL_SIGNATURE_INVALID: {
    status: 400,
    retryable: false,
    summary: 'A signed bundle or envelope is unsigned where a signature is required, or its signature does not verify.',
  },
  VIGIL_BROWSER_UNAVAILABLE: {
    status: 503,
    retryable: false,
    summary: 'Chromium, which prints the daily brief to PDF, is not installed at the given path or could not start.',
  },
  VIGIL_WARNING_STATE: {
    status: 409,
    retryable: false,
    summary:
      'A formal warning is not in a state that allows this step (draft → coordination → issued; dissents only before issue).',
  },
  VIGIL_REVIEWER_IS_DRAFTER: {
    status: 403,
    retryable: false,
    summary: 'A formal warning must be issued by a reviewer who is not its drafter.',
  },
  VIGIL_AUDIT_BROKEN: {
    status: 500,
    retryable: false,
    summary: "The audit log's hash chain does not verify: an entry was edited, removed or inserted.",
  },
  VIGIL_INTERNAL: { status: 500, retryable: false, summary: 'An unexpected internal error; the log has the detail.' },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof errorRegistry;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorRegistry, value);
}
