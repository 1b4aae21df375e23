import { describe, expect, it } from 'vitest';
import {
  countriesIn,
  hullNumbers,
  normaliseTransit,
  translateShipTypes,
  type RawTransit,
} from './normalise-transit.js';

const raw = (over: Partial<RawTransit>): RawTransit => ({
  Date: '2024/1/2',
  Ships: '',
  Country: 'US',
  Ship_Type: '',
  Hull_Number: '',
  Date_Precision: 'exact',
  ...over,
});

describe('normaliseTransit', () => {
  it('keeps facts of a US transit and fixes a wrong compiler country from the ship named', () => {
    const r = normaliseTransit(
      raw({
        Date: '2020/1/16',
        Ships: '美軍巡洋艦（USS Shiloh CG-67）航經台灣海峽',
        Country: 'Multi (US+Germany)',
        Ship_Type: '巡洋艦',
        Hull_Number: 'CG-67',
      }),
    );
    expect(r).toMatchObject({
      kind: 'transit',
      transit: {
        date: '2020-01-16',
        country: 'US',
        hull_number: 'CG-67',
        ship_type: 'cruiser',
        date_precision: 'exact',
      },
    });
  });

  it('marks joint transits multi and lists each class once', () => {
    const r = normaliseTransit(
      raw({ Ships: '美國海軍驅逐艦、加拿大巡防艦通過', Ship_Type: '驅逐艦、巡防艦、飛彈驅逐艦' }),
    );
    expect(r).toMatchObject({
      kind: 'transit',
      countries: ['US', 'Canada'],
      transit: { country: 'multi', ship_type: 'destroyer;frigate' },
    });
  });

  it('leaves out PLA rows, Bashi Channel passages and aircraft flights', () => {
    expect(normaliseTransit(raw({ Country: 'CN', Ships: '7艘共艦' })).kind).toBe('excluded');
    expect(normaliseTransit(raw({ Ships: '美國航空母艦經過巴士海峽', Ship_Type: '航空母艦' })).kind).toBe('excluded');
    expect(normaliseTransit(raw({ Ships: '美國第七艦隊證實P-8A軍機飛越台海' })).kind).toBe('excluded');
  });

  it('treats a date range as approximate and normalises hull numbers', () => {
    const r = normaliseTransit(
      raw({
        Ships: '美國（DDG 113）和（T-AGS 65）',
        Ship_Type: '飛彈驅逐艦、海洋測量船',
        Hull_Number: 'DDG-113, T-AGS 65',
        Date_Precision: 'range',
      }),
    );
    expect(r).toMatchObject({
      transit: { hull_number: 'DDG-113;T-AGS-65', ship_type: 'destroyer;survey ship', date_precision: 'approximate' },
    });
  });

  it('falls back to the compiler country when no ship or navy is named', () => {
    expect(normaliseTransit(raw({ Ships: '軍艦通過', Country: 'JP' }))).toMatchObject({
      transit: { country: 'Japan' },
    });
  });

  it('applies the documented overrides', () => {
    expect(normaliseTransit(raw({ Date: '2025/9/13', Ships: '美國海軍驅逐艦與英國皇家海軍護衛艦' })).kind).toBe(
      'excluded',
    );
    const r = normaliseTransit(
      raw({ Date: '2025/9/12', Ships: '美國海軍驅逐艦與英國皇家海軍護衛艦', Ship_Type: '驅逐艦、護衛艦、航空母艦' }),
    );
    expect(r).toMatchObject({ transit: { country: 'multi', ship_type: 'destroyer;frigate' } });
  });
});

describe('helpers', () => {
  it('reports unknown class words', () => {
    const unknown: string[] = [];
    expect(translateShipTypes('驅逐艦、神秘艦', (w) => unknown.push(w))).toEqual(['destroyer']);
    expect(unknown).toEqual(['神秘艦']);
  });
  it('extracts hull numbers from the description when the field is empty', () => {
    expect(hullNumbers('', '（HMAS Toowoomba, FFH 156）')).toEqual(['FFH-156']);
    expect(hullNumbers('', '（JS Ikazuchi, DD-107）')).toEqual(['DD-107']);
  });
  it('does not mistake the 美 in a German ship name for the US', () => {
    expect(countriesIn('德國海軍巡防艦和補給艦「美茵河畔法蘭克福號」（FGS Frankfurt am Main）')).toEqual(['Germany']);
  });
});
