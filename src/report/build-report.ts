/**
 * A report as data: the comparisons (against the base, and every pair) and every chart that applies to the run, each chart's
 * filled Vega-Lite spec with its SVG. The output formats (HTML, SVG files, JSON) are views of it.
 */
import { drawChart, type DrawnChart } from "../render/index.js";
import { CHARTS } from "./charts/index.js";
import { buildComparisonSet, type Comparison, type ComparisonOptions } from "./comparisons.js";
import type { ReportData } from "./report-data.js";
import { reportDecision } from "./decision.js";
import type { WorldsAnswer } from "./worlds-answer.js";

/** One chart of a report, drawn. */
export type ReportChart = DrawnChart;

/** Everything a report shows. */
export interface Report {
  data: ReportData;
  /** Each cell against the base. */
  comparisons: Comparison[];
  /** Every comparable pair of cells (arms at one sweep point, or points of one arm). */
  pairwise: Comparison[];
  charts: ReportChart[];
  /** The answer across plausible worlds, when the run folder holds a worlds run. */
  worlds: WorldsAnswer | null;
  /** The decision in one sentence (decision.ts); null without paired replicates of the primary metric. */
  decision: string | null;
}

/** What a report adds from beside its run folder: the worlds run and the sensitivity analysis' first constant. */
export interface ReportExtras {
  worlds?: WorldsAnswer | null;
  hinge?: string;
}

/** Builds the report of `data`: comparisons (adjusted as `options` says), then each applicable chart filled and drawn. */
export async function buildReport(data: ReportData, options: ComparisonOptions = {}, extras: ReportExtras = {}): Promise<Report> {
  const worlds = extras.worlds ?? null;
  const { againstBase: comparisons, pairwise } = buildComparisonSet(data, options);
  const charts: ReportChart[] = [];
  for (const chart of CHARTS) {
    const fill = chart.fill(data, comparisons);
    if (fill === null) continue;
    charts.push(await drawChart(chart.id, chart.title, fill));
  }
  return { data, comparisons, pairwise, charts, worlds, decision: reportDecision(data, comparisons, worlds, extras.hinge) };
}
