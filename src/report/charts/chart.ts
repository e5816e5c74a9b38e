/**
 * A chart of the report: a Vega-Lite template in reports/<id>.vl.json whose named datasets
 * (`"data": {"name": ...}`) and `{{text}}` placeholders are filled from a ReportData. Each
 * chart is one module in this folder; `datasets` returns null when the chart does not apply to
 * the run (no sweep, a metric the run did not measure), so the report shows what the run has.
 */
import type { ReportData } from "../report-data.js";
import type { Comparison } from "../comparisons.js";
import type { ChartFill } from "../../render/index.js";

/** One chart of the report. */
export interface ChartDefinition {
  /** Template file name without `.vl.json`, and the chart's id in the report. */
  id: string;
  title: string;
  /** The fill for this run, or null when the chart does not apply to it. */
  fill(data: ReportData, comparisons: readonly Comparison[]): ChartFill | null;
}
