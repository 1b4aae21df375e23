// Turns every error into application/problem+json (RFC 9457) carrying the registry code; unknown errors become VIGIL_INTERNAL.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorRegistry, isVigilError, vigilError, type ErrorCode, type VigilError } from '../errors/index.js';

export const PROBLEM_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  retryable: boolean;
  instance: string;
  details?: Record<string, unknown>;
}

/** Fastify's own error codes, mapped once onto the registry. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'VIGIL_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'VIGIL_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VIGIL_INPUT_INVALID',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VIGIL_INPUT_INVALID',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VIGIL_INPUT_INVALID',
  FST_ERR_CTP_EMPTY_TYPE: 'VIGIL_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'VIGIL_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_BAD_URL: 'VIGIL_INPUT_INVALID',
  FST_ERR_ASYNC_CONSTRAINT: 'VIGIL_INPUT_INVALID',
  FST_ERR_VALIDATION: 'VIGIL_INPUT_INVALID',
  FST_ERR_NOT_FOUND: 'VIGIL_NOT_FOUND',
};

/** Maps any thrown value to a VigilError; the boolean says whether it was unexpected (and must be logged in full). */
export function asVigilError(error: unknown): { error: VigilError; unexpected: boolean } {
  if (isVigilError(error)) return { error, unexpected: false };
  const e = error as FastifyError & {
    validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
    validationContext?: string;
  };
  if (Array.isArray(e?.validation) && e.validation.length > 0) {
    const v = e.validation[0];
    const missing = typeof v.params?.missingProperty === 'string' ? `/${v.params.missingProperty}` : '';
    const extra = typeof v.params?.additionalProperty === 'string' ? `/${v.params.additionalProperty}` : '';
    const field = `${e.validationContext ?? 'request'}${(v.instancePath ?? '') + missing + extra}`.replace(/\//g, '.');
    return {
      error: vigilError('VIGIL_INPUT_INVALID', `${field}: ${v.message ?? 'is invalid'}`, {
        details: { field, problem: v.message },
      }),
      unexpected: false,
    };
  }
  const mapped = typeof e?.code === 'string' ? FASTIFY_CODES[e.code] : undefined;
  if (mapped) return { error: vigilError(mapped, e.message, { cause: error }), unexpected: false };
  if (e instanceof SyntaxError || (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)) {
    const code =
      e.statusCode === 413
        ? 'VIGIL_PAYLOAD_TOO_LARGE'
        : e.statusCode === 415
          ? 'VIGIL_UNSUPPORTED_MEDIA_TYPE'
          : e.statusCode === 406
            ? 'VIGIL_NOT_ACCEPTABLE'
            : 'VIGIL_INPUT_INVALID';
    return { error: vigilError(code, e.message, { cause: error }), unexpected: false };
  }
  return {
    error: vigilError('VIGIL_INTERNAL', 'an unexpected error occurred; the server log has the detail', {
      cause: error,
    }),
    unexpected: true,
  };
}

export function toProblem(error: VigilError, instance: string): Problem {
  return {
    type: `urn:vigil:error:${error.code}`,
    title: errorRegistry[error.code].summary,
    status: error.status,
    detail: error.message,
    code: error.code,
    retryable: error.retryable,
    instance,
    // Server-side details (database paths, driver codes) stay in the log.
    ...(error.details && error.status < 500 ? { details: error.details } : {}),
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: VigilError): FastifyReply {
  if (error.retryable) {
    const seconds = error.details?.retryAfterSeconds;
    reply.header('retry-after', typeof seconds === 'number' && seconds > 0 ? String(Math.ceil(seconds)) : '5');
  }
  return reply
    .code(error.status)
    .type(PROBLEM_TYPE)
    .send(toProblem(error, request.url.split('?')[0]));
}

/** Installs the error and not-found handlers on the root instance. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((raw, request, reply) => {
    const { error, unexpected } = asVigilError(raw);
    if (unexpected) request.log.error({ err: raw }, 'unexpected error');
    else if (error.status >= 500) request.log.warn({ code: error.code, detail: error.message }, 'request failed');
    return sendProblem(reply, request, error);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      request,
      vigilError('VIGIL_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
}
