import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { AbcNoSpreadError } from "../../src/stats/abc-smc.js";
import { effectiveSampleSize, kernelOf, logImportanceWeight, madScales, parseAbcState, runAbcSmc, scaledDistance, startAbc, weightedIndex, type AbcPopulation, type AbcSettings, type AbcSimulate } from "../../src/stats/index.js";

/** Toy model: the summary is the mean of 25 draws of N(theta, 1); the flat prior on [-5, 5] makes the posterior about N(observed, 1/5). */
const DRAWS = 25;
const toy: AbcSimulate = async (generation, first, proposals) =>
  proposals.map((theta, i) => {
    const random = seedrandom.alea(`toy/${generation}/${first + i}`);
    let sum = 0;
    for (let d = 0; d < DRAWS; d++) sum += theta[0] + Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Float64Array.of(sum / DRAWS);
  });

const settings: AbcSettings = { box: { low: [-5], high: [5] }, particles: 300, generations: 8, alpha: 0.5, acceptanceFloor: 0.02, minShrink: 0.02, batch: 64, seed: "toy" };

function posteriorMoments(population: AbcPopulation): { mean: number; sd: number } {
  const mean = population.weights.reduce((s, w, i) => s + w * population.values[i], 0);
  const variance = population.weights.reduce((s, w, i) => s + w * (population.values[i] - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(variance) };
}

describe("ABC-SMC", () => {
  it("recovers the toy model's posterior: mean near the observation, spread near 1/sqrt(n), tolerance shrinking", async () => {
    // Without the importance weights each generation multiplies the likelihood in again: sd 0.16 after 8 generations.
    const state = await runAbcSmc({ ...settings, minShrink: 0 }, Float64Array.of(1.5), toy, startAbc());
    const last = state.populations.at(-1)!;
    const { mean, sd } = posteriorMoments(last);
    expect(mean).toBeGreaterThan(1.4);
    expect(mean).toBeLessThan(1.6);
    expect(sd).toBeGreaterThan(0.18);
    expect(sd).toBeLessThan(0.23);
    expect(state.populations.length).toBeGreaterThan(3);
    const tolerances = state.populations.slice(1).map((p) => p.tolerance ?? Infinity);
    tolerances.slice(1).forEach((t, i) => expect(t).toBeLessThan(tolerances[i]));
    expect(last.distances.every((d) => d <= (last.tolerance ?? Infinity))).toBe(true);
    expect(last.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("is a function of the seed alone, however the batches are evaluated (in parallel, out of order, resumed from a checkpoint)", async () => {
    const whole = await runAbcSmc(settings, Float64Array.of(-2), toy, startAbc());
    // Each proposal simulated on its own, the last first, as workers finishing out of order would.
    const scattered: AbcSimulate = async (generation, first, proposals) => {
      const rows = await Promise.all(proposals.map((p, i) => toy(generation, first + i, [p]).then((r) => r[0])).reverse());
      return rows.reverse();
    };
    const checkpoints: string[] = [];
    await runAbcSmc(settings, Float64Array.of(-2), scattered, startAbc(), (state) => void checkpoints.push(JSON.stringify(state)));
    expect(checkpoints.at(-1)).toBe(JSON.stringify(whole));
    const resumed = await runAbcSmc(settings, Float64Array.of(-2), toy, parseAbcState(checkpoints[1]));
    expect(JSON.stringify(resumed)).toBe(JSON.stringify(whole));
    const other = await runAbcSmc({ ...settings, seed: "other" }, Float64Array.of(-2), toy, startAbc());
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(whole));
  });

  it("keeps the prior when the data say nothing: no drift to the middle or the edges of the box", async () => {
    const noise: AbcSimulate = async (generation, first, proposals) => proposals.map((_, i) => Float64Array.of(seedrandom.alea(`u/${generation}/${first + i}`)()));
    const two = { ...settings, box: { low: [-5, 0], high: [5, 1] }, generations: 6, minShrink: 0, acceptanceFloor: 0.01, particles: 400 };
    const state = await runAbcSmc(two, Float64Array.of(0.5), noise, startAbc());
    const last = state.populations.at(-1)!;
    expect(last.generation).toBe(5);
    const share = (test: (x: number) => boolean) => last.weights.reduce((s, w, i) => s + (test(last.values[2 * i]) ? w : 0), 0);
    // Uniform on [-5, 5]: 20% of the mass beyond |x| = 4, 40% inside |x| < 2.
    expect(share((x) => Math.abs(x) > 4)).toBeGreaterThan(0.15);
    expect(share((x) => Math.abs(x) > 4)).toBeLessThan(0.25);
    expect(share((x) => Math.abs(x) < 2)).toBeGreaterThan(0.33);
    expect(share((x) => Math.abs(x) < 2)).toBeLessThan(0.47);
  });

  it("stops on the acceptance floor, keeping the last full generation", async () => {
    // A simulator whose summary ignores theta: no proposal gets closer, acceptance collapses.
    const noise: AbcSimulate = async (generation, first, proposals) => proposals.map((_, i) => Float64Array.of(seedrandom.alea(`n/${generation}/${first + i}`)()));
    const state = await runAbcSmc({ ...settings, acceptanceFloor: 0.3, minShrink: 0 }, Float64Array.of(2), noise, startAbc());
    expect(state.stop).toBe("acceptance");
    expect(state.unfinishedProposals).toBe(Math.ceil(settings.particles / 0.3));
  });

  it("weighs a particle by the prior over the kernel mixture: a proposal where the old population is dense weighs less", () => {
    const population: AbcPopulation = { generation: 1, tolerance: 1, values: [0, 0.1, -0.1, 3], weights: [0.25, 0.25, 0.25, 0.25], distances: [0, 0, 0, 0], proposals: 4, acceptance: 1, ess: 4 };
    const box = { low: [-5], high: [5] };
    const kernel = kernelOf(population, box);
    expect(logImportanceWeight(Float64Array.of(0), population, kernel, box)).toBeLessThan(logImportanceWeight(Float64Array.of(3), population, kernel, box));
    expect(effectiveSampleSize([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(4, 12);
    expect(effectiveSampleSize([1, 0, 0, 0])).toBeCloseTo(1, 12);
    expect(weightedIndex(Float64Array.of(0.1, 0.1, 1), 0.5)).toBe(2);
  });

  it("scales the distance by each summary's spread under the prior and leaves out a constant summary", () => {
    const rows = [Float64Array.of(1, 5, 7), Float64Array.of(2, 5, 9), Float64Array.of(3, 5, 11)];
    const scales = madScales(rows);
    expect(scales[1]).toBe(0);
    expect(scales[2]).toBeCloseTo(2 * scales[0], 12);
    expect(scaledDistance(Float64Array.of(2, 100, 9), Float64Array.of(2, 5, 9), scales)).toBe(0);
    expect(scaledDistance(Float64Array.of(Number.NaN, 5, 9), Float64Array.of(2, 5, 9), scales)).toBe(Infinity);
  });

  it("never counts a failed simulation as a match: a non-finite summary is Infinity even where the distance leaves the summary out", () => {
    expect(scaledDistance(Float64Array.of(2, Number.NaN, 9), Float64Array.of(2, 5, 9), [1, 0, 1])).toBe(Infinity);
    expect(scaledDistance(Float64Array.of(Number.NaN, Number.NaN), Float64Array.of(2, 5), [0, 0])).toBe(Infinity);
  });

  it("refuses a prior under which no summary varies (every simulation failed, or each gave one value) instead of 'succeeding'", async () => {
    const failing: AbcSimulate = async (_generation, _first, proposals) => proposals.map(() => Float64Array.of(Number.NaN, Number.NaN));
    await expect(runAbcSmc(settings, Float64Array.of(0, 0), failing, startAbc())).rejects.toThrow(AbcNoSpreadError);
    const constant: AbcSimulate = async (_generation, _first, proposals) => proposals.map(() => Float64Array.of(3));
    const refused = await runAbcSmc(settings, Float64Array.of(3), constant, startAbc()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AbcNoSpreadError);
    expect((refused as AbcNoSpreadError).finite).toBe(settings.particles);
  });

  it("stops when the tolerance reaches 0 (a discrete summary matched exactly) rather than running generations that accept only exact hits", async () => {
    // Summary: theta rounded, so more than half the prior's draws near the observation match it exactly.
    const rounded: AbcSimulate = async (_generation, _first, proposals) => proposals.map((theta) => Float64Array.of(Math.round(theta[0])));
    const state = await runAbcSmc({ ...settings, box: { low: [-1], high: [1] }, minShrink: 0 }, Float64Array.of(0), rounded, startAbc());
    expect(state.stop).toBe("tolerance");
    expect(state.populations.every((p) => p.tolerance === null || p.tolerance > 0)).toBe(true);
  });
});
