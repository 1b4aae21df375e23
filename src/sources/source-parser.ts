// The port every feed implements: pure text in, validated observations out (no I/O, no clock).
import type { ObservationInput } from '../model/index.js';

export interface ParseContext {
  /** The name used in error messages (`file:line: field: problem`), normally the path given on the command line. */
  file: string;
}

export interface SourceParser {
  /** The `vigil ingest <kind>` name, e.g. `mnd-daily`. */
  kind: string;
  /** One line for `vigil ingest --help` and the docs. */
  description: string;
  /**
   * Parses a whole file. Throws VIGIL_INPUT_INVALID (`file:line: field: problem`) on the first malformed row, so a
   * file is imported whole or not at all. Deterministic: the same text always gives the same observations in the
   * same order.
   */
  parse(text: string, ctx: ParseContext): ObservationInput[];
}
