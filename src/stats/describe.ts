/**
 * Per-metric summaries of replicate outcomes. Replicates are independent draws, so the 95%
 * interval for the mean is the Student-t interval; a metric that is undefined in a replicate
 * (NaN: no gifters, no payout) is left out, and `n` says how many values the figure rests on.
 */
import { mean, sampleStandardDeviation } from "simple-statistics";
import { studentTCritical } from "./student-t-cdf.js";

/** Mean, spread and 95% confidence interval of one metric over replicates. */
export interface Description {
  /** Replicates with a finite value. */
  n: number;
  mean: number | null;
  /** Sample standard deviation (n - 1); null below two values. */
  sd: number | null;
  ci95Low: number | null;
  ci95High: number | null;
}

/** Describes the finite values of `values`; nulls where a figure is undefined (JSON has no NaN). */
export function describe(values: ArrayLike<number>): Description {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  const n = finite.length;
  if (n === 0) return { n, mean: null, sd: null, ci95Low: null, ci95High: null };
  const m = mean(finite);
  if (n === 1) return { n, mean: m, sd: null, ci95Low: null, ci95High: null };
  const sd = sampleStandardDeviation(finite);
  const half = studentTCritical(0.05, n - 1) * (sd / Math.sqrt(n));
  return { n, mean: m, sd, ci95Low: m - half, ci95High: m + half };
}
