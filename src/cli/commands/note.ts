// `vigil note add` / `vigil note list`: analyst entries, graded and TLP-marked, stored as observations from analyst:<name>.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { createNote } from '../../notes/create-note.js';
import { localDay, localMinute } from '../../time/local-text.js';
import { withContext } from '../context.js';

interface AddFlags {
  series: string;
  value: string;
  missingReason?: string;
  reliability: string;
  credibility: string;
  tlp: string;
  text: string;
  at?: string;
  by?: string;
  unit?: string;
  ref?: string;
}

export function registerNote(program: Command): void {
  const note = program
    .command('note')
    .description('analyst entries: graded, TLP-marked observations weighed by their grading');
  note
    .command('add')
    .description('record an analyst entry for a series (e.g. --series analyst.amphibious-loading --value 1)')
    .requiredOption('--series <name>', 'series the entry is about, e.g. mnd.ships.plan or analyst.amphibious-loading')
    .requiredOption('--value <number>', 'the value, or NA (then --missing-reason)')
    .requiredOption(
      '--reliability <A-F>',
      'Admiralty source reliability A (completely reliable) … F (cannot be judged)',
    )
    .requiredOption('--credibility <1-6>', 'Admiralty information credibility 1 (confirmed) … 6 (cannot be judged)')
    .requiredOption('--tlp <marking>', 'TLP 2.0 marking: clear, green, amber, amber+strict, red')
    .requiredOption('--text <text>', 'what the entry is based on')
    .option(
      '--at <date-or-instant>',
      'what it is about: a local date YYYY-MM-DD (the whole day) or an ISO instant (default: now)',
    )
    .option('--by <name>', 'analyst name; the source becomes analyst:<name> (default: the login name)')
    .option('--unit <unit>', 'unit of the value (default: events)')
    .option('--missing-reason <text>', 'why the value is not known (with --value NA)')
    .option('--ref <url>', 'where the evidence is (URL or document reference)')
    .action(async (flags: AddFlags, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async ({ writes, actor, now, pack }) => {
        const at = now().toISOString();
        const observation = createNote(
          {
            series: flags.series,
            value: flags.value,
            missingReason: flags.missingReason,
            reliability: flags.reliability,
            credibility: flags.credibility,
            tlp: flags.tlp,
            text: flags.text,
            at: flags.at,
            by: flags.by ?? userInfo().username,
            unit: flags.unit,
            sourceRef: flags.ref,
          },
          { now: at, timeZone: pack.timeZone },
        );
        const result = await writes
          .observations(actor, 'note.add')
          .putObservations([observation], at, `${observation.series} ${observation.id}`);
        const state = result.inserted === 1 ? 'recorded' : 'already recorded';
        console.log(
          `${state}: ${observation.id} ${observation.series} = ${observation.value ?? 'NA'} (${observation.source}, ${observation.reliability}${observation.credibility}, TLP:${observation.tlp.toUpperCase()})`,
        );
      });
    });
  note
    .command('list')
    .description('list analyst entries, newest first')
    .option('--by <name>', 'only this analyst')
    .option('--json', 'print JSON')
    .action(async (flags: { by?: string; json?: boolean }, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async ({ store, pack }) => {
        const all = await store.queryObservations({ allRevisions: true });
        const notes = all
          .filter((o) => (flags.by ? o.source === `analyst:${flags.by}` : o.source.startsWith('analyst:')))
          .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));
        if (flags.json) {
          console.log(JSON.stringify(notes, null, 2));
          return;
        }
        if (notes.length === 0) console.log('no analyst entries');
        for (const o of notes) {
          // An entry about a whole local day says the day; one about an instant says its local time.
          const wholeDay =
            localMinute(o.periodStart, pack.timeZone).endsWith(' 00:00') && o.periodEnd !== o.periodStart;
          const about = wholeDay ? localDay(o.periodStart, pack.timeZone) : localMinute(o.periodStart, pack.timeZone);
          console.log(
            `${localMinute(o.publishedAt, pack.timeZone)}  ${o.source}  ${o.series} = ${o.value ?? 'NA'}  ${o.reliability}${o.credibility} TLP:${o.tlp.toUpperCase()}  about ${about}  ${o.text ?? ''}`,
          );
        }
        if (notes.length > 0) console.log(`\nTimes are local (${pack.timeZone}); --json gives ISO instants.`);
      });
    });
}
