// Turns The Reporter's redrawn Japan Joint Staff releases (jp_data_cleaned.csv, MIT) into the bundled
// `jso-releases.jsonl`: the release, strait-passage and carrier events Vigil's own `jso-twreporter` parser reads from
// them, one generic JSON Lines observation each. Facts only: dates, straits, directions, carrier and ship-class names,
// hull numbers and the release URL. The redrawn track lines are left out (the map does not need them to warn).
import type { ObservationInput } from '../../src/model/index.js';
import { parseJsoTwreporter } from '../../src/sources/jso-twreporter/parse-jso-twreporter.js';

/** Series kept: everything but `jso.track.*`. */
const KEPT = /^jso\.(release|transit|transit-russia|air-transit|air-transit-russia|carrier)\./;

export function jsoReleaseFacts(csvText: string, file: string): ObservationInput[] {
  return parseJsoTwreporter(csvText, { file })
    .filter((o) => KEPT.test(o.series))
    .map((o) => {
      if (o.attributes === undefined) return o;
      // `passage` holds the Japanese name of an `other` sea area: text, not a fact Vigil needs.
      const { passage: _passage, ...attributes } = o.attributes;
      return { ...o, attributes };
    })
    .sort((a, b) =>
      a.periodStart < b.periodStart
        ? -1
        : a.periodStart > b.periodStart
          ? 1
          : a.series < b.series
            ? -1
            : a.series > b.series
              ? 1
              : 0,
    );
}

/** One observation per line, fields in the documented order (docs/data-formats.md, `jsonl`). */
export function toJsonLines(observations: readonly ObservationInput[]): string {
  return (
    observations
      .map((o) =>
        JSON.stringify({
          series: o.series,
          ...(o.subject !== undefined ? { subject: o.subject } : {}),
          value: o.value,
          unit: o.unit,
          periodStart: o.periodStart,
          periodEnd: o.periodEnd,
          publishedAt: o.publishedAt,
          source: o.source,
          ...(o.sourceRef !== undefined ? { sourceRef: o.sourceRef } : {}),
          reliability: o.reliability,
          credibility: o.credibility,
          tlp: o.tlp,
          ...(o.attributes !== undefined ? { attributes: o.attributes } : {}),
        }),
      )
      .join('\n') + '\n'
  );
}
