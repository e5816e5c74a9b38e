/**
 * The answer across plausible worlds: read from the `worlds/` run folder that `giftsim run
 * --uncertainty` writes beside the run at the stated values. Each replicate there lived in
 * its own world (every uncertain constant drawn from its range), its arms paired inside it, so
 * per comparison of the primary metric: the share of worlds in which each arm came out ahead
 * (Wilson 95% interval over worlds) and the spread of the lift over worlds (P5, median, P95 of
 * the per-world ratio). One replicate per world, so the spread holds a replicate's own luck as
 * well as the constants' uncertainty: it is what a creator could see in one month under any
 * assumption the ranges allow.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { quantileSorted, winProbability, type WinProbability } from "../stats/index.js";
import { comparisonPairs, metricsOfInterest, pairedValues } from "./comparisons.js";
import { formatPercent } from "./format.js";
import { readRunFolder } from "./read-run-folder.js";
import { cellLabel, type ReportCell, type ReportData } from "./report-data.js";

/** The folder inside a run folder that holds its plausible-worlds run. */
export const WORLDS_FOLDER = "worlds";

/** One comparison of the primary metric across worlds. */
export interface WorldsComparison {
  metric: string;
  baseLabel: string;
  cellLabel: string;
  worlds: number;
  /** Share of worlds in which the cell's value is above the base's (ties half). */
  cellAhead: WinProbability;
  /** The metric's better direction (undefined when it has none): below is ahead when lower is better. */
  higherIsBetter: boolean | undefined;
  /** The per-world lift (cell / base - 1): P5, median and P95; null without worlds where the base is non-zero. */
  lift: { p5: number; median: number; p95: number } | null;
  sentence: string;
}

/** What the worlds run of folder `dir` says, or null when the folder has none. */
export interface WorldsAnswer {
  /** Constants each world drew. */
  constants: number;
  comparisons: WorldsComparison[];
}

/** The worlds answer of run folder `dir`, or null when it holds no finished worlds run. */
export function readWorldsAnswer(dir: string): WorldsAnswer | null {
  const worldsDir = join(dir, WORLDS_FOLDER);
  if (!existsSync(join(worldsDir, "manifest.json"))) return null;
  return worldsAnswer(readRunFolder(worldsDir), constantCount(worldsDir));
}

/** The comparisons of the primary metric over the worlds of `data` (a worlds run folder's data). */
export function worldsAnswer(data: ReportData, constants: number): WorldsAnswer {
  const [metric] = metricsOfInterest(data);
  if (metric === undefined) return { constants, comparisons: [] };
  const label = data.metricInfo[metric]?.label ?? metric;
  const armsCompared = data.scenario.arms.length > 1;
  const nameOf = (cell: ReportCell) => (armsCompared ? cell.armLabel : cellLabel(cell.armLabel, cell.point, 1));
  const comparisons = comparisonPairs(data).map(([base, cell]): WorldsComparison => {
    const [x, y] = pairedValues(data, metric, base, cell);
    const cellAhead = winProbability(x, y);
    const lifts = x.flatMap((value, i) => (value !== 0 && Number.isFinite(value) && Number.isFinite(y[i]) ? [y[i] / value - 1] : [])).sort((a, b) => a - b);
    const lift = lifts.length === 0 ? null : { p5: quantileSorted(lifts, 0.05), median: quantileSorted(lifts, 0.5), p95: quantileSorted(lifts, 0.95) };
    const comparison = { metric, baseLabel: nameOf(base), cellLabel: nameOf(cell), worlds: cellAhead.pairs, cellAhead, higherIsBetter: data.metricInfo[metric]?.higherIsBetter, lift };
    return { ...comparison, sentence: worldsSentence(comparison, label, constants) };
  });
  return { constants, comparisons };
}

/** "Across 150 plausible worlds (110 constants drawn from their ranges), Q&A nights earned more ... in 88% of worlds ...". */
function worldsSentence(c: Omit<WorldsComparison, "sentence">, metricLabel: string, constants: number): string {
  const where = `Across ${c.worlds} plausible worlds (${constants} constant${constants === 1 ? "" : "s"} drawn from ${constants === 1 ? "its range" : "their ranges"})`;
  const lead = worldsLead(c);
  if (lead === null) return `${where}: no world measured ${metricLabel.toLowerCase()} in both.`;
  const { leader, other, share: leadShare, low, high } = lead;
  const verb = c.higherIsBetter === undefined ? "came out higher than" : "did better than";
  const lift =
    c.lift === null
      ? ""
      : `; ${c.cellLabel} against ${c.baseLabel}: median ${formatPercent(c.lift.median, true)}, from ${formatPercent(c.lift.p5, true)} to ${formatPercent(c.lift.p95, true)} (P5 to P95 over worlds)`;
  return `${where}: ${leader} ${verb} ${other} on ${metricLabel.toLowerCase()} in ${formatPercent(leadShare)} of worlds (95% CI ${formatPercent(low)} to ${formatPercent(high)})${lift}.`;
}

/**
 * The side that did better in most worlds (above the other, or below where lower is better),
 * with its share of worlds and that share's 95% interval; null without worlds measured in both.
 */
export function worldsLead(c: Pick<WorldsComparison, "cellAhead" | "higherIsBetter" | "baseLabel" | "cellLabel">): { leader: string; other: string; share: number; low: number; high: number } | null {
  const { probability, ci95Low, ci95High } = c.cellAhead;
  if (probability === null || ci95Low === null || ci95High === null) return null;
  const flip = c.higherIsBetter === false;
  const cellShare = flip ? 1 - probability : probability;
  const [cellLow, cellHigh] = flip ? [1 - ci95High, 1 - ci95Low] : [ci95Low, ci95High];
  return cellShare >= 0.5
    ? { leader: c.cellLabel, other: c.baseLabel, share: cellShare, low: cellLow, high: cellHigh }
    : { leader: c.baseLabel, other: c.cellLabel, share: 1 - cellShare, low: 1 - cellHigh, high: 1 - cellLow };
}

/** Constants the worlds run drew, from its manifest's resolved scenario. */
function constantCount(worldsDir: string): number {
  const manifest = JSON.parse(readFileSync(join(worldsDir, "manifest.json"), "utf8")) as { scenario?: { resolved?: { worlds?: { constants?: unknown[] } } } };
  return manifest.scenario?.resolved?.worlds?.constants?.length ?? 0;
}
