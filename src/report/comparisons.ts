/**
 * The comparisons a report states. Against the base: for each metric of interest, each arm
 * against the scenario's base arm at the same sweep point, or, with one arm and a sweep, each
 * point against the base point (the preset's own value unless the scenario names another),
 * which answers "what if the share went from 50% to 60%". Pairwise: every pair of arms at each
 * sweep point (every pair of points with one arm), so any two can be read against each other.
 * Statistics come from src/stats; the words from sentence.ts.
 */
import { compareArms, type ArmComparison } from "../stats/index.js";
import { assess, type Assessment } from "./assessment.js";
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
  /** The sweep point both cells share, e.g. " at creator share 60%"; empty without one. */
  context: string;
  result: ArmComparison;
  /** The verdict read against the metric's better direction (what colour shows). */
  assessment: Assessment;
  sentence: string;
}

/**
 * Each other arm's cell against the base arm's cell at the same sweep point: [base, other]
 * pairs, base points in plan order, then the other arms in plan order. The one rule for the
 * report's comparisons and the terminal's arm comparison, so the two never pair differently.
 */
export function armPairs<Cell extends { arm: string; pointIndex: number }>(cells: readonly Cell[], baseArm: string): Array<[Cell, Cell]> {
  const pairs: Array<[Cell, Cell]> = [];
  for (const baseCell of cells.filter((cell) => cell.arm === baseArm)) {
    for (const cell of cells) if (cell.arm !== baseArm && cell.pointIndex === baseCell.pointIndex) pairs.push([baseCell, cell]);
  }
  return pairs;
}

/** The pairs to compare against the base: [base, other] cells. */
export function comparisonPairs(data: ReportData): Array<[ReportCell, ReportCell]> {
  const { base } = data.scenario;
  const pairs: Array<[ReportCell, ReportCell]> = [];
  if (data.scenario.arms.length > 1) {
    pairs.push(...armPairs(data.cells, base.arm));
  } else {
    const baseCell = data.cells.find((cell) => cell.pointIndex === base.pointIndex) ?? data.cells[0];
    // Points past the base first: "from 50% to 60% or 70%" is asked more often than "down to 40%".
    const others = data.cells.filter((cell) => cell !== baseCell);
    for (const cell of [...others.filter((c) => c.index > baseCell.index), ...others.filter((c) => c.index < baseCell.index)]) pairs.push([baseCell, cell]);
  }
  return pairs;
}

/**
 * Every comparable pair: arms at the same sweep point, or sweep points of the one arm; the
 * earlier cell in plan order is the reference, unless the other is the base.
 */
export function allPairs(data: ReportData): Array<[ReportCell, ReportCell]> {
  const { base } = data.scenario;
  const armsCompared = data.scenario.arms.length > 1;
  const isBase = (cell: ReportCell) => (armsCompared ? cell.arm === base.arm : cell.pointIndex === base.pointIndex);
  const pairs: Array<[ReportCell, ReportCell]> = [];
  data.cells.forEach((a, i) => {
    for (const b of data.cells.slice(i + 1)) {
      if (armsCompared && a.pointIndex !== b.pointIndex) continue;
      pairs.push(isBase(b) ? [b, a] : [a, b]);
    }
  });
  return pairs;
}

/** Metrics of interest the folder has values for, headline first. */
export function metricsOfInterest(data: ReportData): string[] {
  return data.scenario.metrics.filter((metric) => data.replicates.some((cell) => cell[metric] !== undefined));
}

/** Every comparison against the base: metrics of interest outer, pairs inner. */
export function buildComparisons(data: ReportData): Comparison[] {
  return compareAll(data, comparisonPairs(data));
}

/** Every pairwise comparison: metrics of interest outer, pairs inner. */
export function buildPairwiseComparisons(data: ReportData): Comparison[] {
  return compareAll(data, allPairs(data));
}

function compareAll(data: ReportData, pairs: Array<[ReportCell, ReportCell]>): Comparison[] {
  return metricsOfInterest(data).flatMap((metric) => pairs.map(([base, cell]) => compareCells(data, metric, base, cell)));
}

function compareCells(data: ReportData, metric: string, base: ReportCell, cell: ReportCell): Comparison {
  const armsCompared = data.scenario.arms.length > 1;
  const result = compareArms(data.replicates[base.index][metric] ?? [], data.replicates[cell.index][metric] ?? []);
  const info = data.metricInfo[metric];
  const metricLabel = info?.label ?? metric;
  const unit = info?.unit ?? "";
  // Arms at the same sweep point are named by their labels, with the point said once after.
  const context = armsCompared && Object.keys(base.point).length > 0 ? ` at ${cellLabel(base.armLabel, base.point, 1)}` : "";
  const baseName = armsCompared ? base.armLabel : base.label;
  const cellName = armsCompared ? cell.armLabel : cell.label;
  const sentence = comparisonSentence({ metricLabel, unit, baseName, cellName, result, context });
  return { metric, metricLabel, unit, base, cell, baseName, cellName, context, result, assessment: assess(result.verdict, info?.higherIsBetter), sentence };
}
