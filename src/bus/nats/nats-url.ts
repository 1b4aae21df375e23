// Reads a nats:// bus URL: servers (comma-separated), an optional namespace, and a label safe to print.
import { vigilError } from '../../errors/index.js';

export interface NatsLocation {
  /** `nats://[user:pass@]host:port` per server, as the client takes them. */
  servers: string[];
  namespace?: string;
  /** Hosts only, never credentials. */
  label: string;
}

/** `nats://host[:port][,host2[:port]…][?namespace=name]`; the port defaults to 4222. */
export function parseNatsUrl(url: string): NatsLocation {
  const match = /^nats:\/\/([^?#]+)(\?[^#]*)?$/.exec(url);
  if (match === null)
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      'invalid NATS URL (expected nats://host[:port][,host2:port][?namespace=name])',
    );
  const params = new URLSearchParams(match[2] ?? '');
  const servers = match[1]
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (servers.length === 0) throw vigilError('VIGIL_CONFIG_INVALID', 'invalid NATS URL: no server');
  const hosts = servers.map((s) => s.replace(/^.*@/, ''));
  return {
    servers: servers.map((s) => `nats://${s}`),
    namespace: params.get('namespace') ?? undefined,
    label: hosts.join(','),
  };
}
