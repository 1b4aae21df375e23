// Parses `jsonl` files: one observation per line in exactly the observation model, validated by its schema.
import { parseObservationInput, type ObservationInput } from '../../model/index.js';
import { parseStrictJson } from '../located-json/located-json.js';
import type { ParseContext, SourceParser } from '../source-parser.js';

export function parseJsonl(text: string, ctx: ParseContext): ObservationInput[] {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const out: ObservationInput[] = [];
  lines.forEach((content, i) => {
    if (content.trim() === '') return;
    const raw = parseStrictJson(content, ctx.file, i + 1);
    out.push(parseObservationInput(raw, ctx.file, i + 1));
  });
  return out;
}

export const jsonlParser: SourceParser = {
  kind: 'jsonl',
  description: 'Generic observations, one JSON object per line in the observation model (any series, any theatre)',
  parse: parseJsonl,
};
