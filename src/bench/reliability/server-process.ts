// A `vigil serve` child process for the kill and soak parts: a prepared database with users and tokens, started on a
// free port, polled until it answers, and killed with SIGKILL or stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../../app/paths.js';

/** Linux USER_HZ: /proc reports CPU times in hundredths of a second on every architecture Node runs on. */
const CLOCK_TICKS = 100;
const ENTRY = 'import(process.env.VIGIL_MAIN).then(async (m) => { process.exitCode = await m.main(process.argv); })';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Resident set size of the server process (MiB), from /proc. */
  rssMb(): number;
  /** CPU time the server process has used so far (user + system, ms), from /proc: its cost whatever else the machine runs. */
  cpuMs(): number;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `vigil serve` on `db` (compiled CLI, or the TypeScript source when the bench itself runs under tsx). */
export async function startServe(
  db: string,
  extraArgs: string[] = [],
  env: Record<string, string> = {},
  cpuProfDir?: string,
): Promise<ServeProcess> {
  const port = await freePort();
  const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
  // A CPU profile of the server (written when it exits after SIGTERM), to see where a slow soak spends its time.
  const profile = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir] : [];
  const args = fromSource
    ? ['--import', 'tsx', '-e', ENTRY, 'vigil', '--db', db, 'serve', '--port', String(port), ...extraArgs]
    : [join(PACKAGE_ROOT, 'bin', 'vigil.js'), '--db', db, 'serve', '--port', String(port), ...extraArgs];
  const child = spawn(process.execPath, [...profile, ...args], {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, VIGIL_MAIN: join(PACKAGE_ROOT, 'src', 'cli', 'main.ts'), VIGIL_LOG_LEVEL: 'error', ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => void (stderr = (stderr + c.toString()).slice(-4000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vigil serve exited: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`vigil serve did not answer within 60 s: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    url,
    rssMb() {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        return kb / 1024;
      } catch {
        return 0;
      }
    },
    cpuMs() {
      try {
        // Fields 14 and 15 of /proc/PID/stat (after the parenthesised command name): utime and stime in clock ticks.
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
      } catch {
        return 0;
      }
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
