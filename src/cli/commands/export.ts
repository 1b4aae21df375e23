// `vigil export stix --from DATE --to DATE [--tlp-max T] [--sign]`: a STIX 2.1 bundle of a period on stdout.
import type { Command } from 'commander';
import { exportStix } from '../../sharing/export-stix.js';
import { getZone } from '../../time/zone.js';
import { daysFlag, tlpFlag, withSharing } from './partner.js';

interface ExportFlags {
  from: string;
  to: string;
  tlpMax: string;
  sign?: boolean;
  assessments: boolean;
}

export function registerExport(program: Command): void {
  const exp = program.command('export').description('export data in exchange formats');
  exp
    .command('stix')
    .description('write a STIX 2.1 bundle (observations, daily assessments) of a period to stdout')
    .requiredOption('--from <date>', 'first local day (YYYY-MM-DD, pack time zone)')
    .requiredOption('--to <date>', 'last local day')
    .option('--tlp-max <tlp>', 'include nothing marked more restrictively (files travel: default green)', 'green')
    .option('--sign', "sign the bundle with this organisation's Ed25519 key (detached JWS in x_vigil_jws)")
    .option('--no-assessments', 'leave out the daily assessments')
    .action(async (flags: ExportFlags, cmd: Command) => {
      await withSharing(cmd, async (ctx, sharing) => {
        const days = await daysFlag(ctx, flags, 3660);
        const zone = getZone(ctx.pack.timeZone);
        const result = await exportStix(ctx.store, {
          from: new Date(zone.startOfDay(days[0])).toISOString(),
          to: new Date(zone.endOfDay(days[days.length - 1])).toISOString(),
          tlpMax: tlpFlag(flags.tlpMax),
          identity: sharing.keys.identity,
          assessments: flags.assessments ? { pack: ctx.pack, days } : undefined,
          signer: flags.sign ? sharing.keys.signer : undefined,
        });
        process.stdout.write(`${JSON.stringify(result.bundle, null, 2)}\n`);
        console.error(
          `exported ${result.observations} observations and ${result.assessments} assessments (${result.bundle.objects.length} STIX objects, TLP ≤ ${flags.tlpMax}${flags.sign ? ', signed' : ''})`,
        );
      });
    });
}
