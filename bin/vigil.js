#!/usr/bin/env node
// Entry point for the `vigil` command: runs the compiled CLI (npm ci / npm start build it into dist/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('vigil: not built yet — run `npm run build` (npm ci and npm start do it for you)\n');
  process.exit(1);
}
const { main } = await import(entry);
process.exitCode = await main(process.argv);
