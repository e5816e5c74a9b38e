import { describe, expect, it } from "vitest";
import { CALIBRATION_FACTS, insideBand } from "../../src/sim/index.js";
import { calibrationTable } from "../../src/run/index.js";
import { METRIC_NAMES, runReplicate } from "../../src/sim/index.js";
import { collectLog, config, metric } from "./helpers.js";

describe("calibration facts", () => {
  it("names a metric, a band and a source for every fact", () => {
    for (const fact of CALIBRATION_FACTS) {
      expect(METRIC_NAMES).toContain(fact.metric);
      expect(fact.band.min !== undefined || fact.band.max !== undefined).toBe(true);
      expect(fact.source.length).toBeGreaterThan(0);
    }
  });

  it("cites each fact's published source, not a notes file the repository does not hold (regression: sources read \"economics.md\")", () => {
    for (const fact of CALIBRATION_FACTS) expect(fact.source, fact.id).not.toMatch(/\.md\b/);
  });

  it("reads bands inclusively and treats NaN as not measured", () => {
    expect(insideBand({ min: 0.8, max: 0.98, description: "" }, 0.8)).toBe(true);
    expect(insideBand({ min: 0.8, description: "" }, Number.NaN)).toBe(false);
    const nan = new Float64Array(METRIC_NAMES.length).fill(Number.NaN);
    expect(calibrationTable([nan]).every((row) => row.state === "not measured")).toBe(true);
  });
});

/**
 * 200 creators (the fewest for which the top 1% is two), tiny pools, two weeks, a $10 minimum
 * payout so that many are paid (in one week 6 to 24 were, too few to rest a share on).
 */
const manyCreatorsModel = {
  horizonWeeks: 2,
  creators: { count: 200, qualitySigma: 1, reachElasticity: 1 },
  population: { poolSize: 200, initialFollowers: 50 },
  discovery: { arrivalsPerHour: 20 },
  platform: { overrides: { policy: { payoutThresholdMicros: 10_000_000 } } },
};
const manyCreators = config(manyCreatorsModel);

/** Share of the top 1% of `count` holders in `amounts` (holders absent from it hold 0). */
function top1Share(amounts: number[], count: number): number {
  const sorted = [...amounts].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  return sorted.slice(0, Math.ceil(0.01 * count)).reduce((a, b) => a + b, 0) / total;
}

describe("calibration measures", () => {
  it("measures the top-1% creator share on payouts, as documented and as the Twitch leak counts (regression: it read earnings)", () => {
    const log = collectLog();
    const out = runReplicate(manyCreators, "payout-share", { eventLog: log.sink });
    const sumBy = (rows: typeof log.payouts, column: string) => {
      const byCreator = new Map<number, number>();
      for (const row of rows) byCreator.set(row.creator, (byCreator.get(row.creator) ?? 0) + row[column]);
      return [...byCreator.values()];
    };
    const payouts = sumBy(log.payouts, "grossMicros");
    expect(payouts.length, "creators paid").toBeGreaterThan(10);
    const fromPayouts = top1Share(payouts, manyCreators.creators.count);
    expect(metric(out, "calibCreatorTop1PayoutShare")).toBeCloseTo(fromPayouts, 12);
    // What it used to read: earnings (diamonds), which the threshold and the pending balance make differ.
    expect(top1Share(sumBy(log.gifts, "diamonds"), manyCreators.creators.count)).not.toBeCloseTo(fromPayouts, 3);
    const under120 = payouts.filter((p) => p < 120e6).length / payouts.length;
    expect(metric(out, "calibPaidCreatorsUnder120Share")).toBeCloseTo(under120, 12);
  });

  it("does not measure creator concentration below 200 creators, where the top 1% is one creator", () => {
    const out = runReplicate(config({ ...manyCreatorsModel, creators: { count: 199, qualitySigma: 0 } }), "few-creators");
    expect(metric(out, "calibCreatorTop1PayoutShare")).toBeNaN();
  });

  it("reads the top-20% share over all viewers as at least the share over gifters, and 1 when under 20% of viewers gift", () => {
    const out = runReplicate(config({ population: { poolSize: 2_000, initialFollowers: 300 }, discovery: { arrivalsPerHour: 100 } }), "viewers");
    expect(metric(out, "viewerToGifterConversion")).toBeLessThan(0.2);
    expect(metric(out, "calibTop20ViewerShare")).toBe(1);
    expect(metric(out, "calibTop20ViewerShare")).toBeGreaterThanOrEqual(metric(out, "calibTop20Share"));
  });
});
