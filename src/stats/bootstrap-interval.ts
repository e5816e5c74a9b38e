/**
 * Confidence intervals from a bootstrap distribution. The percentile interval takes the
 * distribution's quantiles as they are; BCa (Efron 1987, "bias-corrected and accelerated")
 * moves them by the distribution's median bias (z0) and by the skewness of the jackknife
 * estimates (the acceleration a), which is what whale-driven metrics need: their bootstrap
 * distributions are skewed, and the percentile interval then covers less than it says.
 * Ties with the estimate count half in z0 (as scipy.stats.bootstrap does), so a bootstrap
 * distribution that is one constant gives that constant, not an infinite correction.
 */
import { quantileSorted } from "./quantile.js";
import { standardNormalCdf, standardNormalQuantile } from "./normal.js";

/** How a bootstrap interval is read off the resampled estimates. */
export type BootstrapMethod = "bca" | "percentile";

/** A bootstrap interval and the method that made it (BCa falls back to percentile when its correction is undefined). */
export interface BootstrapInterval {
  low: number;
  high: number;
  method: BootstrapMethod;
}

/** The percentile interval at `confidence` (e.g. 0.95) of the bootstrap estimates `bootstrap`. */
export function percentileInterval(bootstrap: ArrayLike<number>, confidence: number): BootstrapInterval {
  const sorted = Float64Array.from(bootstrap).sort();
  const alpha = (1 - confidence) / 2;
  return { low: quantileSorted(sorted, alpha), high: quantileSorted(sorted, 1 - alpha), method: "percentile" };
}

/**
 * The BCa interval at `confidence` for `estimate`, from its bootstrap estimates and its
 * leave-one-out (jackknife) estimates. Falls back to the percentile interval when every
 * bootstrap estimate lies on one side of the estimate (z0 infinite).
 */
export function bcaInterval(estimate: number, bootstrap: ArrayLike<number>, jackknife: ArrayLike<number>, confidence: number): BootstrapInterval {
  const sorted = Float64Array.from(bootstrap).sort();
  const z0 = biasCorrection(estimate, sorted);
  if (!Number.isFinite(z0)) return percentileInterval(sorted, confidence);
  const a = acceleration(jackknife);
  const zAlpha = standardNormalQuantile((1 - confidence) / 2);
  const adjusted = (z: number) => standardNormalCdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
  return { low: quantileSorted(sorted, adjusted(zAlpha)), high: quantileSorted(sorted, adjusted(-zAlpha)), method: "bca" };
}

/** z0 = the normal quantile of the share of bootstrap estimates below the estimate, ties counted half. */
export function biasCorrection(estimate: number, bootstrap: ArrayLike<number>): number {
  let below = 0;
  let ties = 0;
  for (let i = 0; i < bootstrap.length; i++) {
    if (bootstrap[i] < estimate) below++;
    else if (bootstrap[i] === estimate) ties++;
  }
  return standardNormalQuantile((below + ties / 2) / bootstrap.length);
}

/** a = sum (mean - j_i)^3 / (6 (sum (mean - j_i)^2)^(3/2)) over the jackknife estimates j_i; 0 when they do not vary. */
export function acceleration(jackknife: ArrayLike<number>): number {
  const n = jackknife.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += jackknife[i];
  mean /= n;
  let squares = 0;
  let cubes = 0;
  for (let i = 0; i < n; i++) {
    const d = mean - jackknife[i];
    squares += d * d;
    cubes += d * d * d;
  }
  return squares > 0 ? cubes / (6 * squares ** 1.5) : 0;
}
