/**
 * A chart of the report: a Vega-Lite template in reports/<id>.vl.json whose named datasets
 * (`"data": {"name": ...}`) and `{{text}}` placeholders are filled from a ReportData. Each
 * chart is one module in this folder; `datasets` returns null when the chart does not apply to
 * the run (no sweep, a metric the run did not measure), so the report shows what the run has.
 */
import type { ReportData } from "../report-data.js";
import type { Comparison } from "../comparisons.js";

/** Rows of one named dataset. */
export type Rows = Array<Record<string, string | number | boolean | null>>;

/** What a chart fills its template with. */
export interface ChartFill {
  datasets: Record<string, Rows>;
  /** Values for `{{name}}` placeholders in the template's strings (plain text, never markup). */
  text?: Record<string, string>;
  /** One line under the chart saying what it shows for this run. */
  caption: string;
}

/** One chart of the report. */
export interface ChartDefinition {
  /** Template file name without `.vl.json`, and the chart's id in the report. */
  id: string;
  title: string;
  /** The fill for this run, or null when the chart does not apply to it. */
  fill(data: ReportData, comparisons: readonly Comparison[]): ChartFill | null;
}
