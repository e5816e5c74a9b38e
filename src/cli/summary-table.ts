/**
 * Plain-text tables of a run summary for the terminal: metrics of interest per arm and sweep
 * point. Metrics and arms are named by their labels, as the report names them; figures are in
 * their units. Nothing depends on the terminal's width, the locale or the clock.
 */
import type { CellSummary, ReplicateRecord, Summary } from "../run/index.js";
import { armPairs } from "../report/comparisons.js";
import { countOf } from "../report/format.js";
import { cellLabel } from "../report/report-data.js";
import { METRIC_NAMES, type MetricInfo } from "../sim/index.js";
import { adjustPValues, compareArms } from "../stats/index.js";

/** A figure with four significant digits, thousands separated; "n/a" when undefined. */
export function formatFigure(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "n/a";
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString("en-US");
  if (abs === 0) return "0";
  return Number(value.toPrecision(4)).toString();
}

/** Abbreviations of the time units metrics are measured in. */
const TIME_UNITS: Record<string, string> = { minutes: "min", hours: "h", days: "days" };

/** A figure in its metric's unit: micro-USD as dollars, shares as percentages, time with its unit, else formatFigure. */
export function formatInUnit(value: number | null | undefined, unit: string | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "n/a";
  if (unit === "micro-USD") {
    const dollars = value / 1e6;
    return `${dollars < 0 ? "-" : ""}$${Math.abs(dollars).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  if (unit === "share") return `${(value * 100).toFixed(1)}%`;
  // Time is read with its unit ("11.61 min"); counts, coins and ratios are plain figures.
  const timeUnit = TIME_UNITS[unit ?? ""];
  return timeUnit === undefined ? formatFigure(value) : `${formatFigure(value)} ${timeUnit}`;
}

/** A sweep point as the report writes it ("creator share 50%"); "-" without a sweep. */
function pointLabel(point: Record<string, unknown>): string {
  return Object.keys(point).length === 0 ? "-" : cellLabel("", point, 1);
}

/** A metric's label for the report ("Gifted coins per live hour"); its id when it has none. */
function metricLabel(metricInfo: Record<string, MetricInfo>, name: string): string {
  return metricInfo[name]?.label ?? name;
}

/** A column of a metric table: its heading and the text of each metric's cell. */
interface MetricColumn {
  heading: string;
  figure: (metric: string) => string;
}

/** One row per metric (by label), one column per cell. */
function metricTable(metrics: readonly string[], metricInfo: Record<string, MetricInfo>, columns: readonly MetricColumn[]): string[] {
  const header = ["metric", ...columns.map((column) => column.heading)];
  return alignRows([header, ...metrics.map((name) => [metricLabel(metricInfo, name), ...columns.map((column) => column.figure(name))])]);
}

/** One row per metric of interest, one column per (arm, sweep point): mean [95% CI]. */
export function formatSummaryTable(summary: Summary): string {
  const arms = new Set(summary.cells.map((cell) => cell.arm)).size;
  const columns = summary.cells.map((cell) => ({
    heading: cellLabel(cell.label, cell.point, arms),
    figure: (name: string) => {
      const d = cell.metrics[name];
      const unit = summary.metricInfo[name]?.unit;
      return d.ci95Low === null ? formatInUnit(d.mean, unit) : `${formatInUnit(d.mean, unit)} [${formatInUnit(d.ci95Low, unit)}, ${formatInUnit(d.ci95High, unit)}]`;
    },
  }));
  return [`  mean [95% CI] over ${countOf(summary.replicates, "replicate")} per column`, ...metricTable(summary.metricsOfInterest, summary.metricInfo, columns)].join("\n");
}

/** One replicate of a cell as `giftsim run --replicate K` reruns it: the cell's label and its metrics (METRIC_NAMES order). */
export interface ReplicateColumn {
  heading: string;
  metrics: Float64Array;
}

/** One replicate's metrics of interest, one column per cell it was rerun in: figures in their units. */
export function formatReplicateTable(metrics: readonly string[], metricInfo: Record<string, MetricInfo>, cells: readonly ReplicateColumn[]): string {
  const columns = cells.map((cell) => ({ heading: cell.heading, figure: (name: string) => formatInUnit(cell.metrics[METRIC_NAMES.indexOf(name)], metricInfo[name]?.unit) }));
  return metricTable(metrics, metricInfo, columns).join("\n");
}

/**
 * Each arm against the scenario's base arm on the primary metric, per sweep point: means with
 * 95% CIs, the relative lift with its 95% CI and the Welch test's p-value (src/stats compareArms).
 * With more than one comparison the p-values are the primary family's, Holm-adjusted together as
 * the report adjusts them (docs/reports.md), and a difference is called on the adjusted p.
 */
export function formatArmComparison(summary: Summary, records: readonly ReplicateRecord[]): string {
  const headline = summary.metricsOfInterest[0];
  const unit = summary.metricInfo[headline]?.unit;
  const column = METRIC_NAMES.indexOf(headline);
  const valuesOf = (cell: CellSummary) =>
    records.filter((r) => summary.cells[r.cell] === cell).map((r) => r.metrics[column]);
  const labelWidth = Math.max(...summary.cells.map((cell) => cell.label.length));
  const baseLabel = summary.cells.find((cell) => cell.arm === summary.base.arm)?.label ?? summary.base.arm;
  const baseOf = new Map(armPairs(summary.cells, summary.base.arm).map(([baseCell, cell]) => [cell, baseCell]));
  const comparisons = new Map([...baseOf].map(([cell, baseCell]) => [cell, compareArms(valuesOf(baseCell), valuesOf(cell))]));
  const adjusted = comparisons.size > 1 ? adjustPValues([...comparisons.values()].map((c) => c.test?.p ?? null), "holm") : null;
  const adjustedOf = new Map([...comparisons.keys()].map((cell, i) => [cell, adjusted?.[i] ?? null]));
  const pName = adjusted === null ? "Welch p" : `Welch p, Holm-adjusted over ${comparisons.size}`;
  const lines: string[] = [`  ${metricLabel(summary.metricInfo, headline)}: each arm against ${baseLabel} (mean [95% CI]; lift [95% CI]; ${pName})`];
  for (const point of [...new Set(summary.cells.map((cell) => cell.pointIndex))]) {
    const cells = summary.cells.filter((cell) => cell.pointIndex === point);
    if (Object.keys(cells[0].point).length > 0) lines.push(`  point ${point}: ${pointLabel(cells[0].point)}`);
    for (const cell of cells) {
      const d = cell.metrics[headline];
      const ci = d.ci95Low === null ? "" : ` [${formatInUnit(d.ci95Low, unit)}, ${formatInUnit(d.ci95High, unit)}]`;
      const c = comparisons.get(cell);
      let versus = "";
      if (c !== undefined) {
        const lift = c.lift === null ? "n/a" : `${c.lift >= 0 ? "+" : ""}${(c.lift * 100).toFixed(1)}%`;
        const liftCi = c.liftCi95Low === null || c.liftCi95High === null ? "" : ` [${(c.liftCi95Low * 100).toFixed(1)}%, ${(c.liftCi95High * 100).toFixed(1)}%]`;
        const p = adjustedOf.get(cell) ?? c.test?.p ?? null;
        const pText = p === null ? "" : `; p ${p < 0.001 ? "< 0.001" : `= ${p.toFixed(3)}`}`;
        const called = c.verdict === "higher" || c.verdict === "lower";
        const verdict = called && p !== null && p >= 0.05 ? "no clear difference" : c.verdict;
        versus = `; ${lift}${liftCi}${pText}: ${verdict}`;
      }
      lines.push(`    ${cell.label.padEnd(labelWidth)}  ${formatInUnit(d.mean, unit)}${ci}${versus}  (${countOf(d.n, "replicate")})`);
    }
  }
  return lines.join("\n");
}

/** The headline metric as a grid: one row per sweep point, one column per arm. */
export function formatSweepTable(summary: Summary): string {
  const headline = summary.metricsOfInterest[0];
  const arms = [...new Set(summary.cells.map((cell) => cell.arm))];
  const points = [...new Set(summary.cells.map((cell) => cell.pointIndex))];
  const armLabel = (arm: string) => summary.cells.find((cell) => cell.arm === arm)?.label ?? arm;
  const header = ["point", ...arms.map(armLabel)];
  const unit = summary.metricInfo[headline]?.unit;
  const rows = points.map((point) => {
    const cells = summary.cells.filter((cell) => cell.pointIndex === point);
    return [pointLabel(cells[0].point), ...arms.map((arm) => formatInUnit(cells.find((cell) => cell.arm === arm)?.metrics[headline].mean, unit))];
  });
  return [`  ${metricLabel(summary.metricInfo, headline)}: mean over ${countOf(summary.replicates, "replicate")} per cell`, ...alignRows([header, ...rows])].join("\n");
}

/** Rows as indented lines with each column padded to its widest cell, two spaces apart. */
function alignRows(rows: readonly string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => `  ${row.map((text, i) => text.padEnd(widths[i])).join("  ")}`.trimEnd());
}
