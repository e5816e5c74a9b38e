/**
 * Comparison of one arm against the base arm on one metric, from replicate values: the Welch
 * test of the difference in means, the difference's 95% CI, and the relative lift
 * mean(arm) / mean(base) - 1 with a 95% CI by Fieller's theorem. Fieller's interval excludes
 * zero lift exactly when the Welch test rejects at 5% (both use the same t quantile at the
 * Welch-Satterthwaite degrees of freedom), so the verdict, the interval and the p-value never
 * contradict each other, and it stays honest when the base mean is itself uncertain (the
 * interval is then unbounded and left out). Nothing here resamples, so a report is a pure
 * function of its inputs.
 */
import { describe, type Description } from "./describe.js";
import { studentTCritical } from "./student-t-cdf.js";
import { welchTest, type WelchTest } from "./welch-test.js";

/** Whether the arm differs from the base: "no clear difference" when the 95% CI spans zero. */
export type Verdict = "higher" | "lower" | "no clear difference" | "not enough data";

/** One arm against the base arm on one metric. */
export interface ArmComparison {
  base: Description;
  arm: Description;
  /** mean(arm) - mean(base), with its 95% CI (Welch). */
  difference: number | null;
  differenceCi95Low: number | null;
  differenceCi95High: number | null;
  /** mean(arm) / mean(base) - 1; null when the base mean is zero. */
  lift: number | null;
  /** Fieller 95% CI of the lift; null when it is unbounded (the base mean is not clearly away from zero). */
  liftCi95Low: number | null;
  liftCi95High: number | null;
  test: WelchTest | null;
  verdict: Verdict;
}

/** Compares the finite values of `arm` against those of `base` (NaN replicates are left out). */
export function compareArms(base: ArrayLike<number>, arm: ArrayLike<number>): ArmComparison {
  const a = finite(base);
  const b = finite(arm);
  const result: ArmComparison = {
    base: describe(a),
    arm: describe(b),
    difference: null,
    differenceCi95Low: null,
    differenceCi95High: null,
    lift: null,
    liftCi95Low: null,
    liftCi95High: null,
    test: welchTest(a, b),
    verdict: "not enough data",
  };
  const test = result.test;
  const meanA = result.base.mean;
  const meanB = result.arm.mean;
  if (test === null || meanA === null || meanB === null) return result;

  const q = test.standardError > 0 ? studentTCritical(0.05, test.df) : 0;
  const low = test.difference - q * test.standardError;
  const high = test.difference + q * test.standardError;
  result.difference = test.difference;
  result.differenceCi95Low = low;
  result.differenceCi95High = high;
  result.verdict = low > 0 ? "higher" : high < 0 ? "lower" : "no clear difference";
  if (meanA !== 0) {
    result.lift = meanB / meanA - 1;
    const ratio = fiellerInterval(meanA, (result.base.sd ?? 0) ** 2 / a.length, meanB, (result.arm.sd ?? 0) ** 2 / b.length, q);
    if (ratio !== null) {
      result.liftCi95Low = ratio[0] - 1;
      result.liftCi95High = ratio[1] - 1;
    }
  }
  return result;
}

/**
 * Fieller's interval for meanB / meanA: the ratios r with (meanB - r meanA)^2 <= q^2 (varB + r^2 varA),
 * where varA and varB are the variances of the means. Bounded only when meanA is clearly away
 * from zero (meanA^2 > q^2 varA); null otherwise.
 */
function fiellerInterval(meanA: number, varA: number, meanB: number, varB: number, q: number): [number, number] | null {
  const q2 = q * q;
  const leading = meanA * meanA - q2 * varA;
  if (leading <= 0) return null;
  const half = Math.sqrt(Math.max(0, q2 * (meanA * meanA * varB + meanB * meanB * varA - q2 * varA * varB)));
  const r1 = (meanA * meanB - half) / leading;
  const r2 = (meanA * meanB + half) / leading;
  return [Math.min(r1, r2), Math.max(r1, r2)];
}

function finite(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return out;
}
