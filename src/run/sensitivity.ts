/**
 * Global sensitivity analysis of a study over its uncertain constants. The study becomes a
 * plan of its own: the two cells compared (the first two arms at the first sweep point, or
 * the first two sweep points of a one-arm study), whose replicates are the points of a
 * Saltelli or Morris design (uncertainty.ts's WorldDesign), each run `replicatesPerPoint`
 * times with the seeds of replicates 0.. — the same seeds at every point, so points differ by
 * their constants, not their luck, and a constant the study never reads changes nothing. That
 * plan runs like any other (runPlan: the pool, the checkpoint, resume), so its outputs are a
 * pure function of (scenario, seed, design, version) and invariant to workers and resume.
 *
 * The outputs analysed, per design point (means over its replicates): the primary metric in
 * each of the two cells, and the primary lift between them as the log of the ratio of means
 * (heavy tails: a lift of +2000% in one world would otherwise hold most of the variance). Sobol'
 * first-order and total indices (sobolIndices, bootstrap percentile intervals over the N base
 * rows) or Morris mu*, mu and sigma on the unit scale (per whole range) for each.
 */
import { join } from "node:path";
import { errors } from "../errors.js";
import { designLayout, uncertainConstants, withWorlds, type ScenarioPlan, type WorldConstant, type WorldDesign } from "../scenario/index.js";
import { METRIC_INFO, METRIC_NAMES } from "../sim/index.js";
import { morrisDesign, morrisEffects, saltelliDesign, sobolIndices, type MorrisEffect, type SobolIndex } from "../stats/index.js";
import { writeFileAtomic } from "./atomic-file.js";
import { writeCsvTable } from "./csv.js";
import type { ReplicateRecord } from "./record.js";

/** How the constants' influence is measured. */
export type SensitivityMethod = "sobol" | "morris";
export const SENSITIVITY_METHODS: readonly SensitivityMethod[] = ["sobol", "morris"];

/**
 * Default design sizes: Sobol' base samples N (N (k + 2) points) and Morris trajectories r
 * (r (k + 1) points). Sized so the default study over all its constants (k = 110, two cells,
 * one replicate a point) stays well under 15 minutes on two cores (docs/sensitivity.md).
 */
export const DEFAULT_SAMPLES: Readonly<Record<SensitivityMethod, number>> = { sobol: 32, morris: 20 };
/** Morris grid levels. */
const MORRIS_LEVELS = 4;

/** What to analyse. */
export interface SensitivityRequest {
  method: SensitivityMethod;
  /** Sobol' base samples N, or Morris trajectories r. */
  samples: number;
  /** Constants to vary (config paths); default every constant the compared cells share. */
  params?: readonly string[];
  replicatesPerPoint: number;
}

/** The plan that runs the design of `request` over `plan`'s compared cells; throws errors.invalidInput (exit 2) for bad params. */
export function sensitivityPlan(plan: ScenarioPlan, request: SensitivityRequest): ScenarioPlan {
  const { scenario } = plan;
  const compared = scenario.arms.length > 1 ? scenario.cells.filter((cell) => cell.pointIndex === 0).slice(0, 2) : scenario.cells.slice(0, 2);
  const chosen = uncertainConstants(request.params ?? "all", compared.map((cell) => cell.config), "--params");
  if (chosen.problems.length > 0) throw errors.invalidInput("option", chosen.problems);
  if (chosen.constants.length === 0) throw errors.invalidInput("option", [{ path: "--params", value: "all", expected: "at least one constant the compared cells share" }]);
  const design = designOf(request, chosen.constants);
  const cells = compared.map((cell, index) => ({ ...cell, index }));
  const narrowed: ScenarioPlan = {
    ...plan,
    scenario: { ...scenario, cells, base: { arm: cells[0].arm, pointIndex: cells[0].pointIndex } },
    economies: compared.map((cell) => plan.economies[cell.index]),
  };
  const { points, probes } = slotsOf(design);
  return withWorlds(narrowed, design, (points + probes) * request.replicatesPerPoint);
}

function designOf(request: SensitivityRequest, constants: WorldConstant[]): WorldDesign {
  const { samples, replicatesPerPoint } = request;
  return request.method === "sobol"
    ? { kind: "saltelli", constants, baseSamples: samples, replicatesPerPoint }
    : { kind: "morris", constants, trajectories: samples, levels: MORRIS_LEVELS, replicatesPerPoint };
}

/** Replicate slots of a sensitivity design: its points and noise probes. */
function slotsOf(design: WorldDesign): { points: number; probes: number; probeStride: number } {
  const layout = designLayout(design);
  if (layout === undefined) throw new Error("plausible worlds are not a sensitivity design");
  return layout;
}

/** One analysed output: its indices per constant, in the design's constant order. */
export interface SensitivityOutput {
  /** "metric:<arm or cell>", or "lift" (analysed as the log of the ratio). */
  id: string;
  label: string;
  /** Variance of the output over the design's points. */
  variance: number;
  /**
   * The share of that variance the replicates' own luck explains, from the noise probes (each
   * probe's point rerun with other seeds: half the mean squared difference, over the variance).
   * A constant the model reads but that does not move the output gets a total index about this
   * size, so only indices above it are the constant's own. Null when the output did not vary.
   */
  noiseShare: number | null;
  sobol?: SobolIndex[];
  morris?: MorrisEffect[];
}

/** The analysis of a finished sensitivity plan. */
export interface SensitivityResult {
  format: "giftsim-sensitivity/1";
  scenario: string;
  method: SensitivityMethod;
  seed: string;
  samples: number;
  replicatesPerPoint: number;
  points: number;
  metric: string;
  cells: Array<{ arm: string; pointIndex: number; label: string }>;
  constants: WorldConstant[];
  outputs: SensitivityOutput[];
  /** Constants ranked by their influence on the lift (or on the metric with one cell): total index, or mu*; `index` is the constant's position in `constants`. */
  ranking: Array<{ constant: string; value: number; index: number }>;
  /**
   * The constant the lift hinges on most: the first by total index when it is clear of the noise
   * share, else the largest first-order index clear of zero (Sobol'); the first by mu* (Morris);
   * null when none is.
   */
  hinge: string | null;
  sentence: string;
}

/** Analyses the records of a finished sensitivity plan (`plan` as sensitivityPlan made it). */
export function analyseSensitivity(plan: ScenarioPlan, records: readonly ReplicateRecord[]): SensitivityResult {
  const design = plan.scenario.worlds;
  if (design === undefined || design.kind === "plausible" || design.kind === "posterior") throw new Error("analyseSensitivity needs a sensitivity plan");
  const { scenario } = plan;
  const metric = scenario.primary;
  const column = METRIC_NAMES.indexOf(metric as (typeof METRIC_NAMES)[number]);
  const { points, probes, probeStride } = slotsOf(design);
  const perPoint = design.replicatesPerPoint;
  const cellLabel = (cell: (typeof scenario.cells)[number]) => {
    const arm = scenario.arms.find((a) => a.name === cell.arm)?.label ?? cell.arm;
    return scenario.arms.length > 1 ? arm : `${arm} at point ${cell.pointIndex}`;
  };
  // The metric per cell by run slot: slot s holds replicates s * perPoint .. s * perPoint + perPoint - 1.
  const values = scenario.cells.map(() => new Float64Array((points + probes) * perPoint).fill(Number.NaN));
  for (const record of records) values[record.cell][record.replicate] = record.metrics[column];
  const slotMean = (cell: number, slot: number) => mean(Array.from(values[cell].subarray(slot * perPoint, (slot + 1) * perPoint)));
  const metricLabel = METRIC_INFO[metric as (typeof METRIC_NAMES)[number]]?.label ?? metric;
  const series: Array<{ id: string; label: string; at: (slot: number) => number }> = scenario.cells.map((cell, c) => ({
    id: `metric:${cell.arm}${scenario.arms.length > 1 ? "" : `@${cell.pointIndex}`}`,
    label: `${metricLabel}, ${cellLabel(cell)}`,
    at: (slot: number) => slotMean(c, slot),
  }));
  if (scenario.cells.length === 2) {
    // The lift as the log of the ratio of a point's means: a multiplicative effect made additive, so a few worlds with a tiny base cannot dominate its variance.
    series.push({ id: "lift", label: `${metricLabel}: ${cellLabel(scenario.cells[1])} against ${cellLabel(scenario.cells[0])} (log of the ratio)`, at: (slot) => Math.log(slotMean(1, slot) / slotMean(0, slot)) });
  }
  const outputs = series.map(({ id, label, at }): SensitivityOutput => {
    const y = Float64Array.from({ length: points }, (_, point) => at(point));
    let squares = 0;
    for (let j = 0; j < probes; j++) squares += (at(points + j) - y[j * probeStride]) ** 2;
    const total = variance(Array.from(y));
    const noiseShare = total > 0 && Number.isFinite(squares) ? squares / probes / 2 / total : null;
    const output: SensitivityOutput = { id, label, variance: total, noiseShare };
    if (!y.every(Number.isFinite)) {
      // A point where the output is undefined (a lift over a base of 0): no index can be read.
      const none = Number.NaN;
      if (design.kind === "saltelli") output.sobol = design.constants.map(() => ({ firstOrder: none, firstOrderLow: none, firstOrderHigh: none, total: none, totalLow: none, totalHigh: none }));
      else output.morris = design.constants.map(() => ({ mu: none, muStar: none, sigma: none }));
    } else if (design.kind === "saltelli") {
      const unit = saltelliDesign({ baseSamples: design.baseSamples, ranges: design.constants.map(() => [0, 1] as const) });
      output.sobol = sobolIndices(unit, y, { seed: `giftsim/sensitivity/1/${plan.seed}/${id}` });
    } else {
      const unit = morrisDesign({ ranges: design.constants.map(() => [0, 1] as const), trajectories: design.trajectories, levels: design.levels, seed: `giftsim/morris/1/${plan.seed}` });
      output.morris = morrisEffects(unit, y);
    }
    return output;
  });
  const focus = outputs[outputs.length - 1];
  const influence = (i: number) => (focus.sobol !== undefined ? focus.sobol[i].total : (focus.morris?.[i].muStar ?? Number.NaN));
  const ranking = design.constants
    .map((constant, i) => ({ constant: constant.path, value: influence(i), index: i }))
    .sort((a, b) => (Number.isFinite(b.value) ? b.value : -Infinity) - (Number.isFinite(a.value) ? a.value : -Infinity) || a.constant.localeCompare(b.constant));
  return {
    format: "giftsim-sensitivity/1",
    scenario: scenario.name,
    method: design.kind === "saltelli" ? "sobol" : "morris",
    seed: plan.seed,
    samples: design.kind === "saltelli" ? design.baseSamples : design.trajectories,
    replicatesPerPoint: perPoint,
    points,
    metric,
    cells: scenario.cells.map((cell) => ({ arm: cell.arm, pointIndex: cell.pointIndex, label: cellLabel(cell) })),
    constants: design.constants,
    outputs,
    ranking,
    ...hinge(focus, ranking, design.kind === "saltelli", design.constants),
  };
}

/** Total indices below this are read as "does not matter" in the sentence. */
const NEGLIGIBLE_TOTAL = 0.05;
/** Constants named in the sentence at most. */
const NAMED = 3;

/**
 * "The lift ... hinges most on a (total index 0.41), b (0.18) and c (0.07).", and the hinge.
 * Total indices carry the replicate noise (about the noise share each, for every constant the
 * model reads); first-order indices do not (the noise averages out of their estimator). So when
 * the totals' head is not clear of the noise, the constant with the largest first-order index
 * whose interval clears zero is named as what the answer hinges on, if there is one.
 */
function hinge(focus: SensitivityOutput, ranking: SensitivityResult["ranking"], sobol: boolean, constants: readonly WorldConstant[]): { hinge: string | null; sentence: string } {
  // A constant read but inert gets a total index about the noise share: only those above it are named.
  const floor = Math.max(NEGLIGIBLE_TOTAL, focus.noiseShare ?? 0);
  const shown = ranking.filter((entry) => Number.isFinite(entry.value) && (!sobol || entry.value > floor)).slice(0, NAMED);
  const subject = focus.id === "lift" ? `The lift (${focus.label})` : focus.label;
  const noise = focus.noiseShare === null ? "" : ` Replicate noise is ${Math.round(focus.noiseShare * 100)}% of its variance over the design.`;
  const clearAlone = (focus.sobol ?? []).map((index, i) => ({ ...index, constant: constants[i].path })).filter((index) => index.firstOrderLow > 0);
  const alone = clearAlone.sort((a, b) => b.firstOrder - a.firstOrder)[0];
  const aloneText =
    alone === undefined
      ? ""
      : ` Alone, ${alone.constant} explains the most of it (first-order index ${alone.firstOrder.toPrecision(2)}, 95% CI ${alone.firstOrderLow.toPrecision(2)} to ${alone.firstOrderHigh.toPrecision(2)}; ${clearAlone.length} of ${constants.length} first-order intervals clear zero).`;
  if (shown.length === 0) {
    return { hinge: alone?.constant ?? null, sentence: `${subject} hinges on none of the constants varied through its total index: none clears ${floor.toPrecision(2)} (the larger of ${NEGLIGIBLE_TOTAL} and the noise share).${noise}${aloneText}` };
  }
  const figure = sobol ? "total index" : "mu*";
  const named = shown.map((entry, i) => `${entry.constant} (${i === 0 ? `${figure} ` : ""}${entry.value.toPrecision(2)})`);
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}`;
  // The first constant's interval reaching down to the noise share means the ranking's head is not yet told apart from luck.
  const first = sobol ? focus.sobol?.[shown[0].index] : undefined;
  const unclear = first !== undefined && focus.noiseShare !== null && first.totalLow <= focus.noiseShare;
  if (!unclear) return { hinge: shown[0].constant, sentence: `${subject} hinges most on ${list}.${noise}` };
  return {
    hinge: alone?.constant ?? null,
    sentence: `${subject}: the largest total indices are ${list}, but not yet clear of the replicate noise (${Math.round((focus.noiseShare ?? 0) * 100)}% of its variance over the design; the first one's interval reaches down to it: more --samples or --replicates-per-point would separate them).${aloneText}`,
  };
}

/** Writes sensitivity.json and sensitivity.csv into `dir`; returns the file names. */
export function writeSensitivity(dir: string, result: SensitivityResult): string[] {
  writeFileAtomic(join(dir, "sensitivity.json"), `${JSON.stringify(result, null, 2)}\n`);
  const sobol = result.method === "sobol";
  const figures = sobol ? ["firstOrder", "firstOrderLow", "firstOrderHigh", "total", "totalLow", "totalHigh"] : ["muStar", "mu", "sigma"];
  writeCsvTable(join(dir, "sensitivity.csv"), {
    columns: [
      { name: "output", type: "STRING" },
      { name: "constant", type: "STRING" },
      { name: "low", type: "DOUBLE" },
      { name: "high", type: "DOUBLE" },
      ...figures.map((name) => ({ name, type: "DOUBLE" as const })),
    ],
    *rows() {
      for (const output of result.outputs) {
        for (const [i, constant] of result.constants.entries()) {
          const entry = (sobol ? output.sobol?.[i] : output.morris?.[i]) as unknown as Record<string, number>;
          yield [output.id, constant.path, constant.low, constant.high, ...figures.map((name) => entry[name])];
        }
      }
    },
  });
  return ["sensitivity.json", "sensitivity.csv"];
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Population variance (the indices' V is over the design's points as they are). */
function variance(values: readonly number[]): number {
  const m = mean(values);
  return values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length;
}
