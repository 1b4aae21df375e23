// The playback bug: #/board?at=2023-04-10, then ?at=2019-06-01 (before the first data day, so the API answers 404)
// left the 2023 board on screen under the 2019 date. Data now belongs to the path it was loaded for.
import { describe, expect, it } from 'vitest';
import { initialLoaded, loadFailed, loadStarted, loadSucceeded, visibleFor } from './loaded-state.js';

const board2023 = { day: '2023-04-10' };
const A = '/board?at=2023-04-10';
const B = '/board?at=2019-06-01';

describe('loaded state across playback days', () => {
  it("never shows the previous day's board while the new day loads or after it fails", () => {
    let s = loadSucceeded(loadStarted(initialLoaded<typeof board2023>(A), A), A, board2023);
    expect(visibleFor(s, A).data).toBe(board2023);
    // The route changed: the render before the new load even starts must not show the 2023 board.
    expect(visibleFor(s, B)).toEqual({ data: undefined, error: undefined, loading: true });
    s = loadStarted(s, B);
    expect(visibleFor(s, B).data).toBeUndefined();
    s = loadFailed(s, B, new Error('--at 2019-06-01 is before the first observation (2020-09-16)'));
    expect(visibleFor(s, B)).toMatchObject({
      data: undefined,
      loading: false,
      error: { message: expect.stringContaining('2019-06-01') },
    });
  });

  it('a late answer for the previous day does not land under the new one', () => {
    const s = loadStarted(loadSucceeded(loadStarted(initialLoaded<typeof board2023>(A), A), A, board2023), B);
    expect(visibleFor(loadSucceeded(s, A, board2023), B).data).toBeUndefined();
    expect(visibleFor(loadFailed(s, A, new Error('late')), B).error).toBeUndefined();
  });

  it('a failed live refresh of the same day keeps what it showed, with the error', () => {
    const s = loadFailed(
      loadStarted(loadSucceeded(loadStarted(initialLoaded<typeof board2023>(A), A), A, board2023), A),
      A,
      new Error('offline'),
    );
    expect(visibleFor(s, A)).toMatchObject({ data: board2023, error: { message: 'offline' } });
  });
});
