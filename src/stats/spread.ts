/**
 * The spread a creator can plan with: P10, P50 and P90 over replicates of a figure such as
 * earnings per month. A mean with its confidence interval says where the average lands; this
 * says what one month may bring (one in ten below P10, one in ten above P90), which is what
 * heavy whale tails make differ from the mean.
 */
import { quantileSorted } from "./quantile.js";

/** The 10th, 50th and 90th percentiles (interpolated) of the finite values. */
export interface Spread {
  n: number;
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

/** P10, P50 and P90 of the finite values of `values` (nulls when there are none). */
export function percentileSpread(values: ArrayLike<number>): Spread {
  const sorted = Float64Array.from(Array.from(values).filter(Number.isFinite)).sort();
  if (sorted.length === 0) return { n: 0, p10: null, p50: null, p90: null };
  return { n: sorted.length, p10: quantileSorted(sorted, 0.1), p50: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9) };
}
