/**
 * Judging replicates against the calibration bands (sim/calibration.ts), one rule for reports,
 * the calibration plan and tests. A two-sided band holds when the mean over replicates lies in
 * it. A one-sided band ("above 0", "below 1") claims a direction, which a handful of noisy
 * replicates can fake: it holds only when the 95% interval of the mean clears its end, so a
 * mechanism switched off (a value scattered around the neutral point) does not pass by chance.
 */
import { CALIBRATION_FACTS, METRIC_NAMES, insideBand, type CalibrationBand, type CalibrationFact } from "../sim/index.js";
import { describe, welchTest, type Description } from "../stats/index.js";

/** Where a measure stands against its band. */
export type CalibrationState = "inside" | "outside" | "not measured";

/** One fact measured on a set of replicates. */
export interface CalibrationRow {
  fact: CalibrationFact;
  /** Mean of the metric over the replicates that measured it (NaN values skipped); NaN if none did. */
  value: number;
  /** The 95% interval of that mean; NaN below two replicates. */
  ci95Low: number;
  ci95High: number;
  measuredReplicates: number;
  state: CalibrationState;
}

/** The state of a measure, described over replicates, against a band (the module comment has the rule). */
export function judgeBand(band: CalibrationBand, measured: Description): CalibrationState {
  if (measured.mean === null) return "not measured";
  const oneSided = (band.min === undefined) !== (band.max === undefined);
  if (!oneSided || measured.ci95Low === null || measured.ci95High === null) return insideBand(band, measured.mean) ? "inside" : "outside";
  const clears = band.min !== undefined ? measured.ci95Low >= band.min : measured.ci95High <= (band.max as number);
  return clears ? "inside" : "outside";
}

/**
 * Whether a counterfactual's replicates (`off`) left the band the mechanism's replicates (`on`)
 * hold, decisively: a two-sided band when the off mean is outside it; a one-sided band when the
 * off interval clears its far side, or when off differs from on (Welch, p < 0.05) towards the
 * outside. An off interval merely straddling the end is inconclusive and does not count: a
 * mechanism with no effect would otherwise pass whenever noise kept its interval wide.
 */
export function leftBand(band: CalibrationBand, on: readonly number[], off: readonly number[]): boolean {
  const onValues = on.filter((v) => !Number.isNaN(v));
  const offValues = off.filter((v) => !Number.isNaN(v));
  const measured = describe(offValues);
  if (measured.mean === null) return false;
  const oneSided = (band.min === undefined) !== (band.max === undefined);
  if (!oneSided) return !insideBand(band, measured.mean);
  const above = band.min !== undefined;
  if (measured.ci95Low !== null && measured.ci95High !== null && (above ? measured.ci95High < (band.min as number) : measured.ci95Low > (band.max as number))) return true;
  const test = welchTest(onValues, offValues);
  return test !== null && test.p < 0.05 && (above ? test.difference < 0 : test.difference > 0);
}

/** The values of one metric over replicate metric rows (each ordered as METRIC_NAMES). */
export function metricValues(metricRows: readonly ArrayLike<number>[], metric: string): number[] {
  const column = METRIC_NAMES.indexOf(metric);
  if (column < 0) throw new Error(`no metric ${metric}`);
  return metricRows.map((row) => row[column]);
}

/** A fact measured on replicate metric rows. */
export function calibrationRow(fact: CalibrationFact, metricRows: readonly ArrayLike<number>[]): CalibrationRow {
  const measured = describe(metricValues(metricRows, fact.metric));
  return {
    fact,
    value: measured.mean ?? Number.NaN,
    ci95Low: measured.ci95Low ?? Number.NaN,
    ci95High: measured.ci95High ?? Number.NaN,
    measuredReplicates: measured.n,
    state: judgeBand(fact.band, measured),
  };
}

/** The calibration table for replicate metric rows: every fact, in CALIBRATION_FACTS order. */
export function calibrationTable(metricRows: readonly ArrayLike<number>[]): CalibrationRow[] {
  return CALIBRATION_FACTS.map((fact) => calibrationRow(fact, metricRows));
}
