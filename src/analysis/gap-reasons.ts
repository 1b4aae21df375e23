// Why an indicator reads no-coverage, stale, missing or insufficient-data: the analysis's own reasons, built here
// and nowhere else, so the brief can say each of them in every language it speaks (src/brief/brief-language.ts).
// A missing value may also carry the source's or analyst's own words (an observation's missingReason), passed on as is.

export const GAP_REASONS = {
  noSource: () => 'no source declared or collecting this series',
  notCollectedThatDay: (sources: readonly string[]) =>
    `no source collected this series on that day (coverage: ${sources.join(', ')})`,
  coverageBegins: (day: string) => `coverage begins on ${day}; no report yet`,
  noReportSinceCoverage: (day: string) => `no report since coverage began on ${day}`,
  dataOld: (days: number) => `latest data is ${days} days old`,
  collectionOld: (days: number, cadence: number) => `latest collection is ${days} days old (cadence ${cadence} days)`,
  valueNotKnown: () => 'value not known',
  windowIncomplete: () => 'not every day of the window is known',
  shortBaseline: (n: number, min: number) => `${n} of ${min} baseline samples`,
} as const;
