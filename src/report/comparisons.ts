/**
 * The comparisons a report states: for each metric of interest, each arm against the base arm
 * (the scenario's first) at the same sweep point; a scenario with one arm and a sweep compares
 * each point against the first point instead, which answers "what if the share went from 50%
 * to 60%". Statistics come from src/stats; the words from sentence.ts.
 */
import { compareArms, type ArmComparison } from "../stats/index.js";
import { cellLabel, type ReportCell, type ReportData } from "./report-data.js";
import { comparisonSentence } from "./sentence.js";

/** One cell against its base cell on one metric. */
export interface Comparison {
  metric: string;
  metricLabel: string;
  unit: string;
  base: ReportCell;
  cell: ReportCell;
  /** How the two cells are named in the sentence. */
  baseName: string;
  cellName: string;
  /** The sweep point both cells share, e.g. " at share = 0.6"; empty without one. */
  context: string;
  result: ArmComparison;
  sentence: string;
}

/** The pairs to compare: [base, other] cells. */
export function comparisonPairs(data: ReportData): Array<[ReportCell, ReportCell]> {
  const pairs: Array<[ReportCell, ReportCell]> = [];
  if (data.scenario.arms.length > 1) {
    const baseArm = data.scenario.arms[0].name;
    for (const base of data.cells.filter((cell) => cell.arm === baseArm)) {
      for (const cell of data.cells) if (cell.arm !== baseArm && cell.pointIndex === base.pointIndex) pairs.push([base, cell]);
    }
  } else {
    const [base, ...rest] = data.cells;
    for (const cell of rest) pairs.push([base, cell]);
  }
  return pairs;
}

/** Metrics of interest the folder has values for, headline first. */
export function metricsOfInterest(data: ReportData): string[] {
  return data.scenario.metrics.filter((metric) => data.replicates.some((cell) => cell[metric] !== undefined));
}

/** Every comparison of the report: metrics of interest outer, pairs inner. */
export function buildComparisons(data: ReportData): Comparison[] {
  const pairs = comparisonPairs(data);
  const armsCompared = data.scenario.arms.length > 1;
  return metricsOfInterest(data).flatMap((metric) =>
    pairs.map(([base, cell]) => {
      const result = compareArms(data.replicates[base.index][metric] ?? [], data.replicates[cell.index][metric] ?? []);
      const info = data.metricInfo[metric];
      const metricLabel = info?.label ?? metric;
      const unit = info?.unit ?? "";
      // Arms at the same sweep point are named by their labels, with the point said once after.
      const at = armsCompared && Object.keys(base.point).length > 0 ? ` at ${cellLabel(base.armLabel, base.point, 1)}` : "";
      const baseName = armsCompared ? base.armLabel : base.label;
      const cellName = armsCompared ? cell.armLabel : cell.label;
      const sentence = comparisonSentence({ metricLabel, unit, baseName, cellName, result, context: at });
      return { metric, metricLabel, unit, base, cell, baseName, cellName, context: at, result, sentence };
    }),
  );
}
