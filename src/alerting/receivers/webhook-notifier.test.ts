// The Notifier contract against a real node:http server on loopback that checks every signature, plus webhook specifics.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { envelopeFor } from '../notifier.js';
import { runNotifierContract, sampleOutboxEntry, waitFor } from '../notifier.contract.js';
import { startHook, WEBHOOK_TEST_SECRET as SECRET } from './receiving-ends.contract.js';
import { createWebhookNotifier } from './webhook-notifier.js';
import { verifySignature } from './webhook-signature.js';

runNotifierContract('webhook', async () => {
  const hook = await startHook();
  return {
    notifier: createWebhookNotifier({ receiver: 'hook', url: hook.url, secret: SECRET, timeoutMs: 2_000 }),
    received: async (n) => {
      const got = await waitFor(() => hook.deliveries, n);
      expect(got.every((d) => d.signed)).toBe(true);
      return got;
    },
    breakEndpoint: () => hook.close(),
    close: () => hook.close(),
  };
});

describe('webhook receiver', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
  });

  it('sends the documented JSON envelope, signed over the raw body', async () => {
    const hook = await startHook();
    const notifier = createWebhookNotifier({ receiver: 'hook', url: hook.url, secret: SECRET, timeoutMs: 2_000 });
    cleanup.push(
      () => notifier.close(),
      () => hook.close(),
    );
    await notifier.send(envelopeFor(sampleOutboxEntry('hook', 3), '2024-05-23T16:00:01.000Z'));
    const body = JSON.parse(hook.deliveries[0].body);
    expect(body).toMatchObject({
      version: 'vigil.alert-notification/1',
      deliveryId: 'n-sample.hook#3',
      idempotencyKey: 'n-sample.hook',
      groupKey: 'root.0|theatre',
      status: 'firing',
      attempt: 3,
    });
    expect(body.alerts).toHaveLength(2);
    expect(verifySignature(hook.deliveries[0].body, undefined, SECRET)).toBe(false);
    expect(verifySignature(`${hook.deliveries[0].body} `, `sha256=${'0'.repeat(64)}`, SECRET)).toBe(false);
  });

  it('treats a refused signature (wrong secret) and any non-2xx answer as a failed delivery', async () => {
    const hook = await startHook();
    cleanup.push(() => hook.close());
    const wrong = createWebhookNotifier({
      receiver: 'hook',
      url: hook.url,
      secret: 'another-secret-0123456789',
      timeoutMs: 2_000,
    });
    cleanup.push(() => wrong.close());
    await expect(wrong.send(envelopeFor(sampleOutboxEntry('hook'), '2024-05-23T16:00:01.000Z'))).rejects.toThrow(
      'HTTP 401',
    );
    hook.status = 503;
    const right = createWebhookNotifier({ receiver: 'hook', url: hook.url, secret: SECRET, timeoutMs: 2_000 });
    cleanup.push(() => right.close());
    await expect(right.send(envelopeFor(sampleOutboxEntry('hook'), '2024-05-23T16:00:01.000Z'))).rejects.toMatchObject({
      code: 'VIGIL_DELIVERY_FAILED',
    });
  });

  it('gives up on a receiver that does not answer within its timeout', async () => {
    const server = http.createServer(() => {});
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanup.push(
      () =>
        new Promise<void>((r) => {
          server.closeAllConnections();
          server.close(() => r());
        }),
    );
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const notifier = createWebhookNotifier({ receiver: 'slow', url, secret: SECRET, timeoutMs: 100 });
    cleanup.push(() => notifier.close());
    const started = Date.now();
    await expect(
      notifier.send(envelopeFor(sampleOutboxEntry('slow'), '2024-05-23T16:00:01.000Z')),
    ).rejects.toMatchObject({ code: 'VIGIL_DELIVERY_FAILED' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
