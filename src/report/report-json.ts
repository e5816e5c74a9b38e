/**
 * The report as JSON (`giftsim report --format json`, and embedded in report.html): the
 * scenario, the run, each cell's metrics of interest, every comparison against the base and
 * every pairwise one with its sentence, the calibration table and, optionally, each chart's
 * filled Vega-Lite spec. Undefined figures are null (JSON has no NaN).
 */
import { describe } from "../stats/index.js";
import type { Report } from "./build-report.js";
import { metricsOfInterest, type Comparison } from "./comparisons.js";

/** What to include. */
export interface ReportJsonOptions {
  /** Include each chart's filled Vega-Lite spec (the HTML embeds them apart). */
  specs: boolean;
}

/** The JSON form of a report. */
export function reportJson(report: Report, options: ReportJsonOptions) {
  const { data } = report;
  const metrics = metricsOfInterest(data);
  return {
    format: "giftsim-report/1",
    scenario: data.scenario,
    run: data.run,
    metricsOfInterest: metrics.map((metric) => ({ metric, ...data.metricInfo[metric] })),
    cells: data.cells.map((cell) => ({
      arm: cell.arm,
      label: cell.label,
      pointIndex: cell.pointIndex,
      point: cell.point,
      metrics: Object.fromEntries(metrics.map((metric) => [metric, describe(data.replicates[cell.index][metric] ?? [])])),
    })),
    comparisons: report.comparisons.map(comparisonJson),
    pairwise: report.pairwise.map(comparisonJson),
    worlds: report.worlds,
    decision: report.decision,
    calibration: data.cells.map((cell) => ({ label: cell.label, facts: data.calibration[cell.index] })),
    charts: report.charts.map((chart) => ({ id: chart.id, title: chart.title, caption: chart.caption, ...(options.specs ? { spec: chart.spec } : {}) })),
  };
}

function comparisonJson(c: Comparison) {
  return {
    metric: c.metric,
    base: { arm: c.base.arm, pointIndex: c.base.pointIndex, label: c.base.label },
    cell: { arm: c.cell.arm, pointIndex: c.cell.pointIndex, label: c.cell.label },
    baseSummary: c.result.base,
    cellSummary: c.result.arm,
    difference: finite(c.result.difference),
    differenceCi95: [finite(c.result.differenceCi95Low), finite(c.result.differenceCi95High)],
    lift: finite(c.result.lift),
    liftCi95: [finite(c.result.liftCi95Low), finite(c.result.liftCi95High)],
    test: c.result.test && { name: "Welch two-sample t-test", t: finite(c.result.test.t), df: finite(c.result.test.df), p: finite(c.result.test.p) },
    family: c.family,
    familySize: c.familySize,
    adjustment: c.adjustment,
    adjustedP: c.adjustedP === null ? null : finite(c.adjustedP),
    paired: c.paired && {
      pairs: c.paired.bootstrap.pairs,
      win: c.paired.win,
      bootstrap: { resamples: c.paired.bootstrap.resamples, confidence: c.paired.bootstrap.confidence, trim: c.paired.bootstrap.trim },
      median: c.paired.bootstrap.median,
      trimmedMean: c.paired.bootstrap.trimmedMean,
      mean: c.paired.bootstrap.mean,
    },
    verdict: c.verdict,
    unadjustedVerdict: c.result.verdict,
    assessment: c.assessment,
    sentence: c.sentence,
    pairedSentence: c.pairedSentence,
  };
}

function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
