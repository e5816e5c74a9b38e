/**
 * Whether a difference is good or bad news, which is what a report's colour shows: fewer days
 * to a first payout is good although it is "lower". A metric without a better direction
 * (`higherIsBetter` absent: store fees, gift sizes) is only "different".
 */
import type { Verdict } from "../stats/index.js";

/** A verdict read against the metric's better direction. */
export type Assessment = "better" | "worse" | "different" | "no clear difference" | "not enough data";

/** The assessment of `verdict` for a metric whose higher values are better (true), worse (false) or neither (undefined). */
export function assess(verdict: Verdict, higherIsBetter: boolean | undefined): Assessment {
  if (verdict !== "higher" && verdict !== "lower") return verdict;
  if (higherIsBetter === undefined) return "different";
  return (verdict === "higher") === higherIsBetter ? "better" : "worse";
}
