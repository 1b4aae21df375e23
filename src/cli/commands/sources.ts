// `vigil sources`: every source with its series, last observation and health (ok / stale / never), and the collectors'
// last runs. Times are local to the pack's zone (`--json` keeps the ISO instants).
import type { Command } from 'commander';
import { listCollectorHealth } from '../../collectors/collector-health.js';
import { sourceStatuses } from '../../collectors/source-status.js';
import { localDay, localMinute } from '../../time/local-text.js';
import { withContext } from '../context.js';

export function registerSources(program: Command): void {
  program
    .command('sources')
    .description('list each source with its series, last observation and health (ok, stale against its cadence, never)')
    .option('--series', 'also list every series of each source')
    .option('--json', 'print JSON')
    .action(async (opts: { series?: boolean; json?: boolean }, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async ({ store, now, pack }) => {
        const statuses = sourceStatuses(await store.listSeries(), now().getTime());
        const collectors = await listCollectorHealth(store);
        if (opts.json) {
          console.log(JSON.stringify({ sources: statuses, collectors }, null, 2));
          return;
        }
        const zone = pack.timeZone;
        const local = (iso: string | null | undefined) => (iso ? localMinute(iso, zone) : '–');
        console.log(
          `${'SOURCE'.padEnd(10)} ${'STATE'.padEnd(6)} ${'CADENCE'.padEnd(9)} ${'LAST PUBLISHED'.padEnd(16)} ${'AGE'.padStart(9)} ${'SERIES'.padStart(6)} ${'OBSERVATIONS'.padStart(12)}`,
        );
        for (const s of statuses) {
          const cadence = s.cadenceDays === undefined ? 'events' : `${s.cadenceDays} d`;
          const age = s.ageDays === undefined ? '–' : `${s.ageDays} d`;
          console.log(
            `${s.id.padEnd(10)} ${s.state.padEnd(6)} ${cadence.padEnd(9)} ${local(s.lastPublishedAt).padEnd(16)} ${age.padStart(9)} ${String(s.series.length).padStart(6)} ${String(s.observations).padStart(12)}`,
          );
          if (opts.series) {
            for (const x of s.series)
              console.log(
                `  ${x.series.padEnd(40)} ${String(x.count).padStart(7)}  ${localDay(x.firstPeriodStart, zone)} → ${localDay(lastDayInstant(x.lastPeriodEnd), zone)}  published ${local(x.lastPublishedAt)}  (${x.sources.join(', ')})`,
              );
          }
        }
        const footer = `\nTimes are local (${zone}); --json gives ISO instants.`;
        if (collectors.length > 0) {
          console.log('\nCOLLECTOR   LAST RUN          LAST SUCCESS      FAILURES  LAST ERROR');
          for (const c of collectors) {
            console.log(
              `${c.id.padEnd(11)} ${local(c.lastRunAt).padEnd(17)} ${local(c.lastSuccessAt).padEnd(17)} ${String(c.consecutiveFailures).padStart(8)}  ${c.lastError ?? ''}`,
            );
          }
        }
        console.log(footer);
      });
    });
}

/** A period end is exclusive (the next local midnight): its last day is the one just before it. */
function lastDayInstant(periodEnd: string): number {
  return Date.parse(periodEnd) - 1;
}
