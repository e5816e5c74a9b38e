/**
 * Everything a report needs, read once from a run folder and kept apart from how it is drawn:
 * charts, comparisons and the HTML are functions of a ReportData, so they can be tested on a
 * hand-made one and a merged or re-rendered folder gives the same report as the original run.
 * Text fields come from the scenario file and are untrusted: every renderer escapes them.
 */
import type { MetricInfo } from "../sim/index.js";
import type { CalibrationEntry } from "../run/index.js";
import { formatParameterValue, parameterLabel } from "./parameter-value.js";

/** One (arm, sweep point) of the run. */
export interface ReportCell {
  /** Position in plan order (arms outer, sweep points inner). */
  index: number;
  arm: string;
  /** The arm's label from the scenario file (untrusted text). */
  armLabel: string;
  pointIndex: number;
  /** The swept values of this point by sweep path (empty without a sweep). */
  point: Record<string, unknown>;
  /** How the cell is named in charts and sentences: the arm label, plus the point with a sweep. */
  label: string;
  /** The simulated horizon in weeks (for per-month figures); null when the folder does not say. */
  horizonWeeks: number | null;
}

/** One calibration fact in one cell, as summary.json holds it (the metric it reads is not needed here). */
export type ReportCalibrationEntry = Omit<CalibrationEntry, "metric">;

/** A numeric table (timeseries.csv) with the cell and replicate of each row. */
export interface ReportTable {
  columns: string[];
  /** Row-major values; NaN where the file had an empty field. */
  rows: number[][];
}

/** The run: what was simulated, how, and whether its ledger audit passed. */
export interface ReportRun {
  seed: string;
  /** Replicates per cell in the folder (a shard's slice, or the whole plan). */
  replicates: number;
  scenarioHash: string;
  giftsimVersion: string;
  /** Node version and shard, when the manifest records them. */
  node: string | null;
  shards: string | null;
  /** When every replicate's world was drawn from a calibration's posterior (run --posterior): its parameters and the sha256 of its posterior.json. */
  posterior: { parameters: string[]; sha256: string } | null;
  /** "passed" or "failed" from the manifest's audit; null when the folder does not say. */
  audit: "passed" | "failed" | null;
}

/** The scenario as resolved by the run (names, labels and text are untrusted). */
export interface ReportScenario {
  name: string;
  description: string;
  question: string;
  preset: string;
  /** Metrics of interest, in the scenario's order. */
  metrics: string[];
  /** The primary metric (one of `metrics`): what the answer is about. */
  primary: string;
  /** Each arm with its platform preset (an arm may replace the scenario's). */
  arms: Array<{ name: string; label: string; preset: string }>;
  sweep: Array<{ path: string; values: unknown[] }>;
  /** The cell every other is compared against: its arm, and its sweep point (0 without a sweep). */
  base: { arm: string; pointIndex: number };
}

/** Everything a report is built from. */
export interface ReportData {
  scenario: ReportScenario;
  run: ReportRun;
  cells: ReportCell[];
  metricInfo: Record<string, MetricInfo>;
  /** Replicate values by cell index, then metric name, in replicate order (NaN: not measured). */
  replicates: Array<Record<string, number[]>>;
  /** The replicate index of each of a cell's values, by cell index (what pairs replicates across cells). */
  replicateIndex: number[][];
  /** Calibration entries by cell index (empty when the folder has none). */
  calibration: ReportCalibrationEntry[][];
  /** timeseries.csv (one row per replicate and day) with `cell` and `replicate` columns; null when absent. */
  timeseries: ReportTable | null;
}

/** The label of a cell: the arm label, plus each swept value in its unit ("creator share 50%"). */
export function cellLabel(armLabel: string, point: Record<string, unknown>, arms: number): string {
  const swept = Object.entries(point).map(([path, value]) => `${parameterLabel(path)} ${formatParameterValue(path, value)}`);
  if (swept.length === 0) return armLabel;
  return arms > 1 ? `${armLabel} · ${swept.join(", ")}` : swept.join(", ");
}

/** The platform preset(s) of a run in words: one id, or each arm's where they differ. */
export function presetText(scenario: Pick<ReportData["scenario"], "preset" | "arms">): string {
  const presets = new Set(scenario.arms.map((arm) => arm.preset || scenario.preset));
  if (presets.size <= 1) return [...presets][0] ?? scenario.preset;
  return scenario.arms.map((arm) => `${arm.label}: ${arm.preset}`).join(", ");
}
