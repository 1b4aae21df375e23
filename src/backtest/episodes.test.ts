import { describe, expect, it } from 'vitest';
import { formatDay } from '../time/zone.js';
import { parseEpisodes } from './episodes.js';

describe('episode labels', () => {
  it('parses the labels format', () => {
    const [e] = parseEpisodes(
      'id,name,kind,start,end,announced_in_advance\nE4,Joint Sword,named-exercise,2023-04-08,2023-04-10,no\n',
      'l.csv',
    );
    expect({ ...e, start: formatDay(e.start), end: formatDay(e.end) }).toEqual({
      id: 'E4',
      name: 'Joint Sword',
      kind: 'named-exercise',
      start: '2023-04-08',
      end: '2023-04-10',
    });
  });

  it('rejects bad rows with file:line: field: problem', () => {
    expect(() => parseEpisodes('id,name,kind,start,end\nE1,x,surge,2023-02-30,2023-03-01\n', 'l.csv')).toThrow(
      'l.csv:2: start: invalid date "2023-02-30": expected YYYY-MM-DD',
    );
    expect(() => parseEpisodes('id,name,kind,start,end\nE1,x,surge,2023-03-02,2023-03-01\n', 'l.csv')).toThrow(
      'l.csv:2: end: is before start',
    );
    expect(() => parseEpisodes('id,name,kind,start\n', 'l.csv')).toThrow('l.csv:1: end: required column is missing');
  });
});
