/**
 * The trade-offs that let a schedule or a promotion have an optimum (docs/model.md
 * "Trade-offs"): each mechanism switched off against on, on a small fixed seed, moves its
 * metric the documented way; reinvestment comes out of payouts without double counting.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addEffort, performanceAfterRest, steadyFatigueHours } from "../../src/sim/creator-effort.js";
import { reinvestedMicros } from "../../src/sim/reinvestment.js";
import { TIMESERIES_COLUMNS, runReplicate, type ReplicateOutput } from "../../src/sim/index.js";
import { collectLog, config, metric, replicates, streamColumn } from "./helpers.js";

const SMALL = { population: { poolSize: 4000, initialFollowers: 400 }, discovery: { arrivalsPerHour: 150 } };
const DAILY = { days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] };
const total = (outputs: ReplicateOutput[], name: string) => outputs.reduce((sum, out) => sum + metric(out, name), 0);
const same = (a: ReplicateOutput[], b: ReplicateOutput[]) => a.every((out, i) => out.metrics.every((value, m) => Object.is(value, b[i].metrics[m])));

describe("creator effort and fatigue", () => {
  it("performs fully within the tolerance, less when tired, and recovers with rest", () => {
    const creators = { fatigueHours: new Float64Array([3]), performance: new Float64Array(1) } as never;
    const fatigue = { performanceLossPerHour: 0.5, toleranceHours: 1, recoveryHalfLifeDays: 1 };
    expect(performanceAfterRest(creators, fatigue, 0, 0)).toBeCloseTo(Math.exp(-1), 12);
    expect(performanceAfterRest(creators, fatigue, 0, 1)).toBeCloseTo(Math.exp(-0.25), 12);
    expect(performanceAfterRest(creators, fatigue, 0, 1)).toBe(1);
  });

  it("starts a study as tired as its schedule keeps it: the first stream's performance is the steady state's, not a fresh creator's", () => {
    const fatigue = { performanceLossPerHour: 0.5, toleranceHours: 1, recoveryHalfLifeDays: 1 };
    const performances = (startHours: number) => {
      const creators = { fatigueHours: new Float64Array([startHours]), performance: new Float64Array(1) } as never;
      return Array.from({ length: 20 }, () => {
        const p = performanceAfterRest(creators, fatigue, 0, 1);
        addEffort(creators, 0, 1.5 * 3600);
        return p;
      });
    };
    const steady = performances(steadyFatigueHours(fatigue, 1.5, 1, 1));
    expect(steady[0]).toBeCloseTo(Math.exp(-0.25), 12);
    expect(steady[0]).toBeCloseTo(steady[19], 12);
    expect(performances(0)[0]).toBe(1);
  });

  it("a daily streamer who tires gets fewer gifts and fewer returning viewers than one who does not", () => {
    const run = (performanceLossPerHour: number) =>
      replicates(config({ ...SMALL, horizonWeeks: 2, creators: { schedule: DAILY, fatigue: { performanceLossPerHour, toleranceHours: 0, recoveryHalfLifeDays: 2 } } }), 3, "fatigue");
    const rested = run(0);
    const tired = run(1);
    expect(total(tired, "gifts")).toBeLessThan(0.7 * total(rested, "gifts"));
    expect(total(tired, "nextStreamReturnRate")).toBeLessThan(total(rested, "nextStreamReturnRate"));
  });

  it("costs nothing to a creator whose load stays within the tolerance (two evenings a week)", () => {
    const run = (performanceLossPerHour: number) =>
      replicates(config({ ...SMALL, horizonWeeks: 2, creators: { schedule: { days: ["tue", "sat"] }, fatigue: { performanceLossPerHour } } }), 2, "tolerance");
    expect(same(run(0), run(5))).toBe(true);
  });
});

describe("audience saturation", () => {
  const followerVisits = (outputs: ReplicateOutput[]) => outputs.reduce((sum, out) => sum + streamColumn(out, "followerViewers").reduce((a, b) => a + b, 0), 0);
  const run = (days: string[], perStream: number) =>
    replicates(config({ ...SMALL, horizonWeeks: 2, creators: { schedule: { days } }, attendance: { saturation: { perStream, freeStreams: 2 } } }), 3, "saturation");

  it("a creator streaming daily sees fewer followers per stream when followers saturate", () => {
    expect(followerVisits(run(DAILY.days, 0.5))).toBeLessThan(0.8 * followerVisits(run(DAILY.days, 0)));
  });

  it("streams within the free count cost no attendance", () => {
    expect(same(run(["tue", "sat"], 0), run(["tue", "sat"], 0.5))).toBe(true);
  });
});

describe("promotion that looks unnatural", () => {
  const run = (mode: "drip" | "spike", reachPenalty: number) =>
    replicates(
      config({ ...SMALL, horizonWeeks: 2, promotion: { enabled: true, mode, arrivalsPerStream: 200, streams: 6, unnatural: { reachPenalty } } }),
      3,
      "promotion",
    );

  it("a spike costs later reach, a drip of the same promotion does not, so drip reaches more viewers", () => {
    const dripOff = run("drip", 0);
    const spikeOff = run("spike", 0);
    const dripOn = run("drip", 0.3);
    const spikeOn = run("spike", 0.3);
    expect(same(dripOff, dripOn)).toBe(true);
    expect(total(spikeOn, "uniqueViewers")).toBeLessThan(total(spikeOff, "uniqueViewers"));
    expect(total(dripOn, "uniqueViewers")).toBeGreaterThan(total(spikeOn, "uniqueViewers"));
    expect(total(dripOn, "newFollowers")).toBeGreaterThan(total(spikeOn, "newFollowers"));
  });
});

describe("reinvestment paid out of the creator's income", () => {
  const REINVEST = { horizonWeeks: 3, platform: { preset: "tiktok", overrides: { policy: { payoutThresholdMicros: 5_000_000 } } } };

  it("take-home + reinvested = payouts exactly on every replicate, reinvestment recomputes exactly from the payout log, quality follows it", () => {
    // 0.29: a share whose float product with a round payout falls just below the whole micro-USD.
    const share = 0.29;
    const simConfig = config({ ...REINVEST, creators: { reinvestment: { share } } });
    const dayTakeHome = TIMESERIES_COLUMNS.indexOf("creatorTakeHomeMicros");
    for (let r = 0; r < 4; r++) {
      const log = collectLog();
      const out = runReplicate(simConfig, `reinvest-${r}`, { eventLog: log.sink });
      const payouts = metric(out, "creatorPayoutMicros");
      const reinvested = metric(out, "creatorReinvestedMicros");
      const takeHome = metric(out, "creatorTakeHomeMicros");
      expect(out.audit.state).toBe("passed");
      expect(payouts).toBeGreaterThan(0);
      expect(Number.isSafeInteger(reinvested) && Number.isSafeInteger(takeHome)).toBe(true);
      expect(takeHome + reinvested).toBe(payouts);
      expect(reinvested).toBe(Number(log.payouts.reduce((sum, row) => sum + (BigInt(row.grossMicros) * 2_900n) / 10_000n, 0n)));
      let days = 0;
      for (let row = dayTakeHome; row < out.timeseries.length; row += TIMESERIES_COLUMNS.length) days += out.timeseries[row];
      expect(days).toBe(takeHome);
      const { qualityPerLogUsd, scaleUsd } = simConfig.creators.reinvestment;
      expect(metric(out, "finalMeanQuality")).toBeCloseTo(1 + qualityPerLogUsd * Math.log1p(reinvested / 1e6 / scaleUsd), 12);
    }
  });

  it("is floored in integers, not from a float product: 29% of $50 is 14,500,000 micro-USD, not 14,499,999", () => {
    expect(Math.floor(0.29 * 50_000_000)).toBe(14_499_999);
    expect(reinvestedMicros(50_000_000, 0.29)).toBe(14_500_000);
    expect(reinvestedMicros(100_000_000, 0.57)).toBe(57_000_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 10_000 }), (gross, bps) => {
        expect(reinvestedMicros(gross, bps / 10_000)).toBe(Number((BigInt(gross) * BigInt(bps)) / 10_000n));
      }),
    );
  });

  it("a creator who reinvests nothing takes home every payout and keeps its quality", () => {
    const out = runReplicate(config({ ...REINVEST, creators: { reinvestment: { share: 0 } } }), "reinvest-0");
    expect(metric(out, "creatorTakeHomeMicros")).toBe(metric(out, "creatorPayoutMicros"));
    expect(metric(out, "finalMeanQuality")).toBe(1);
  });
});
