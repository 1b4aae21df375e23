// Every text a reader sees exists in English and Traditional Chinese: each dictionary key of the dashboard, each
// reader-facing field of every bundled pack (`<field>Zh`) and alerting file (`<field>_zh`), each state and domain a
// pack uses. And level 4 (警報) never shares its word with the alerts inbox (警示).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LEVEL_NAMES_ZH } from '../../src/model/assessment.js';
import { missingChinese } from '../../src/packs/pack-languages.js';
import { loadPack } from '../../src/packs/pack-loader.js';
import { DICTIONARIES, type MessageKey } from '../../src/web/i18n.js';
import { ROOT } from './source-files.js';

const HAN = /\p{Script=Han}/u;
/** Keys whose 中文 is rightly the same as the English (a product name, an acronym, the ISO date pattern). */
const SAME_IN_BOTH = new Set<MessageKey>(['nav.docs', 'playback.dateHint']);

const packsDir = join(ROOT, 'packs');
const packFiles = readdirSync(packsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => ['pack.yaml', 'judgement.yaml'].map((f) => join(packsDir, d.name, f)))
  .filter((f) => existsSync(f));
const alertingFiles = readdirSync(packsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(packsDir, d.name, 'alerting.yaml'))
  .filter((f) => existsSync(f));

describe('the dashboard dictionary', () => {
  const en = DICTIONARIES.en;
  const zh = DICTIONARIES['zh-Hant'];

  it('has a 中文 counterpart for every key', () => {
    const keys = Object.keys(en) as MessageKey[];
    const lacking = keys.filter((k) => {
      const text = zh[k];
      if (typeof text !== 'string' || text.trim() === '') return true;
      if (SAME_IN_BOTH.has(k)) return false;
      return text === en[k] || !HAN.test(text);
    });
    expect(lacking).toEqual([]);
    expect(Object.keys(zh).sort()).toEqual(keys.sort());
  });

  it('keeps the placeholders of each English text in its 中文 one', () => {
    const vars = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const off = (Object.keys(en) as MessageKey[]).filter((k) => vars(en[k]).join() !== vars(zh[k]).join());
    expect(off).toEqual([]);
  });

  it('gives level 4 a word of its own: the alerts inbox is not 警報', () => {
    const levels = Object.values(LEVEL_NAMES_ZH);
    expect(new Set(levels).size).toBe(5);
    const inboxWords = (['nav.alerts', 'alerts.title', 'board.alerts', 'timeline.alert'] as const).map((k) => zh[k]);
    for (const word of inboxWords) for (const level of levels) expect(word).not.toContain(level);
    expect(LEVEL_NAMES_ZH[4]).toBe('警報');
  });
});

describe('the bundled packs', () => {
  it.each(packFiles.map((f) => [relative(ROOT, f), f]))('%s has every reader-facing text in 中文', (_, file) => {
    expect(missingChinese(loadPack(file))).toEqual([]);
  });

  it('a pack text without its 中文 counterpart is reported by path', () => {
    const pack = loadPack(packFiles[0]);
    const broken = {
      ...pack,
      indicators: pack.indicators.map((i, n) => (n === 1 ? { ...i, nameZh: undefined, domain: 'space' } : i)),
    };
    expect(missingChinese(broken)).toEqual(['indicators[1].nameZh', 'domains.space']);
  });
});

describe('the bundled alerting files', () => {
  it.each(alertingFiles.map((f) => [relative(ROOT, f), f]))('%s has every playbook text in 中文', (_, file) => {
    const doc = parseYaml(readFileSync(file, 'utf8')) as {
      playbooks?: Record<string, { title: string; title_zh?: string; steps: { id: string; text_zh?: string }[] }>;
    };
    const lacking = Object.entries(doc.playbooks ?? {}).flatMap(([id, p]) => [
      ...(p.title_zh && HAN.test(p.title_zh) ? [] : [`playbooks.${id}.title_zh`]),
      ...p.steps.flatMap((s) => (s.text_zh && HAN.test(s.text_zh) ? [] : [`playbooks.${id}.steps.${s.id}.text_zh`])),
    ]);
    expect(lacking).toEqual([]);
  });
});
