/**
 * Summary statistics of a history for likelihood-free calibration (docs/calibration.md,
 * "Summary statistics"). Counts on a dashboard are heavy-tailed and span orders of magnitude
 * between creators, so every statistic is taken on log1p of the per-stream value: a mean says
 * the level, a standard deviation how much streams differ, a trend (least-squares slope per
 * week) whether the audience grows or fades. Pooled ratios (totals over the history) say what
 * the levels alone blur: the share of viewers who gift, the revenue per gifter.
 */
import { HISTORY_METRICS, type HistoryMetric, type StreamHistory } from "./history.js";

/** A ratio statistic: numerator column and the denominators it is taken against, the first present one used. */
const RATIOS: readonly (readonly [HistoryMetric, readonly HistoryMetric[]])[] = [
  ["viewers", ["uniqueViewers"]],
  ["peakConcurrency", ["uniqueViewers", "viewers"]],
  ["newFollowers", ["uniqueViewers", "viewers"]],
  ["gifters", ["uniqueViewers", "viewers"]],
  ["revenue", ["gifters", "uniqueViewers", "viewers"]],
];

const DAYS_PER_WEEK = 7;

/**
 * Summary statistics for likelihood-free calibration: for each present metric (and duration),
 * per-stream mean, spread and trend on a log1p scale, with names such as "gifters.mean", then
 * pooled log ratios such as "gifters/uniqueViewers". Pure, deterministic; the names depend only
 * on which columns are present, and a history without streams has every value NaN.
 */
export function historySummary(history: StreamHistory): { names: string[]; values: Float64Array } {
  const names: string[] = [];
  const values: number[] = [];
  const weeks = Float64Array.from(history.day, (d) => d / DAYS_PER_WEEK);
  const columns: [string, Float64Array][] = [["durationMinutes", history.durationMinutes]];
  for (const metric of HISTORY_METRICS) if (history.values[metric] !== undefined) columns.push([metric, history.values[metric]]);
  for (const [name, column] of columns) {
    // Spread and trend are taken about the first stream's value, so a constant column gives exactly 0 (no rounding residue).
    const first = Math.log1p(column[0]);
    const offsets = Float64Array.from(column, (x) => Math.log1p(x) - first);
    const mean = meanOf(offsets);
    names.push(`${name}.mean`, `${name}.sd`, `${name}.trend`);
    values.push(first + mean, Math.sqrt(meanOf(Float64Array.from(offsets, (x) => (x - mean) ** 2))), slope(weeks, offsets));
  }
  for (const [numerator, denominators] of RATIOS) {
    const top = history.values[numerator];
    const denominator = denominators.find((d) => history.values[d] !== undefined);
    if (top === undefined || denominator === undefined) continue;
    names.push(`${numerator}/${denominator}`);
    values.push(Math.log1p(sumOf(top)) - Math.log1p(sumOf(history.values[denominator] as Float64Array)));
  }
  return { names, values: history.day.length > 0 ? Float64Array.from(values) : new Float64Array(names.length).fill(Number.NaN) };
}

function sumOf(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
}

function meanOf(values: Float64Array): number {
  return sumOf(values) / values.length;
}

/** Least-squares slope of y on x; 0 when x does not vary (every stream on one day). */
function slope(x: Float64Array, y: Float64Array): number {
  const mx = meanOf(x);
  const my = meanOf(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}
