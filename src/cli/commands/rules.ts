// `vigil rules check`: validate the alerting file and dry-run its rules against history ("this rule would have fired on these days").
import type { Command } from 'commander';
import { latestDataDay } from '../../app/assess-at.js';
import { loadPackAlerting } from '../../alerting/open-alerting.js';
import { countsPerYear, dryRunRules, type DryRunResult } from '../../alerting/rules-dry-run.js';
import { allRoutes } from '../../alerting/route-tree.js';
import { formatLabels } from '../../alerting/labels.js';
import { loadBacktestObservations } from '../../backtest/run-backtest.js';
import { vigilError } from '../../errors/index.js';
import { formatDay, parseDay } from '../../time/zone.js';
import { withContext } from '../context.js';

interface CheckOptions {
  rules?: string;
  from?: string;
  to?: string;
  validateOnly?: boolean;
  json?: boolean;
}

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('alert rules: validate and dry-run them against history');
  rules
    .command('check')
    .description('validate the rules/routes file and replay history to list the days each rule would have fired')
    .option('--rules <file>', 'alerting file (default: alerting.yaml beside the pack)')
    .option('--from <date>', 'first local day of the dry run (default: 2 years before the latest data)')
    .option('--to <date>', 'last local day of the dry run (default: the latest data day)')
    .option('--validate-only', 'only validate the file')
    .option('--json', 'print the dry run as JSON')
    .action(async (opts: CheckOptions, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async ({ store, pack }) => {
        const config = loadPackAlerting(pack, opts.rules);
        const routes = allRoutes(config.route).length;
        const summary = `${config.file}: valid (${config.rules.length} rules, ${config.receivers.length} receivers, ${routes} routes, ${config.inhibitRules.length} inhibit rules, ${Object.keys(config.playbooks).length} playbooks)`;
        if (opts.validateOnly) {
          console.log(summary);
          return;
        }
        const latest = await latestDataDay(store, pack);
        if (latest === undefined)
          throw vigilError(
            'VIGIL_NO_DATA',
            'the database holds no observations for this pack; run `vigil init` first (or use --validate-only)',
          );
        const to = opts.to ? parseDay(opts.to, '--to date') : latest;
        const from = opts.from ? parseDay(opts.from, '--from date') : to - 730;
        if (to < from)
          throw vigilError('VIGIL_DATE_INVALID', `--to ${formatDay(to)} is before --from ${formatDay(from)}`);
        const known = new Set((await store.listSeries()).map((s) => s.series));
        for (const rule of config.rules) {
          if (rule.kind !== 'source-health') continue;
          for (const series of rule.series.filter((s) => !known.has(s)))
            console.error(`warning: rule ${rule.name} watches ${series}, which has no observations in this database`);
        }
        const result = dryRunRules(config, pack, await loadBacktestObservations(store, pack), from, to);
        if (opts.json) {
          console.log(JSON.stringify(result, null, 2));
          return;
        }
        console.log(summary);
        console.log(renderDryRun(result, pack.timeZone));
      });
    });
}

export function renderDryRun(r: DryRunResult, timeZone: string): string {
  const years = [...new Set(r.rules.flatMap((x) => [...countsPerYear(x).keys()]))].sort();
  const lines = [
    `Dry run ${r.from} → ${r.to} (${r.days} days, each evaluated at the end of the local day, ${timeZone})`,
    '',
  ];
  lines.push(
    `  ${'rule'.padEnd(16)} ${'kind'.padEnd(16)} ${years.map((y) => `${y} fired/days`.padStart(17)).join('')}  ${'total fired'.padStart(11)}`,
  );
  for (const rule of r.rules) {
    const counts = countsPerYear(rule);
    const cells = years
      .map((y) => `${counts.get(y)?.fired ?? 0}/${counts.get(y)?.firingDays ?? 0}`.padStart(17))
      .join('');
    lines.push(`  ${rule.rule.padEnd(16)} ${rule.kind.padEnd(16)} ${cells}  ${String(rule.fired.length).padStart(11)}`);
  }
  lines.push('', '  fired = alerts that started firing that year; days = days ending with the rule firing', '');
  for (const rule of r.rules) {
    if (rule.fired.length === 0) {
      lines.push(`${rule.rule} would not have fired.`);
      continue;
    }
    const distinct = new Set(rule.fired.map((f) => formatLabels(specific(f.labels)))).size > 1;
    const days = rule.fired.map((f) => (distinct ? `${f.day} ${formatLabels(specific(f.labels))}` : f.day));
    lines.push(`${rule.rule} would have fired on: ${days.join(', ')}`);
  }
  return lines.join('\n');
}

/** The labels that tell one alert of a rule from another (indicator, series…), without the shared ones. */
function specific(labels: Readonly<Record<string, string>>): Record<string, string> {
  const shared = new Set(['alertname', 'theatre', 'kind', 'severity']);
  return Object.fromEntries(Object.entries(labels).filter(([k]) => !shared.has(k)));
}
