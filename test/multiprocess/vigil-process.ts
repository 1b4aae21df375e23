// Spawns `vigil` CLI processes from source for multi-process tests, collects their log lines, and cleans them up.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'test', 'multiprocess', 'vigil-cli.ts');

export interface VigilProcess {
  child: ChildProcess;
  /** stderr and stdout lines so far. */
  lines: string[];
  stdout(): string;
  /**
   * Resolves with the `nth` line matching `pattern` (already seen or still to come) as soon as it is written;
   * rejects after `timeoutMs` or when the process exits first.
   */
  waitFor(pattern: RegExp, timeoutMs?: number, nth?: number): Promise<string>;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
}

const running = new Set<ChildProcess>();

export function spawnVigil(args: string[], env: Record<string, string>): VigilProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  let out = '';
  const waiters = new Set<{ pattern: RegExp; left: number; resolve: (line: string) => void }>();
  const onLine = (line: string) => {
    lines.push(line);
    for (const w of waiters) {
      if (!w.pattern.test(line) || --w.left > 0) continue;
      waiters.delete(w);
      w.resolve(line);
    }
  };
  const splitter = () => {
    let rest = '';
    return (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      parts.forEach(onLine);
    };
  };
  const onErr = splitter();
  const onOutLine = splitter();
  child.stderr!.on('data', onErr);
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    onOutLine(chunk);
  });
  const exited = new Promise<number | string>((done) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      done(code ?? signal ?? -1);
    }),
  );
  return {
    child,
    lines,
    stdout: () => out,
    exited,
    waitFor(pattern, timeoutMs = 20_000, nth = 1) {
      const seen = lines.filter((l) => pattern.test(l));
      if (seen.length >= nth) return Promise.resolve(seen[nth - 1]);
      return new Promise((resolvePromise, reject) => {
        const waiter = {
          pattern,
          left: nth - seen.length,
          resolve: (line: string) => (clearTimeout(timer), resolvePromise(line)),
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; log:\n${lines.join('\n')}`));
        }, timeoutMs);
        waiters.add(waiter);
        void exited.then(() => {
          if (!waiters.has(waiter)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          reject(new Error(`process exited before a line matching ${pattern}; log:\n${lines.join('\n')}`));
        });
      });
    },
  };
}

/** Runs a CLI command to completion. */
export async function runVigil(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | string; stdout: string; log: string }> {
  const p = spawnVigil(args, env);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), timeoutMs);
  const code = await p.exited;
  clearTimeout(timer);
  return { code, stdout: p.stdout(), log: p.lines.join('\n') };
}

/** SIGKILLs every process this module started that is still running. */
export async function killAll(): Promise<void> {
  const exits = [...running].map(
    (child) =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
  );
  await Promise.all(exits);
}
