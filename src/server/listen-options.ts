// Where the HTTP server listens and which reverse proxies it believes: flags checked once, with one clear error.
import { isIP } from 'node:net';
import { vigilError } from '../errors/index.js';

/** A TCP port 0–65535 (0: any free port). */
export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(port) || port > 65_535) throw vigilError('VIGIL_CONFIG_INVALID', `invalid --port "${text}": expected a number 0–65535`);
  return port;
}

/** Which proxies may set X-Forwarded-For (Fastify's `trustProxy`): every one (`true`) or these addresses and CIDRs. */
export type TrustProxy = true | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `--trust-proxy` / VIGIL_TRUST_PROXY: `true` (any peer; only when nothing but the proxy can reach the port), or a
 * comma-separated list of proxy addresses, CIDRs or `loopback`, `linklocal`, `uniquelocal`. Empty or `false`: none.
 */
export function parseTrustProxy(text: string | undefined): TrustProxy | undefined {
  const spec = text?.trim() ?? '';
  if (spec === '' || spec === 'false') return undefined;
  if (spec === 'true') return true;
  const entries = spec.split(',').map((e) => e.trim()).filter((e) => e !== '');
  for (const entry of entries) {
    const [address, bits, more] = entry.split('/');
    const version = isIP(address);
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(entry) && (version === 0 || !bitsOk || more !== undefined)) {
      throw vigilError('VIGIL_CONFIG_INVALID', `invalid --trust-proxy "${entry}": expected true, or proxy addresses or CIDRs (e.g. 10.0.0.5,192.168.0.0/16) or loopback`);
    }
  }
  return entries;
}
