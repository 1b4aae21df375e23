import { describe, expect, it } from 'vitest';
import { classifyNews } from './classify-news.js';

const categories = (text: string) => classifyNews(text).map((m) => m.category);

describe('classifyNews', () => {
  it('recognises named-exercise announcements in traditional, simplified Chinese and English', () => {
    expect(classifyNews('東部戰區今天宣布在台灣周邊舉行「聯合利劍-2030A」演習')).toEqual([
      { category: 'named-exercise', evidence: '聯合利劍', exercise: 'joint-sword' },
    ]);
    expect(classifyNews('东部战区开展“海峡雷霆-2030A”演习')[0]).toMatchObject({ exercise: 'strait-thunder' });
    expect(classifyNews('The PLA launched the Justice Mission exercise around Taiwan')[0]).toMatchObject({
      exercise: 'justice-mission',
    });
  });

  it('does not take a look back at a past exercise for an announcement', () => {
    expect(categories('2029年，大陆开展“联合利剑-2029”演习。本次座谈会聚焦经贸合作。')).toEqual([]);
    expect(categories('去年12月底共軍在台灣周邊舉行「正義使命-2029」軍演期間')).toEqual([]);
  });

  it('recognises a readiness patrol reported with the forces counted, not commentary about patrols', () => {
    expect(categories('國防部表示，偵獲共機21架次，其中15架次逾越中線，配合共艦假「聯合戰備警巡」之名騷擾')).toEqual([
      'readiness-patrol',
    ]);
    expect(categories('Taiwan detected 8 vessels on a joint combat readiness patrol')).toEqual(['readiness-patrol']);
    expect(categories('學者指出，解放軍可能維持對台進行「聯合戰備警巡」與灰色地帶襲擾。')).toEqual([]);
  });

  it("recognises live-fire notices by the PLA in closed waters, not land drills or Taiwan's own live fire", () => {
    expect(categories('漳州海事局發布航行警告，在台灣海峽東山島附近海域進行實彈射擊')).toEqual(['live-fire']);
    expect(categories('#直击东部战区练兵备战现场# 第71集团军某旅组织轻武器实弹射击')).toEqual([]);
    expect(categories('漢光演習金防部於后湖海域執行實彈射擊，模擬共軍登陸')).toEqual([]);
  });

  it('recognises carrier sightings by a Chinese carrier named as a ship, not the province or a passing mention', () => {
    expect(categories('中共航艦福建號航經台灣海峽，國軍嚴密監控')).toEqual(['carrier']);
    expect(categories("China's carrier Shandong was spotted east of Taiwan")).toEqual(['carrier']);
    expect(categories('福建省舉辦兩岸經貿論壇')).toEqual([]);
    expect(categories('國防部記者會：台灣同胞想看福建艦，歡迎常回家看看。')).toEqual([]);
  });

  it('can put one text in several categories', () => {
    expect(
      categories('東部戰區舉行「海峽雷霆-2030A」演習，20架次共機配合共艦聯合戰備警巡，遼寧艦編隊在台灣東部海域活動'),
    ).toEqual(['named-exercise', 'readiness-patrol', 'carrier']);
  });
});
