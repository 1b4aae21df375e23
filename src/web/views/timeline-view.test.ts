// The timeline's row texts: day counts in the singular when there is one ("1 day", never "1 days"), in both languages.
import { describe, expect, it } from 'vitest';
import { daysText } from '../i18n.js';
import type { PackView } from '../api-types.js';
import { describeItem } from './timeline-view.js';

const pack = { indicators: [] } as unknown as PackView;
/** The text of a row, whether a string or an element (alerts carry their rule id as a title). */
const text = (x: unknown): string =>
  typeof x === 'string' ? x : String((x as { props: { children: unknown } }).props.children);

describe('timeline rows', () => {
  it('counts days in the singular and the plural', () => {
    expect([0, 1, 2, 31].map((n) => daysText('en', n))).toEqual(['0 days', '1 day', '2 days', '31 days']);
    expect([1, 2].map((n) => daysText('zh-Hant', n))).toEqual(['1 日', '2 日']);
  });

  it('says "1 day" for a one-day episode or knowledge run, and the replayed alerts as replayed', () => {
    const episode = {
      kind: 'episode',
      day: '2023-04-06',
      end: '2023-04-06',
      peak: 4,
      days: 1,
      ongoing: false,
    } as const;
    expect(describeItem('en', pack, episode)).toBe('2023-04-06 → 2023-04-06 · 1 day · max ALERT');
    expect(describeItem('zh-Hant', pack, episode)).toBe('2023-04-06 → 2023-04-06 · 1 日 · 最高 警報');
    expect(describeItem('en', pack, { ...episode, days: 3, end: '2023-04-08', ongoing: true })).toBe(
      '2023-04-06 → 2023-04-08 · 3 days · max ALERT · ongoing',
    );
    const knowledge = {
      kind: 'knowledge',
      day: '2021-06-01',
      end: '2021-06-01',
      state: 'unknown',
      days: 1,
      unknownDays: 1,
      ongoing: false,
    } as const;
    expect(describeItem('en', pack, knowledge)).toBe('2021-06-01 → 2021-06-01 · 1 day');
    const alert = {
      kind: 'alert',
      day: '2023-04-06',
      id: 'x',
      rule: 'LevelAlert',
      status: 'firing',
      summary: 'Level ALERT',
      summaryZh: '等級 警報',
      severity: 'critical',
      replayed: true,
    } as const;
    expect(text(describeItem('en', pack, alert))).toBe('[critical] Level ALERT (replayed)');
    expect(text(describeItem('zh-Hant', pack, alert))).toBe('[危急] 等級 警報 (回放)');
  });
});
