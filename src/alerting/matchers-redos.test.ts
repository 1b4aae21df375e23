// User patterns run in linear time (RE2): hostile patterns that froze the server for 25–54 s under a backtracking engine.
import { RE2JS } from 're2js';
import { describe, expect, it, vi } from 'vitest';
import { isVigilError } from '../errors/index.js';
import type { Alert } from './alert.js';
import { matches, MAX_PATTERN_LENGTH, parseMatcher, PatternError } from './matchers.js';
import { createSilence, silencedAlerts } from './silences.js';

const NOW = '2026-09-01T00:00:00.000Z';

function alertWith(labels: Record<string, string>): Alert {
  return { id: 'a1', labels } as unknown as Alert;
}

describe('matchers on RE2', () => {
  it('match a nested-quantifier pattern against a long label in linear time', () => {
    const label = 'x'.repeat(50_000);
    const started = performance.now();
    expect(matches(parseMatcher('series=~"(.*.*)*y"'), { series: label })).toBe(false);
    expect(matches(parseMatcher('series!~"(a|aa)*b"'), { series: 'a'.repeat(50_000) })).toBe(true);
    // A backtracking engine needs minutes on either; RE2 needs milliseconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('evaluate a hostile silence over many alerts quickly (the 30 s cycle path)', () => {
    const silence = createSilence(
      {
        matchers: ['series=~"(.*.*)*y"', 'alertname="x"'],
        startsAt: NOW,
        endsAt: '2026-09-02T00:00:00Z',
        createdBy: 'ana',
        comment: 'probe',
      },
      NOW,
    );
    const alerts = Array.from({ length: 200 }, (_, i) => ({
      ...alertWith({ alertname: 'x', series: 'a'.repeat(2_000) }),
      id: `a${i}`,
    }));
    const started = performance.now();
    expect(silencedAlerts(alerts, [silence], NOW).size).toBe(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("compile a silence's patterns once, at its creation: evaluating it in the cycles compiles nothing", () => {
    const compile = vi.spyOn(RE2JS, 'compile');
    try {
      const silence = createSilence(
        {
          matchers: ['series=~"(x+x+)+y-once"', 'alertname="x"'],
          startsAt: NOW,
          endsAt: '2026-09-02T00:00:00Z',
          createdBy: 'ana',
          comment: 'once',
        },
        NOW,
      );
      expect(compile).toHaveBeenCalledTimes(1);
      for (let cycle = 0; cycle < 3; cycle++)
        silencedAlerts([alertWith({ alertname: 'x', series: 'x'.repeat(1_024) })], [silence], NOW);
      expect(compile).toHaveBeenCalledTimes(1);
    } finally {
      compile.mockRestore();
    }
  });

  it('refuse back-references, look-around and over-long patterns at creation, naming the field', () => {
    for (const pattern of ['(a)\\\\1', '(?=a)b', 'a'.repeat(MAX_PATTERN_LENGTH + 1)]) {
      expect(() => parseMatcher(`series=~"${pattern}"`)).toThrow(PatternError);
      try {
        createSilence(
          {
            matchers: ['alertname="x"', `series=~"${pattern}"`],
            startsAt: NOW,
            endsAt: '2026-09-02T00:00:00Z',
            createdBy: 'ana',
            comment: 'c',
          },
          NOW,
        );
        expect.unreachable();
      } catch (error) {
        expect(isVigilError(error) && error.code).toBe('VIGIL_PATTERN_UNSUPPORTED');
        expect((error as Error).message).toMatch(/^silence: matchers\[1\]: /);
      }
    }
  });

  it('keep Alertmanager semantics: anchored, RE2 classes', () => {
    expect(matches(parseMatcher('indicator=~"sea\\\\..*"'), { indicator: 'sea.plan' })).toBe(true);
    expect(matches(parseMatcher('indicator=~"sea"'), { indicator: 'sea.plan' })).toBe(false);
    expect(matches(parseMatcher('x=~"[[:digit:]]+"'), { x: '42' })).toBe(true);
  });

  it('a stored silence that no longer parses mutes nothing instead of failing the cycle', () => {
    const stored = {
      id: 's1',
      matchers: ['series=~"(a)\\\\1"'],
      startsAt: NOW,
      endsAt: '2026-09-02T00:00:00.000Z',
      createdBy: 'ana',
      comment: 'old',
      createdAt: NOW,
      expiredAt: null,
    };
    expect(silencedAlerts([alertWith({ series: 'aa' })], [stored], '2026-09-01T01:00:00.000Z').size).toBe(0);
  });
});
