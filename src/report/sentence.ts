/**
 * The plain sentence under each comparison, e.g. "Gifted coins per live hour: 23% more with
 * Challenge nights (1,520) than with Q&A nights (1,236) (95% CI +18% to +28%, p < 0.001, 150
 * replicates each)". The metric leads and the arms follow "with", so the sentence reads right
 * whatever an arm's label is (a plural "Challenge nights", a singular "YouTube Super Chat") and
 * whatever the metric (viewers spend, creators earn, shares rise): no verb has to agree with a
 * label. Shares differ in percentage points, other metrics by their relative lift. Whether there
 * is a difference is the interval's call: one that spans zero reads "no clear difference".
 */
import type { ArmComparison } from "../stats/index.js";
import { countOf, formatP, formatPercent, formatPercentInterval, formatPoints, formatPointsInterval, formatValue } from "./format.js";

/** What a sentence is made of; names and labels are plain text (escaped where rendered). */
export interface SentenceParts {
  metricLabel: string;
  unit: string;
  baseName: string;
  cellName: string;
  result: ArmComparison;
  /** Appended to the arms, e.g. " at creator share 60%"; empty when there is nothing to add. */
  context?: string;
}

/** Units whose amounts are counted ("more"/"fewer"); money and time are "more"/"less"; the rest "higher"/"lower". */
const COUNTABLE_UNITS = new Set(["coins", "coins/hour", "diamonds", "count"]);
const AMOUNT_UNITS = new Set(["micro-USD", "hours", "minutes", "days"]);

/** The sentence for one comparison. */
export function comparisonSentence(parts: SentenceParts): string {
  const { result, baseName, cellName, unit } = parts;
  const context = parts.context ?? "";
  const replicates = replicateText(result, cellName, baseName);
  const cell = `${cellName} (${formatValue(result.arm.mean, unit)})`;
  const base = `${baseName} (${formatValue(result.base.mean, unit)})`;
  if (result.verdict === "not enough data" || result.test === null) {
    return `${parts.metricLabel}: not enough replicates to compare ${cellName} and ${baseName}${context} (${replicates}).`;
  }
  const p = formatP(result.test.p);
  const size = sizeOf(parts);
  if (result.verdict === "no clear difference") {
    return `${parts.metricLabel}: no clear difference between ${cell} and ${base}${context} (${size.name} ${size.signed}, 95% CI ${size.ci}, ${p}, ${replicates}).`;
  }
  return `${parts.metricLabel}: ${size.unsigned} ${direction(parts)} with ${cell} than with ${base}${context} (95% CI ${size.ci}, ${p}, ${replicates}).`;
}

/** How big the difference is: shares in percentage points, others as a lift, or in units when the lift has no bounded interval. */
function sizeOf(parts: SentenceParts): { name: string; signed: string; unsigned: string; ci: string } {
  const r = parts.result;
  const difference = r.difference ?? 0;
  if (parts.unit === "share" && r.differenceCi95Low !== null && r.differenceCi95High !== null) {
    const [low, high] = formatPointsInterval(r.differenceCi95Low, r.differenceCi95High, true);
    return { name: "difference", signed: `${formatPoints(difference, true)} percentage points`, unsigned: `${formatPoints(Math.abs(difference))} percentage points`, ci: `${low} to ${high} points` };
  }
  if (r.lift !== null && r.liftCi95Low !== null && r.liftCi95High !== null) {
    const [low, high] = formatPercentInterval(r.liftCi95Low, r.liftCi95High, true);
    return { name: "lift", signed: formatPercent(r.lift, true), unsigned: formatPercent(Math.abs(r.lift)), ci: `${low} to ${high}` };
  }
  // The base mean is zero or too uncertain for a bounded ratio: state the difference in units.
  return {
    name: "difference",
    signed: formatValue(difference, parts.unit),
    unsigned: formatValue(Math.abs(difference), parts.unit),
    ci: `${formatValue(r.differenceCi95Low, parts.unit)} to ${formatValue(r.differenceCi95High, parts.unit)}`,
  };
}

function direction(parts: SentenceParts): string {
  const up = parts.result.verdict === "higher";
  if (COUNTABLE_UNITS.has(parts.unit)) return up ? "more" : "fewer";
  if (AMOUNT_UNITS.has(parts.unit)) return up ? "more" : "less";
  return up ? "higher" : "lower";
}

function replicateText(result: ArmComparison, cellName: string, baseName: string): string {
  const a = result.base.n;
  const b = result.arm.n;
  return a === b ? `${countOf(a, "replicate")} each` : `${countOf(b, "replicate")} of ${cellName}, ${a} of ${baseName}`;
}
