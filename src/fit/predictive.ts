/**
 * The posterior predictive check: fresh simulations of particles drawn from the posterior by
 * weight, compared with the history. Per summary statistic, the simulations' 90% band (5% to
 * 95%) and whether the observed value lies in it; per metric and stream, the band of the
 * simulated streams at that position beside the observed stream. The verdict's rule: the model
 * reproduces the history when at least REPRODUCE_SHARE of the informative summaries (those that
 * vary under the prior, which the distance uses) lie inside their bands. A model that fits
 * would put about 90% inside; far fewer means no particle the prior allows makes this history.
 */
import seedrandom from "seedrandom";
import type { HistoryMetric, StreamHistory } from "../history/index.js";
import { quantileSorted, runningSums, weightedIndex, type AbcPopulation } from "../stats/index.js";
import type { FitResult } from "./simulate.js";

/** Share of informative summaries inside their 90% bands at which the history counts as reproduced. */
export const REPRODUCE_SHARE = 0.75;

/** One summary statistic against its predictive band. */
export interface SummaryCheck {
  name: string;
  observed: number;
  low: number;
  median: number;
  high: number;
  inside: boolean;
  /** Whether it varies under the prior (the distance uses it and the verdict counts it). */
  informative: boolean;
}

/** One stream position of one metric: the observed value and the simulated band. */
export interface StreamBand {
  metric: HistoryMetric;
  stream: number;
  observed: number | null;
  low: number;
  median: number;
  high: number;
}

/** The check's outcome. */
export interface PredictiveCheck {
  simulations: number;
  summaries: SummaryCheck[];
  streams: StreamBand[];
  insideShare: number;
  verdict: "reproduces" | "cannot reproduce";
}

/** The particles (indices into `population`) the check simulates: weighted draws from streams keyed by (seed, draw). */
export function predictiveDraws(population: AbcPopulation, seed: string, count: number): number[] {
  const cumulative = runningSums(population.weights);
  return Array.from({ length: count }, (_, j) => weightedIndex(cumulative, seedrandom.alea(`giftsim/fit/1/${seed}/predictive-draw/${j}`)()));
}

function band(values: number[]): { low: number; median: number; high: number } {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return { low: quantileSorted(sorted, 0.05), median: quantileSorted(sorted, 0.5), high: quantileSorted(sorted, 0.95) };
}

/** The check from the predictive simulations' results (in draw order), the history and its summaries. */
export function predictiveCheck(history: StreamHistory, observed: { names: string[]; values: Float64Array }, scales: readonly number[], results: readonly FitResult[]): PredictiveCheck {
  const m = observed.names.length;
  const rows: Float64Array[] = [];
  const streams: Float64Array[][] = [];
  for (const result of results) {
    let at = 0;
    for (let i = 0; i < result.streamCounts.length; i++) {
      const n = result.streamCounts[i];
      rows.push(result.summaryCount === m ? result.summaries.subarray(i * m, (i + 1) * m) : new Float64Array(m).fill(Number.NaN));
      streams.push(history.metrics.map((_, q) => result.streamValues.subarray(at + q * n, at + (q + 1) * n)));
      at += n * history.metrics.length;
    }
  }
  const summaries = observed.names.map((name, s): SummaryCheck => {
    const b = band(rows.map((row) => row[s]));
    const value = observed.values[s];
    return { name, observed: value, ...b, inside: value >= b.low && value <= b.high, informative: scales[s] > 0 };
  });
  const counted = summaries.filter((s) => s.informative);
  const insideShare = counted.length === 0 ? 0 : counted.filter((s) => s.inside).length / counted.length;
  const bands: StreamBand[] = [];
  const longest = Math.max(history.day.length, ...streams.map((s) => s[0]?.length ?? 0));
  history.metrics.forEach((metric, q) => {
    for (let stream = 0; stream < longest; stream++) {
      const simulated = streams.filter((s) => s[q].length > stream).map((s) => s[q][stream]);
      // A position fewer than half the simulations reach (a creator who skipped streams) has no band worth drawing.
      if (simulated.length < Math.max(1, streams.length / 2)) continue;
      const observedValue = history.values[metric]?.[stream];
      bands.push({ metric, stream, observed: observedValue === undefined ? null : observedValue, ...band(simulated) });
    }
  });
  return { simulations: rows.length, summaries, streams: bands, insideShare, verdict: insideShare >= REPRODUCE_SHARE ? "reproduces" : "cannot reproduce" };
}
