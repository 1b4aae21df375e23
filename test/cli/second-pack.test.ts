import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-nansei-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a second theatre runs on the same code', () => {
  it('starts the Nansei pack in its own time zone with its own hypotheses and data', async () => {
    const db = join(dir, 'nansei.db');
    const r = await runCli('--pack', 'nansei', '--db', db, 'start', '--no-serve');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Nansei .* as known at the end of \d{4}-\d{2}-\d{2} \(Asia\/Tokyo\)/);
    expect(r.stdout).toMatch(/R1 +Far-seas task-group exercise/);
    // Carrier activity reported in the last three days raises R1 above its prior.
    const jsonl = (
      await runCli(
        '--pack',
        'nansei',
        '--db',
        db,
        'backtest',
        '--from',
        '2026-02-18',
        '--to',
        '2026-08-19',
        '--format',
        'jsonl',
      )
    ).stdout;
    const days = jsonl
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const withCarrier = days.filter((d: { top: { indicator: string; contribution: number }[] }) =>
      d.top.some((t) => t.indicator === 'carrier' && t.contribution > 0),
    );
    expect(withCarrier.length).toBeGreaterThan(0);
    expect(withCarrier.every((d: { hypotheses: Record<string, number> }) => d.hypotheses.R1 > 0.09)).toBe(true);
  });
});
