/**
 * The posterior of a calibration, as the outputs report it: per parameter its weighted mean,
 * median and 5% / 95% quantiles (the 90% credible interval) on the value's scale, and its
 * shrinkage, 1 - posterior variance / prior variance on the sampler's scale (0: the history
 * told nothing about it, 1: it pinned it down).
 */
import type { AbcPopulation, AbcState } from "../stats/index.js";
import { fromScale, priorBox, type FitParameter } from "./parameters.js";

/** One parameter's posterior in brief. */
export interface ParameterSummary {
  parameter: string;
  priorLow: number;
  priorHigh: number;
  /** "log" when the prior is uniform on log(value). */
  scale: "linear" | "log";
  mean: number;
  median: number;
  q05: number;
  q95: number;
  shrinkage: number;
}

/** The weighted p-quantile of column j of a population: the first value whose cumulative weight reaches p. */
export function weightedQuantile(population: AbcPopulation, k: number, j: number, p: number): number {
  const order = population.weights.map((w, i) => ({ w, x: population.values[i * k + j] })).sort((a, b) => a.x - b.x);
  let cumulative = 0;
  for (const { w, x } of order) {
    cumulative += w;
    if (cumulative >= p - 1e-12) return x;
  }
  return order[order.length - 1].x;
}

/** Each parameter's posterior summary from the final population. */
export function summarisePosterior(parameters: readonly FitParameter[], population: AbcPopulation): ParameterSummary[] {
  const k = parameters.length;
  const box = priorBox(parameters);
  return parameters.map((parameter, j) => {
    let mean = 0;
    let meanX = 0;
    population.weights.forEach((w, i) => {
      mean += w * fromScale(parameter, population.values[i * k + j]);
      meanX += w * population.values[i * k + j];
    });
    const variance = population.weights.reduce((sum, w, i) => sum + w * (population.values[i * k + j] - meanX) ** 2, 0);
    const priorVariance = (box.high[j] - box.low[j]) ** 2 / 12;
    const at = (p: number) => fromScale(parameter, weightedQuantile(population, k, j, p));
    return {
      parameter: parameter.path,
      priorLow: parameter.low,
      priorHigh: parameter.high,
      scale: parameter.log ? "log" : "linear",
      mean,
      median: at(0.5),
      q05: at(0.05),
      q95: at(0.95),
      shrinkage: 1 - variance / priorVariance,
    };
  });
}

/** The final population's particles on the value's scale, row by row, as --posterior lays them on a config. */
export function particleValues(parameters: readonly FitParameter[], population: AbcPopulation): number[] {
  const k = parameters.length;
  return population.values.map((x, at) => fromScale(parameters[at % k], x));
}

/**
 * A plain warning when the final population is the prior's (generation 0: the sampler stopped
 * before a later generation filled), whose particles are prior draws and no fit; "" otherwise.
 */
export function priorOnlyWarning(abc: AbcState): string {
  const final = abc.populations[abc.populations.length - 1];
  if (final.generation > 0) return "";
  return `Not a fit: the final population is generation 0, the prior itself (the sampler stopped on ${abc.stop ?? "generations"} before generation 1 filled), so the posterior below is draws from the prior and the verdict judges the prior, not a calibration.`;
}
