// `vigil start` serves: it prints the board, then the dashboard URL and the first admin's one-time password, answers
// on that URL with those credentials, and stops cleanly on SIGINT. Runs the CLI in a child process (it waits for a signal).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../app/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY = 'import(process.env.VIGIL_MAIN).then(async (m) => { process.exitCode = await m.main(process.argv); })';

describe('vigil start', () => {
  it('prints the URL and admin credentials once, serves the dashboard API, and stops on SIGINT', async () => {
    const db = join(dir, 'vigil.db');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '-e', ENTRY, 'vigil', '--db', db, 'start', '--port', '0'],
      {
        cwd: PACKAGE_ROOT,
        env: {
          ...process.env,
          VIGIL_MAIN: join(PACKAGE_ROOT, 'src', 'cli', 'main.ts'),
          VIGIL_LOG_LEVEL: 'warn',
          NO_COLOR: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 40_000;
      while (!/Ctrl-C stops the server/.test(stdout)) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`no URL printed\nstdout: ${stdout}\nstderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(stdout).toMatch(/LEVEL [1-5] (NORMAL|WATCH|WARNING|ALERT|CRITICAL)/);
      const url = /Dashboard: (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1];
      // stdout is a pipe here, as under a service manager: the password goes to a 0600 file beside the database.
      expect(stdout).not.toMatch(/Sign in as admin with password/);
      const passwordFile = join(dir, 'vigil-admin-password.txt');
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
      const password = readFileSync(passwordFile, 'utf8').split('\n')[1];
      expect(stdout + stderr).not.toContain(password);
      const login = await fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const latest = await (await fetch(`${url}/api/v1/assessments/latest`, { headers: { cookie } })).json();
      expect(latest.day).toBe('2026-08-22');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
