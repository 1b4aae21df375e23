// Where the HTTP server listens: port and host flags checked once, with one clear error.
import { vigilError } from '../errors/index.js';

/** A TCP port 0–65535 (0: any free port). */
export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(port) || port > 65_535) throw vigilError('VIGIL_CONFIG_INVALID', `invalid --port "${text}": expected a number 0–65535`);
  return port;
}
