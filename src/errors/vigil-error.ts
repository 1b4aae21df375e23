// The one error class every layer throws: a stable code from the registry, an HTTP status, and whether retrying can help.
import { errorRegistry, type ErrorCode } from './registry.js';

export interface VigilErrorOptions {
  cause?: unknown;
  /** Machine-readable specifics (file, line, field…) for API clients. */
  details?: Record<string, unknown>;
}

export class VigilError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: VigilErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const entry = errorRegistry[code];
    this.name = 'VigilError';
    this.code = code;
    this.status = entry.status;
    this.retryable = entry.retryable;
    this.details = options.details;
  }
}

/** Creates a VigilError; the short form most code uses. */
export function vigilError(code: ErrorCode, message: string, options?: VigilErrorOptions): VigilError {
  return new VigilError(code, message, options);
}

export function isVigilError(value: unknown): value is VigilError {
  return value instanceof VigilError;
}

/** Formats a problem in an input file the way every importer reports it: `file:line: field: problem`. */
export function inputError(file: string, line: number | undefined, field: string, problem: string): VigilError {
  const where = line === undefined ? file : `${file}:${line}`;
  return new VigilError('VIGIL_INPUT_INVALID', `${where}: ${field}: ${problem}`, {
    details: { file, line, field, problem },
  });
}
