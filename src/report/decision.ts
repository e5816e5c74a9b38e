/**
 * The decision in one sentence, as a creator would read it: which side did better in how many
 * paired runs, by how much (the median lift, the leader's over the other, with its paired
 * bootstrap interval), across plausible assumptions in how many worlds (when the folder has a
 * worlds run), and what the answer hinges on most (when it has a sensitivity analysis), e.g.
 *
 *   Q&A nights did better on gifted coins per live hour in 81% of paired 4-week runs, median +24%
 *   over Challenge nights (95% CI +12% to +30%); across plausible assumptions Q&A nights did better in 67% of
 *   150 worlds; the answer hinges most on formats.challenge.sizeTilt.
 *
 * Every verb is in the past tense ("did better", "came out higher"), so the sentence reads right
 * for a singular or plural label alike.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PairedEffect } from "../stats/index.js";
import { metricsOfInterest, type Comparison } from "./comparisons.js";
import type { ReportData } from "./report-data.js";
import { formatPercent, formatPercentInterval } from "./format.js";
import { worldsLead, type WorldsAnswer, type WorldsComparison } from "./worlds-answer.js";

/** The folder inside a run folder where `giftsim sensitivity --out DIR/sensitivity` puts its analysis for the report to name. */
export const SENSITIVITY_FOLDER = "sensitivity";

/** The constant a sensitivity analysis in `DIR/sensitivity/` of the same scenario says the lift hinges on most, if any. */
export function readHinge(dir: string, scenario: string): string | undefined {
  const file = join(dir, SENSITIVITY_FOLDER, "sensitivity.json");
  if (!existsSync(file)) return undefined;
  const result = JSON.parse(readFileSync(file, "utf8")) as { scenario?: string; hinge?: string | null };
  return result.scenario === scenario && typeof result.hinge === "string" ? result.hinge : undefined;
}

/** The decision sentence of a report: its first primary comparison, with the worlds' answer for the same pair and the hinge. */
export function reportDecision(data: ReportData, comparisons: readonly Comparison[], worlds: WorldsAnswer | null, hinge: string | undefined): string | null {
  const [headline] = metricsOfInterest(data);
  const first = comparisons.find((c) => c.metric === headline);
  if (first === undefined) return null;
  const inWorlds = worlds?.comparisons.find((c) => c.metric === first.metric && c.baseLabel === first.baseName && c.cellLabel === first.cellName);
  return decisionSentence(first, { worlds: inWorlds, hinge, horizonWeeks: first.cell.horizonWeeks, higherIsBetter: data.metricInfo[first.metric]?.higherIsBetter });
}

/** What the decision sentence is made of besides the comparison at the stated values. */
export interface DecisionContext {
  /** The same comparison across plausible worlds, if the folder has them. */
  worlds?: WorldsComparison;
  /** The constant the answer hinges on most (a sensitivity analysis' first), if known. */
  hinge?: string;
  /** Weeks one replicate covers, to call a replicate what it is ("4-week run"). */
  horizonWeeks: number | null;
  /** The metric's better direction; undefined when it has none. */
  higherIsBetter: boolean | undefined;
}

/** The decision sentence for `comparison` (the primary metric against the base), or null without paired replicates. */
export function decisionSentence(comparison: Comparison, context: DecisionContext): string | null {
  const paired = comparison.paired;
  if (paired === null || paired.win.probability === null) return null;
  const lead = worldsLead({ cellAhead: paired.win, higherIsBetter: context.higherIsBetter, baseLabel: comparison.baseName, cellLabel: comparison.cellName });
  if (lead === null) return null;
  const verb = context.higherIsBetter === undefined ? "came out higher" : "did better";
  const runs = context.horizonWeeks === null ? "paired replicates" : `paired ${context.horizonWeeks}-week runs`;
  const other = lead.leader === comparison.cellName ? comparison.baseName : comparison.cellName;
  const median = medianText(paired.bootstrap.median, lead.leader === comparison.cellName, other);
  const metric = `${comparison.metricLabel.toLowerCase()}${comparison.context}`;
  // An even split has no leader: both are named, so no side reads as the winner.
  const head = lead.share === 0.5 ? `${comparison.cellName} and ${comparison.baseName} each ${verb} on ${metric} in half of ${runs}` : `${lead.leader} ${verb} on ${metric} in ${formatPercent(lead.share, false, 0)} of ${runs}${median}`;
  const parts = [head];
  const worlds = context.worlds === undefined ? null : worldsLead(context.worlds);
  if (context.worlds !== undefined && worlds !== null) parts.push(`across plausible assumptions ${worlds.leader} ${verb} in ${formatPercent(worlds.share, false, 0)} of ${context.worlds.worlds} worlds`);
  if (context.hinge !== undefined) parts.push(`the answer hinges most on ${context.hinge}`);
  return `${parts.join("; ")}.`;
}

/**
 * ", median +24% over Challenge nights (95% CI +12% to +30%)": the leader's median lift over
 * the other (the cell's lift inverted when the base leads). Its sign may disagree with the
 * share of runs won (a few large wins against many small losses), and then says so by itself.
 */
function medianText(median: PairedEffect, cellLeads: boolean, other: string): string {
  const { estimate, low, high } = median.lift;
  if (estimate === null) return "";
  const invert = (lift: number) => 1 / (1 + lift) - 1;
  const value = cellLeads ? estimate : invert(estimate);
  if (low === null || high === null) return `, median ${formatPercent(value, true)} over ${other}`;
  // Inverting a ratio turns its interval around.
  const [from, to] = cellLeads ? [low, high] : [invert(high), invert(low)];
  const [lowText, highText] = formatPercentInterval(from, to, true);
  return `, median ${formatPercent(value, true)} over ${other} (95% CI ${lowText} to ${highText})`;
}
