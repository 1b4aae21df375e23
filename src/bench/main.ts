// `npm run bench`: runs every `*-bench.js` module in this folder and prints its figures (a table, or JSON lines with --json).
// `npm run bench -- --reliability` runs the reliability suite instead (reliability/*-reliability.js; docs/security.md).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchFigure, BenchOptions } from './bench-types.js';

type BenchModule = Record<string, (options: BenchOptions) => Promise<BenchFigure[]>>;

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const soak =
    argv.find((a) => a.startsWith('--soak-seconds='))?.slice('--soak-seconds='.length) ??
    argv[argv.indexOf('--soak-seconds') + 1];
  const profile =
    argv.find((a) => a.startsWith('--cpu-prof-dir='))?.slice('--cpu-prof-dir='.length) ??
    argv[argv.indexOf('--cpu-prof-dir') + 1];
  const options: BenchOptions = {
    scale: argv.includes('--scale'),
    ...(argv.some((a) => a.startsWith('--soak-seconds')) ? { soakSeconds: Number(soak) } : {}),
    ...(argv.some((a) => a.startsWith('--cpu-prof-dir')) ? { cpuProfDir: profile } : {}),
  };
  const reliability = argv.includes('--reliability');
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const self = fileURLToPath(import.meta.url);
  const here = reliability ? join(dirname(self), 'reliability') : dirname(self);
  const suffix = reliability ? '-reliability' : '-bench';
  // Compiled (dist-bench/bench/*.js) or run from source with tsx (src/bench/*.ts): load siblings of the same kind.
  const ext = self.endsWith('.ts') ? '.ts' : '.js';
  const files = readdirSync(here)
    .filter((f) => f.endsWith(`${suffix}${ext}`) && (!only || f.startsWith(only)))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(`${here}/${file}`).href)) as BenchModule;
    for (const [name, run] of Object.entries(mod)) {
      if (!/^run[A-Z]\w*(Bench|Reliability)$/.test(name) || typeof run !== 'function') continue;
      const figures = await run(options);
      for (const f of figures) {
        process.stdout.write(
          json ? `${JSON.stringify(f)}\n` : `${f.name.padEnd(34)} ${String(f.value).padStart(14)} ${f.unit}\n`,
        );
      }
    }
  }
}

await main(process.argv.slice(2));
