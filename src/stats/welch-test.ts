/**
 * Welch's two-sample t-test: replicates of two arms are independent samples whose variances
 * need not match (a battle arm is far noisier than a behind-the-scenes arm), so the pooled
 * test of simple-statistics' tTestTwoSample would be wrong; simple-statistics supplies the
 * moments, the Welch-Satterthwaite degrees of freedom and the t tail are computed here.
 */
import { mean, sampleVariance } from "simple-statistics";
import { studentTTwoSidedP } from "./student-t-cdf.js";

/** Result of a Welch test of mean(b) - mean(a) = 0. */
export interface WelchTest {
  /** mean(b) - mean(a). */
  difference: number;
  /** Standard error of the difference. */
  standardError: number;
  t: number;
  /** Welch-Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided p-value. */
  p: number;
}

/** Welch's t-test of b against a; null when either sample has fewer than two values. */
export function welchTest(a: readonly number[], b: readonly number[]): WelchTest | null {
  if (a.length < 2 || b.length < 2) return null;
  const meanA = mean(a as number[]);
  const meanB = mean(b as number[]);
  const va = sampleVariance(a as number[]) / a.length;
  const vb = sampleVariance(b as number[]) / b.length;
  const difference = meanB - meanA;
  const standardError = Math.sqrt(va + vb);
  if (standardError === 0) {
    // Identical constants (deterministic metric): no spread, so any difference is certain.
    return { difference, standardError, t: difference === 0 ? 0 : Math.sign(difference) * Infinity, df: a.length + b.length - 2, p: difference === 0 ? 1 : 0 };
  }
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const t = difference / standardError;
  return { difference, standardError, t, df, p: studentTTwoSidedP(t, df) };
}
