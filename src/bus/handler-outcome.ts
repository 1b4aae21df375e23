// How a handler's failure settles its message, the same for every adapter: retry unless the input itself is bad.
import { isVigilError, vigilError } from '../errors/index.js';

/** Largest payload (JSON bytes) the bus carries: NATS's default max_payload, so both adapters refuse the same. */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;

/**
 * A failure is permanent (the message is dropped, `term`) when it is a VigilError about the request itself (a 4xx:
 * malformed input, unknown pack…): redelivering cannot help. Anything else (store down, a bug) is retried.
 */
export function isPermanentFailure(error: unknown): boolean {
  return isVigilError(error) && !error.retryable && error.status < 500;
}

/** Serialises a payload for the wire, refusing what JSON cannot carry or what is over the size limit. */
export function encodePayload(subject: string, payload: unknown, limit = MAX_PAYLOAD_BYTES): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch (cause) {
    throw vigilError('VIGIL_INPUT_INVALID', `bus payload for ${subject} is not JSON-serialisable`, { cause });
  }
  if (json === undefined)
    throw vigilError('VIGIL_INPUT_INVALID', `bus payload for ${subject} is not JSON-serialisable`);
  const bytes = Buffer.byteLength(json);
  if (bytes > limit)
    throw vigilError(
      'VIGIL_PAYLOAD_TOO_LARGE',
      `bus payload for ${subject} is ${bytes} bytes, over the ${limit}-byte limit; split it`,
    );
  return json;
}
