/**
 * A report as data: the comparisons (against the base, and every pair) and every chart that applies to the run, each chart's
 * filled Vega-Lite spec with its SVG. The output formats (HTML, SVG files, JSON) are views of it.
 */
import { CHARTS } from "./charts/index.js";
import { buildComparisons, buildPairwiseComparisons, type Comparison } from "./comparisons.js";
import { renderSvg } from "./render-svg.js";
import type { ReportData } from "./report-data.js";
import { fillTemplate } from "./templates.js";

/** One chart of a report, drawn. */
export interface ReportChart {
  id: string;
  title: string;
  caption: string;
  /** The filled Vega-Lite spec, data inline: re-plottable as it is. */
  spec: object;
  svg: string;
  /** Vega-Lite compiler and Vega warnings while drawing (none expected). */
  warnings: string[];
}

/** Everything a report shows. */
export interface Report {
  data: ReportData;
  /** Each cell against the base. */
  comparisons: Comparison[];
  /** Every comparable pair of cells (arms at one sweep point, or points of one arm). */
  pairwise: Comparison[];
  charts: ReportChart[];
}

/** Builds the report of `data`: comparisons, then each applicable chart filled and drawn. */
export async function buildReport(data: ReportData): Promise<Report> {
  const comparisons = buildComparisons(data);
  const charts: ReportChart[] = [];
  for (const chart of CHARTS) {
    const fill = chart.fill(data, comparisons);
    if (fill === null) continue;
    const spec = fillTemplate(chart.id, fill);
    const rendered = await renderSvg(spec);
    charts.push({ id: chart.id, title: chart.title, caption: fill.caption, spec, svg: rendered.svg, warnings: rendered.warnings });
  }
  return { data, comparisons, pairwise: buildPairwiseComparisons(data), charts };
}
