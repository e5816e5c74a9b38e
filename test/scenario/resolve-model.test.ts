import { describe, expect, it } from "vitest";
import { loadEconomy } from "../../src/economy/index.js";
import { GiftsimError } from "../../src/errors.js";
import { DEFAULT_SIM_CONFIG, SIM_LIMITS, simConfigSchema } from "../../src/sim/index.js";
import { resolveModel, resolveSimConfig } from "../../src/scenario/index.js";

function problemsOf(overrides: unknown, prefix?: string): { code: string; paths: string[]; message: string } {
  try {
    resolveSimConfig(overrides, prefix);
  } catch (error) {
    if (!(error instanceof GiftsimError)) throw error;
    return { code: error.code, paths: error.problems.map((p) => p.path), message: error.message };
  }
  throw new Error("expected resolveSimConfig to throw");
}

describe("resolveSimConfig", () => {
  it("returns the defaults for no overrides, and they satisfy the schema", () => {
    expect(resolveSimConfig(undefined)).toEqual(DEFAULT_SIM_CONFIG);
    expect(resolveSimConfig({})).toEqual(DEFAULT_SIM_CONFIG);
    expect(simConfigSchema.safeParse(DEFAULT_SIM_CONFIG).success).toBe(true);
  });

  it("merges objects member by member and replaces arrays", () => {
    const config = resolveSimConfig({ creators: { formats: ["qa", "challenge"], schedule: { days: ["mon"] } }, population: { budget: { whaleShare: 0 } } });
    expect(config.creators.formats).toEqual(["qa", "challenge"]);
    expect(config.creators.schedule.days).toEqual(["mon"]);
    expect(config.creators.schedule.durationMinutes).toBe(DEFAULT_SIM_CONFIG.creators.schedule.durationMinutes);
    expect(config.population.budget.whaleShare).toBe(0);
    expect(config.population.budget.medianUsd).toBe(DEFAULT_SIM_CONFIG.population.budget.medianUsd);
    expect(DEFAULT_SIM_CONFIG.population.budget.whaleShare).toBe(0.01);
  });

  it("names every bad field with the caller's prefix, the value and what was expected", () => {
    const result = problemsOf({ population: { poolSize: -5, payerShare: 2 }, creators: { formats: ["dance"] }, gifting: { kappa: "big" } }, "arms[1].model");
    expect(result.code).toBe("INVALID_INPUT");
    expect(result.paths).toEqual(
      expect.arrayContaining(["arms[1].model.population.poolSize", "arms[1].model.population.payerShare", "arms[1].model.creators.formats[0]", "arms[1].model.gifting.kappa"]),
    );
    expect(result.message).toContain('got "dance"');
    expect(result.message).toContain('"casual"');
  });

  it("refuses unknown keys", () => {
    const result = problemsOf({ population: { poolsize: 10 }, gifting: { herding: { elasticty: 1 } } }, "model");
    expect(result.code).toBe("INVALID_INPUT");
    expect(result.paths).toEqual(["model.population.poolsize", "model.gifting.herding.elasticty"]);
    expect(result.message).toContain("model.population.poolsize: got 10, expected no such key (known here: poolSize,");
  });

  it("tells a field that moved where it lives now (the series goal, now a creator tactic)", () => {
    const result = problemsOf({ series: { enabled: true } }, "arms[0].model");
    expect(result.paths).toEqual(["arms[0].model.series"]);
    expect(result.message).toContain('arms[0].model.series: got {"enabled":true}, expected it at arms[0].model.creators.tactics.series (the field moved there)');
    expect(resolveSimConfig({ creators: { tactics: { series: { enabled: true } } } }).creators.tactics.series.enabled).toBe(true);
  });

  it("refuses a non-object", () => {
    expect(problemsOf(5, "model").paths).toEqual(["model"]);
  });

  it("refuses absurd sizes with TOO_LARGE instead of running out of memory", () => {
    for (const overrides of [
      { population: { poolSize: 1e12 } },
      { creators: { count: 1e9 } },
      { population: { poolSize: 500_000 }, creators: { count: 100 } },
      { horizonWeeks: 1e6 },
      { discovery: { arrivalsPerHour: 1e12 } },
    ]) {
      const result = problemsOf(overrides, "model");
      expect(result.code, JSON.stringify(overrides)).toBe("TOO_LARGE");
      expect(result.paths[0].startsWith("model.")).toBe(true);
    }
    expect(SIM_LIMITS.totalViewers).toBeLessThanOrEqual(2_000_000);
  });

  it("refuses more initial followers than half the pool, naming both fields, instead of cutting them to half without a word", () => {
    const result = problemsOf({ population: { poolSize: 30_000, initialFollowers: 25_000 } }, "model");
    expect(result.paths).toEqual(["model.population.initialFollowers"]);
    expect(result.message).toContain("model.population.initialFollowers: got 25000, expected at most half of model.population.poolSize 30000, i.e. 15000");
    expect(resolveSimConfig({ population: { poolSize: 30_000, initialFollowers: 15_000 } }).population.initialFollowers).toBe(15_000);
  });

  it("refuses shared audiences whose latest stream could run into the next day's streams, and a promotion in a world of several communities", () => {
    const late = problemsOf({ creators: { schedule: { durationMinutes: 600 } }, audience: { overlap: true, startHours: 20 } }, "model");
    expect(late.paths).toEqual(["model.audience.startHours"]);
    expect(late.message).toContain("got 20, expected at most 15 with model.creators.schedule.durationMinutes 600");
    expect(resolveSimConfig({ creators: { schedule: { durationMinutes: 600 } }, audience: { overlap: true, startHours: 15 } }).audience.startHours).toBe(15);
    expect(resolveSimConfig({ creators: { schedule: { durationMinutes: 600 } }, audience: { startHours: 20 } }).audience.startHours).toBe(20);
    const promoted = problemsOf({ creators: { count: 4 }, audience: { communitySize: 2 }, promotion: { enabled: true } }, "model");
    expect(promoted.paths).toEqual(["model.promotion.enabled"]);
    expect(resolveSimConfig({ creators: { count: 4 }, audience: { communitySize: 4 }, promotion: { enabled: true } }).promotion.enabled).toBe(true);
  });

  it("checks regions and economy overrides against the platform's price book", () => {
    expect(problemsOf({ population: { regions: [{ id: "XX", weight: 1 }] } }).paths).toEqual(["population.regions[0].id"]);
    expect(problemsOf({ promotion: { geoRegion: "MARS" } }).paths).toEqual(["promotion.geoRegion"]);
    const economy = problemsOf({ platform: { preset: "tiktok", overrides: { policy: { creatorShareBps: 20_000 } } } }, "m");
    expect(economy.paths).toEqual(["m.platform.overrides.policy.creatorShareBps"]);
    expect(problemsOf({ platform: { preset: "nope", overrides: {} } }).paths).toEqual(["platform.preset"]);
  });

  it("wants a budget factor for every region viewers can come from, and keeps the defaults' factors when one is overridden", () => {
    // A price book with a region of its own (Mexico, priced as the US), for which the defaults have no factor.
    const tiktok = loadEconomy("tiktok");
    const regions = [...tiktok.regions, { id: "MX", currency: "MXN", usdMicrosPerMinorUnit: 500, source: "test" }];
    const bundles = [...tiktok.bundles, ...tiktok.bundles.filter((b) => b.region === "US").map((b) => ({ ...b, region: "MX", priceMinor: b.priceMinor * 20 }))];
    const custom = { platform: { preset: "tiktok", overrides: { regions, bundles } } };
    expect(problemsOf({ ...custom, population: { regions: [{ id: "MX", weight: 1 }] } }, "model").paths).toEqual(["model.population.budget.regionFactor.MX"]);
    expect(resolveSimConfig({ ...custom, population: { regions: [{ id: "MX", weight: 1 }], budget: { regionFactor: { MX: 0.25 } } } }).population.budget.regionFactor.MX).toBe(0.25);
    expect(problemsOf({ promotion: { geoRegion: "BR" }, population: { regions: [{ id: "US", weight: 1 }], budget: { regionFactor: { BR: -1 } } } }).paths).toEqual(["population.budget.regionFactor.BR"]);
    expect(resolveSimConfig({ population: { budget: { regionFactor: { ID: 0.3 } } } }).population.budget.regionFactor).toEqual({ US: 1, EU: 0.6, BR: 0.2, ID: 0.3 });
  });
});

/** Regressions: valid configs whose derived rates were unbounded ran out of memory or never finished. */
describe("work limits on derived rates, checked before anything runs", () => {
  it("refuses 10,000 creators with qualitySigma 5 and reachElasticity 5: the best creator's discovery queued arrivals until memory ran out", () => {
    const result = problemsOf({ creators: { count: 10_000, qualitySigma: 5, reachElasticity: 5 }, population: { poolSize: 200, initialFollowers: 10 } }, "model");
    expect(result.code).toBe("TOO_LARGE");
    expect(result.paths).toEqual(["model.creators.qualitySigma"]);
    expect(result.message).toMatch(/arrivals queued for the best creator's longest stream .*expected at most 16,777,216 \(lower model\.creators\.qualitySigma, model\.creators\.reachElasticity, model\.discovery\.arrivalsPerHour/);
  });

  it("refuses every viewer a $1M whale (no replicate finished in 400 s) and a $10k whale (unfinished after 90 s), naming the budget fields", () => {
    for (const whaleMinUsd of [1_000_000, 10_000]) {
      const result = problemsOf({ population: { payerShare: 1, budget: { whaleShare: 1, whaleMinUsd, maxUsd: Math.max(50_000, whaleMinUsd) } } }, "model");
      expect(result.code, String(whaleMinUsd)).toBe("TOO_LARGE");
      expect(result.paths).toEqual(["model.population.budget.whaleMinUsd"]);
      expect(result.message).toMatch(/estimated events in one community \(the replicate when it is one\), mostly for the [\d,.e]+ gifts the viewers' budgets could pay for", expected at most 150,000,000 \(lower model\.population\.budget\.whaleMinUsd/);
    }
  });

  it("refuses more streams than one replicate's stream table may hold", () => {
    const result = problemsOf({ creators: { count: 1000, schedule: { days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] } }, population: { poolSize: 100, initialFollowers: 10 }, horizonWeeks: 100 });
    expect(result.code).toBe("TOO_LARGE");
    expect(result.message).toContain(`"700,000 streams (creators x stream days x weeks)", expected at most ${SIM_LIMITS.streams.toLocaleString("en-US")} (lower creators.count, creators.schedule.days, horizonWeeks)`);
  });

  it("keeps rich but rate-bound audiences, where budgets are not what ends the gifting", () => {
    expect(() => resolveSimConfig({ population: { payerShare: 1, budget: { medianUsd: 500 } } })).not.toThrow();
  });
});

describe("resolveModel", () => {
  it("returns a size refusal as one problem with its reason beside the limit, instead of throwing it for the scenario to cut out of the message", () => {
    const result = resolveModel({ horizonWeeks: 1e6 }, "arms[0].model");
    expect(result).toEqual({
      kind: "tooLarge",
      problem: { path: "arms[0].model.horizonWeeks", value: 1e6, expected: `at most ${SIM_LIMITS.horizonWeeks} (weeks simulated in one replicate)` },
    });
  });

  it("returns the checked economy with the config, and takes one already checked instead of checking it again", () => {
    const resolved = resolveModel({});
    expect(resolved.kind).toBe("resolved");
    if (resolved.kind !== "resolved") return;
    expect(resolved.economy.id).toBe("tiktok");
    const again = resolveModel({}, "", resolved.economy);
    expect(again.kind === "resolved" && again.economy).toBe(resolved.economy);
  });

  it("returns bad economy overrides as problems at their place under platform.overrides", () => {
    const result = resolveModel({ platform: { preset: "tiktok", overrides: { policy: { creatorShareBps: 12_000 } } } }, "model");
    expect(result.kind === "invalid" && result.problems.map((p) => p.path)).toEqual(["model.platform.overrides.policy.creatorShareBps"]);
  });
});
