/**
 * The comparisons a report states. Against the base: for each metric of interest, each arm
 * against the scenario's base arm at the same sweep point, or, with one arm and a sweep, each
 * point against the base point (the preset's own value unless the scenario names another),
 * which answers "what if the share went from 50% to 60%". Pairwise: every pair of arms at each
 * sweep point (every pair of points with one arm), so any two can be read against each other.
 *
 * Multiplicity: the comparisons fall in two families. The primary family is the primary metric
 * against the base (one comparison in a two-arm study, which is then not adjusted); the
 * secondary family is everything else: the other metrics for every pair, and the primary metric
 * between two cells neither of which is the base. Each family's Welch p-values are adjusted
 * together (Holm by default, Benjamini-Hochberg on request), and a difference is called only when
 * its adjusted p is below 5%. Each comparison also carries the paired view of its replicates
 * (matched by replicate index): the seeded paired bootstrap and the win probability.
 * Statistics come from src/stats; the words from sentence.ts.
 */
import {
  adjustPValues,
  compareArms,
  pairedBootstrap,
  winProbability,
  type ArmComparison,
  type PAdjustMethod,
  type PairedBootstrap,
  type Verdict,
  type WinProbability,
} from "../stats/index.js";
import { assess, type Assessment } from "./assessment.js";
import { cellLabel, type ReportCell, type ReportData } from "./report-data.js";
import { comparisonSentence, pairedSentence } from "./sentence.js";

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
  /** "primary": the primary metric against the base; "secondary": every other comparison. */
  family: "primary" | "secondary";
  /** Comparisons in the family, and the method their p-values were adjusted by. */
  familySize: number;
  adjustment: PAdjustMethod;
  /** The Welch p-value adjusted within the family (the p-value itself in a family of one); null without a test. */
  adjustedP: number | null;
  /** The result's verdict after adjustment: a difference whose adjusted p is 5% or more is "no clear difference". */
  verdict: Verdict;
  /** The verdict read against the metric's better direction (what colour shows). */
  assessment: Assessment;
  /** The replicates paired by replicate index; null when the comparison has too many siblings to resample (MAX_RESAMPLED_COMPARISONS). */
  paired: PairedView | null;
  sentence: string;
  /** The paired view in words ("Paired replicates: ... did better than ... in 81% of 150 pairs ..."); null without it. */
  pairedSentence: string | null;
}

/** Two cells' replicates paired by replicate index. */
export interface PairedView {
  bootstrap: PairedBootstrap;
  /** How often the cell came out above the base. */
  win: WinProbability;
}

/** Every comparison of a report: against the base, and every pair (sharing the objects of the former). */
export interface ComparisonSet {
  againstBase: Comparison[];
  pairwise: Comparison[];
}

export interface ComparisonOptions {
  /** How each family's p-values are adjusted; default "holm". */
  adjustment?: PAdjustMethod;
}

/**
 * Past this many comparisons (a long one-arm sweep compares every pair of its points) only
 * the comparisons against the base are resampled, so a report stays quick; the rest keep their
 * Welch test and Fieller interval.
 */
export const MAX_RESAMPLED_COMPARISONS = 300;

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

/** Metrics of interest the folder has values for, the primary first. */
export function metricsOfInterest(data: ReportData): string[] {
  const { primary, metrics } = data.scenario;
  const ordered = metrics.includes(primary) ? [primary, ...metrics.filter((metric) => metric !== primary)] : metrics;
  return ordered.filter((metric) => data.replicates.some((cell) => cell[metric] !== undefined));
}

/** Every comparison against the base and every pairwise one, adjusted and paired (see the module comment). */
export function buildComparisonSet(data: ReportData, options: ComparisonOptions = {}): ComparisonSet {
  const adjustment = options.adjustment ?? "holm";
  const metrics = metricsOfInterest(data);
  const key = (metric: string, base: ReportCell, cell: ReportCell) => `${metric}\u0000${base.index}\u0000${cell.index}`;
  const basePairs = comparisonPairs(data);
  const isBasePair = new Set(metrics.flatMap((metric) => basePairs.map(([base, cell]) => key(metric, base, cell))));
  const pairs = allPairs(data);
  const resampleAll = metrics.length * pairs.length <= MAX_RESAMPLED_COMPARISONS;
  const byKey = new Map<string, Comparison>();
  for (const metric of metrics) {
    for (const [base, cell] of pairs) {
      const againstBase = isBasePair.has(key(metric, base, cell));
      const family = againstBase && metric === data.scenario.primary ? "primary" : "secondary";
      byKey.set(key(metric, base, cell), compareCells(data, metric, base, cell, family, adjustment, resampleAll || againstBase));
    }
  }
  for (const family of ["primary", "secondary"] as const) {
    const members = [...byKey.values()].filter((c) => c.family === family);
    const adjusted = adjustPValues(members.map((c) => c.result.test?.p ?? null), adjustment);
    members.forEach((c, i) => {
      c.familySize = members.length;
      c.adjustedP = adjusted[i];
      const called = c.result.verdict === "higher" || c.result.verdict === "lower";
      c.verdict = called && (c.adjustedP === null || c.adjustedP >= 0.05) ? "no clear difference" : c.result.verdict;
      c.assessment = assess(c.verdict, data.metricInfo[c.metric]?.higherIsBetter);
      c.sentence = comparisonSentence(c);
    });
  }
  return {
    againstBase: metrics.flatMap((metric) => basePairs.map(([base, cell]) => byKey.get(key(metric, base, cell))!)),
    pairwise: metrics.flatMap((metric) => pairs.map(([base, cell]) => byKey.get(key(metric, base, cell))!)),
  };
}

/** Every comparison against the base: metrics of interest outer, pairs inner. */
export function buildComparisons(data: ReportData, options: ComparisonOptions = {}): Comparison[] {
  return buildComparisonSet(data, options).againstBase;
}

/** Every pairwise comparison: metrics of interest outer, pairs inner. */
export function buildPairwiseComparisons(data: ReportData, options: ComparisonOptions = {}): Comparison[] {
  return buildComparisonSet(data, options).pairwise;
}

/** The values of `metric` in two cells, matched by replicate index (replicates only one cell has are left out). */
export function pairedValues(data: ReportData, metric: string, base: ReportCell, cell: ReportCell): [number[], number[]] {
  const baseValues = data.replicates[base.index][metric] ?? [];
  const cellValues = data.replicates[cell.index][metric] ?? [];
  const position = new Map(data.replicateIndex[cell.index].map((replicate, i) => [replicate, i]));
  const x: number[] = [];
  const y: number[] = [];
  data.replicateIndex[base.index].forEach((replicate, i) => {
    const j = position.get(replicate);
    if (j === undefined) return;
    x.push(baseValues[i]);
    y.push(cellValues[j]);
  });
  return [x, y];
}

function compareCells(data: ReportData, metric: string, base: ReportCell, cell: ReportCell, family: Comparison["family"], adjustment: PAdjustMethod, resample: boolean): Comparison {
  const armsCompared = data.scenario.arms.length > 1;
  const result = compareArms(data.replicates[base.index][metric] ?? [], data.replicates[cell.index][metric] ?? []);
  const info = data.metricInfo[metric];
  const metricLabel = info?.label ?? metric;
  const unit = info?.unit ?? "";
  // Arms at the same sweep point are named by their labels, with the point said once after.
  const context = armsCompared && Object.keys(base.point).length > 0 ? ` at ${cellLabel(base.armLabel, base.point, 1)}` : "";
  const baseName = armsCompared ? base.armLabel : base.label;
  const cellName = armsCompared ? cell.armLabel : cell.label;
  let paired: PairedView | null = null;
  if (resample) {
    const [x, y] = pairedValues(data, metric, base, cell);
    // The run's seed and the comparison name the stream, so a report is a pure function of its folder.
    const seed = `${data.run.seed}/paired-bootstrap/${metric}/${base.arm}@${base.pointIndex}/${cell.arm}@${cell.pointIndex}`;
    paired = { bootstrap: pairedBootstrap(x, y, { seed }), win: winProbability(x, y) };
  }
  // Family size, adjusted p, verdict and sentence are set once the family is known (buildComparisonSet).
  return {
    metric,
    metricLabel,
    unit,
    base,
    cell,
    baseName,
    cellName,
    context,
    result,
    family,
    familySize: 1,
    adjustment,
    adjustedP: result.test?.p ?? null,
    verdict: result.verdict,
    assessment: assess(result.verdict, info?.higherIsBetter),
    paired,
    sentence: "",
    pairedSentence: paired === null ? null : pairedSentence({ unit, baseName, cellName, context, ...paired, higherIsBetter: info?.higherIsBetter }),
  };
}
