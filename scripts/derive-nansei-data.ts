// Derives the small second-theatre data set (Japan's south-western approaches) from the bundled Japan Joint Staff
// flags, written in the generic JSON Lines observation format so the second pack exercises that path.
// Usage: npx tsx scripts/derive-nansei-data.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

const root = resolve(import.meta.dirname, '..');
const rows = parse(readFileSync(resolve(root, 'data/taiwan-strait/jso-flags.csv'), 'utf8'), {
  columns: true,
  bom: true,
}) as Record<string, string>[];

/** JSO flag column → series in the Nansei theatre. */
const SERIES: Record<string, string> = {
  miyako: 'nansei.transit.miyako',
  yonaguni: 'nansei.transit.yonaguni',
  carrier: 'nansei.carrier',
  air: 'nansei.air',
  joint_exercise: 'nansei.joint-exercise',
};

const lines: string[] = [];
for (const row of rows) {
  if (row.country && row.country !== 'china' && row.country !== 'both') continue;
  const day = row.date;
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const [column, series] of Object.entries(SERIES)) {
    const cell = row[column];
    if (cell === undefined || cell === '') continue;
    lines.push(
      JSON.stringify({
        series,
        value: Number(cell),
        unit: 'flag',
        periodStart: `${day}T00:00:00+09:00`,
        periodEnd: `${next}T00:00:00+09:00`,
        publishedAt: `${day}T18:00:00+09:00`,
        source: 'jso',
        sourceRef: 'data/taiwan-strait/jso-flags.csv',
        reliability: 'A',
        credibility: 2,
        tlp: 'clear',
      }),
    );
  }
}
writeFileSync(resolve(root, 'data/nansei/jso-southwest.jsonl'), `${lines.join('\n')}\n`);
console.log(`data/nansei/jso-southwest.jsonl: ${lines.length} observations from ${rows.length} release rows`);
