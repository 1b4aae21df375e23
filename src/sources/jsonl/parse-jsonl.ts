// Parses `jsonl` files: one observation per line in exactly the observation model, validated by its schema.
import { inputError } from '../../errors/index.js';
import { parseObservationInput, type ObservationInput } from '../../model/index.js';
import type { ParseContext, SourceParser } from '../source-parser.js';

export function parseJsonl(text: string, ctx: ParseContext): ObservationInput[] {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const out: ObservationInput[] = [];
  lines.forEach((content, i) => {
    if (content.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch {
      // The engine's own wording varies between Node versions; the line number is what the reader needs.
      throw inputError(ctx.file, i + 1, '(json)', 'is not valid JSON');
    }
    out.push(parseObservationInput(raw, ctx.file, i + 1));
  });
  return out;
}

export const jsonlParser: SourceParser = {
  kind: 'jsonl',
  description: 'Generic observations, one JSON object per line in the observation model (any series, any theatre)',
  parse: parseJsonl,
};
