// Alert text is for people: over a replay of the bundled data through the bundled rules, every alert the rules
// generate has its summary and description in English and 中文, names indicators and series (never their ids) and
// says local days (never a UTC instant). The ids stay in the labels.
import { describe, expect, it } from 'vitest';
import { packSeries } from '../app/assess-at.js';
import { parseFile } from '../app/ingest-files.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { replay } from '../backtest/replay.js';
import type { Assessment } from '../model/index.js';
import { packNames } from '../packs/pack-languages.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { parseDay } from '../time/zone.js';
import type { Alert } from './alert.js';
import { defaultAlertingPath, loadAlertingConfig } from './load-alerting-config.js';
import { evaluateRules } from './rule-evaluation.js';
import { createSeriesHistory } from './rules-dry-run.js';

const pack = loadPack(DEFAULT_PACK);
const config = loadAlertingConfig(defaultAlertingPath(pack.file), pack);
const observations = pack.data.flatMap((d) => parseFile(d.kind, packPath(pack, d.path)));
const names = packNames(pack);

/** An ISO instant as stored (`2026-08-22T01:00:00.000Z`, `2026-08-22T01:00Z`). */
const UTC_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const machineIds = [
  ...packSeries(pack),
  ...config.rules.flatMap((r) => (r.kind === 'source-health' ? r.series : [])),
  ...pack.indicators.map((i) => i.id),
];
const RAW_ID = new RegExp(`(^|[^\\w.-])(${[...new Set(machineIds)].map(escape).join('|')})($|[^\\w.-])`);

/** Every alert the rules create over [from, to], evaluated at the end of each local day, then source and receiver health later. */
function replayedAlerts(from: string, to: string): Alert[] {
  const assessments: Assessment[] = [];
  replay(pack, observations, parseDay(from) - 1, parseDay(to), { onAssessment: (a) => assessments.push(a) });
  const health = createSeriesHistory(observations);
  const created = new Map<string, Alert>();
  let state: Alert[] = [];
  for (let i = 1; i < assessments.length; i++) {
    const a = assessments[i];
    const now = new Date(Date.parse(a.asOf) - 1).toISOString();
    const input = {
      theatre: pack.id,
      names,
      assessment: a,
      previous: assessments[i - 1],
      series: health.at(Date.parse(now)),
    };
    const result = evaluateRules(config.rules, state, input, now);
    for (const x of result.alerts) created.set(x.id, x);
    state = result.alerts.filter((x) => x.status === 'pending' || x.status === 'firing');
  }
  // Months after the bundled data ends: every watched feed is silent, and a receiver has been failing.
  const later = '2026-12-06T05:00:00.000Z';
  const receivers = [
    { receiver: 'duty-officer', attempts: 4, pendingSince: '2026-12-06T01:00:00.000Z', lastError: 'HTTP 503' },
  ];
  const health2 = evaluateRules(
    config.rules,
    [],
    { theatre: pack.id, names, series: health.at(Date.parse(later)), receivers },
    later,
  );
  for (const x of health2.alerts) created.set(x.id, x);
  return [...created.values()];
}

describe('alert text over a replay of the bundled data', () => {
  const alerts = replayedAlerts('2022-07-25', '2023-04-20');

  it('covers every kind of rule the bundled file has', () => {
    expect(new Set(alerts.map((a) => a.labels.kind))).toEqual(
      new Set(['level', 'hypothesis', 'indicator', 'source-health', 'receiver-health']),
    );
  });

  it('has every summary and description in English and 中文, with names, local days and rounded figures', () => {
    const problems: string[] = [];
    for (const a of alerts) {
      const texts = ['summary', 'summary_zh', 'description', 'description_zh'].map(
        (k) => [k, a.annotations[k]] as const,
      );
      for (const [key, text] of texts) {
        if (!text) problems.push(`${a.rule}: no ${key}`);
        else if (UTC_INSTANT.test(text)) problems.push(`${a.rule} ${key}: UTC instant in "${text}"`);
        else if (RAW_ID.test(text)) problems.push(`${a.rule} ${key}: raw id ${RAW_ID.exec(text)![2]} in "${text}"`);
        else if (/\d\.\d{3,}/.test(text)) problems.push(`${a.rule} ${key}: unrounded figure in "${text}"`);
        else if (key.endsWith('_zh') && !/\p{Script=Han}/u.test(text))
          problems.push(`${a.rule} ${key}: no 中文 in "${text}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the machine ids in the labels', () => {
    const silent = alerts.find((a) => a.labels.kind === 'source-health' && a.labels.series === 'mnd.aircraft.total');
    expect(silent?.annotations.summary).toBe(
      'Taiwan MND aircraft count: no report for 106 days (last: 2026-08-22; expected daily)',
    );
    expect(silent?.annotations.summary_zh).toBe('國防部共機架次：已 106 日無報告（最後一次：2026-08-22；應每日發布）');
    const indicator = alerts.find((a) => a.labels.kind === 'indicator');
    expect(indicator?.labels.indicator).toBe('sea.plan');
    expect(indicator?.annotations.summary).toMatch(
      /^PLA Navy ships around Taiwan is high: \d+ \(baseline [\d.]+\) on \d{4}-\d{2}-\d{2}$/,
    );
  });
});
