// Group commit: writes that arrive while one transaction is committing wait and go together in the next one, so under
// load the fixed cost of a transaction (BEGIN, the write locks, the audit head, COMMIT and its flush to disk) is paid
// once per group rather than once per write. A write that finds nothing committing starts at once: no timer, and no
// added latency when idle.

export interface GroupCommitOptions<T, R> {
  /** Commits the items in one transaction, all or nothing; one result per item, in their order. */
  commit(items: readonly T[]): Promise<R[]>;
  /** What an item weighs (e.g. its observations): a group takes waiting items while the total stays ≤ maxWeight. */
  weight(item: T): number;
  maxWeight: number;
  /** At most this many items a group. */
  maxItems: number;
}

export interface GroupCommit<T, R> {
  /** Resolves with the item's own result once the transaction that holds it has committed; rejects with its own error. */
  submit(item: T): Promise<R>;
}

interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export function createGroupCommit<T, R>(options: GroupCommitOptions<T, R>): GroupCommit<T, R> {
  const waiting: Waiting<T, R>[] = [];
  let committing = false;

  /** The next group: the first waiting item always (however heavy), then the next ones while they fit. */
  const take = (): Waiting<T, R>[] => {
    const group = [waiting.shift()!];
    let weight = options.weight(group[0].item);
    while (waiting.length > 0 && group.length < options.maxItems) {
      const next = options.weight(waiting[0].item);
      if (weight + next > options.maxWeight) break;
      weight += next;
      group.push(waiting.shift()!);
    }
    return group;
  };

  const commitGroup = async (group: Waiting<T, R>[]): Promise<void> => {
    let results: R[];
    try {
      results = await options.commit(group.map((w) => w.item));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      // All or nothing holds per write, not per group: one bad write must not fail the others, so each is committed
      // again on its own, in order, and answered with its own outcome.
      for (const w of group) await commitGroup([w]);
      return;
    }
    group.forEach((w, i) => w.resolve(results[i]));
  };

  const drain = async (): Promise<void> => {
    committing = true;
    try {
      while (waiting.length > 0) await commitGroup(take());
    } finally {
      committing = false;
    }
  };

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (!committing) void drain();
      });
    },
  };
}
