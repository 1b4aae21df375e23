// What a what-if needs from the store for one day: the observations one assessment of that day reads (under the
// caller's TLP ceiling) and the coverage. The pack edits and the assessment are pure (src/analysis/what-if.ts).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { WhatIfInputs, WhatIfOverrides } from '../analysis/what-if.js';
import { inputError, vigilError } from '../errors/index.js';
import { parseLocatedJson } from '../sources/located-json/located-json.js';
import type { Tlp } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { Store } from '../storage/store.js';
import type { DayNumber } from '../time/zone.js';
import { observationsAsKnownAt } from './assess-at.js';
import { loadCoverage } from './load-coverage.js';

export async function whatIfInputs(store: Store, pack: Pack, day: DayNumber, tlpMax?: Tlp): Promise<WhatIfInputs> {
  const [observations, coverage] = await Promise.all([
    observationsAsKnownAt(store, pack, day, tlpMax),
    loadCoverage(store, pack),
  ]);
  return { day, observations, coverage };
}

const positiveRatio = z.number().positive();
const whatIfFileSchema = z.strictObject({
  off: z.array(z.string()).optional(),
  force: z.record(z.string(), z.string()).optional(),
  likelihoods: z
    .array(z.strictObject({ indicator: z.string(), state: z.string(), hypothesis: z.string(), ratio: positiveRatio }))
    .optional(),
  priors: z.record(z.string(), z.number().gt(0).lt(1)).optional(),
  thresholds: z
    .array(
      z.strictObject({
        indicator: z.string(),
        state: z.string(),
        field: z.enum(['z', 'ratio', 'min']),
        value: z.number(),
      }),
    )
    .optional(),
});

/**
 * A what-if file (`vigil explain --what-if FILE`): the overrides as JSON, the shape of `WhatIfOverrides`. Problems name
 * `file:line: field: problem`; whether the pack can take them is checked by `applyWhatIf` when assessing.
 */
export function readWhatIfFile(file: string): WhatIfOverrides {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw vigilError('VIGIL_FILE_NOT_FOUND', `what-if file not found: ${file}`, { cause });
  }
  const located = parseLocatedJson(text, file);
  const result = whatIfFileSchema.safeParse(located.value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // The line of the outermost member named by the problem (the whole file when it is the file itself).
  const top = issue.path[0];
  const line =
    typeof top === 'string' && located.value !== null && typeof located.value === 'object'
      ? located.lineOf(located.value, top)
      : 1;
  throw inputError(file, line, issue.path.map(String).join('.') || '(file)', issue.message);
}
