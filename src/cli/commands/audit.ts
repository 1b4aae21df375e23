// `vigil audit verify|list`: check the hash chain of the audit log (every write the server or CLI made), and read it.
import type { Command } from 'commander';
import { vigilError } from '../../errors/index.js';
import { verifyAuditChain } from '../../users/audit-chain.js';
import { withUserStore } from './user.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log of every write');

  audit
    .command('verify')
    .description('check every entry against its hash and its predecessor; exits 1 at the first broken link')
    .action(async (_opts: unknown, cmd: Command) => {
      await withUserStore(cmd, async (store) => {
        const result = verifyAuditChain(await store.listAudit());
        if (!result.ok)
          throw vigilError(
            'VIGIL_AUDIT_BROKEN',
            `audit log broken at entry ${result.problem!.seq}: ${result.problem!.reason} (${result.entries} entries checked)`,
          );
        console.log(`audit log ok: ${result.entries} entries, head ${result.head}`);
        console.error('keep the head hash somewhere else: it is what shows, later, that no entry was cut from the end');
      });
    });

  audit
    .command('list')
    .description('the latest audit entries, newest first')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON lines')
    .action(async (opts: { limit: string; json?: boolean }, cmd: Command) => {
      const limit = Number(opts.limit);
      if (!Number.isSafeInteger(limit) || limit <= 0)
        throw vigilError('VIGIL_CONFIG_INVALID', `--limit must be a positive integer, not "${opts.limit}"`);
      await withUserStore(cmd, async (store) => {
        for (const e of await store.listAudit({ newestFirst: true, limit })) {
          console.log(
            opts.json
              ? JSON.stringify(e)
              : `${String(e.seq).padStart(6)}  ${e.at}  ${e.actor.padEnd(24)} ${e.action.padEnd(22)} ${e.target}${Object.keys(e.details).length ? `  ${JSON.stringify(e.details)}` : ''}`,
          );
        }
      });
    });
}
