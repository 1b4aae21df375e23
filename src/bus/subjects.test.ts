// Tests for the stream topology and subject rules every Bus adapter shares.
import { describe, expect, it } from 'vitest';
import { retryDelay, streamOf, streamOfPattern, subjectMatches, SUBJECTS } from './subjects.js';

describe('bus subjects', () => {
  it('maps the subjects Vigil uses to their streams', () => {
    expect(streamOf(SUBJECTS.ingestWork).name).toBe('OBSERVATIONS');
    expect(streamOf(SUBJECTS.stored('taiwan-strait')).name).toBe('OBSERVATIONS');
    expect(streamOf(SUBJECTS.assessment('nansei')).name).toBe('ASSESSMENTS');
    expect(() => streamOf('vigil.deliveries.webhook')).toThrow(
      expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }),
    );
  });

  it('refuses malformed subjects, subjects outside the streams and patterns spanning streams', () => {
    for (const bad of [
      '',
      'vigil',
      'vigil.observations',
      'vigil.Observations.x',
      'vigil.observations..x',
      'vigil.observations.a b',
      'other.x',
    ]) {
      expect(() => streamOf(bad), bad).toThrow(expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }));
    }
    expect(streamOfPattern('vigil.assessments.>').name).toBe('ASSESSMENTS');
    expect(streamOfPattern('vigil.observations.stored.*').name).toBe('OBSERVATIONS');
    for (const bad of ['vigil.>', '>', 'vigil.*.x', 'vigil.assessments.>.x']) {
      expect(() => streamOfPattern(bad), bad).toThrow(expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }));
    }
  });

  it('matches subjects like NATS: * is one token, a final > one or more', () => {
    expect(subjectMatches('a.b.c', 'a.b.c')).toBe(true);
    expect(subjectMatches('a.*.c', 'a.x.c')).toBe(true);
    expect(subjectMatches('a.*', 'a.x.c')).toBe(false);
    expect(subjectMatches('a.>', 'a.x.c')).toBe(true);
    expect(subjectMatches('a.>', 'a')).toBe(false);
    expect(subjectMatches('a.b', 'a.b.c')).toBe(false);
  });

  it('doubles the retry delay per attempt, capped at a minute', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(1000, n))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(1000, 40)).toBe(60_000);
  });
});
