/**
 * Saltelli sampling for Sobol' indices (Saltelli et al. 2010, "Variance based sensitivity
 * analysis of model output"): two independent N x k matrices A and B, the first and last k
 * columns of a 2k-dimensional Sobol' sequence, and for each input i the matrix AB_i, which is A
 * with its column i taken from B. The model runs at N (k + 2) points; sobolIndices reads the
 * outputs back in the same order. Inputs are drawn uniformly over their [low, high] ranges.
 */
import { errors } from "../errors.js";
import { MAX_SOBOL_DIMENSIONS, sobolSequence } from "./sobol-sequence.js";

/** An input's range, low to high, drawn uniformly. */
export type InputRange = readonly [low: number, high: number];

/** The points of a Saltelli design, in run order: A's N rows, B's, then AB_1's ... AB_k's. */
export interface SaltelliDesign {
  baseSamples: number;
  dimensions: number;
  /** N (k + 2) points, each k input values inside their ranges. */
  points: Float64Array[];
}

export interface SaltelliOptions {
  /** N, the rows of A and B; a power of two keeps the Sobol' sequence balanced. */
  baseSamples: number;
  ranges: readonly InputRange[];
  /** Sobol' points skipped before A and B are read (default 0). */
  skip?: number;
}

/** The Saltelli design for `ranges` with N = `baseSamples`. */
export function saltelliDesign(options: SaltelliOptions): SaltelliDesign {
  const { baseSamples: n, ranges } = options;
  const k = ranges.length;
  if (!Number.isInteger(n) || n < 2) throw errors.invalidInput("Saltelli design", [{ path: "baseSamples", value: n, expected: "an integer at least 2" }]);
  if (k < 1 || 2 * k > MAX_SOBOL_DIMENSIONS) {
    throw errors.invalidInput("Saltelli design", [{ path: "ranges", value: `${k} inputs`, expected: `1..${Math.floor(MAX_SOBOL_DIMENSIONS / 2)} inputs (two Sobol' dimensions each)` }]);
  }
  ranges.forEach(([low, high], i) => {
    if (!(Number.isFinite(low) && Number.isFinite(high) && low <= high)) {
      throw errors.invalidInput("Saltelli design", [{ path: `ranges[${i}]`, value: [low, high], expected: "finite [low, high] with low <= high" }]);
    }
  });
  const unit = sobolSequence(n, 2 * k, options.skip ?? 0);
  const scale = (u: ArrayLike<number>) => Float64Array.from(ranges, ([low, high], i) => low + (high - low) * u[i]);
  const a = unit.map((row) => scale(row.subarray(0, k)));
  const b = unit.map((row) => scale(row.subarray(k)));
  const points = [...a, ...b];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) {
      const row = Float64Array.from(a[j]);
      row[i] = b[j][i];
      points.push(row);
    }
  }
  return { baseSamples: n, dimensions: k, points };
}
