// The Notifier contract for the terminal receiver, printing into a real stream.
import { PassThrough } from 'node:stream';
import { runNotifierContract, waitFor, type ReceivedDelivery } from '../notifier.contract.js';
import { createTerminalNotifier } from './terminal-notifier.js';

runNotifierContract('terminal', async () => {
  const stream = new PassThrough();
  const printed: ReceivedDelivery[] = [];
  stream.setEncoding('utf8');
  stream.on('data', (text: string) => {
    const delivery = /delivery (\S+)/.exec(text)?.[1] ?? '';
    printed.push({ deliveryId: delivery, idempotencyKey: delivery.replace(/#\d+$/, ''), content: text });
  });
  return {
    notifier: createTerminalNotifier('terminal', stream),
    received: (n) => waitFor(() => printed, n),
    breakEndpoint: async () => {
      stream.destroy();
    },
    close: async () => {
      stream.destroy();
    },
  };
});
