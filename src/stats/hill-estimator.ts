/**
 * The Hill estimator of a tail exponent: for the k largest of n positive values x(1) >= ... >=
 * x(k+1), alpha = k / sum ln(x(i) / x(k+1)). Under a power-law tail P(X > x) ~ x^-alpha it is
 * consistent as k grows with n while k / n shrinks; the caller picks k.
 */

/** Hill's tail exponent from the `k` largest of `values` (positive ones only); NaN if fewer than k + 1. */
export function hillTailExponent(values: ArrayLike<number>, k: number): number {
  const positive = Float64Array.from(values).filter((x) => x > 0).sort();
  const n = positive.length;
  if (k < 1 || n < k + 1) return Number.NaN;
  const threshold = positive[n - k - 1];
  let sum = 0;
  for (let i = n - k; i < n; i++) sum += Math.log(positive[i] / threshold);
  return sum > 0 ? k / sum : Number.NaN;
}
