// `vigil user add|list|remove|token|passwd`: accounts for the dashboard and API; passwords and tokens are shown once.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { vigilError } from '../../errors/index.js';
import { createUser, findUserOrFail, issueToken, resetPassword } from '../../users/user-accounts.js';
import type { UserStore } from '../../users/user-store.js';
import { withContext, type CommandContext } from '../context.js';

/** Runs `fn` with the user store of the process's database (read-only commands: list, audit). */
export async function withUserStore<T>(cmd: Command, fn: (store: UserStore, actor: string) => Promise<T>): Promise<T> {
  return withContext(cmd.optsWithGlobals(), (ctx) => fn(ctx.vigil.users, ctx.actor));
}

/** Runs `fn` with the user store of the process's database and its write services: each write audits in its transaction. */
async function withUserWrites<T>(cmd: Command, fn: (store: UserStore, ctx: CommandContext) => Promise<T>): Promise<T> {
  return withContext(cmd.optsWithGlobals(), (ctx) => fn(ctx.vigil.users, ctx));
}

function readPasswordFromStdin(): string {
  const text = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  if (text === '') throw vigilError('VIGIL_INPUT_INVALID', 'password: nothing on standard input');
  return text;
}

function expiryOf(text: string | undefined): string | null {
  if (text === undefined) return null;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms))
    throw vigilError('VIGIL_DATE_INVALID', `invalid --expires "${text}": expected YYYY-MM-DD or an ISO 8601 instant`);
  return new Date(ms).toISOString();
}

export function registerUser(program: Command): void {
  const user = program
    .command('user')
    .description('users of the dashboard and API: add, list, remove, issue tokens, reset passwords');

  user
    .command('add')
    .description('add a user; prints a generated password once (or reads one with --password-stdin)')
    .argument('<name>', 'username: lower-case letters, digits, ".", "_" or "-"')
    .requiredOption(
      '--role <role>',
      'viewer (read), analyst (also ingest, acknowledge, silence) or admin (also manage users)',
    )
    .option('--tlp <marking>', 'most restricted TLP the user may read (default: amber for viewers, red otherwise)')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(async (name: string, opts: { role: string; tlp?: string; passwordStdin?: boolean }, cmd: Command) => {
      await withUserWrites(cmd, async (store, ctx) => {
        const password = opts.passwordStdin ? readPasswordFromStdin() : undefined;
        const now = ctx.now().toISOString();
        const created = await ctx.writes.audited({
          actor: ctx.actor,
          action: 'user.add',
          target: name,
          write: () => createUser(store, { username: name, role: opts.role, tlpMax: opts.tlp, password }, now),
          details: (c) => ({ role: c.user.role, tlpMax: c.user.tlpMax }),
        });
        console.log(
          `added ${created.user.username} (${created.user.role}, up to TLP:${created.user.tlpMax.toUpperCase()})`,
        );
        if (!opts.passwordStdin)
          console.log(`password: ${created.password}   (shown once; change it in the dashboard)`);
      });
    });

  user
    .command('list')
    .description('list users with their roles and tokens (never a hash)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withUserStore(cmd, async (store) => {
        const [users, tokens] = await Promise.all([store.listUsers(), store.listTokens()]);
        const rows = users.map((u) => ({
          username: u.username,
          role: u.role,
          tlpMax: u.tlpMax,
          createdAt: u.createdAt,
          tokens: tokens
            .filter((t) => t.userId === u.id)
            .map((t) => ({
              id: t.id,
              name: t.name,
              createdAt: t.createdAt,
              expiresAt: t.expiresAt,
              lastUsedAt: t.lastUsedAt,
              revokedAt: t.revokedAt,
            })),
        }));
        if (opts.json) return console.log(JSON.stringify(rows, null, 2));
        if (rows.length === 0)
          return console.log('no users (the first `vigil start` or `vigil serve` creates an admin)');
        for (const r of rows) {
          const live = r.tokens.filter((t) => t.revokedAt === null);
          console.log(
            `${r.username.padEnd(20)} ${r.role.padEnd(8)} TLP:${r.tlpMax.toUpperCase().padEnd(13)} ${live.length} token(s)${live.length ? `: ${live.map((t) => `${t.name} (${t.id})`).join(', ')}` : ''}`,
          );
        }
      });
    });

  user
    .command('remove')
    .description('remove a user with their tokens and sessions')
    .argument('<name>', 'username')
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      await withUserWrites(cmd, async (store, ctx) => {
        const u = await findUserOrFail(store, name);
        await ctx.writes.audited({
          actor: ctx.actor,
          action: 'user.remove',
          target: u.username,
          write: () => store.removeUser(u.id),
        });
        console.log(`removed ${u.username}`);
      });
    });

  user
    .command('token')
    .description('issue an API token for a user (printed once, stored only as a hash), or revoke one with --revoke ID')
    .argument('<name>', 'username')
    .option('--name <label>', 'what the token is for', 'cli')
    .option('--expires <date>', 'expiry: YYYY-MM-DD (UTC midnight) or an ISO 8601 instant (default: never)')
    .option('--revoke <id>', 'revoke the token with this id instead (see `vigil user list`)')
    .action(async (name: string, opts: { name: string; expires?: string; revoke?: string }, cmd: Command) => {
      await withUserWrites(cmd, async (store, ctx) => {
        const u = await findUserOrFail(store, name);
        const now = ctx.now().toISOString();
        if (opts.revoke !== undefined) {
          const token = await store.getToken(opts.revoke);
          if (!token || token.userId !== u.id)
            throw vigilError('VIGIL_NOT_FOUND', `${u.username} has no token ${opts.revoke}`);
          await ctx.writes.audited({
            actor: ctx.actor,
            action: 'token.revoke',
            target: `${u.username}/${token.name}`,
            write: () => store.revokeToken(token.id, now),
            details: () => ({ tokenId: token.id }),
          });
          return console.log(`revoked ${u.username}/${token.name} (${token.id})`);
        }
        const { token, record } = await ctx.writes.audited({
          actor: ctx.actor,
          action: 'token.issue',
          target: `${u.username}/${opts.name}`,
          write: () => issueToken(store, u, opts.name, now, expiryOf(opts.expires)),
          details: ({ record: r }) => ({ tokenId: r.id, expiresAt: r.expiresAt }),
        });
        console.log(token);
        console.error(
          `token ${record.id} for ${u.username} (${record.name}${record.expiresAt ? `, expires ${record.expiresAt}` : ''}): shown once; send it as Authorization: Bearer <token>`,
        );
      });
    });

  user
    .command('passwd')
    .description("reset a user's password: prints a generated one once (or reads one with --password-stdin)")
    .argument('<name>', 'username')
    .option('--password-stdin', 'read the new password from standard input')
    .action(async (name: string, opts: { passwordStdin?: boolean }, cmd: Command) => {
      await withUserWrites(cmd, async (store, ctx) => {
        const u = await findUserOrFail(store, name);
        const password = await resetPassword(store, u, opts.passwordStdin ? readPasswordFromStdin() : undefined, {
          now: ctx.now().toISOString(),
          // The new hash, the sessions and tokens it ends, and the audit entry: one transaction.
          write: (apply) =>
            ctx.writes.audited({ actor: ctx.actor, action: 'user.password', target: u.username, write: apply }),
        });
        console.log(
          opts.passwordStdin
            ? `password of ${u.username} changed`
            : `password of ${u.username}: ${password}   (shown once)`,
        );
      });
    });
}
