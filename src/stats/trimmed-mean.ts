/**
 * The trimmed mean: the mean of what is left after cutting the same share of the smallest and
 * the largest values. A whale replicate that holds a fifth of an arm's total moves the mean a
 * lot and a 20% trimmed mean (Wilcox's usual choice for heavy tails) very little.
 */

/** Share cut from each end by default: 20% of the values below and 20% above. */
export const DEFAULT_TRIM = 0.2;

/**
 * Mean of ascending `sorted` after dropping floor(n * trim) values at each end (as R's
 * mean(x, trim) and scipy's trim_mean); NaN when empty. `trim` is in [0, 0.5).
 */
export function trimmedMeanSorted(sorted: ArrayLike<number>, trim = DEFAULT_TRIM): number {
  const n = sorted.length;
  if (n === 0 || !(trim >= 0 && trim < 0.5)) return Number.NaN;
  const cut = Math.floor(n * trim);
  let sum = 0;
  for (let i = cut; i < n - cut; i++) sum += sorted[i];
  return sum / (n - 2 * cut);
}

/** The trimmed mean of `values` in any order (non-finite values are left out). */
export function trimmedMean(values: ArrayLike<number>, trim = DEFAULT_TRIM): number {
  const finite = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  return trimmedMeanSorted(finite, trim);
}
