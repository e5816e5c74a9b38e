/**
 * What `giftsim history` is given, apart from the command that parses it, so that the command
 * and the work it does (history-study.ts, loaded only when it runs) both import it.
 */
import { errors, type Problem } from "../errors.js";
import { HISTORY_METRICS, REVENUE_UNITS, isHistoryDate, type HistoryMetric, type RevenueUnit } from "../history/index.js";

/** Sim day 0 is a Monday, so the default start is one: the dates keep the simulated weekdays. */
export const DEFAULT_START_DATE = "2026-01-05";

export interface HistoryArgs {
  scenario: string;
  arm?: string;
  seed?: string;
  "start-date": string;
  metrics?: string;
  unit?: string;
  creator: number;
  out: string;
}

/** The --metrics list (all when absent), the --unit (undefined: the platform's own; "none": no revenue), or a problem per bad value. */
export function historyChoices(args: HistoryArgs): { metrics: HistoryMetric[]; unit: RevenueUnit | null | undefined } {
  const problems: Problem[] = [];
  const listed = args.metrics === undefined ? [...HISTORY_METRICS] : args.metrics.split(",").map((m) => m.trim());
  for (const metric of listed) {
    if (!(HISTORY_METRICS as readonly string[]).includes(metric)) problems.push({ path: "--metrics", value: metric, expected: `a comma-separated list of ${HISTORY_METRICS.join(", ")}` });
  }
  const unit = args.unit;
  if (unit !== undefined && unit !== "none" && !(REVENUE_UNITS as readonly string[]).includes(unit)) problems.push({ path: "--unit", value: unit, expected: `one of ${REVENUE_UNITS.join(", ")} or none` });
  if (!isHistoryDate(args["start-date"])) problems.push({ path: "--start-date", value: args["start-date"], expected: "a date YYYY-MM-DD" });
  if (!Number.isInteger(args.creator) || args.creator < 0) problems.push({ path: "--creator", value: args.creator, expected: "a creator index, an integer 0 or more" });
  if (problems.length > 0) throw errors.invalidInput("option", problems);
  return { metrics: listed as HistoryMetric[], unit: unit === "none" ? null : (unit as RevenueUnit | undefined) };
}
