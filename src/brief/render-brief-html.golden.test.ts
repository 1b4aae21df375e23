// Golden files for the daily brief's HTML in both languages, and the rules every brief keeps whatever the day.
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../test/support/golden.js';
import { BRIEF_CASES } from './brief-fixtures.js';
import { GAP_REASONS } from '../analysis/gap-reasons.js';
import { BRIEF_LANGS, reasonText } from './brief-language.js';
import { renderBriefHtml } from './render-brief-html.js';

describe('daily brief golden', () => {
  for (const [name, input] of Object.entries(BRIEF_CASES)) {
    for (const lang of BRIEF_LANGS) {
      it(`${name} in ${lang}`, () => expectGolden(renderBriefHtml(input, lang), `brief-${name}-${lang}.html`));
    }
  }
});

const bottomLineOf = (html: string) => /<p class="sentence">(.*?)<\/p>/.exec(html)![1];

describe('daily brief rules', () => {
  it('says what it does not know before the level, never a calm NORMAL', () => {
    const unknown = renderBriefHtml(BRIEF_CASES.unknown, 'en');
    expect(bottomLineOf(unknown)).toMatch(
      /^Knowledge UNKNOWN: none of the 3 core indicators is reporting \(air no coverage, sea no coverage and carrier stale\)/,
    );
    expect(unknown).toContain('class="bottom knowledge-unknown"');
    expect(bottomLineOf(renderBriefHtml(BRIEF_CASES.degraded, 'zh'))).toMatch(/^研判降級：3 項核心指標僅 1 項回報/);
  });

  it('generates the bottom line from the evidence: the level move, the episode and the two largest movers', () => {
    expect(bottomLineOf(renderBriefHtml(BRIEF_CASES.surge, 'en'))).toBe(
      'ALERT (up from NORMAL): an episode has been under way since 2024-05-23 (day 1), H1 Major exercise at 71 %, driven by Aircraft (very high: 49 against a baseline of 12.3) and Navy ships (elevated: 19 against a baseline of 7).',
    );
  });

  it('marks the page with the most restrictive TLP it was derived from, at the top and the bottom', () => {
    const html = renderBriefHtml(BRIEF_CASES.surge, 'en');
    expect(html.match(/TLP:AMBER</g)).toHaveLength(2);
    expect(renderBriefHtml(BRIEF_CASES['first-day'], 'en')).toContain('>TLP:CLEAR<');
  });

  it('never prints a probability of 0 % or 100 %, and escapes pack text', () => {
    for (const input of Object.values(BRIEF_CASES)) {
      for (const lang of BRIEF_LANGS) {
        const html = renderBriefHtml(input, lang);
        expect(html).not.toMatch(/[^.\d]0 %|100 %/);
        expect(html).not.toContain('<ahead of aircraft>');
      }
    }
  });

  it('lists every indicator without coverage, stale, missing or with insufficient data as an intelligence gap', () => {
    const html = renderBriefHtml(BRIEF_CASES.degraded, 'en');
    const gaps = /<ul class="gaps">(.*?)<\/ul>/.exec(html)![1];
    expect(gaps.match(/<li>/g)).toHaveLength(2);
    expect(gaps).toContain('<b>Navy ships</b> — stale: latest data is 5 days old');
    expect(gaps).toContain('<b>Carrier activity</b> — no coverage');
  });
});

describe('daily brief in 中文', () => {
  const latin = /[A-Za-z]{3,}/g;
  // What may stay in Latin letters on the 中文 page: the TLP marking, ids of sources and packs, the time zone.
  const allowed = new Set([
    'TLP',
    'AMBER',
    'CLEAR',
    'Asia',
    'Taipei',
    'mnd',
    'partner',
    'org',
    'strait',
    'test',
    'msa',
    'jso',
  ]);

  it('says every sentence, heading and gap reason in Chinese', () => {
    for (const [name, input] of Object.entries(BRIEF_CASES)) {
      const body = renderBriefHtml(input, 'zh')
        .replace(/<style>[\s\S]*?<\/style>/, '')
        .replace(/<[^>]+>/g, ' ');
      const words = [...new Set(body.match(latin) ?? [])].filter((w) => !allowed.has(w));
      expect(words, name).toEqual([]);
    }
  });

  it('translates each reason the analysis gives, and quotes a source’s own words as such', () => {
    for (const reason of [
      GAP_REASONS.noSource(),
      GAP_REASONS.notCollectedThatDay(['mnd', 'jso']),
      GAP_REASONS.coverageBegins('2024-05-01'),
      GAP_REASONS.noReportSinceCoverage('2024-05-01'),
      GAP_REASONS.dataOld(5),
      GAP_REASONS.collectionOld(13, 3),
      GAP_REASONS.valueNotKnown(),
      GAP_REASONS.windowIncomplete(),
      GAP_REASONS.shortBaseline(4, 14),
    ]) {
      const zh = reasonText('zh', reason);
      expect(zh, reason).not.toMatch(/來源說明/);
      expect(zh.replace(/mnd|jso/g, ''), reason).not.toMatch(/[A-Za-z]/);
    }
    expect(reasonText('zh', 'sensor outage')).toBe('來源說明（原文）：sensor outage');
    expect(reasonText('en', GAP_REASONS.dataOld(5))).toBe('latest data is 5 days old');
  });
});
