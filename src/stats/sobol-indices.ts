/**
 * Sobol' first-order and total indices from the outputs of a Saltelli design (saltelli.ts):
 * with f_A, f_B and f_ABi the outputs at A, B and AB_i, and V the variance of all of f_A and f_B,
 *   first order  S_i  = mean(f_B (f_ABi - f_A)) / V          (Saltelli et al. 2010, their (b))
 *   total        ST_i = mean((f_A - f_ABi)^2) / 2 / V        (Jansen 1999)
 * S_i is the share of the output's variance that input i explains alone; ST_i the share it has
 * a hand in, interactions included, so ST_i ~ 0 means the answer does not hinge on it.
 * The intervals are bootstrap percentile intervals over the N rows (a row keeps its A, B and
 * AB_i outputs together), seeded, so the analysis is a pure function of its outputs and seed.
 */
import seedrandom from "seedrandom";
import { errors } from "../errors.js";
import { percentileInterval } from "./bootstrap-interval.js";
import type { SaltelliDesign } from "./saltelli.js";

/** One input's indices with their bootstrap intervals. */
export interface SobolIndex {
  firstOrder: number;
  firstOrderLow: number;
  firstOrderHigh: number;
  total: number;
  totalLow: number;
  totalHigh: number;
}

export interface SobolIndicesOptions {
  /** Seed of the bootstrap stream. */
  seed: string;
  /** Bootstrap resamples of the rows; default 1000. */
  resamples?: number;
  /** Interval coverage; default 0.95. */
  confidence?: number;
}

/** The indices of each input of `design` from its outputs `y`, in the design's run order. */
export function sobolIndices(design: SaltelliDesign, y: ArrayLike<number>, options: SobolIndicesOptions): SobolIndex[] {
  const { baseSamples: n, dimensions: k } = design;
  if (y.length !== n * (k + 2)) throw errors.invalidInput("Sobol' indices", [{ path: "outputs", value: `${y.length} outputs`, expected: `${n * (k + 2)}, one per design point` }]);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) throw errors.invalidInput("Sobol' indices", [{ path: `outputs[${i}]`, value: y[i], expected: "a finite output at every design point" }]);
  }
  const rows = Int32Array.from({ length: n }, (_, j) => j);
  const point = estimate(y, n, k, rows);
  const random = seedrandom.alea(options.seed);
  const resamples = options.resamples ?? 1000;
  const boot = Array.from({ length: k }, () => ({ first: new Float64Array(resamples), total: new Float64Array(resamples) }));
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < n; j++) rows[j] = Math.floor(random() * n);
    estimate(y, n, k, rows).forEach((index, i) => {
      boot[i].first[b] = index.first;
      boot[i].total[b] = index.total;
    });
  }
  const confidence = options.confidence ?? 0.95;
  return point.map((index, i) => {
    const first = percentileInterval(boot[i].first, confidence);
    const total = percentileInterval(boot[i].total, confidence);
    return { firstOrder: index.first, firstOrderLow: first.low, firstOrderHigh: first.high, total: index.total, totalLow: total.low, totalHigh: total.high };
  });
}

/** S_i and ST_i over the given rows (a resample may repeat rows); NaN when the output does not vary. */
function estimate(y: ArrayLike<number>, n: number, k: number, rows: Int32Array): Array<{ first: number; total: number }> {
  let sum = 0;
  let squares = 0;
  for (const j of rows) {
    sum += y[j] + y[n + j];
    squares += y[j] * y[j] + y[n + j] * y[n + j];
  }
  const m = 2 * rows.length;
  const variance = squares / m - (sum / m) ** 2;
  return Array.from({ length: k }, (_, i) => {
    const offset = (2 + i) * n;
    let first = 0;
    let total = 0;
    for (const j of rows) {
      const fA = y[j];
      const fAB = y[offset + j];
      first += y[n + j] * (fAB - fA);
      total += (fA - fAB) ** 2;
    }
    return { first: first / rows.length / variance, total: total / (2 * rows.length) / variance };
  });
}
