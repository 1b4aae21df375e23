// The assessment window keeps what today's assessment can read and collapses today's revisions of a claim to the latest.
import { describe, expect, it } from 'vitest';
import { dailyCounts } from '../../test/support/analysis-fixtures.js';
import { getZone, parseDay } from '../time/zone.js';
import { createAssessmentWindow } from './assessment-window.js';

describe('assessment window', () => {
  it('keeps one revision per claim published today, and everything published on other days', () => {
    const zone = getZone('Asia/Taipei');
    const [yesterday] = dailyCounts('s', '2024-04-29', [5]);
    const revision = (value: number, at: string) => ({
      ...dailyCounts('s', '2024-04-30', [value])[0],
      publishedAt: at,
      id: `r-${at}`,
    });
    const early = revision(7, '2024-05-01T01:00:00.000Z');
    const late = revision(30, '2024-05-01T03:00:00.000Z');
    const tomorrow = revision(9, '2024-05-01T17:00:00.000Z');
    const w = createAssessmentWindow(zone, parseDay('2024-05-01'), [yesterday, late]);
    w.add([early, tomorrow]);
    expect(w.observations().map((o) => o.id)).toEqual([yesterday.id, tomorrow.id, late.id]);
    expect(w.size()).toBe(3);
  });
});
