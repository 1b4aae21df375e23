// Runs the Vigil CLI from source (`node --import tsx test/multiprocess/vigil-cli.ts …`), for tests that spawn processes.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv);
