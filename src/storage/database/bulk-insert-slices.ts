// A bulk insert's rows counted per slice (BulkInsert.slices): how many rows each caller of a group commit inserted.
import { vigilError } from '../../errors/index.js';

/** The slice of each row: `sizes` must be non-negative integers that sum to `rows` (default: one slice of all). */
export function sliceOwners(rows: number, sizes: readonly number[] = [rows]): Uint32Array {
  const total = sizes.reduce((sum, n) => sum + n, 0);
  if (sizes.some((n) => !Number.isInteger(n) || n < 0) || total !== rows)
    throw vigilError('VIGIL_INTERNAL', `bulk insert: slices [${sizes.join(', ')}] do not divide ${rows} rows`);
  const owners = new Uint32Array(rows);
  let row = 0;
  sizes.forEach((n, slice) => {
    owners.fill(slice, row, row + n);
    row += n;
  });
  return owners;
}

/**
 * Counts per slice from the conflict-column values an INSERT … ON CONFLICT DO NOTHING reported inserted. Rows go in
 * in order, so of several rows with one value the first was inserted and the later ones were skipped: each value is
 * credited once, to the slice of its first row.
 */
export function countInsertedPerSlice(
  rows: readonly (readonly unknown[])[],
  column: number,
  owners: Uint32Array,
  slices: number,
  inserted: ReadonlySet<unknown>,
): number[] {
  const counts = new Array<number>(slices).fill(0);
  const credited = new Set<unknown>();
  rows.forEach((row, i) => {
    const value = row[column];
    if (!inserted.has(value) || credited.has(value)) return;
    credited.add(value);
    counts[owners[i]] += 1;
  });
  return counts;
}
