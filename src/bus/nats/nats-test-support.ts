// Test helpers for the NATS adapter: the test server's URL, a reachability check, and throwaway namespaces.
import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { parseNatsUrl } from './nats-url.js';

/** The server the tests use (CI and developer machines run nats-server with JetStream on 127.0.0.1:4222). */
export const NATS_TEST_URL = process.env.VIGIL_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * Why NATS tests must be skipped here, or undefined to run them. Only an unreachable server outside CI is a reason:
 * under CI (env CI set) the tests run and fail loudly if the server is missing.
 */
export async function natsSkipReason(url = NATS_TEST_URL): Promise<string | undefined> {
  if (process.env.CI) return undefined;
  const { servers, label } = parseNatsUrl(url);
  try {
    const nc = await connect({ servers, timeout: 2000, reconnect: false });
    await nc.close();
    return undefined;
  } catch (error) {
    return `NATS unreachable at ${label} (${(error as Error).message}); start it (see .ci/run) or set CI=1 to make this a failure`;
  }
}

/** A fresh namespace, `vigil_test_<hex>`: its own streams and consumers. */
export function freshNamespace(prefix = 'vigil_test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export function namespaceUrl(namespace: string, url = NATS_TEST_URL): string {
  return `${url.replace(/\?.*$/, '')}?namespace=${namespace}`;
}

/** Deletes every stream of a namespace (and with them their consumers). */
export async function deleteNamespace(namespace: string, url = NATS_TEST_URL): Promise<void> {
  const nc = await connect({ servers: parseNatsUrl(url).servers, timeout: 2000, reconnect: false });
  try {
    const jsm = await jetstreamManager(nc);
    const prefix = `${namespace.toUpperCase()}_`;
    for await (const name of jsm.streams.names()) if (name.startsWith(prefix)) await jsm.streams.delete(name);
  } finally {
    await nc.close();
  }
}
