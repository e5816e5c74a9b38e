import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMAT_IDS, runReplicate } from "../../src/sim/index.js";
import { simulate } from "../../src/sim/replicate.js";
import { collectLog, config, metric } from "./helpers.js";

const sum = (rows: Record<string, number>[], column: string) => rows.reduce((total, row) => total + row[column], 0);

describe("money goes through the conversion core", () => {
  it("passes the ledger audit after every replicate, on every preset and format (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.constantFrom("tiktok", "youtube-superchat", "twitch-bits"),
        fc.constantFrom(...FORMAT_IDS),
        fc.integer({ min: 1000, max: 10_000 }),
        (seed, preset, format, creatorShareBps) => {
          const out = runReplicate(
            config({
              horizonWeeks: 1,
              population: { poolSize: 4000, initialFollowers: 300 },
              discovery: { arrivalsPerHour: 200 },
              creators: { formats: [format], count: 2 },
              platform: { preset, overrides: { policy: { creatorShareBps, payoutThresholdMicros: 1_000_000 } } },
            }),
            seed,
          );
          expect(out.audit).toEqual({ state: "passed", failures: [] });
          expect(metric(out, "auditPassed")).toBe(1);
          expect(metric(out, "rejectedRows")).toBe(0);
          expect(metric(out, "gifts")).toBeGreaterThan(0);
        },
      ),
      { numRuns: 8 },
    );
  });

  it("logs every purchase, gift and payout so that each money total can be recomputed exactly", () => {
    const log = collectLog();
    const simConfig = config({ horizonWeeks: 2, platform: { preset: "tiktok", overrides: { policy: { payoutThresholdMicros: 5_000_000 } } } });
    const out = runReplicate(simConfig, "log", { eventLog: log.sink });
    const spend = sum(log.purchases, "priceMicros");
    const feeNumerator = log.purchases.reduce((total, row) => total + row.priceMicros * row.storeFeeBps, 0);
    const diamonds = sum(log.gifts, "diamonds");
    expect(log.gifts.length).toBe(metric(out, "gifts"));
    expect(log.purchases.length).toBe(metric(out, "purchases"));
    expect(log.payouts.length).toBe(metric(out, "payouts"));
    expect(log.payouts.length).toBeGreaterThan(0);
    expect(spend).toBe(metric(out, "viewerSpendMicros"));
    expect(Math.floor(feeNumerator / 10_000)).toBe(metric(out, "storeFeeMicros"));
    expect(sum(log.purchases, "coins")).toBe(metric(out, "coinsPurchased"));
    expect(sum(log.gifts, "coins")).toBe(metric(out, "coinsGifted"));
    expect(diamonds).toBe(metric(out, "creatorDiamonds"));
    expect(diamonds * 5000).toBe(metric(out, "creatorEarningsMicros"));
    expect(sum(log.payouts, "grossMicros")).toBe(metric(out, "creatorPayoutMicros"));
    expect(feeNumerator % 10_000).toBe(0);
    expect(spend - feeNumerator / 10_000 - diamonds * 5000).toBe(metric(out, "platformNetMicros"));
    // TikTok credits one diamond per coin, so each logged gift's diamonds are whole.
    for (const row of log.gifts) expect(row.diamonds).toBe(row.coins);
    const keys = new Set(log.gifts.map((row) => `${row.stream}/${row.seq}`));
    expect(keys.size).toBe(log.gifts.length);
  });

  it("never lets a viewer spend more than their own month's budget, and resets each viewer's budget on their own day", () => {
    const log = collectLog();
    const simConfig = config({ horizonWeeks: 9, population: { budget: { medianUsd: 2 } } });
    const { world } = simulate(simConfig, "budgets", { eventLog: log.sink });
    const { viewers } = world;
    const { monthDays } = simConfig;
    const spent = new Map<string, number>();
    for (const row of log.purchases) {
      const key = `${row.viewer}/${Math.floor((row.day + viewers.monthPhase[row.viewer]) / monthDays)}`;
      spent.set(key, (spent.get(key) ?? 0) + row.priceMicros);
    }
    // An initial follower's month 0 began before the study: startSpentShare of its elapsed part counts as spent.
    const initial = world.creators.poolStart[0] + simConfig.population.initialFollowers;
    const share = simConfig.population.budget.startSpentShare;
    let nearBudget = 0;
    const months = new Map<number, number>();
    for (const [key, micros] of spent) {
      const [viewer, month] = key.split("/").map(Number);
      const budget = viewers.budgetMicros[viewer];
      const allowance = month === 0 && viewer < initial ? budget - Math.floor((budget * share * viewers.monthPhase[viewer]) / monthDays) : budget;
      expect(micros).toBeLessThanOrEqual(allowance);
      if (micros > 0.5 * budget) nearBudget++;
      months.set(viewer, (months.get(viewer) ?? 0) + micros);
    }
    expect(nearBudget).toBeGreaterThan(10);
    // Some viewers spent more over the horizon than one month's budget: the reset gave them more.
    const beyondOneMonth = [...months].filter(([viewer, micros]) => micros > viewers.budgetMicros[viewer]);
    expect(beyondOneMonth.length).toBeGreaterThan(0);
    // The payers who bought reset on many different days, not on one payday.
    const resetDays = new Set([...months.keys()].map((viewer) => viewers.monthPhase[viewer]));
    expect(resetDays.size).toBeGreaterThan(monthDays / 2);
  });
});
