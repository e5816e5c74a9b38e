/**
 * The world a replicate lives in, computed where it runs (in the worker) from the plan's
 * WorldDesign and the master seed alone, so a replicate's constants, like its seed, depend on
 * its identity and never on the worker, chunk, shard or resume that ran it.
 *
 * Plausible worlds: replicate r takes point r of the Sobol' sequence over the constants,
 * shifted modulo 1 by an offset drawn once per dimension from the master seed (a random shift,
 * Cranley and Patterson 1976): the points keep the sequence's even cover of the unit cube, and
 * another seed gives another, equally even set of worlds. Sensitivity designs: the points of
 * saltelliDesign / morrisDesign over the unit cube (Morris placed by the master seed), each run
 * with the seeds of replicates 0 .. replicatesPerPoint - 1 (a noise probe with the next ones). Unit values become constants by
 * constantValue (uniform over each range) and are laid on each cell's config with withConstant.
 * Posterior worlds: replicate r takes the particle a weighted draw from the stream keyed by
 * (master seed, r) picks, so its world, like its seed, is a function of its identity alone.
 */
import seedrandom from "seedrandom";
import { constantValue, designLayout, type WorldDesign } from "../scenario/index.js";
import { withConstant, type SimConfig } from "../sim/index.js";
import { morrisDesign, runningSums, saltelliDesign, sobolSequence, weightedIndex } from "../stats/index.js";

/** Which world and which seed a replicate index of a plan with `design` runs in. */
export interface WorldSlot {
  /** The design point (plausible worlds: the replicate index itself). */
  point: number;
  /** The replicate index whose seed it runs with. */
  seedReplicate: number;
}

/** The slot of replicate `replicate`: a noise probe (past the design's points) reruns its point with seeds R..2R-1. */
export function worldSlot(design: WorldDesign, replicate: number): WorldSlot {
  const layout = designLayout(design);
  if (layout === undefined || design.kind === "plausible" || design.kind === "posterior") return { point: replicate, seedReplicate: replicate };
  const perPoint = design.replicatesPerPoint;
  const point = Math.floor(replicate / perPoint);
  const q = replicate % perPoint;
  if (point < layout.points) return { point, seedReplicate: q };
  return { point: (point - layout.points) * layout.probeStride, seedReplicate: perPoint + q };
}

/** Unit-cube points of a sensitivity design, computed once per design object (once per worker). */
const designUnits = new WeakMap<WorldDesign, Float64Array[]>();

/** The world's position in the unit cube, one coordinate per constant of the design. */
export function worldUnit(design: Exclude<WorldDesign, { kind: "posterior" }>, masterSeed: string, point: number): Float64Array {
  const k = design.constants.length;
  if (design.kind === "plausible") {
    const [u] = sobolSequence(1, k, point);
    const shift = seedrandom.alea(`giftsim/worlds/1/${masterSeed}`);
    for (let j = 0; j < k; j++) u[j] = (u[j] + shift()) % 1;
    return u;
  }
  let units = designUnits.get(design);
  if (units === undefined) {
    const ranges = design.constants.map(() => [0, 1] as const);
    units =
      design.kind === "saltelli"
        ? saltelliDesign({ baseSamples: design.baseSamples, ranges }).points
        : morrisDesign({ ranges, trajectories: design.trajectories, levels: design.levels, seed: `giftsim/morris/1/${masterSeed}` }).points;
    designUnits.set(design, units);
  }
  return units[point];
}

/** Cumulative particle weights of a posterior design, once per design object. */
const posteriorCumulative = new WeakMap<WorldDesign, Float64Array>();

/** The particle of a posterior design that world `point` lives in. */
export function posteriorParticle(design: Extract<WorldDesign, { kind: "posterior" }>, masterSeed: string, point: number): number {
  let cumulative = posteriorCumulative.get(design);
  if (cumulative === undefined) posteriorCumulative.set(design, (cumulative = runningSums(design.weights)));
  return weightedIndex(cumulative, seedrandom.alea(`giftsim/posterior/1/${masterSeed}/${point}`)());
}

/** The constants' values in the world of design point `point`, in the design's constant order. */
export function worldValues(design: WorldDesign, masterSeed: string, point: number): Float64Array {
  if (design.kind === "posterior") {
    const k = design.constants.length;
    const particle = posteriorParticle(design, masterSeed, point);
    return Float64Array.from(design.values.slice(particle * k, (particle + 1) * k));
  }
  const unit = worldUnit(design, masterSeed, point);
  return Float64Array.from(design.constants, (constant, j) => constantValue(constant, unit[j]));
}

/** `config` with the design's constants set to `values`. */
export function inWorld(config: SimConfig, design: WorldDesign, values: Float64Array): SimConfig {
  let world = config;
  design.constants.forEach((constant, j) => {
    world = withConstant(world, constant.path, values[j]);
  });
  return world;
}
