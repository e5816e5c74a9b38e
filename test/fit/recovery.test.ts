/**
 * The recovery bench (bench/sim-recovery.ts) in small: a tiny creator, one parameter, a few
 * runs with few particles. The truth must fall inside the 90% interval of most runs, and a
 * history altered away from anything the truth makes (ten times the audience) must not cover it
 * and must get the verdict "cannot reproduce".
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fitParameters, withinPool, withParameters } from "../../src/fit/parameters.js";
import { calibrateHistory, coverageTable, recoveryRun, recoveryTruth, syntheticHistory, type RecoveryOptions } from "../../src/fit/recovery.js";
import { runFitTask } from "../../src/fit/simulate.js";
import { loadScenario } from "../../src/scenario/index.js";
import { constantAt, maxInitialFollowers } from "../../src/sim/index.js";
import type { StreamHistory } from "../../src/history/index.js";

const plan = loadScenario(fileURLToPath(new URL("../fixtures/fit/tiny-creator.yaml", import.meta.url)));
const options: RecoveryOptions = { plan, arm: "base", parameters: fitParameters(["population.initialFollowers"], "--params").parameters, particles: 30, generations: 4, predictive: 40, workers: 2, seed: "recovery-test" };

describe("priors within the pool", () => {
  const config = plan.scenario.cells[0].config;
  const cap = maxInitialFollowers(config.population.poolSize);

  it("cuts the follower prior to half the scenario's pool (2,000: 1,000), so every recovery truth is a count the model can seed", () => {
    const [followers] = withinPool(options.parameters, config);
    expect(followers.high).toBe(cap);
    for (let run = 0; run < 50; run++) {
      expect(constantAt(withParameters(config, options.parameters, recoveryTruth(options, run)), "population.initialFollowers")).toBeLessThanOrEqual(cap);
    }
  });

  it("with the pool fitted too, keeps the box and rejects a proposal whose followers pass half its pool, as a failed simulation", () => {
    const both = { ...options, parameters: fitParameters(["population.initialFollowers", "population.poolSize"], "--params").parameters };
    expect(withinPool(both.parameters, config).map((p) => p.high)).toEqual([10_000, 100_000]);
    for (let run = 0; run < 50; run++) {
      const truth = withParameters(config, both.parameters, recoveryTruth(both, run));
      expect(truth.population.initialFollowers).toBeLessThanOrEqual(maxInitialFollowers(truth.population.poolSize));
    }
    const context = { config, economy: plan.economies[0], parameters: both.parameters, seed: "t", history: { startDate: "2026-01-05", unit: null, metrics: [] } };
    const result = runFitTask(context, { stream: "g0", first: 0, values: Float64Array.of(Math.log(9_000), Math.log(6_000)), streams: false });
    expect(result.streamCounts[0]).toBe(0);
    expect(result.firstFailure).toMatch(/population.initialFollowers 9000 above half of population.poolSize 6000 \(3000\)/);
  });
});

describe("parameter recovery", () => {
  it("covers the true follower count in its 90% interval in at least 3 of 4 runs, with the interval much narrower than the prior", async () => {
    const runs = [];
    for (let run = 0; run < 4; run++) runs.push(await recoveryRun(options, run));
    const [row] = coverageTable(options.parameters, runs);
    expect(row.covered).toBeGreaterThanOrEqual(3);
    expect(row.meanShrinkage).toBeGreaterThan(0.5);
  }, 180_000);

  it("does not cover the truth of a history altered to ten times the audience, and says the model cannot reproduce it", async () => {
    // 300 followers: well inside what the tiny pool of 2,000 can seed (at most half of it).
    const x = Float64Array.of(Math.log(300));
    const truth = constantAt(withParameters(plan.scenario.cells[0].config, options.parameters, x), "population.initialFollowers");
    const history = syntheticHistory(options, x, 0);
    const inflated: StreamHistory = {
      ...history,
      values: Object.fromEntries(Object.entries(history.values).map(([metric, values]) => [metric, metric === "viewers" || metric === "uniqueViewers" || metric === "peakConcurrency" ? values.map((v) => v * 10) : values])),
    };
    const { posterior, verdict } = await calibrateHistory(options, inflated, "inflated");
    expect(truth >= posterior[0].q05 && truth <= posterior[0].q95).toBe(false);
    expect(verdict).toBe("cannot reproduce");
  }, 180_000);
});
