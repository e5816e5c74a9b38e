/**
 * Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC; Toni et al. 2009, with
 * the importance weights of Beaumont et al. 2009 and adaptive tolerances as in Del Moral et al.
 * 2012), for a simulator the caller runs: this module proposes parameter vectors, the caller
 * simulates them (on a worker pool) and hands back each one's summary statistics, and the
 * population moves on. It is split into pure steps (propose, accept, weigh, decide to stop) so
 * the caller can checkpoint between generations; the whole state is plain numbers.
 *
 * Choices, each one documented where it is made:
 * - Prior: uniform over a box (the caller maps its parameters onto it, e.g. a log scale).
 * - Distance: Euclidean over the summaries, each divided by its median absolute deviation
 *   over the prior generation's simulations (robust to the heavy tails a prior spans; a
 *   summary that does not vary under the prior is left out); Infinity for a failed simulation.
 * - Tolerance of generation g: the `alpha` quantile of generation g - 1's distances.
 * - Perturbation: a Gaussian with twice the weighted variance of the previous population in
 *   each parameter (Beaumont et al.'s kernel, per component), truncated to the prior box and
 *   drawn exactly by the inverse CDF, so the kernel's density, truncation mass included, is
 *   exact in the importance weights.
 * - Stop: when a generation cannot reach its particles within particles / acceptanceFloor
 *   proposals (the previous population stands), when the tolerance shrinks by less than
 *   `minShrink` of itself or reaches 0 (nothing is left to shrink), or at the generation cap.
 *   A prior under which no summary varies is refused (AbcNoSpreadError), not run.
 * Every draw comes from a stream keyed by (seed, generation, proposal index), and a generation
 * accepts the first `particles` acceptable proposals in index order, evaluated in batches of
 * a fixed size: the result does not depend on how many workers evaluate a batch.
 */
import seedrandom from "seedrandom";
import { standardNormalCdf, standardNormalQuantile } from "./normal.js";
import { quantileSorted } from "./quantile.js";

/** The prior: independent uniforms over [low[j], high[j]]. */
export interface AbcBox {
  low: readonly number[];
  high: readonly number[];
}

/** How the sampler runs. */
export interface AbcSettings {
  box: AbcBox;
  /** Particles per generation. */
  particles: number;
  /** Most generations, the prior's included. */
  generations: number;
  /** Tolerance quantile of the previous generation's distances. */
  alpha: number;
  /** A generation accepting fewer than this share of its proposals stops the sampler. */
  acceptanceFloor: number;
  /** A tolerance shrinking by less than this share of the previous one stops the sampler. */
  minShrink: number;
  /** Proposals evaluated together; fixed, so acceptance in index order is the same for any worker count. */
  batch: number;
  seed: string;
}

/** One generation's particles. */
export interface AbcPopulation {
  generation: number;
  /** Acceptance threshold on the distance (null for the prior, which accepts every proposal). */
  tolerance: number | null;
  /** particles x parameters, row-major. */
  values: number[];
  /** Normalised importance weights. */
  weights: number[];
  /** Infinity for a failed simulation (null once through JSON: parseAbcState restores it). */
  distances: number[];
  /** Proposals simulated to fill the generation. */
  proposals: number;
  /** particles / proposals. */
  acceptance: number;
  /** Effective sample size of the weights, (sum w)^2 / sum w^2. */
  ess: number;
}

/** Why the sampler stopped. */
export type AbcStop = "generations" | "acceptance" | "tolerance";

/** The sampler's whole state, as a checkpoint holds it. */
export interface AbcState {
  /** Per-summary divisors of the distance (0: summary left out); set by the prior generation. */
  scales: number[];
  /** Every finished generation, the prior's first. */
  populations: AbcPopulation[];
  /** Proposals of a generation that stopped the sampler without filling (acceptance stop). */
  unfinishedProposals: number;
  stop: AbcStop | null;
}

/** The simulator as the sampler calls it: summaries of each proposal (NaN entries: the simulation failed). */
export type AbcSimulate = (generation: number, firstIndex: number, proposals: readonly Float64Array[]) => Promise<Float64Array[]>;

/** The stream that makes proposal `index` of generation `generation`. */
function proposalStream(seed: string, generation: number, index: number): () => number {
  return seedrandom.alea(`giftsim/abc/1/${seed}/${generation}/${index}`);
}

/** Proposal `index` of the prior generation: uniform over the box. */
export function priorProposal(settings: AbcSettings, index: number): Float64Array {
  return uniformInBox(settings.box, proposalStream(settings.seed, 0, index));
}

/** A point drawn uniformly from the box, one uniform of `random` per parameter in order. */
export function uniformInBox(box: AbcBox, random: () => number): Float64Array {
  const { low, high } = box;
  return Float64Array.from(low, (lo, j) => lo + (high[j] - lo) * random());
}

/** The perturbation kernel around a population: per-parameter standard deviations and the cumulative weights ancestors are chosen by. */
export interface AbcKernel {
  sd: Float64Array;
  cumulative: Float64Array;
}

/** The kernel for proposals from `population`: sd_j^2 twice the weighted variance (Beaumont et al. 2009). */
export function kernelOf(population: AbcPopulation, box: AbcBox): AbcKernel {
  const k = box.low.length;
  const n = population.weights.length;
  const sd = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += population.weights[i] * population.values[i * k + j];
    let variance = 0;
    for (let i = 0; i < n; i++) variance += population.weights[i] * (population.values[i * k + j] - mean) ** 2;
    // A collapsed parameter still moves a little, so the population can leave a point.
    sd[j] = Math.max(Math.sqrt(2 * variance), 1e-6 * (box.high[j] - box.low[j]));
  }
  return { sd, cumulative: runningSums(population.weights) };
}

/** Running sums of weights, in order: the cumulative weights weightedIndex draws from. */
export function runningSums(weights: ArrayLike<number>): Float64Array {
  let total = 0;
  return Float64Array.from(weights, (w) => (total += w));
}

/** Index of the weighted draw u in [0, 1) from cumulative weights. */
export function weightedIndex(cumulative: Float64Array, u: number): number {
  const target = u * cumulative[cumulative.length - 1];
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid] > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Proposal `index` of generation `generation` (>= 1): an ancestor by weight, moved by the truncated kernel. */
export function kernelProposal(settings: AbcSettings, previous: AbcPopulation, kernel: AbcKernel, generation: number, index: number): Float64Array {
  const { low, high } = settings.box;
  const k = low.length;
  const random = proposalStream(settings.seed, generation, index);
  const ancestor = weightedIndex(kernel.cumulative, random());
  const theta = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const centre = previous.values[ancestor * k + j];
    const sd = kernel.sd[j];
    const a = standardNormalCdf((low[j] - centre) / sd);
    const b = standardNormalCdf((high[j] - centre) / sd);
    const u = a + (b - a) * random();
    const z = standardNormalQuantile(Math.min(1 - 1e-16, Math.max(1e-16, u)));
    theta[j] = Math.min(high[j], Math.max(low[j], centre + sd * z));
  }
  return theta;
}

/** log of the truncated kernel's density at theta around particle i of `previous`. */
function logKernel(theta: Float64Array, previous: AbcPopulation, kernel: AbcKernel, box: AbcBox, i: number): number {
  const k = theta.length;
  let log = 0;
  for (let j = 0; j < k; j++) {
    const centre = previous.values[i * k + j];
    const sd = kernel.sd[j];
    const z = (theta[j] - centre) / sd;
    const mass = standardNormalCdf((box.high[j] - centre) / sd) - standardNormalCdf((box.low[j] - centre) / sd);
    log += -0.5 * z * z - Math.log(sd) - Math.log(Math.max(mass, 1e-300));
  }
  return log;
}

/**
 * Unnormalised log importance weight of an accepted theta: the prior's density (uniform: a
 * constant) over the mixture sum_i w_i K(theta | theta_i), computed as a log-sum-exp.
 */
export function logImportanceWeight(theta: Float64Array, previous: AbcPopulation, kernel: AbcKernel, box: AbcBox): number {
  const n = previous.weights.length;
  const terms = new Float64Array(n);
  let top = -Infinity;
  for (let i = 0; i < n; i++) {
    terms[i] = Math.log(previous.weights[i]) + logKernel(theta, previous, kernel, box, i);
    if (terms[i] > top) top = terms[i];
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(terms[i] - top);
  return -(top + Math.log(sum));
}

/** Effective sample size (sum w)^2 / sum w^2. */
export function effectiveSampleSize(weights: readonly number[]): number {
  let sum = 0;
  let squares = 0;
  for (const w of weights) {
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}

/**
 * The distance's divisors: each summary's median absolute deviation over `summaries` (scaled
 * by 1.4826, a normal's sd), or 0 for a summary that does not vary (beyond rounding), which
 * the distance leaves out. Rows with a failed simulation (any NaN) are skipped.
 */
export function madScales(summaries: readonly Float64Array[]): number[] {
  const rows = summaries.filter((row) => row.every(Number.isFinite));
  const m = summaries[0]?.length ?? 0;
  const scales: number[] = [];
  for (let s = 0; s < m; s++) {
    const column = rows.map((row) => row[s]).sort((a, b) => a - b);
    const median = quantileSorted(column, 0.5);
    const deviations = column.map((v) => Math.abs(v - median)).sort((a, b) => a - b);
    const mad = 1.4826 * quantileSorted(deviations, 0.5);
    // A spread at rounding level (a figure fixed by the design, summed in another order) is no spread.
    scales.push(Number.isFinite(mad) && mad > 1e-9 * Math.max(1, Math.abs(median)) ? mad : 0);
  }
  return scales;
}

/**
 * The scaled Euclidean distance between a simulation's summaries and the observed ones:
 * Infinity for a failed simulation (any summary not finite, whether or not the distance uses
 * it), so that a failure can never count as a match.
 */
export function scaledDistance(simulated: Float64Array, observed: Float64Array, scales: readonly number[]): number {
  if (!simulated.every(Number.isFinite)) return Infinity;
  let sum = 0;
  for (let s = 0; s < scales.length; s++) {
    if (scales[s] === 0) continue;
    const d = (simulated[s] - observed[s]) / scales[s];
    if (!Number.isFinite(d)) return Infinity;
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/**
 * Thrown by the prior generation when no summary varies over its simulations (every one failed,
 * or each summary took a single value): no distance could tell proposals apart, and every
 * proposal would "match". `finite` counts the simulations that did not fail.
 */
export class AbcNoSpreadError extends Error {
  constructor(readonly finite: number, readonly simulations: number) {
    super(`no summary statistic varies under the prior (${finite} of ${simulations} simulations finished): the distance cannot tell proposals apart`);
  }
}

/** The tolerance after `population`: the alpha quantile of its distances. */
export function nextTolerance(population: AbcPopulation, alpha: number): number {
  const sorted = population.distances.filter(Number.isFinite).sort((a, b) => a - b);
  return quantileSorted(sorted, alpha);
}

/** A state from its JSON text (a checkpoint): JSON writes a failed simulation's Infinity distance as null. */
export function parseAbcState(text: string): AbcState {
  const state = JSON.parse(text) as AbcState;
  for (const population of state.populations) population.distances = population.distances.map((d) => d ?? Infinity);
  return state;
}

/** A fresh state: no generation run yet. */
export function startAbc(): AbcState {
  return { scales: [], populations: [], unfinishedProposals: 0, stop: null };
}

/**
 * Runs generations until the sampler stops, from `state` (fresh or a checkpoint's), calling
 * `simulate` for each batch and `onGeneration` after each finished generation (to checkpoint:
 * the state it gets is complete). Returns the final state; the posterior is its last population.
 */
export async function runAbcSmc(settings: AbcSettings, observed: Float64Array, simulate: AbcSimulate, state: AbcState, onGeneration: (state: AbcState) => Promise<void> | void = () => undefined): Promise<AbcState> {
  if (settings.box.low.length === 0) throw new Error("ABC-SMC needs at least one parameter");
  let current = state;
  while (current.stop === null) {
    current = await nextGeneration(settings, observed, simulate, current);
    await onGeneration(current);
  }
  return current;
}

/** One more generation, or the state with its stop set. */
async function nextGeneration(settings: AbcSettings, observed: Float64Array, simulate: AbcSimulate, state: AbcState): Promise<AbcState> {
  const n = settings.particles;
  const generation = state.populations.length;
  if (generation === 0) {
    const proposals = Array.from({ length: n }, (_, i) => priorProposal(settings, i));
    const summaries: Float64Array[] = [];
    for (let first = 0; first < n; first += settings.batch) summaries.push(...(await simulate(0, first, proposals.slice(first, first + settings.batch))));
    const scales = madScales(summaries);
    if (scales.every((scale) => scale === 0)) throw new AbcNoSpreadError(summaries.filter((row) => row.every(Number.isFinite)).length, n);
    const distances = summaries.map((row) => scaledDistance(row, observed, scales));
    const population: AbcPopulation = { generation, tolerance: null, values: proposals.flatMap((p) => Array.from(p)), weights: new Array<number>(n).fill(1 / n), distances, proposals: n, acceptance: 1, ess: n };
    return { ...state, scales, populations: [population], stop: settings.generations <= 1 ? "generations" : null };
  }
  const previous = state.populations[generation - 1];
  const tolerance = nextTolerance(previous, settings.alpha);
  // A tolerance of 0 accepts only exact matches (a discrete summary hit): no smaller one exists.
  if (!(tolerance > 0)) return { ...state, stop: "tolerance" };
  const kernel = kernelOf(previous, settings.box);
  const maxProposals = Math.ceil(n / settings.acceptanceFloor);
  const values: number[] = [];
  const logWeights: number[] = [];
  const distances: number[] = [];
  let proposed = 0;
  while (distances.length < n && proposed < maxProposals) {
    const count = Math.min(settings.batch, maxProposals - proposed);
    const batch = Array.from({ length: count }, (_, i) => kernelProposal(settings, previous, kernel, generation, proposed + i));
    const summaries = await simulate(generation, proposed, batch);
    // Proposals of the batch past the n-th acceptance are not counted: they change nothing.
    for (let i = 0; i < count && distances.length < n; i++) {
      const distance = scaledDistance(summaries[i], observed, state.scales);
      proposed++;
      if (!(distance <= tolerance)) continue;
      values.push(...batch[i]);
      distances.push(distance);
      logWeights.push(logImportanceWeight(batch[i], previous, kernel, settings.box));
    }
  }
  if (distances.length < n) return { ...state, unfinishedProposals: proposed, stop: "acceptance" };
  const top = Math.max(...logWeights);
  const raw = logWeights.map((w) => Math.exp(w - top));
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => w / total);
  const population: AbcPopulation = { generation, tolerance, values, weights, distances, proposals: proposed, acceptance: n / proposed, ess: effectiveSampleSize(weights) };
  const populations = [...state.populations, population];
  const shrink = previous.tolerance === null ? 1 : (previous.tolerance - tolerance) / previous.tolerance;
  const stop: AbcStop | null = populations.length >= settings.generations ? "generations" : shrink < settings.minShrink ? "tolerance" : null;
  return { ...state, populations, stop };
}
