/**
 * The figures charts share: a metric's mean and 95% CI per cell, scaled for display (micro-USD
 * to USD), as rows ready for a template. Unit scaling lives here so every chart agrees.
 */
import { describe } from "../../stats/index.js";
import type { ReportData } from "../report-data.js";
import type { Rows } from "../../render/index.js";

/** Factor from a metric's stored unit to the unit a chart shows (micro-USD to USD). */
export function displayScale(data: ReportData, metric: string): number {
  return data.metricInfo[metric]?.unit === "micro-USD" ? 1e-6 : 1;
}

/** The unit a chart shows for a metric. */
export function displayUnit(data: ReportData, metric: string): string {
  const unit = data.metricInfo[metric]?.unit ?? "";
  return unit === "micro-USD" ? "USD" : unit;
}

/** A metric's label, or its name when the folder has no label for it. */
export function metricLabel(data: ReportData, metric: string): string {
  return data.metricInfo[metric]?.label ?? metric;
}

/** Whether any replicate of any cell has a finite value of every metric given. */
export function measured(data: ReportData, ...metrics: string[]): boolean {
  return metrics.every((metric) => data.replicates.some((cell) => (cell[metric] ?? []).some(Number.isFinite)));
}

/** Mean and 95% CI of `metric` in each cell, in display units; cells with no value are left out. */
export function metricRows(data: ReportData, metric: string, extra: Record<string, string | number> = {}): Rows {
  const scale = displayScale(data, metric);
  const rows: Rows = [];
  for (const cell of data.cells) {
    const d = describe(data.replicates[cell.index][metric] ?? []);
    if (d.mean === null) continue;
    rows.push({
      cell: cell.label,
      order: cell.index,
      arm: cell.armLabel,
      metric,
      measure: metricLabel(data, metric),
      mean: d.mean * scale,
      low: (d.ci95Low ?? d.mean) * scale,
      high: (d.ci95High ?? d.mean) * scale,
      n: d.n,
      ...extra,
    });
  }
  return rows;
}
