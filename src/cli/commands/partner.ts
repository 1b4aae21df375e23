// `vigil partner …`: partners (add, set, list, token, remove), our key, collections, publishing, and pulling from a
// partner's TAXII server (once, or every N minutes).
import type { Command } from 'commander';
import { parseDuration } from '../../alerting/duration.js';
import { loadPackAlerting } from '../../alerting/open-alerting.js';
import { latestDataDay } from '../../app/assess-at.js';
import { vigilError } from '../../errors/index.js';
import { isTlp, type Tlp } from '../../model/index.js';
import { alertPublications, assessmentPublications, publishToLedger } from '../../sharing/publish.js';
import { identityStixId } from '../../sharing/stix/producer-identity.js';
import type { SharingContext } from '../../sharing/sharing-context.js';
import { parsePublicKey } from '../../sharing/signing/ed25519-keys.js';
import { pullPartner, type PullResult } from '../../sharing/taxii/partner-sync.js';
import { getZone, parseDay, type DayNumber } from '../../time/zone.js';
import { withContext, type CommandContext } from '../context.js';

/** Runs `run` with the store, pack and the sharing tables of the same database, closing them after. */
export async function withSharing<T>(
  cmd: Command,
  run: (ctx: CommandContext, sharing: SharingContext) => Promise<T>,
): Promise<T> {
  return withContext(cmd.optsWithGlobals(), async (ctx) =>
    run(ctx, await ctx.vigil.sharing(ctx.config.sharing.orgName)),
  );
}

export function tlpFlag(value: string, flag = '--tlp-max'): Tlp {
  const tlp = value.toLowerCase();
  if (!isTlp(tlp))
    throw vigilError(
      'VIGIL_UNKNOWN_KIND',
      `invalid ${flag} ${JSON.stringify(value)} (expected clear, green, amber, amber+strict or red)`,
    );
  return tlp;
}

/** Local days from --from/--to (or --at, or the latest data day) in the pack's time zone, at most `max`. */
export async function daysFlag(
  ctx: CommandContext,
  flags: { from?: string; to?: string; at?: string },
  max = 366,
): Promise<DayNumber[]> {
  if (flags.at !== undefined) return [parseDay(flags.at, '--at date')];
  if (flags.from === undefined && flags.to === undefined) {
    const latest = await latestDataDay(ctx.store, ctx.pack);
    if (latest === undefined) throw vigilError('VIGIL_NO_DATA', 'the database holds no observations for this pack');
    return [latest];
  }
  if (flags.from === undefined || flags.to === undefined)
    throw vigilError('VIGIL_CONFIG_INVALID', '--from and --to go together');
  const from = parseDay(flags.from, '--from date');
  const to = parseDay(flags.to, '--to date');
  if (to < from) throw vigilError('VIGIL_DATE_INVALID', `--to ${flags.to} is before --from ${flags.from}`);
  if (to - from + 1 > max)
    throw vigilError('VIGIL_CONFIG_INVALID', `--from … --to spans ${to - from + 1} days; at most ${max}`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

interface PartnerFlags {
  tlpMax?: string;
  collections?: string;
  write?: boolean;
  publicKey?: string;
  requireSignatures?: boolean;
  url?: string;
  token?: string;
  remoteCollection?: string;
}

function partnerSettings(flags: PartnerFlags) {
  if (flags.publicKey !== undefined) parsePublicKey(flags.publicKey);
  const remoteFlags = [flags.url, flags.token, flags.remoteCollection].filter((f) => f !== undefined).length;
  if (remoteFlags !== 0 && remoteFlags !== 3)
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      "--url, --token and --remote-collection go together (the partner's API root, the token it gave us, its collection)",
    );
  return {
    tlpMax: flags.tlpMax === undefined ? undefined : tlpFlag(flags.tlpMax),
    collections: flags.collections === undefined ? undefined : list(flags.collections),
    canWrite: flags.write,
    publicKey: flags.publicKey,
    requireSignatures: flags.requireSignatures,
    remote:
      flags.url === undefined
        ? undefined
        : { url: flags.url, token: flags.token!, collection: flags.remoteCollection! },
  };
}

function partnerOptions(command: Command): Command {
  return command
    .option('--collections <list>', 'comma-separated collections (aliases or ids) it may read, e.g. default')
    .option('--write', 'it may also POST objects to those collections')
    .option('--public-key <key>', 'its Ed25519 public key (ed25519:…, from its `vigil partner key`)')
    .option('--require-signatures', 'reject its content unless signed with that key')
    .option('--url <api-root>', 'its TAXII API root to pull from, e.g. http://127.0.0.1:8081/taxii2/vigil/')
    .option('--token <token>', 'the token it issued to us')
    .option('--remote-collection <id>', 'its collection (id or alias) to pull');
}

function printPull(r: PullResult): void {
  const s = r.summary;
  console.log(
    `${r.partner}: ${r.objects} objects in ${r.pages} page(s), signatures ${r.signature}; ${s.observations} observations (${s.inserted} new), ${s.assessments} assessments, ${s.alerts} alerts, ${s.kept} other objects kept${r.truncated ? '; more remain, pull again' : ''}`,
  );
}

export function registerPartner(program: Command): void {
  const partner = program
    .command('partner')
    .description('share with partners over TAXII 2.1: partners, collections, keys, publishing, pulling');

  partnerOptions(
    partner
      .command('add')
      .argument('<name>')
      .description('register a partner and print the token it uses with our TAXII server (shown once)')
      .option('--tlp-max <tlp>', 'most restrictive TLP it may receive', 'green'),
  ).action(async (name: string, flags: PartnerFlags, cmd: Command) => {
    await withSharing(cmd, async (ctx, sharing) => {
      const s = partnerSettings(flags);
      const { partner: p, token } = await ctx.writes.audited({
        actor: ctx.actor,
        action: 'partner.add',
        target: name,
        write: () =>
          sharing.registry.addPartner(
            { ...s, name, tlpMax: s.tlpMax ?? 'green', collections: s.collections ?? [] },
            ctx.now().toISOString(),
          ),
        details: ({ partner: added }) => ({
          tlpMax: added.tlpMax,
          collections: added.collections,
          canWrite: added.canWrite,
        }),
      });
      console.log(token);
      console.error(
        `partner ${p.name}: TLP ≤ ${p.tlpMax}, ${p.collections.length} collection(s); give it the token above and our public key (\`vigil partner key\`)`,
      );
    });
  });

  partnerOptions(
    partner
      .command('set')
      .argument('<name>')
      .description("change a partner's ceiling, collections, key or TAXII server")
      .option('--tlp-max <tlp>', 'most restrictive TLP it may receive'),
  ).action(async (name: string, flags: PartnerFlags, cmd: Command) => {
    await withSharing(cmd, async (ctx, sharing) => {
      const settings = partnerSettings(flags);
      const p = await ctx.writes.audited({
        actor: ctx.actor,
        action: 'partner.set',
        target: name,
        write: () => sharing.registry.updatePartner(name, settings),
        details: (updated) => ({
          tlpMax: updated.tlpMax,
          collections: updated.collections,
          canWrite: updated.canWrite,
        }),
      });
      console.log(
        `partner ${p.name}: TLP ≤ ${p.tlpMax}, collections ${p.collections.length}, write ${p.canWrite ? 'yes' : 'no'}, signatures ${p.requireSignatures ? 'required' : 'optional'}`,
      );
    });
  });

  partner
    .command('list')
    .description('partners, their ceilings, collections and last pull')
    .action(async (_opts, cmd: Command) => {
      await withSharing(cmd, async (_ctx, sharing) => {
        const aliases = new Map((await sharing.registry.listCollections()).map((c) => [c.id, c.alias]));
        const partners = await sharing.registry.listPartners();
        if (partners.length === 0)
          console.log('no partners yet (vigil partner add NAME --tlp-max green --collections default)');
        for (const p of partners) {
          const pull = p.remote
            ? `pulls ${p.remote.collection} from ${p.remote.url}${p.lastPullAt ? ` (last ${p.lastPullAt})` : ''}`
            : 'no pull';
          console.log(
            `${p.name}\tTLP ≤ ${p.tlpMax}\t${p.collections.map((c) => aliases.get(c) ?? c).join(',') || '-'}\t${p.canWrite ? 'write' : 'read'}\t${p.publicKey ? `key${p.requireSignatures ? ' (required)' : ''}` : 'no key'}\t${pull}`,
          );
        }
      });
    });

  partner
    .command('token')
    .argument('<name>')
    .description('issue a new token for a partner (the old one stops working)')
    .action(async (name: string, _opts, cmd: Command) => {
      await withSharing(cmd, async (ctx, sharing) =>
        console.log(
          await ctx.writes.audited({
            actor: ctx.actor,
            action: 'partner.token',
            target: name,
            write: () => sharing.registry.rotateToken(name),
          }),
        ),
      );
    });

  partner
    .command('remove')
    .argument('<name>')
    .description('remove a partner; its token stops working')
    .action(async (name: string, _opts, cmd: Command) => {
      await withSharing(cmd, async (ctx, sharing) => {
        await ctx.writes.audited({
          actor: ctx.actor,
          action: 'partner.remove',
          target: name,
          write: () => sharing.registry.removePartner(name),
        });
        console.log(`removed partner ${name}`);
      });
    });

  partner
    .command('key')
    .description("print this organisation's public key, which partners register to check our signatures")
    .action(async (_opts, cmd: Command) => {
      await withSharing(cmd, async (_ctx, sharing) => {
        console.log(sharing.keys.identity.publicKey);
        console.error(`organisation: ${sharing.keys.identity.name} (set VIGIL_ORG_NAME to rename)`);
      });
    });

  partner
    .command('pull')
    .argument('<name>')
    .description('fetch what a partner shares with us from its TAXII server (incremental)')
    .option('--every <duration>', 'keep pulling at this interval (e.g. 15m) until stopped')
    .action(async (name: string, opts: { every?: string }, cmd: Command) => {
      await withSharing(cmd, async (ctx, sharing) => {
        const deps = {
          store: ctx.store,
          ledger: sharing.ledger,
          registry: sharing.registry,
          now: ctx.now,
          writes: ctx.writes,
          actor: ctx.actor,
          ownIdentityId: identityStixId(sharing.keys.identity.publicKey),
        };
        if (opts.every === undefined) return printPull(await pullPartner(deps, name));
        let interval: number;
        try {
          interval = parseDuration(opts.every);
        } catch (error) {
          throw vigilError('VIGIL_CONFIG_INVALID', `--every: ${(error as Error).message}`);
        }
        if (interval < 10_000) throw vigilError('VIGIL_CONFIG_INVALID', '--every must be at least 10s');
        let stopped = false;
        const stop = () => void (stopped = true);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        while (!stopped) {
          await pullPartner(deps, name).then(printPull, (error: Error) =>
            console.error(`vigil: pull ${name}: ${error.message}`),
          );
          for (let waited = 0; waited < interval && !stopped; waited += 1000)
            await new Promise((r) => setTimeout(r, Math.min(1000, interval - waited)));
        }
      });
    });

  partner
    .command('publish')
    .description('publish assessments (and alerts) to the collections that share them')
    .option('--at <date>', 'one local day (default: the latest data day)')
    .option('--from <date>', 'first local day')
    .option('--to <date>', 'last local day')
    .option('--tlp-max <tlp>', 'compute the assessments from data at or below this TLP', 'green')
    .option('--alerts', 'also publish the alerts in the alert store (each at the TLP of the data behind it)')
    .action(
      async (flags: { at?: string; from?: string; to?: string; tlpMax: string; alerts?: boolean }, cmd: Command) => {
        await withSharing(cmd, async (ctx, sharing) => {
          const deps = {
            store: ctx.store,
            ledger: sharing.ledger,
            identity: sharing.keys.identity,
            now: ctx.now().toISOString(),
            writes: ctx.writes,
            actor: ctx.actor,
          };
          const days = await daysFlag(ctx, flags);
          const publications = await assessmentPublications(deps, ctx.pack, days, tlpFlag(flags.tlpMax));
          if (flags.alerts) {
            const alerts = await ctx.vigil.alerts.listAlerts({ limit: 500 });
            publications.push(...(await alertPublications(deps, ctx.pack, alerts, loadPackAlerting(ctx.pack))));
          }
          // Everything published and one audit entry, in one transaction.
          const counts = await publishToLedger(deps, publications);
          const a = counts.assessment;
          console.log(
            `assessments: ${a.published} published, ${a.unchanged} unchanged (${days.length} day(s), ${getZone(ctx.pack.timeZone).name})`,
          );
          if (flags.alerts)
            console.log(`alerts: ${counts.alert.published} published, ${counts.alert.unchanged} unchanged`);
        });
      },
    );

  const collection = partner
    .command('collection')
    .description('TAXII collections: what each shares and at which TLP at most');
  collection.command('list').action(async (_opts, cmd: Command) => {
    await withSharing(cmd, async (_ctx, sharing) => {
      for (const c of await sharing.registry.listCollections()) {
        console.log(
          `${c.alias}\t${c.id}\tTLP ≤ ${c.tlpMax}\tseries ${c.series.join(',') || '-'}${c.assessments ? ', assessments' : ''}${c.alerts ? ', alerts' : ''}\t${c.title}`,
        );
      }
    });
  });
  collection
    .command('add')
    .argument('<alias>')
    .description('add a collection')
    .option('--series <patterns>', 'comma-separated: exact series, prefixes like mnd.*, or *', '')
    .option('--assessments', 'share published assessments')
    .option('--alerts', 'share published alerts')
    .option('--tlp-max <tlp>', 'the most restrictive TLP it holds', 'green')
    .option('--title <text>', 'title shown to TAXII clients')
    .action(
      async (
        alias: string,
        flags: { series: string; assessments?: boolean; alerts?: boolean; tlpMax: string; title?: string },
        cmd: Command,
      ) => {
        await withSharing(cmd, async (ctx, sharing) => {
          const settings = {
            alias,
            title: flags.title ?? alias,
            description: '',
            series: list(flags.series),
            assessments: Boolean(flags.assessments),
            alerts: Boolean(flags.alerts),
            tlpMax: tlpFlag(flags.tlpMax),
          };
          const c = await ctx.writes.audited({
            actor: ctx.actor,
            action: 'collection.add',
            target: alias,
            write: () => sharing.registry.addCollection(settings, ctx.now().toISOString()),
            details: (added) => ({ id: added.id, series: added.series, tlpMax: added.tlpMax }),
          });
          console.log(`${c.alias}\t${c.id}`);
        });
      },
    );
  collection
    .command('remove')
    .argument('<alias>')
    .action(async (alias: string, _opts, cmd: Command) => {
      await withSharing(cmd, async (ctx, sharing) => {
        await ctx.writes.audited({
          actor: ctx.actor,
          action: 'collection.remove',
          target: alias,
          write: () => sharing.registry.removeCollection(alias),
        });
        console.log(`removed collection ${alias}`);
      });
    });
}
