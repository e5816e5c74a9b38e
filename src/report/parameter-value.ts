/**
 * Swept parameters in the reader's words and units: `economy.policy.creatorShareBps = 5000`
 * reads "creator share 50%", `payoutThresholdMicros = 50000000` reads "payout threshold $50".
 * The unit is the one a parameter's name ends with (the codebase's naming rule); a name without
 * a known unit keeps its value as written.
 */
import { formatNumber } from "./format.js";

/** Known unit suffixes of parameter names and how a value in that unit reads. */
const UNITS: ReadonlyArray<{ suffix: string; format: (value: number) => string }> = [
  { suffix: "Bps", format: (bps) => `${formatNumber(bps / 100)}%` },
  { suffix: "Micros", format: (micros) => dollars(micros / 1e6) },
  { suffix: "Cents", format: (cents) => dollars(cents / 100) },
  { suffix: "Sec", format: (seconds) => `${formatNumber(seconds)} s` },
  { suffix: "Minutes", format: (minutes) => `${formatNumber(minutes)} min` },
  { suffix: "Weeks", format: (weeks) => `${formatNumber(weeks)} week${weeks === 1 ? "" : "s"}` },
];

/** The last segment of a dotted path, its unit suffix cut and its words split: "creator share". */
export function parameterLabel(path: string): string {
  const name = path.slice(path.lastIndexOf(".") + 1);
  const unit = unitOf(name);
  const stem = unit === undefined || name === unit.suffix ? name : name.slice(0, -unit.suffix.length);
  return stem.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

/** A value of the parameter at `path` in its unit: "50%", "$100", "30 min"; other values as written. */
export function formatParameterValue(path: string, value: unknown): string {
  const unit = unitOf(path.slice(path.lastIndexOf(".") + 1));
  if (unit !== undefined && typeof value === "number" && Number.isFinite(value)) return unit.format(value);
  if (typeof value === "number") return formatNumber(value);
  return typeof value === "string" ? value : JSON.stringify(value);
}

function unitOf(name: string) {
  return UNITS.find((unit) => name.endsWith(unit.suffix));
}

/** Whole dollars without cents ("$100"), others with them ("$0.50"). */
function dollars(usd: number): string {
  const digits = Number.isInteger(usd) ? 0 : 2;
  return `${usd < 0 ? "−" : ""}$${Math.abs(usd).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}
