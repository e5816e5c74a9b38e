/**
 * The plain sentence under each comparison, e.g. "challenge earns 23% more gifted coins per
 * live hour than Q&A (95% CI 18% to 28%, p < 0.001, 200 replicates)". Whether there is a
 * difference is the lift interval's call: one that spans zero reads "no clear difference",
 * whatever the point estimate.
 */
import type { ArmComparison } from "../stats/index.js";
import { formatP, formatPercent, formatValue } from "./format.js";

/** What a sentence is made of; names and labels are plain text (escaped where rendered). */
export interface SentenceParts {
  metricLabel: string;
  unit: string;
  baseName: string;
  cellName: string;
  result: ArmComparison;
  /** Appended to the claim, e.g. " at share = 0.6"; empty when there is nothing to add. */
  context?: string;
}

/** How a difference in a unit reads: countable amounts "more"/"fewer", money "more"/"less", the rest (shares, ratios, times) "higher"/"lower". */
const COUNTABLE_UNITS = new Set(["coins", "coins/hour", "diamonds", "count"]);
const MONEY_UNITS = new Set(["micro-USD", "hours"]);
/** Units of money and coins, which an arm "earns". */
const EARNING_UNITS = new Set(["micro-USD", "coins", "coins/hour", "diamonds"]);

/** The sentence for one comparison. */
export function comparisonSentence(parts: SentenceParts): string {
  const { result, baseName, cellName } = parts;
  const context = parts.context ?? "";
  const label = lowerFirst(parts.metricLabel);
  const replicates = replicateText(result, cellName, baseName);
  if (result.verdict === "not enough data" || result.test === null) {
    return `Not enough replicates to compare ${label} between ${cellName} and ${baseName}${context} (${replicates}).`;
  }
  const p = formatP(result.test.p);
  if (result.lift !== null && result.liftCi95Low !== null && result.liftCi95High !== null) {
    const ci = `95% CI ${formatPercent(result.liftCi95Low)} to ${formatPercent(result.liftCi95High)}`;
    if (result.verdict === "no clear difference") {
      return `No clear difference in ${label} between ${cellName} and ${baseName}${context} (lift ${formatPercent(result.lift, true)}, ${ci}, ${p}, ${replicates}).`;
    }
    return `${claim(parts, formatPercent(Math.abs(result.lift)))} than ${baseName}${context} (${ci}, ${p}, ${replicates}).`;
  }
  // The base mean is zero or too uncertain for a bounded ratio: state the difference instead.
  const ci = `95% CI ${formatValue(result.differenceCi95Low, parts.unit)} to ${formatValue(result.differenceCi95High, parts.unit)}`;
  if (result.verdict === "no clear difference") {
    return `No clear difference in ${label} between ${cellName} and ${baseName}${context} (difference ${formatValue(result.difference, parts.unit)}, ${ci}, ${p}, ${replicates}).`;
  }
  return `${claim(parts, formatValue(Math.abs(result.difference ?? 0), parts.unit))} than ${baseName}${context} (${ci}, ${p}, ${replicates}).`;
}

/** "challenge earns 23% more gifted coins per live hour", "qa has a 5% lower next-stream return". */
function claim(parts: SentenceParts, size: string): string {
  const up = parts.result.verdict === "higher";
  const label = lowerFirst(parts.metricLabel);
  const countable = COUNTABLE_UNITS.has(parts.unit);
  const money = MONEY_UNITS.has(parts.unit);
  const direction = countable ? (up ? "more" : "fewer") : money ? (up ? "more" : "less") : up ? "higher" : "lower";
  if (EARNING_UNITS.has(parts.unit)) return `${parts.cellName} earns ${size} ${direction} ${label}`;
  return countable || money ? `${parts.cellName} has ${size} ${direction} ${label}` : `${parts.cellName} has a ${size} ${direction} ${label}`;
}

function replicateText(result: ArmComparison, cellName: string, baseName: string): string {
  const a = result.base.n;
  const b = result.arm.n;
  return a === b ? `${a} replicate${a === 1 ? "" : "s"}` : `${b} replicates of ${cellName}, ${a} of ${baseName}`;
}

/** "Gifted coins" -> "gifted coins", but "ARPPU" stays. */
function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1].toLowerCase() ? text[0].toLowerCase() + text.slice(1) : text;
}
