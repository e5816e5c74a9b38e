/**
 * summary.json: per (arm, sweep point), each metric's mean, standard deviation and 95% CI over
 * replicates, and the calibration table (each stylized fact, its band, the simulated mean and
 * whether it lies inside). Nothing in it depends on how the run was executed, so the same
 * scenario, seed and replicate count give the same bytes.
 */
import { METRIC_INFO, type MetricInfo } from "../sim/index.js";
import { calibrationTable, type CalibrationState } from "./calibration-table.js";
import { describe, type Description } from "../stats/index.js";
import type { CheckpointHeader } from "./checkpoint.js";
import type { ReplicateRecord } from "./record.js";

/** One calibration fact measured in one cell. */
export interface CalibrationEntry {
  id: string;
  kind: "behavioural" | "accounting";
  fact: string;
  source: string;
  measure: string;
  metric: string;
  band: { min: number | null; max: number | null; description: string };
  /** The calibration plan's study the fact is meant to be read from (run/calibration-plan.ts). */
  study: string;
  simulatedMean: number | null;
  measuredReplicates: number;
  state: CalibrationState;
}

/** The statistics of one (arm, sweep point). */
export interface CellSummary {
  arm: string;
  label: string;
  pointIndex: number;
  point: Record<string, unknown>;
  replicates: number;
  /** Every metric, by name, in METRIC_NAMES order. */
  metrics: Record<string, Description>;
  calibration: CalibrationEntry[];
}

export interface Summary {
  format: "giftsim-summary/1";
  scenario: { name: string; question: string; hash: string };
  seed: string;
  /** Replicates per cell in this folder (a shard's slice, or the whole plan). */
  replicates: number;
  /** Metrics of interest, the primary first. */
  metricsOfInterest: string[];
  /** The scenario's primary metric: what the answer is about. */
  primary: string;
  metricInfo: Record<string, MetricInfo>;
  /** The arm and sweep point the scenario's comparisons are measured against. */
  base: { arm: string; pointIndex: number };
  cells: CellSummary[];
}

/** Builds the summary of `records` (in plan order) for the run `header` describes. */
export function buildSummary(header: CheckpointHeader, records: readonly ReplicateRecord[]): Summary {
  const { scenario } = header;
  // A checkpoint written before scenarios named a primary metric led with the first.
  const primary = scenario.primary ?? scenario.metrics[0];
  const metricNames = header.columns.metrics;
  const byCell = scenario.cells.map(() => [] as ReplicateRecord[]);
  for (const record of records) byCell[record.cell].push(record);
  const cells = scenario.cells.map((cell, index): CellSummary => {
    const rows = byCell[index];
    const metrics: Record<string, Description> = {};
    metricNames.forEach((name, column) => {
      metrics[name] = describe(rows.map((row) => row.metrics[column]));
    });
    return {
      arm: cell.arm,
      label: scenario.arms.find((arm) => arm.name === cell.arm)?.label ?? cell.arm,
      pointIndex: cell.pointIndex,
      point: cell.point,
      replicates: rows.length,
      metrics,
      calibration: calibrationTable(rows.map((row) => row.metrics)).map((row) => ({
        id: row.fact.id,
        kind: row.fact.kind,
        fact: row.fact.fact,
        source: row.fact.source,
        measure: row.fact.measure,
        metric: row.fact.metric,
        band: { min: row.fact.band.min ?? null, max: row.fact.band.max ?? null, description: row.fact.band.description },
        study: row.fact.study,
        simulatedMean: Number.isFinite(row.value) ? row.value : null,
        measuredReplicates: row.measuredReplicates,
        state: row.state,
      })),
    };
  });
  return {
    format: "giftsim-summary/1",
    scenario: { name: scenario.name, question: scenario.question, hash: header.scenarioHash },
    seed: header.seed,
    replicates: Math.max(0, ...cells.map((cell) => cell.replicates)),
    metricsOfInterest: [primary, ...scenario.metrics.filter((metric) => metric !== primary)],
    primary,
    metricInfo: Object.fromEntries(metricNames.map((name) => [name, METRIC_INFO[name]])),
    // A checkpoint written before scenarios named their base measured against the first cell.
    base: scenario.base ?? { arm: scenario.cells[0]?.arm ?? "base", pointIndex: 0 },
    cells,
  };
}
