/**
 * The win probability: the share of paired replicates in which the arm's value is above the
 * base's, ties counted half, so P(arm above) + P(base above) = 1 and the arm's share of wins
 * when lower is better is one minus it. Its 95% interval is Wilson's score interval for a
 * binomial share over the pairs (good near 0 and 1, where the normal interval leaves [0, 1]);
 * with common random numbers pairs are independent across replicate indices, which is what the
 * interval assumes.
 */
import { standardNormalQuantile } from "./normal.js";

/** How often the arm came out above the base over paired replicates. */
export interface WinProbability {
  /** Pairs with a finite value in both arms. */
  pairs: number;
  /** Pairs in which the arm's value is above the base's, and those in which they are equal. */
  above: number;
  ties: number;
  /** (above + ties / 2) / pairs; null without pairs. */
  probability: number | null;
  ci95Low: number | null;
  ci95High: number | null;
}

/** The share of pairs (base[i], arm[i]) with arm[i] > base[i], ties half, with its Wilson 95% interval. */
export function winProbability(base: ArrayLike<number>, arm: ArrayLike<number>): WinProbability {
  let pairs = 0;
  let above = 0;
  let ties = 0;
  for (let i = 0; i < Math.min(base.length, arm.length); i++) {
    if (!Number.isFinite(base[i]) || !Number.isFinite(arm[i])) continue;
    pairs++;
    if (arm[i] > base[i]) above++;
    else if (arm[i] === base[i]) ties++;
  }
  if (pairs === 0) return { pairs, above, ties, probability: null, ci95Low: null, ci95High: null };
  const p = (above + ties / 2) / pairs;
  const [low, high] = wilsonInterval(p, pairs, 0.95);
  return { pairs, above, ties, probability: p, ci95Low: low, ci95High: high };
}

/** Wilson's score interval for a share `p` observed over `n` trials. */
export function wilsonInterval(p: number, n: number, confidence: number): [number, number] {
  const z = standardNormalQuantile(1 - (1 - confidence) / 2);
  const z2n = (z * z) / n;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}
