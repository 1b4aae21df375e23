import { describe, expect, it } from 'vitest';
import { armsSaleValueMusd, triggerSubkind } from './trigger-subkind.js';

describe('trigger sub-kinds (objective attributes of the row, never what followed)', () => {
  it.each([
    ['speech', 'President Tsai National Day address ("four commitments")', 'national-day'],
    ['speech', 'President Lai New Year address (first)', 'new-year'],
    ['speech', 'President Lai remarks at National Day gala: PRC cannot be the "motherland"', 'other'],
    [
      'transit',
      'VP Lai Ching-te transit stop in New York en route to Paraguay inauguration (US local Aug 12-13)',
      'vice-president-us',
    ],
    [
      'transit',
      'President Tsai overseas trip to Guatemala and Belize with US transits (trip start/end, Taiwan dates)',
      'president-us',
    ],
    ['transit', 'President Lai transit stop in Hawaii, two nights (US local Nov 30-Dec 2)', 'president-us-pacific'],
    ['transit', 'President Lai stop in Paraguay', 'president-elsewhere'],
    ['us-visit', 'US HHS Secretary Alex Azar visits Taiwan (cabinet-level)', 'cabinet'],
    ['us-visit', 'House Speaker Nancy Pelosi and delegation visit Taipei, meet President Tsai', 'speaker'],
    ['us-visit', 'House Foreign Affairs chair Michael McCaul delegation (8 members) visits Taiwan', 'congressional'],
    [
      'us-arms-sale',
      'US arms sale notified: 100 Harpoon Coastal Defense Systems, up to $2.37B (DSCA 2020-10-26 US)',
      'large',
    ],
    [
      'us-arms-sale',
      'US arms sales notified (2 cases): 30mm ammunition $332.2M + spare-parts supply arrangement $108M',
      'medium',
    ],
    ['us-arms-sale', 'US arms sale notified: Patriot technical assistance and training, $95M', 'small'],
    ['us-arms-sale', 'US arms sale notified: value not stated', 'unknown'],
  ])('%s "%s" → %s', (category, title, subkind) => {
    expect(triggerSubkind(category, title)?.subkind).toBe(subkind);
  });

  it('has none for categories without sub-kinds', () => {
    expect(triggerSubkind('election', 'Taiwan presidential and legislative elections')).toBeUndefined();
  });

  it.each([
    ['HIMARS $436M, SLAM-ER $1.01B, MS-110 recce pods $367M; ~$1.8B total', 1800],
    ['F-16 standard and non-standard spare parts, $300M total', 300],
    ['30mm ammunition $332.2M + spare-parts supply arrangement $108M', 440.2],
    ['100 Harpoon Coastal Defense Systems, up to $2.37B', 2370],
  ])('reads the notified value of "%s" as US$%s M', (title, musd) => {
    expect(armsSaleValueMusd(title)).toBe(musd);
  });
});
