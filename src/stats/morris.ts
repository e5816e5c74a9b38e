/**
 * Morris elementary effects for screening (Morris 1991, with Campolongo et al. 2007's mu*): r
 * trajectories through a p-level grid of the unit cube, each moving one input at a time by
 * Delta = p / (2 (p - 1)) in a random order and direction, so k + 1 runs give one elementary
 * effect per input, EE_i = (f(x + Delta e_i) - f(x)) / Delta on the unit scale (per whole range,
 * so inputs of different units compare). Per input: mu (mean EE), mu* (mean |EE|: overall
 * influence, which signs cannot cancel) and sigma (standard deviation of EE: non-linearity or
 * interactions). r (k + 1) runs in all, far fewer than Sobol' needs, to find which inputs matter.
 */
import seedrandom from "seedrandom";
import { errors } from "../errors.js";
import type { InputRange } from "./saltelli.js";

export interface MorrisOptions {
  ranges: readonly InputRange[];
  /** r, the number of trajectories (10 to 50 is usual). */
  trajectories: number;
  /** p, the grid levels (even; default 4). */
  levels?: number;
  /** Seed of the stream that places the trajectories. */
  seed: string;
}

/** A Morris design: r trajectories of k + 1 points each, in run order. */
export interface MorrisDesign {
  dimensions: number;
  levels: number;
  /** The step on the unit scale, p / (2 (p - 1)). */
  delta: number;
  /** r (k + 1) points, trajectory by trajectory, each k input values inside their ranges. */
  points: Float64Array[];
  /** Per trajectory, which input each step moves (step m goes from point m to m + 1) and by +Delta or -Delta (+1 / -1). */
  steps: Array<Array<{ input: number; sign: 1 | -1 }>>;
}

/** One input's screening figures. */
export interface MorrisEffect {
  mu: number;
  muStar: number;
  /** Sample standard deviation (r - 1) of the elementary effects; NaN with one trajectory. */
  sigma: number;
}

/** The Morris design for `options.ranges`. */
export function morrisDesign(options: MorrisOptions): MorrisDesign {
  const { ranges, trajectories } = options;
  const levels = options.levels ?? 4;
  const k = ranges.length;
  if (!Number.isInteger(trajectories) || trajectories < 1) throw errors.invalidInput("Morris design", [{ path: "trajectories", value: trajectories, expected: "an integer at least 1" }]);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw errors.invalidInput("Morris design", [{ path: "levels", value: levels, expected: "an even integer at least 2" }]);
  if (k < 1) throw errors.invalidInput("Morris design", [{ path: "ranges", value: "0 inputs", expected: "at least one input" }]);
  const delta = levels / (2 * (levels - 1));
  const random = seedrandom.alea(options.seed);
  const points: Float64Array[] = [];
  const steps: MorrisDesign["steps"] = [];
  const scale = (u: Float64Array) => Float64Array.from(ranges, ([low, high], i) => low + (high - low) * u[i]);
  for (let t = 0; t < trajectories; t++) {
    // Each input takes two grid values, x and x + Delta, with x in the lower half of the grid; the trajectory starts at either.
    const low = Float64Array.from({ length: k }, () => Math.floor(random() * (levels / 2)) / (levels - 1));
    const signs = Array.from({ length: k }, () => (random() < 0.5 ? 1 : -1) as 1 | -1);
    const order = shuffled(k, random);
    const x = Float64Array.from(low, (v, i) => (signs[i] === 1 ? v : v + delta));
    points.push(scale(x));
    const trajectory: Array<{ input: number; sign: 1 | -1 }> = [];
    for (const input of order) {
      x[input] += signs[input] * delta;
      points.push(scale(x));
      trajectory.push({ input, sign: signs[input] });
    }
    steps.push(trajectory);
  }
  return { dimensions: k, levels, delta, points, steps };
}

/** mu, mu* and sigma of each input from the outputs `y` at the design's points, in run order. */
export function morrisEffects(design: MorrisDesign, y: ArrayLike<number>): MorrisEffect[] {
  const k = design.dimensions;
  if (y.length !== design.points.length) throw errors.invalidInput("Morris effects", [{ path: "outputs", value: `${y.length} outputs`, expected: `${design.points.length}, one per design point` }]);
  const effects = Array.from({ length: k }, () => [] as number[]);
  design.steps.forEach((trajectory, t) => {
    const start = t * (k + 1);
    trajectory.forEach(({ input, sign }, m) => effects[input].push((y[start + m + 1] - y[start + m]) / (sign * design.delta)));
  });
  return effects.map((ee) => {
    const r = ee.length;
    const mu = ee.reduce((s, v) => s + v, 0) / r;
    const muStar = ee.reduce((s, v) => s + Math.abs(v), 0) / r;
    const sigma = r > 1 ? Math.sqrt(ee.reduce((s, v) => s + (v - mu) ** 2, 0) / (r - 1)) : Number.NaN;
    return { mu, muStar, sigma };
  });
}

/** A uniformly random order of 0..k-1 (Fisher-Yates). */
function shuffled(k: number, random: () => number): number[] {
  const order = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
