/**
 * The plain sentence under each comparison, e.g. "Gifted coins per live hour: 23% more with
 * Challenge nights (1,520) than with Q&A nights (1,236) (95% CI +18% to +28%, p < 0.001, 150
 * replicates each)". The metric leads and the arms follow "with", so the sentence reads right
 * whatever an arm's label is (a plural "Challenge nights", a singular "YouTube Super Chat") and
 * whatever the metric (viewers spend, creators earn, shares rise): no verb has to agree with a
 * label. Shares differ in percentage points, other metrics by their relative lift. Whether there
 * is a difference is the interval's call: one that spans zero reads "no clear difference".
 */
import type { ArmComparison, PAdjustMethod, PairedBootstrap, PairedEffect, Verdict, WinProbability } from "../stats/index.js";
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
  /** The verdict after multiplicity adjustment; the result's own when absent. */
  verdict?: Verdict;
  /** The p-value adjusted within a family of `familySize` (said only when the family has more than one). */
  adjustedP?: number | null;
  familySize?: number;
  family?: "primary" | "secondary";
  adjustment?: PAdjustMethod;
}

/** How an adjustment is named in a sentence. */
const ADJUSTMENT_NAMES: Record<PAdjustMethod, string> = { holm: "Holm", bh: "Benjamini-Hochberg" };

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
  const verdict = parts.verdict ?? result.verdict;
  if (verdict === "not enough data" || result.test === null) {
    return `${parts.metricLabel}: not enough replicates to compare ${cellName} and ${baseName}${context} (${replicates}).`;
  }
  const p = formatP(result.test.p) + adjustedText(parts);
  const size = sizeOf(parts);
  if (verdict === "no clear difference") {
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

/** ", Holm-adjusted p = 0.21 over 23 secondary comparisons" when the family has more than one member. */
function adjustedText(parts: SentenceParts): string {
  if (parts.adjustedP === undefined || parts.adjustedP === null || (parts.familySize ?? 1) <= 1) return "";
  const name = ADJUSTMENT_NAMES[parts.adjustment ?? "holm"];
  return `, ${name}-adjusted ${formatP(parts.adjustedP)} over ${parts.familySize} ${parts.family ?? "secondary"} comparisons`;
}

function direction(parts: SentenceParts): string {
  const up = (parts.verdict ?? parts.result.verdict) === "higher";
  if (COUNTABLE_UNITS.has(parts.unit)) return up ? "more" : "fewer";
  if (AMOUNT_UNITS.has(parts.unit)) return up ? "more" : "less";
  return up ? "higher" : "lower";
}

function replicateText(result: ArmComparison, cellName: string, baseName: string): string {
  const a = result.base.n;
  const b = result.arm.n;
  return a === b ? `${countOf(a, "replicate")} each` : `${countOf(b, "replicate")} of ${cellName}, ${a} of ${baseName}`;
}

/** What the paired sentence is made of. */
export interface PairedSentenceParts {
  unit: string;
  baseName: string;
  cellName: string;
  context?: string;
  bootstrap: PairedBootstrap;
  win: WinProbability;
  /** The metric's better direction; undefined when it has none. */
  higherIsBetter: boolean | undefined;
}

/**
 * The paired view of a comparison, e.g. "Paired replicates: Q&A nights did better in 81% of 150
 * pairs (95% CI 74% to 86%); Challenge nights against Q&A nights: median −24% (95% CI −30% to
 * −12%), 20% trimmed mean −22% (...), mean −23% (...), paired bootstrap 95% CIs." The side that
 * did better more often leads; the verb is past tense ("did", "came out"), so it reads right for
 * any label.
 */
export function pairedSentence(parts: PairedSentenceParts): string {
  const { win, bootstrap, unit } = parts;
  const context = parts.context ?? "";
  if (win.probability === null || bootstrap.pairs < 2) return `Paired replicates: too few pairs of ${parts.cellName} and ${parts.baseName}${context} to compare.`;
  // The cell's share of pairs won: above the base, or below it where lower is better.
  const flip = parts.higherIsBetter === false;
  const cellShare = flip ? 1 - win.probability : win.probability;
  const cellLow = flip ? 1 - (win.ci95High ?? 1) : (win.ci95Low ?? 0);
  const cellHigh = flip ? 1 - (win.ci95Low ?? 0) : (win.ci95High ?? 1);
  const cellLeads = cellShare >= 0.5;
  const [leader, share, low, high] = cellLeads ? [parts.cellName, cellShare, cellLow, cellHigh] : [parts.baseName, 1 - cellShare, 1 - cellHigh, 1 - cellLow];
  const verb = parts.higherIsBetter === undefined ? "came out higher" : "did better";
  const shareText = `${formatPercent(share, false, 0)} of ${countOf(bootstrap.pairs, "pair")} (95% CI ${formatPercent(low, false, 0)} to ${formatPercent(high, false, 0)})`;
  const trim = `${formatPercent(bootstrap.trim, false, 0)} trimmed mean`;
  const effects = [`median ${effectText(bootstrap.median, unit)}`, `${trim} ${effectText(bootstrap.trimmedMean, unit)}`, `mean ${effectText(bootstrap.mean, unit)}`];
  return `Paired replicates${context}: ${leader} ${verb} in ${shareText}; ${parts.cellName} against ${parts.baseName}: ${effects.join(", ")}, paired bootstrap 95% CIs.`;
}

/** "+24% (95% CI +12% to +30%)": a lift, or for shares (and a zero base) the difference, with its interval. */
export function effectText(effect: PairedEffect, unit: string): string {
  const useLift = unit !== "share" && effect.lift.estimate !== null;
  const e = useLift ? effect.lift : effect.difference;
  if (e.estimate === null) return "–";
  const value = useLift ? formatPercent(e.estimate, true) : unit === "share" ? `${formatPoints(e.estimate, true)} points` : formatSigned(e.estimate, unit);
  if (e.low === null || e.high === null) return `${value} (interval unbounded)`;
  const ci = useLift
    ? formatPercentInterval(e.low, e.high, true).join(" to ")
    : unit === "share"
      ? formatPointsInterval(e.low, e.high, true).join(" to ")
      : `${formatSigned(e.low, unit)} to ${formatSigned(e.high, unit)}`;
  return `${value} (95% CI ${ci})`;
}

function formatSigned(value: number, unit: string): string {
  return value > 0 ? `+${formatValue(value, unit)}` : formatValue(value, unit);
}
