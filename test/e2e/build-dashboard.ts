// Builds the dashboard from the current sources into a temporary folder, so the e2e tests never test a stale web-dist/.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { PACKAGE_ROOT } from '../../src/app/paths.js';

export async function buildDashboard(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'vigil-web-')), 'web-dist');
  await build({
    configFile: join(PACKAGE_ROOT, 'src', 'web', 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
