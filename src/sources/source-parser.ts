// The port every feed implements: pure text in, validated observations out (no clock; no I/O but the optional
// streaming `readFile` for very large files).
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
  /**
   * Optional, for formats whose files are too large to hold as one string (GDELT exports): reads the file at `path`
   * as a stream and gives exactly what `parse` gives for its text. `vigil ingest` uses it when present; a file that
   * cannot be read rejects with the Node error (ENOENT…), bad input with VIGIL_INPUT_INVALID as `parse` does.
   */
  readFile?(path: string, ctx: ParseContext): Promise<ObservationInput[]>;
}
