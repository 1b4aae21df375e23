// The Bus contract against the in-process bus: each test gets its own hub.
import { runBusContract } from '../bus.contract.js';
import { createInProcessHub } from './in-process-bus.js';

runBusContract('in-process', async () => {
  const hub = createInProcessHub();
  return { connect: async () => hub.connect(), dispose: async () => {} };
});
