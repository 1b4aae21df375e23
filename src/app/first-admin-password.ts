// Hands over the first admin's generated password without putting it in a log: on the terminal when there is one,
// else in a file only the owner can read (mode 0600), the log saying where.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ADMIN_PASSWORD_FILE = 'vigil-admin-password.txt';

export interface PasswordHandover {
  /** True when `terminal` writes to an interactive terminal (process.stdout.isTTY), not to a pipe or log file. */
  isTerminal: boolean;
  terminal: (line: string) => void;
  /** The log (stderr, a service journal): never given the password. */
  log: (line: string) => void;
  /** Directory for the file when there is no terminal. */
  dir: string;
}

export function handOverAdminPassword(admin: { username: string; password: string }, out: PasswordHandover): void {
  if (out.isTerminal) {
    out.terminal(
      `Sign in as ${admin.username} with password ${admin.password}   (shown once; change it in the dashboard)`,
    );
    return;
  }
  const file = join(out.dir, ADMIN_PASSWORD_FILE);
  try {
    // wx: never overwrite (a symlink planted there, or an earlier password); 0600: the owner only.
    writeFileSync(file, `${admin.username}\n${admin.password}\n`, { mode: 0o600, flag: 'wx' });
    out.log(
      `created user ${admin.username}; its password is in ${file} (mode 0600): read it, sign in, change it, delete the file`,
    );
  } catch (error) {
    out.log(
      `created user ${admin.username}, but its password could not be written to ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); run \`vigil user passwd ${admin.username}\` on this host to set one`,
    );
  }
}

/** Where the password file goes: beside a SQLite database file, else the working directory. */
export function adminPasswordDir(dbUrl: string | undefined): string {
  if (!dbUrl || dbUrl === ':memory:' || /^postgres(ql)?:\/\//.test(dbUrl)) return process.cwd();
  return dirname(resolve(dbUrl.replace(/^sqlite:(\/\/)?/, '')));
}
