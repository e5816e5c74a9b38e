/**
 * Quantiles of sorted samples by linear interpolation between order statistics (Hyndman and
 * Fan's type 7, the default of R's quantile() and numpy's percentile). simple-statistics'
 * quantileSorted picks an order statistic instead, which makes a bootstrap interval's ends jump
 * between resampled values and cannot be checked against R or numpy by hand.
 */

/** The `p` quantile (0 <= p <= 1) of ascending `sorted`; NaN when it is empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const h = (n - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(n - 1, low + 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}
