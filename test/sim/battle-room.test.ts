import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { diamondsEarned } from "../../src/core/index.js";
import { GiftsimError } from "../../src/errors.js";
import { resolveSimConfig } from "../../src/scenario/index.js";
import { runReplicate } from "../../src/sim/index.js";
import { simulate } from "../../src/sim/replicate.js";
import { collectLog, config, meanMetric, metric, replicates, streamColumn } from "./helpers.js";

/** A small league: creators of varied size, every one holding a battle stream on every scheduled day. */
const league = (battle: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  config({
    horizonWeeks: 1,
    population: { poolSize: 3000, initialFollowers: 300 },
    creators: { count: 4, qualitySigma: 0.5, formats: ["battle"], schedule: { reliability: 1 } },
    formats: { battle },
    ...extra,
  });

/** Coins of each (day, round, creator) in a gift log. */
function coinsByRound(gifts: Record<string, number>[], startSecond: number, roundSeconds: number): (day: number, round: number, creator: number) => number {
  const coins = new Map<string, number>();
  for (const gift of gifts) {
    const key = `${gift.day}/${Math.floor((gift.timeSecond - startSecond) / roundSeconds)}/${gift.creator}`;
    coins.set(key, (coins.get(key) ?? 0) + gift.coins);
  }
  return (day, round, creator) => coins.get(`${day}/${round}/${creator}`) ?? 0;
}

describe("battles between creators of the world", () => {
  it("scores each round of a pair by the two audiences' real coins", () => {
    const log = collectLog();
    const simConfig = league({}, { creators: { count: 2, qualitySigma: 0.5, formats: ["battle"], schedule: { reliability: 1 } } });
    const output = runReplicate(simConfig, "pair", { eventLog: log.sink });
    const { roundSeconds } = simConfig.formats.battle;
    const coins = coinsByRound(log.gifts, simConfig.creators.schedule.startHourUtc * 3600, roundSeconds);
    // The round that ends with the stream is not scored (as for a stream alone).
    const scored = Math.floor((simConfig.creators.schedule.durationMinutes * 60) / roundSeconds) - 1;
    const days = streamColumn(output, "day");
    const creators = streamColumn(output, "creator");
    const wins = streamColumn(output, "battleRoundsWon");
    const rounds = streamColumn(output, "battleRounds");
    const repeats = streamColumn(output, "battleRepeatRounds");
    let contested = 0;
    for (let r = 0; r < days.length; r += 2) {
      // Two creators, both live every scheduled day: their streams are rows r and r + 1 of the same night.
      expect(days[r + 1]).toBe(days[r]);
      const [a, b] = [creators[r], creators[r + 1]];
      let winsA = 0;
      let winsB = 0;
      for (let round = 0; round < scored; round++) {
        const [coinsA, coinsB] = [coins(days[r], round, a), coins(days[r], round, b)];
        if (coinsA > coinsB) winsA++;
        if (coinsB > coinsA) winsB++;
        if (coinsA > 0 && coinsB > 0) contested++;
      }
      expect([rounds[r], rounds[r + 1]]).toEqual([scored, scored]);
      expect([wins[r], wins[r + 1]]).toEqual([winsA, winsB]);
      // Only the pair's very first round is fresh.
      expect(repeats[r]).toBe(r === 0 ? scored - 1 : scored);
    }
    expect(contested).toBeGreaterThan(10);
  });

  it("keeps each audience's gifts with its own creator, and money exact per creator against the ledger", () => {
    const log = collectLog();
    const { world, output } = simulate(league(), "room", { eventLog: log.sink });
    const poolStart = world.creators.poolStart;
    for (const gift of log.gifts) {
      expect(gift.viewer).toBeGreaterThanOrEqual(poolStart[gift.creator]);
      expect(gift.viewer).toBeLessThan(poolStart[gift.creator + 1]);
    }
    const creators = streamColumn(output, "creator");
    const rowCoins = streamColumn(output, "giftedCoins");
    for (let c = 0; c < world.creators.count; c++) {
      const gifts = log.gifts.filter((g) => g.creator === c);
      const coins = gifts.reduce((sum, g) => sum + g.coins, 0);
      expect(coins).toBeGreaterThan(0);
      expect(rowCoins.filter((_, r) => creators[r] === c).reduce((a, b) => a + b, 0)).toBe(coins);
      expect(world.money.ledger.giftedCoins[c]).toBe(coins);
      expect(diamondsEarned(world.money.ledger, c)).toBe(gifts.reduce((sum, g) => sum + g.diamonds, 0));
    }
    expect(output.audit).toEqual({ state: "passed", failures: [] });
    expect(metric(output, "rejectedRows")).toBe(0);
  });

  it("cools repeated pairings: repeat / fresh gifting near 1 with repeatDecay 1, well below with the default", () => {
    // Budgets that never bind, no contagion or herding: fresh rounds (early in the week) and
    // repeats (later) then differ only by the cooling.
    const steady = {
      horizonWeeks: 1,
      population: { poolSize: 3000, initialFollowers: 400, budget: { medianUsd: 1000, sigma: 0, whaleShare: 0 } },
      gifting: { budgetPacing: 0, contagion: { strength: 0 }, herding: { elasticity: 0 } },
      creators: { count: 10, formats: ["battle"], schedule: { reliability: 1 } },
    };
    const ratio = (repeatDecay: number) => meanMetric(replicates(config({ ...steady, formats: { battle: { repeatDecay, pairingWindow: 8 } } }), 3, "cooling"), "calibBattleRepeatRatio");
    const uncooled = ratio(1);
    expect(uncooled).toBeGreaterThan(0.85);
    expect(uncooled).toBeLessThan(1.15);
    expect(ratio(config({}).formats.battle.repeatDecay)).toBeLessThan(0.8 * uncooled);
  });

  it("prefers fresh pairings with freshPreference above 0, rematches below", () => {
    const repeatShare = (freshPreference: number) => {
      const outputs = replicates(league({ freshPreference }), 2, "policy");
      const total = (column: "battleRepeatRounds" | "battleRounds") => outputs.reduce((sum, o) => sum + streamColumn(o, column).reduce((a, b) => a + b, 0), 0);
      return total("battleRepeatRounds") / total("battleRounds");
    };
    expect(repeatShare(2)).toBeLessThan(repeatShare(-2));
  });

  it("is a pure function of config and seed", () => {
    const digest = () => {
      const out = runReplicate(league(), "same");
      return createHash("sha256").update(new Uint8Array(out.streams.buffer)).update(new Uint8Array(Float64Array.from(out.metrics).buffer)).digest("hex");
    };
    expect(digest()).toBe(digest());
  });

  it("leaves one-creator studies to the exogenous rival, and runs a league that way when asked", () => {
    const one = { horizonWeeks: 1, creators: { formats: ["battle"] } };
    const digest = (battle: Record<string, unknown>) => Array.from(runReplicate(config({ ...one, formats: { battle } }), "alone").streams).join();
    expect(digest({ opponents: "world" })).toBe(digest({ opponents: "exogenous" }));
    const exogenous = runReplicate(league({ opponents: "exogenous" }), "league");
    const world = runReplicate(league(), "league");
    expect(metric(exogenous, "battleRounds")).toBeGreaterThan(0);
    expect(Array.from(exogenous.streams).join()).not.toBe(Array.from(world.streams).join());
  });

  it("refuses bad pairing settings, naming the field", () => {
    let error: unknown;
    try {
      resolveSimConfig({ formats: { battle: { opponents: "both", freshPreference: 9, pairingWindow: 0 } } }, "model");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GiftsimError);
    const paths = (error as GiftsimError).problems.map((p) => p.path);
    expect(paths).toEqual(["model.formats.battle.opponents", "model.formats.battle.freshPreference", "model.formats.battle.pairingWindow"]);
  });
});
