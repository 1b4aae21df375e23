// The TAXII 2.1 error message (§3.6.1) for every failure the TAXII routes report, and how Vigil errors map to it.
import { isVigilError } from '../../errors/index.js';

export interface TaxiiErrorBody {
  title: string;
  description?: string;
  error_id?: string;
  error_code?: string;
  http_status?: string;
  external_details?: string;
  details?: Record<string, unknown>;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  413: 'Request entity too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Fastify's own request errors, by code, as Vigil error codes (so clients see one vocabulary). */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'VIGIL_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'VIGIL_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VIGIL_INPUT_INVALID',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VIGIL_INPUT_INVALID',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VIGIL_INPUT_INVALID',
};

export function taxiiErrorBody(status: number, description: string, code?: string): TaxiiErrorBody {
  return {
    title: TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request error'),
    description,
    error_code: code,
    http_status: String(status),
  };
}

/** The status and TAXII error body for anything a TAXII route throws; internal errors never leak their message. */
export function toTaxiiError(error: unknown): { status: number; body: TaxiiErrorBody } {
  if (isVigilError(error))
    return { status: error.status, body: taxiiErrorBody(error.status, error.message, error.code) };
  const e = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  const status = typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
  if (status === 500)
    return {
      status,
      body: taxiiErrorBody(500, 'an unexpected error occurred; the server log has the detail', 'VIGIL_INTERNAL'),
    };
  const code = typeof e.code === 'string' ? (FASTIFY_CODES[e.code] ?? 'VIGIL_INPUT_INVALID') : 'VIGIL_INPUT_INVALID';
  return { status, body: taxiiErrorBody(status, String(e.message ?? 'bad request'), code) };
}
