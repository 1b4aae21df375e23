// Walks every day of the bundled taiwan-strait data through the replay path (the live path's analysis) and holds it
// to the knowledge rules: no indicator is `absent` (nor 0) outside its source's declared coverage, and every day with
// fewer core indicators reporting than the pack's minimum carries the degraded/unknown state.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { coverageOf, declaredCoverage, isCovered, seriesMatches } from '../analysis/coverage.js';
import { coreOf, isReporting } from '../analysis/knowledge-state.js';
import { parseFile } from '../app/ingest-files.js';
import { DEFAULT_PACK, PACKAGE_ROOT } from '../app/paths.js';
import type { Assessment } from '../model/index.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { parseDay } from '../time/zone.js';
import { replay } from './replay.js';

const pack = loadPack(DEFAULT_PACK);
const observations = pack.data.flatMap((file) => parseFile(file.kind, packPath(pack, file.path)));
const from = parseDay('2020-09-16');
const to = parseDay('2026-08-22');
const LIVE_ONLY = ['news.named-exercise', 'msa.notice.near-taiwan', 'msa.notice.close-to-taiwan'];

describe('bundled taiwan-strait data, every day 2020-09-16 → 2026-08-22', () => {
  const assessments: Assessment[] = [];
  replay(pack, observations, from, to, { onAssessment: (a) => assessments.push(a) });
  const coverage = declaredCoverage(pack);
  const windows = new Map(
    pack.indicators.map((i) => [i.id, coverageOf(coverage, i.series, i.staleAfterDays).windows ?? []]),
  );
  const core = coreOf(pack);

  it('assesses every day', () => expect(assessments).toHaveLength(to - from + 1));

  it('bundles nothing for the live-only same-day series, which read no-coverage on every day', () => {
    expect(observations.filter((o) => LIVE_ONLY.includes(o.series))).toEqual([]);
    const states = new Set(
      assessments.flatMap((a) => a.indicators.filter((i) => i.id.startsWith('ann.')).map((i) => i.state)),
    );
    expect([...states]).toEqual(['no-coverage']);
  });

  it('declares coverage for every series of the bundled files that an indicator of either pack reads', () => {
    for (const p of [pack, loadPack(join(PACKAGE_ROOT, 'packs', 'nansei', 'pack.yaml'))]) {
      const declared = declaredCoverage(p);
      const bundled = new Set(
        p.data.flatMap((file) => parseFile(file.kind, packPath(p, file.path)).map((o) => o.series)),
      );
      const read = p.indicators.flatMap((i) => i.series).filter((s) => bundled.has(s));
      expect([p.id, read.filter((s) => !declared.entries.some((e) => seriesMatches(e.series, s)))]).toEqual([p.id, []]);
    }
  });

  it('no indicator is absent or a calm 0 outside its source coverage', () => {
    const wrong: string[] = [];
    for (const a of assessments) {
      const d = parseDay(a.day);
      for (const ind of a.indicators) {
        const w = windows.get(ind.id)!;
        if (isCovered(w, d)) continue;
        // Outside coverage a quiet day is never absent; a count may still be judged on a fresh report from inside it.
        const judgedInside = ind.dataDay !== null && isCovered(w, parseDay(ind.dataDay));
        if (ind.state === 'absent' || (['normal', 'stable', 'low'].includes(ind.state) && !judgedInside))
          wrong.push(`${a.day} ${ind.id} ${ind.state}`);
        if (ind.state === 'no-coverage' && (ind.value !== null || ind.contribution !== 0))
          wrong.push(`${a.day} ${ind.id} no-coverage with a value`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('every day with fewer than minReporting core indicators reporting is degraded or unknown', () => {
    const wrong: string[] = [];
    const counts: Record<string, number> = { ok: 0, degraded: 0, unknown: 0 };
    for (const a of assessments) {
      const reporting = a.indicators.filter((i) => core.indicators.includes(i.id) && isReporting(i.state)).length;
      counts[a.knowledge.state] += 1;
      const expected = reporting === 0 ? 'unknown' : reporting < core.minReporting ? 'degraded' : 'ok';
      if (a.knowledge.state !== expected || a.knowledge.reporting !== reporting)
        wrong.push(`${a.day}: ${a.knowledge.state}, ${reporting} reporting`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // Before the Joint Staff releases (2022-08) only the ADIZ count reports (and not every day): two years of a board that
    // says it is degraded or knows nothing, never a plain level.
    expect(assessments.filter((a) => a.day < '2022-08-01' && a.knowledge.state === 'ok')).toEqual([]);
    expect(assessments.find((a) => a.day === '2021-06-01')!.knowledge).toMatchObject({
      state: 'unknown',
      reporting: 0,
    });
    expect(assessments.find((a) => a.day === '2023-04-10')!.knowledge.state).toBe('ok');
    expect(counts.degraded + counts.unknown).toBeGreaterThan(680);
  });

  it('far-seas indicators are no-coverage between the two Joint Staff collections, never absent', () => {
    // Nothing covers 2023-09 → 2023-12: The Reporter's collection ends 2023-08-31, the hand entries start 2024-01-01.
    const day = assessments.find((a) => a.day === '2023-11-01')!;
    expect(day.indicators.find((i) => i.id === 'far-seas.carrier')!.state).toBe('no-coverage');
    expect(day.indicators.find((i) => i.id === 'far-seas.transit')!.state).toBe('no-coverage');
    const covered = assessments.find((a) => a.day === '2023-06-01')!;
    expect(['absent', 'present']).toContain(covered.indicators.find((i) => i.id === 'far-seas.carrier')!.state);
  });
});
