// The Bus contract against the NATS JetStream server, each test in its own namespace (skipped only off CI with no server).
import { describe } from 'vitest';
import { runBusContract } from '../bus.contract.js';
import { createNatsBus } from './nats-bus.js';
import { deleteNamespace, freshNamespace, namespaceUrl, natsSkipReason } from './nats-test-support.js';

const skip = await natsSkipReason();
describe.skipIf(skip !== undefined)(skip ?? 'nats', () =>
  runBusContract('nats jetstream', async () => {
    const namespace = freshNamespace();
    return {
      connect: () => createNatsBus({ url: namespaceUrl(namespace), storage: 'memory' }),
      dispose: () => deleteNamespace(namespace),
    };
  }),
);
