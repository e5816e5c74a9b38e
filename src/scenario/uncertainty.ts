/**
 * Model uncertainty as a plan carries it: which behavioural constants (src/sim/constants.ts)
 * each replicate draws from its plausible range instead of taking its stated value, and by
 * which design. A "world" is one set of drawn values; every cell of a replicate lives in the
 * same world, so arms stay paired inside it.
 *
 * A constant whose value differs between the plan's cells (an arm or a sweep sets it) is the
 * study's question, not an uncertainty: `constants: all` leaves it out, and naming it is an
 * error. Everything else in the table is drawn; what the scenario file sets for it is replaced
 * by the world's value (the file's value is the stated default, the range the plausible ones).
 */
import type { Problem } from "../errors.js";
import { CONSTANT_PATHS, MODEL_CONSTANTS, constantAt, type SimConfig } from "../sim/index.js";

/** A constant a world draws: its config path and the range its value is drawn from. */
export interface WorldConstant {
  path: string;
  low: number;
  high: number;
  /** Whole numbers only: drawn uniformly over low..high. */
  integer: boolean;
}

/**
 * How a plan's replicates map to worlds. `plausible`: replicate r lives in world r, point r of
 * the Sobol' sequence over the constants shifted by a seed-derived offset. `saltelli` and
 * `morris`: the design points of a sensitivity analysis, each run `replicatesPerPoint` times
 * with the seeds of replicates 0.. (the same seeds at every point, so points differ by their
 * constants, not their luck); replicate r is point floor(r / replicatesPerPoint). `posterior`:
 * replicate r lives in a particle of a calibration's posterior (giftsim calibrate), drawn by
 * weight from a stream keyed by the seed and r; `values` holds the particles row by row in the
 * constants' order, `fit` the sha256 of the posterior file they were read from.
 */
export type WorldDesign =
  | { kind: "plausible"; constants: WorldConstant[] }
  | { kind: "saltelli"; constants: WorldConstant[]; baseSamples: number; replicatesPerPoint: number }
  | { kind: "morris"; constants: WorldConstant[]; trajectories: number; levels: number; replicatesPerPoint: number }
  | { kind: "posterior"; constants: WorldConstant[]; values: number[]; weights: number[]; fit: string };

/** Which constants a study draws: every one it does not vary, or the listed paths. */
export type UncertainConstants = "all" | readonly string[];

/**
 * The constants `wanted` names, as WorldConstants with their table ranges, for a plan whose
 * cells have `configs`; or the problems with the list (reported at `field`, e.g.
 * "uncertainty.constants" or "--uncertainty"). `all` leaves out constants the cells differ in.
 */
export function uncertainConstants(wanted: UncertainConstants, configs: readonly SimConfig[], field: string): { constants: WorldConstant[]; problems: Problem[] } {
  const varied = new Set(CONSTANT_PATHS.filter((path) => configs.some((config) => constantAt(config, path) !== constantAt(configs[0], path))));
  const problems: Problem[] = [];
  if (wanted !== "all") {
    const seen = new Set<string>();
    wanted.forEach((path, i) => {
      const at = `${field}[${i}]`;
      if (!CONSTANT_PATHS.includes(path)) problems.push({ path: at, value: path, expected: `a constant of the model's table (docs/model.md), one of: ${CONSTANT_PATHS.join(", ")}` });
      else if (varied.has(path)) problems.push({ path: at, value: path, expected: "a constant the arms and the sweep leave alone (this one differs between the study's cells, so it is what the study compares)" });
      else if (seen.has(path)) problems.push({ path: at, value: path, expected: "each constant once" });
      seen.add(path);
    });
  }
  const chosen = wanted === "all" ? CONSTANT_PATHS.filter((path) => !varied.has(path)) : wanted;
  const constants = problems.length > 0 ? [] : MODEL_CONSTANTS.filter((c) => chosen.includes(c.path)).map((c) => ({ path: c.path, low: c.range[0], high: c.range[1], integer: c.integer }));
  return { constants, problems };
}

/** The value of `constant` at u in [0, 1): uniform over its range (over its whole numbers when integer). */
export function constantValue(constant: WorldConstant, u: number): number {
  const { low, high } = constant;
  if (!constant.integer) return low + (high - low) * u;
  return Math.min(high, Math.floor(low + (high - low + 1) * u));
}

/**
 * How a sensitivity design's points are laid out: the `points` the estimator reads, then one
 * noise probe per row (Saltelli: each row of A; Morris: each trajectory's start) run again
 * with other seeds (replicates R..2R-1), `probeStride` apart among the points, so the analysis
 * can tell how much of the output's variance is the replicates' own luck. Undefined for
 * plausible and posterior worlds, which have one world per replicate and no layout of their own.
 */
export function designLayout(design: WorldDesign): { points: number; probes: number; probeStride: number } | undefined {
  const k = design.constants.length;
  switch (design.kind) {
    case "plausible":
    case "posterior":
      return undefined;
    case "saltelli":
      return { points: design.baseSamples * (k + 2), probes: design.baseSamples, probeStride: 1 };
    case "morris":
      return { points: design.trajectories * (k + 1), probes: design.trajectories, probeStride: k + 1 };
  }
}
