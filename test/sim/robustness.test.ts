import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GiftsimError } from "../../src/errors.js";
import { FORMAT_IDS, WEEKDAYS, runReplicate } from "../../src/sim/index.js";
import { resolveSimConfig } from "../../src/scenario/index.js";
import { metric } from "./helpers.js";

describe("robustness", () => {
  it("runs any small valid model to a passed audit (property)", () => {
    const model = fc.record({
      horizonWeeks: fc.integer({ min: 1, max: 2 }),
      monthDays: fc.integer({ min: 7, max: 31 }),
      population: fc.record({
        poolSize: fc.integer({ min: 50, max: 3000 }),
        initialFollowers: fc.integer({ min: 0, max: 25 }),
        payerShare: fc.double({ min: 0, max: 1, noNaN: true }),
        channels: fc.record({ "app-ios": fc.double({ min: 0.01, max: 1, noNaN: true }), "app-android": fc.double({ min: 0, max: 1, noNaN: true }), web: fc.double({ min: 0, max: 1, noNaN: true }) }),
        budget: fc.record({ medianUsd: fc.double({ min: 0.1, max: 500, noNaN: true }), whaleShare: fc.double({ min: 0, max: 1, noNaN: true }) }),
      }),
      creators: fc.record({
        count: fc.integer({ min: 1, max: 3 }),
        qualitySigma: fc.double({ min: 0, max: 2, noNaN: true }),
        formats: fc.array(fc.constantFrom(...FORMAT_IDS), { minLength: 1, maxLength: 4 }),
        schedule: fc.record({
          days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
          durationMinutes: fc.integer({ min: 5, max: 240 }),
          reliability: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        tactics: fc.record({
          goalBar: fc.record({ enabled: fc.boolean(), goalCoins: fc.integer({ min: 1, max: 100_000 }) }),
          series: fc.record({ enabled: fc.boolean(), weeks: fc.integer({ min: 1, max: 4 }), goalCoins: fc.integer({ min: 1, max: 100_000 }) }),
          shoutOuts: fc.record({ enabled: fc.boolean() }),
          topGifterPerk: fc.record({ enabled: fc.boolean(), topK: fc.integer({ min: 1, max: 10 }) }),
        }),
      }),
      discovery: fc.record({ arrivalsPerHour: fc.integer({ min: 0, max: 800 }) }),
      promotion: fc.record({ enabled: fc.boolean(), mode: fc.constantFrom("drip", "spike"), geoRegion: fc.constantFrom(null, "US", "ID"), arrivalsPerStream: fc.integer({ min: 0, max: 300 }) }),
      gifting: fc.record({ crowdingOut: fc.double({ min: 0, max: 3, noNaN: true }), herding: fc.record({ elasticity: fc.double({ min: -1, max: 1, noNaN: true }) }) }),
      platform: fc.record({ preset: fc.constantFrom("tiktok", "twitch-bits", "youtube-superchat", "custom"), overrides: fc.constant({}) }),
    });
    fc.assert(
      fc.property(model, fc.string({ maxLength: 8 }), (overrides, seed) => {
        const out = runReplicate(resolveSimConfig(overrides), seed);
        expect(out.audit.failures).toEqual([]);
        expect(metric(out, "rejectedRows")).toBe(0);
        for (const value of out.metrics) expect(Number.isNaN(value) || Number.isFinite(value)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it("stops a replicate that runs past its event budget with a clear error instead of spinning", () => {
    const config = resolveSimConfig({ horizonWeeks: 1 });
    let stopped: unknown;
    try {
      runReplicate(config, "1", { eventBudget: 1000 });
    } catch (error) {
      stopped = error;
    }
    expect(stopped).toBeInstanceOf(GiftsimError);
    expect((stopped as GiftsimError).code).toBe("REPLICATE_FAILED");
    expect((stopped as GiftsimError).message).toMatch(/^replicate stopped: [\d,]+ events, past the limit of 1,000 .*lower the rates that feed it \(population\.budget/);
  });

  it("stops a stream whose arrivals would not fit in memory before it queues them", () => {
    // Past validation (as a rarer quality draw than the estimate's would be): the guard must still hold.
    const config = resolveSimConfig({ horizonWeeks: 1 });
    const runaway = { ...config, discovery: { ...config.discovery, arrivalsPerHour: 1e9 } };
    expect(() => runReplicate(runaway, "1")).toThrow(/^replicate stopped: [\d,]+ arrivals queued for one stream, past the limit of 16,777,216/);
  });

  it("leaves a replicate within its event budget bit-identical", () => {
    const config = resolveSimConfig({ horizonWeeks: 1 });
    const out = runReplicate(config, "1");
    expect(runReplicate(config, "1", { eventBudget: out.simulatedEvents })).toEqual(out);
  });

  it("answers any untrusted overrides with a config or a GiftsimError, never another exception (property)", () => {
    fc.assert(
      fc.property(fc.anything(), fc.jsonValue(), (anything, json) => {
        for (const candidate of [anything, json, { population: json }, { creators: { schedule: anything } }]) {
          try {
            resolveSimConfig(candidate, "model");
          } catch (error) {
            expect(error).toBeInstanceOf(GiftsimError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
