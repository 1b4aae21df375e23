// The Notifier contract against a real SMTP server (smtp-server) on loopback: no mock transport.
import { runNotifierContract, waitFor } from '../notifier.contract.js';
import { createEmailNotifier } from './email-notifier.js';
import { startSmtpSink } from './receiving-ends.contract.js';

runNotifierContract('e-mail over SMTP', async () => {
  const sink = await startSmtpSink();
  return {
    notifier: createEmailNotifier({
      receiver: 'watch-floor',
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      requireTls: false,
      from: 'vigil@example.org',
      to: ['watch-floor@example.org'],
      timeoutMs: 2_000,
    }),
    received: (n) => waitFor(() => sink.messages, n),
    breakEndpoint: () => sink.close(),
    close: () => sink.close(),
  };
});
