// Why an indicator is not reporting reaches the 中文 dashboard in 中文 (board and map hovers, banner, indicator, roll-up).
import { describe, expect, it } from 'vitest';
import { reasonName } from './i18n.js';

describe('reasonName', () => {
  it('keeps the English and writes the 中文 of the analysis reasons', () => {
    expect(reasonName('en', 'latest data is 3 days old')).toBe('latest data is 3 days old');
    expect(reasonName('zh-Hant', 'latest data is 3 days old')).toBe('最新資料距今 3 日');
    expect(reasonName('zh-Hant', '12 of 28 baseline samples')).toBe('基準樣本僅 12 筆（需 28 筆）');
  });

  it("quotes a source's own words as such rather than passing them off as 中文", () => {
    expect(reasonName('zh-Hant', 'website down')).toBe('來源說明（原文）：website down');
  });
});

describe('reasonName on a series only live collectors supply', () => {
  it('says so in 中文', () => {
    expect(reasonName('zh-Hant', 'no source collected this series on that day (coverage: live collection only)')).toBe(
      '當日無來源蒐集此序列（涵蓋來源：僅限即時蒐集）',
    );
  });
});
