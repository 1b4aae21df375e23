// The Notifier contract against a real SMTP server (smtp-server) on loopback: no mock transport.
import { runNotifierContract, waitFor } from '../notifier.contract.js';
import { sinkEmailNotifier, startSmtpSink } from './receiving-ends.contract.js';

runNotifierContract('e-mail over SMTP', async () => {
  const sink = await startSmtpSink();
  return {
    notifier: sinkEmailNotifier(sink),
    received: (n) => waitFor(() => sink.messages, n),
    breakEndpoint: () => sink.close(),
    close: () => sink.close(),
  };
});
