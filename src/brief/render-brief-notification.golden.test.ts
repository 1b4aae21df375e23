// Golden file for the notification that carries the daily brief (e-mail text body and webhook text), and its subject.
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../test/support/golden.js';
import { BRIEF_CASES } from './brief-fixtures.js';
import { briefFileName, briefSubject, renderBriefNotificationText } from './render-brief-notification.js';

describe('brief notification body', () => {
  it('gives the committed text: TLP first and last, the bottom line in each language, attachments and links', () => {
    const input = BRIEF_CASES.surge;
    const day = input.today.day;
    const body = renderBriefNotificationText(
      input,
      ['en', 'zh'],
      [briefFileName('strait-test', day, 'en', 'pdf'), briefFileName('strait-test', day, 'zh', 'pdf')],
      [
        { label: 'en pdf', url: `https://vigil.example.org/api/v1/briefs/${day}?lang=en&format=pdf` },
        { label: 'zh html', url: `https://vigil.example.org/api/v1/briefs/${day}?lang=zh&format=html` },
      ],
    );
    expectGolden(body, 'brief-notification-body.txt');
  });

  it('puts the marking and a degraded or unknown state in the subject, before the level', () => {
    expect(briefSubject(BRIEF_CASES.surge)).toBe(
      '[TLP:AMBER] Daily warning brief · Strait (test) · 2024-05-23 · ALERT',
    );
    expect(briefSubject(BRIEF_CASES.unknown)).toMatch(/· knowledge UNKNOWN, NORMAL$/);
  });
});
