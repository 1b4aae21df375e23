// Builds one Notifier per receiver of an alerting file, resolving secrets from the environment passed in.
import { vigilError } from '../../errors/index.js';
import type { ReceiverConfig } from '../alerting-config.js';
import { parseDuration } from '../duration.js';
import type { Notifier } from '../notifier.js';
import { createEmailNotifier } from './email-notifier.js';
import type { SseHub } from './sse-hub.js';
import { createSseNotifier } from './sse-notifier.js';
import { createTerminalNotifier, type TextSink } from './terminal-notifier.js';
import { createWebhookNotifier } from './webhook-notifier.js';

export interface NotifierDependencies {
  env: Readonly<Record<string, string | undefined>>;
  /** Hub the `sse` receivers publish to (one per process). */
  sseHub?: SseHub;
  /** Where `terminal` receivers print. */
  terminal?: TextSink;
  colour?: boolean;
  /** The theatre's zone, in which e-mail and terminal bodies print times (absent: ISO instants). */
  timeZone?: string;
}

export function createNotifiers(
  receivers: readonly ReceiverConfig[],
  deps: NotifierDependencies,
): Map<string, Notifier> {
  const notifiers = new Map<string, Notifier>();
  for (const r of receivers) {
    const notifier = createNotifier(r, deps);
    if (notifier) notifiers.set(r.name, notifier);
  }
  return notifiers;
}

/** Undefined when this process cannot serve the receiver (no SSE hub, no terminal): its entries wait in the outbox. */
function createNotifier(r: ReceiverConfig, deps: NotifierDependencies): Notifier | undefined {
  switch (r.type) {
    case 'webhook': {
      const secret = r.secret ?? deps.env[r.secret_env!];
      if (!secret)
        throw vigilError(
          'VIGIL_CONFIG_INVALID',
          `receiver ${r.name}: environment variable ${r.secret_env} (the webhook secret) is not set`,
        );
      return createWebhookNotifier({ receiver: r.name, url: r.url, secret, timeoutMs: parseDuration(r.timeout) });
    }
    case 'email': {
      const pass = r.password_env === undefined ? undefined : deps.env[r.password_env];
      if (r.password_env !== undefined && !pass)
        throw vigilError(
          'VIGIL_CONFIG_INVALID',
          `receiver ${r.name}: environment variable ${r.password_env} (the SMTP password) is not set`,
        );
      return createEmailNotifier({
        receiver: r.name,
        host: r.host,
        port: r.port,
        secure: r.secure,
        requireTls: r.require_tls,
        from: r.from,
        to: r.to,
        timeoutMs: parseDuration(r.timeout),
        timeZone: deps.timeZone,
        ...(r.username !== undefined && pass !== undefined ? { auth: { user: r.username, pass } } : {}),
      });
    }
    case 'sse':
      return deps.sseHub ? createSseNotifier(r.name, deps.sseHub) : undefined;
    case 'terminal':
      return deps.terminal
        ? createTerminalNotifier(r.name, deps.terminal, { colour: deps.colour ?? false, timeZone: deps.timeZone })
        : undefined;
  }
}
