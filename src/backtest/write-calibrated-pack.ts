// Writes a calibrated pack back as YAML, editing only the fitted numbers so the file's comments and layout survive.
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { LoadedPack } from '../packs/pack-loader.js';
import type { CalibrationResult } from './calibrate.js';

/** `outDir` is where the YAML will live: data and area paths are rewritten relative to it so the copy still loads. */
export function calibratedPackYaml(
  pack: LoadedPack,
  result: CalibrationResult,
  hypothesis: string,
  outDir: string,
): string {
  const doc = parseDocument(readFileSync(pack.file, 'utf8'));
  const rebase = (p: string) => relative(outDir, resolve(dirname(pack.file), p)) || '.';
  pack.data.forEach((d, i) => doc.setIn(['data', i, 'path'], rebase(d.path)));
  for (const [key, path] of Object.entries(pack.areas)) doc.setIn(['areas', key], rebase(path));
  for (const change of result.ratios) {
    const index = pack.indicators.findIndex((i) => i.id === change.indicator);
    doc.setIn(['indicators', index, 'likelihoods', change.state, hypothesis], change.after);
  }
  doc.setIn(['eventModel'], doc.createNode(result.eventModel));
  const stamp = `Calibrated by \`vigil calibrate\` on ${result.eventModel.trainedOn?.from} … ${result.eventModel.trainedOn?.to} (${result.episodes} episodes, ${result.trainingDays} scored days).`;
  const eventModel = doc.get('eventModel', true) as { commentBefore?: string } | undefined;
  if (eventModel) eventModel.commentBefore = ` ${stamp}`;
  // The source pack's header describes the source; the copy says what it is and where to make changes.
  const first = (doc.contents as { items?: { key?: { commentBefore?: string } }[] } | null)?.items?.[0]?.key;
  if (first) first.commentBefore = undefined;
  doc.commentBefore = ` GENERATED: ${stamp}\n Source: ${basename(pack.file)} (hand-set likelihood ratios) — edit that file and calibrate again, not this one.`;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
