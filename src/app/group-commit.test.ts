// Group commit without a clock: the test holds each commit open until it chooses to finish it.
import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.js';

interface Pending {
  items: string[];
  finish(): void;
  fail(error: Error): void;
}

/** A committer whose commits wait for the test; `bad` items make any commit that holds them fail. */
function harness(options: { maxWeight?: number; maxItems?: number; bad?: string[] } = {}) {
  const commits: Pending[] = [];
  let wake: (() => void) | undefined;
  const group = createGroupCommit<string, string>({
    maxWeight: options.maxWeight ?? 100,
    maxItems: options.maxItems ?? 100,
    weight: (item) => item.length,
    commit: (items) =>
      new Promise<string[]>((resolve, reject) => {
        commits.push({
          items: [...items],
          finish: () =>
            items.some((i) => options.bad?.includes(i))
              ? reject(new Error(`bad: ${items.filter((i) => options.bad?.includes(i)).join(',')}`))
              : resolve(items.map((i) => `${i} committed with ${items.length - 1} others`)),
          fail: reject,
        });
        wake?.();
      }),
  });
  /** The next commit the group starts (waits for it without a timer). */
  const next = async (): Promise<Pending> => {
    const seen = commits.length;
    while (commits.length === seen) await new Promise<void>((r) => (wake = r));
    return commits[commits.length - 1];
  };
  return { group, commits, next };
}

const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value }),
    (error: Error) => ({ error: error.message }),
  );

describe('group commit', () => {
  it('commits a write that finds nothing committing at once, on its own', async () => {
    const { group, commits } = harness();
    const a = group.submit('a');
    expect(commits.map((c) => c.items)).toEqual([['a']]);
    commits[0].finish();
    expect(await a).toBe('a committed with 0 others');
  });

  it('commits the writes that arrived meanwhile together next, in order, each answered with its own result', async () => {
    const { group, commits, next } = harness();
    const a = group.submit('a');
    const rest = ['b', 'c', 'd'].map((item) => group.submit(item));
    expect(commits).toHaveLength(1);
    const second = next();
    commits[0].finish();
    (await second).finish();
    expect(commits.map((c) => c.items)).toEqual([['a'], ['b', 'c', 'd']]);
    expect(await a).toBe('a committed with 0 others');
    expect(await Promise.all(rest)).toEqual([
      'b committed with 2 others',
      'c committed with 2 others',
      'd committed with 2 others',
    ]);
  });

  it('commits each write of a failed group again on its own, so only the bad one fails', async () => {
    const { group, commits, next } = harness({ bad: ['c'] });
    const first = group.submit('a');
    const rest = ['b', 'c', 'd'].map((item) => settle(group.submit(item)));
    for (let i = 0; i < 4; i++) {
      const started = next();
      commits[commits.length - 1].finish();
      await started;
    }
    commits[commits.length - 1].finish();
    expect(await first).toBe('a committed with 0 others');
    expect(commits.map((c) => c.items)).toEqual([['a'], ['b', 'c', 'd'], ['b'], ['c'], ['d']]);
    expect(await Promise.all(rest)).toEqual([
      { value: 'b committed with 0 others' },
      { error: 'bad: c' },
      { value: 'd committed with 0 others' },
    ]);
  });

  it('fails a write committed alone with its own error, and goes on with the next ones', async () => {
    const { group, commits, next } = harness();
    const a = settle(group.submit('a'));
    const b = group.submit('b');
    const second = next();
    commits[0].fail(new Error('disk full'));
    (await second).finish();
    expect(await a).toEqual({ error: 'disk full' });
    expect(await b).toBe('b committed with 0 others');
  });

  it('keeps a group within the weight and count limits, taking a heavy first write whole', async () => {
    const { group, commits, next } = harness({ maxWeight: 4, maxItems: 3 });
    const all = [group.submit('a'), ...['huge-write', 'bb', 'cc', 'd', 'e', 'f', 'g'].map((i) => group.submit(i))];
    for (let i = 0; i < 4; i++) {
      const started = next();
      commits[commits.length - 1].finish();
      await started;
    }
    commits[commits.length - 1].finish();
    await Promise.all(all);
    expect(commits.map((c) => c.items)).toEqual([['a'], ['huge-write'], ['bb', 'cc'], ['d', 'e', 'f'], ['g']]);
  });
});
