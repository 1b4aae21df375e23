// Collection series patterns (pure); the registry itself runs partner-registry.contract.ts on every adapter.
import { describe, expect, it } from 'vitest';
import { seriesMatches, seriesQueries } from './collections.js';

describe('collection series patterns', () => {
  it('match exact names, prefixes and everything', () => {
    expect(seriesMatches(['mnd.*'], 'mnd.aircraft.total')).toBe(true);
    expect(seriesMatches(['mnd.*'], 'mndx.a')).toBe(false);
    expect(seriesMatches(['jso.flag'], 'jso.flag')).toBe(true);
    expect(seriesMatches(['jso.flag'], 'jso.flags')).toBe(false);
    expect(seriesMatches(['*'], 'anything')).toBe(true);
    expect(seriesMatches([], 'anything')).toBe(false);
  });

  it('become one store query per prefix plus one for the exact names', () => {
    expect(seriesQueries(['*', 'a.b'])).toEqual([{}]);
    expect(seriesQueries(['a.b', 'mnd.*', 'c.d'])).toEqual([{ series: ['a.b', 'c.d'] }, { seriesPrefix: 'mnd.' }]);
  });
});
